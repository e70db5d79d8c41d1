using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>One pass over an upload for an all-or-nothing import: every error, with row, column and a Chinese message.</summary>
public sealed class XlsxImportTests
{
    private sealed record CadreRow(int Row, string Name, string IdNumber, DateOnly Born, string Post, long? AllowanceFen, bool? PartyMember);

    private static readonly XlsxImportColumn[] Columns =
    [
        new("姓名"),
        new("身份证号") { Aliases = ["身份证号码"] },
        new("出生日期", XlsxKind.Date),
        new("职务") { AllowedValues = ["书记", "主任", "委员"] },
        new("补贴", XlsxKind.Money, Required: false),
        new("是否党员", XlsxKind.Boolean, Required: false),
    ];

    private static CadreRow? Parse(XlsxRecord r)
    {
        var name = r.Text("姓名");
        var id = r.Text("身份证号");
        if (id is not null && id.Length != 18)
            r.AddError("身份证号", "应为 18 位");
        var born = r.Date("出生日期");
        var post = r.Text("职务");
        var allowance = r.Money("补贴");
        var member = r.Bool("是否党员");
        return r.HasErrors ? null : new CadreRow(r.Row, name!, id!, born!.Value, post!, allowance, member);
    }

    private static readonly XlsxColumn[] Written =
        [new("姓名"), new("身份证号码"), new("出生日期", XlsxKind.Date), new("职务"), new("补贴", XlsxKind.Money), new("是否党员", XlsxKind.Boolean)];

    [Fact]
    public async Task A_clean_sheet_imports_every_row()
    {
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", Written,
        [
            ["张三", "36092219790301001X", new DateOnly(1979, 3, 1), "书记", 150000L, true],
            ["李四", "360922198512120021", new DateOnly(1985, 12, 12), "委员", null, null],
        ]));

        var result = XlsxImport.Read(new MemoryStream(file), Columns, Parse);

        result.IsSuccess.ShouldBeTrue();
        result.DataRows.ShouldBe(2);
        result.Items.ShouldBe(
        [
            new CadreRow(2, "张三", "36092219790301001X", new DateOnly(1979, 3, 1), "书记", 150000L, true),
            new CadreRow(3, "李四", "360922198512120021", new DateOnly(1985, 12, 12), "委员", null, null),
        ]);
    }

    [Fact]
    public async Task Every_cell_error_of_every_row_is_returned_with_its_reason()
    {
        var text = new XlsxColumn[] { new("姓名"), new("身份证号"), new("出生日期"), new("职务"), new("补贴"), new("是否党员") };
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", text,
        [
            ["张三", "36092219790301001X", "1979/3/1", "书记", "1500", "是"],
            [null, "3609", "1979-02-30", "村长", "12.345", "也许"],
            ["王五", null, null, "主任", null, null],
        ]));

        var result = XlsxImport.Read(new MemoryStream(file), Columns, Parse);

        result.IsSuccess.ShouldBeFalse();
        result.FileError.ShouldBeNull();
        result.Errors.ShouldBe(
        [
            new CellError(3, "姓名", "不能为空"),
            new CellError(3, "身份证号", "应为 18 位"),
            new CellError(3, "出生日期", "“1979-02-30”不是有效的日期，应填写如 2024-03-01 的日期"),
            new CellError(3, "职务", "“村长”不是可选的值，只能填写：书记、主任、委员"),
            new CellError(3, "补贴", "“12.345”不是有效的金额，应填写元，最多两位小数"),
            new CellError(3, "是否党员", "“也许”应填写“是”或“否”"),
            new CellError(4, "身份证号", "不能为空"),
            new CellError(4, "出生日期", "不能为空"),
        ]);
        result.Items.Select(i => i.Name).ShouldBe(["张三"]); // parsed text dates and amounts too
        result.Items[0].AllowanceFen.ShouldBe(150000L);
    }

    [Fact]
    public async Task Header_errors_stop_the_import_before_any_row()
    {
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", [new XlsxColumn("姓名"), new XlsxColumn("职务"), new XlsxColumn("籍贯")], [["张三", "书记", "万载"]]));

        var result = XlsxImport.Read(new MemoryStream(file), Columns, Parse);

        result.Errors.Select(e => e.Message).ShouldBe(["缺少列：身份证号", "缺少列：出生日期"]);
        result.DataRows.ShouldBe(0);
        result.IgnoredColumns.ShouldBe(["籍贯"]);
    }

    [Fact]
    public void Errors_are_gathered_by_row()
    {
        var errors = FourErrorsInTwoRows();

        errors.Count.ShouldBe(4);
        errors.RowCount.ShouldBe(2);
        errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "出生日期"), (2, "身份证号"), (5, "姓名"), (5, "职务")]);
    }

    [Fact]
    public void The_error_summary_lists_the_first_lines_then_counts_the_rest()
    {
        var errors = FourErrorsInTwoRows();

        errors.Summary(maxLines: 2).ShouldBe(
            "共 4 处错误，涉及 2 行，请修改后重新导入：\n第 2 行【出生日期】：不是有效的日期\n第 2 行【身份证号】：校验位不正确\n……另有 2 处错误，请下载错误清单查看");
        new CellErrors().Summary().ShouldBe("");
    }

    private static CellErrors FourErrorsInTwoRows()
    {
        var errors = new CellErrors();
        errors.Add(5, "姓名", "不能为空");
        errors.Add(2, "出生日期", "不是有效的日期");
        errors.Add(5, "职务", "只能填写：书记、主任、委员");
        errors.Add(new CellError(2, "身份证号", "校验位不正确"));
        return errors;
    }

    [Fact]
    public async Task The_error_list_downloads_as_a_valid_sheet()
    {
        var errors = new CellErrors();
        errors.Add(3, "身份证号", "校验位不正确");

        var file = await XlsxFiles.WriteAsync(errors.ToSheet());

        var rows = XlsxFiles.Read(file);
        rows.Select(r => r.GetString(2)).ShouldBe(["问题", "校验位不正确"]);
        rows[1].TryGetInt(0, out var row).ShouldBeTrue();
        row.ShouldBe(3);
        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }
}
