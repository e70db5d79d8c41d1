using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>Finding the expected columns in a header row, as hand-made sheets write it.</summary>
public sealed class XlsxHeaderTests
{
    private static readonly XlsxImportColumn[] Columns =
    [
        new("姓名"),
        new("身份证号") { Aliases = ["身份证号码", "公民身份号码"] },
        new("出生日期", XlsxKind.Date),
        new("联系电话", Required: false),
        new("备注(职务)", Required: false),
    ];

    private static XlsxRow Header(params string?[] texts) =>
        new(1, [.. texts.Select(t => t is null ? default : new XlsxCell(XlsxCellType.Text, t))]);

    [Fact]
    public void Columns_are_found_in_any_order_however_the_header_is_typed_or_aliased()
    {
        var map = XlsxHeader.Map(Header("出生\n日期", null, " *姓 名", "公民身份号码＊", "备注（职务）", "籍贯"), Columns);

        map.IsSuccess.ShouldBeTrue();
        map.Columns["出生日期"].ShouldBe(0);
        map.Columns["姓名"].ShouldBe(2);
        map.Columns["身份证号"].ShouldBe(3);
        map.Columns["备注(职务)"].ShouldBe(4);
        map.Columns.ContainsKey("联系电话").ShouldBeFalse(); // optional and absent: no error
        map.Ignored.ShouldBe(["籍贯"]);
    }

    [Fact]
    public void Every_missing_required_column_is_reported_by_name()
    {
        var map = XlsxHeader.Map(Header("姓名", "联系电话"), Columns);

        map.IsSuccess.ShouldBeFalse();
        map.Errors.ShouldBe([new CellError(1, "身份证号", "缺少列：身份证号"), new CellError(1, "出生日期", "缺少列：出生日期")]);
    }

    [Fact]
    public void A_column_that_appears_twice_is_reported_with_its_letters()
    {
        var map = XlsxHeader.Map(Header("姓名", "身份证号", "出生日期", "身份证号码"), Columns);

        map.Errors.ShouldBe([new CellError(1, "身份证号", "列重复：身份证号（B、D 列），请只保留一列")]);
        map.Columns.ContainsKey("身份证号").ShouldBeFalse();
    }

    [Fact]
    public void An_import_that_declares_the_same_header_twice_is_a_programming_error() =>
        Should.Throw<ArgumentException>(() => XlsxHeader.Map(Header("姓名"), [new("姓名"), new("名称") { Aliases = ["姓 名"] }]));
}
