using System.Diagnostics;
using System.IO.Compression;
using Cunzhi.Web.Infrastructure.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit.Abstractions;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>What the writer produces, read back through our reader and through the Open XML SDK.</summary>
public sealed class XlsxWriterTests(ITestOutputHelper output)
{
    private static readonly XlsxColumn[] AllKinds =
    [
        new("姓名"), new("年龄", XlsxKind.Integer), new("工号", XlsxKind.Integer), new("系数", XlsxKind.Decimal),
        new("补贴", XlsxKind.Money), new("出生日期", XlsxKind.Date), new("登记时间", XlsxKind.DateTime),
        new("党员", XlsxKind.Boolean), new("备注"),
    ];

    private static object?[][] AllKindsRows =>
    [
        ["张三", 45, 1234567890123L, 1.25m, 123456L, new DateOnly(1979, 3, 1), new DateTime(2024, 3, 1, 8, 30, 15), true, "村委会主任（兼）"],
        ["李四", null, null, null, null, new DateOnly(2000, 2, 29), null, false, ""],
    ];

    [Fact]
    public async Task Every_kind_of_cell_reads_back_as_written()
    {
        var rows = XlsxFiles.Read(await XlsxFiles.WriteAsync(new XlsxSheet("村干部", AllKinds, AllKindsRows)));

        rows.Count.ShouldBe(3);
        var header = rows[0];
        header.Number.ShouldBe(1);
        Enumerable.Range(0, AllKinds.Length).Select(header.GetString).ShouldBe(AllKinds.Select(c => c.Header));

        var first = rows[1];
        first.Number.ShouldBe(2);
        first.GetString(0).ShouldBe("张三");
        first.TryGetInt(1, out var age).ShouldBeTrue();
        age.ShouldBe(45);
        first.TryGetLong(2, out var number).ShouldBeTrue();
        number.ShouldBe(1234567890123L);
        first.TryGetDecimal(3, out var factor).ShouldBeTrue();
        factor.ShouldBe(1.25m);
        first.TryGetMoney(4, out var fen).ShouldBeTrue();
        fen.ShouldBe(123456L);
        first[4].Type.ShouldBe(XlsxCellType.Number);
        first[5].Type.ShouldBe(XlsxCellType.Date);
        first.TryGetDate(5, out var born).ShouldBeTrue();
        born.ShouldBe(new DateOnly(1979, 3, 1));
        first[6].Type.ShouldBe(XlsxCellType.Date);
        first.GetString(6).ShouldBe("2024-03-01 08:30:15");
        first.GetString(7).ShouldBe("是");
        first.TryGetBool(7, out var member).ShouldBeTrue();
        member.ShouldBeTrue();
        first.GetString(8).ShouldBe("村委会主任（兼）");

        var second = rows[2];
        second.TryGetDate(5, out var leapDay).ShouldBeTrue();
        leapDay.ShouldBe(new DateOnly(2000, 2, 29));
        second.TryGetBool(7, out var notMember).ShouldBeTrue();
        notMember.ShouldBeFalse();
    }

    [Fact]
    public async Task Empty_cells_in_the_middle_of_a_row_leave_gaps_without_shifting_later_columns()
    {
        var rows = XlsxFiles.Read(await XlsxFiles.WriteAsync(new XlsxSheet("村干部", AllKinds, AllKindsRows)));

        var second = rows[2];
        second.GetString(0).ShouldBe("李四");
        foreach (var gap in new[] { 1, 2, 3, 4, 6 })
        {
            second.IsBlank(gap).ShouldBeTrue();
            second[gap].Type.ShouldBe(XlsxCellType.Empty);
            second.GetString(gap).ShouldBeNull();
        }
        second.GetString(7).ShouldBe("否");
        second["H"].GetString().ShouldBe("否");
        // An empty string is no cell at all, so the row ends at the last value.
        second.ColumnCount.ShouldBe(8);
        second.IsBlank(8).ShouldBeTrue();
    }

    [Fact]
    public async Task Text_columns_keep_long_digit_strings_exact()
    {
        var rows = XlsxFiles.Read(await TextColumnsFileAsync());

        rows[1][0].Type.ShouldBe(XlsxCellType.Text);
        rows[1].GetString(0).ShouldBe("36092219790301001X");
        rows[1].GetString(2).ShouldBe("360922197903010011"); // a long written into a text column is text
        rows[2].GetString(0).ShouldBe("360922197903010011");
        rows[2].GetString(2).ShouldBe("0012");
    }

    [Fact]
    public async Task Text_columns_keep_leading_and_trailing_spaces()
    {
        var rows = XlsxFiles.Read(await TextColumnsFileAsync());

        rows[1][1].Raw.ShouldBe("  前后有空格  ");
    }

    [Fact]
    public async Task Text_columns_drop_characters_xml_cannot_hold()
    {
        var file = await TextColumnsFileAsync();

        XlsxFiles.Read(file)[2].GetString(1).ShouldBe("换行\n第二行");
        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }

    private static Task<byte[]> TextColumnsFileAsync() => XlsxFiles.WriteAsync(new XlsxSheet("名单",
        [new XlsxColumn("身份证号"), new XlsxColumn("备注"), new XlsxColumn("编号")],
        [["36092219790301001X", "  前后有空格  ", 360922197903010011L], ["360922197903010011", "换行\n第二行\u0001\u0008", "0012"]]));

    [Fact]
    public async Task Header_row_is_frozen()
    {
        using var document = await FourColumnDocumentAsync();
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        pane.TopLeftCell!.Value.ShouldBe("A2");
    }

    [Fact]
    public async Task Header_row_is_bold()
    {
        using var document = await FourColumnDocumentAsync();
        var workbook = document.WorkbookPart!;
        var worksheet = workbook.WorksheetParts.Single().Worksheet;

        var headerCell = worksheet.Descendants<Row>().First().Elements<Cell>().First();
        var headerFormat = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headerCell.StyleIndex!.Value);
        workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value).Bold.ShouldNotBeNull();
    }

    [Fact]
    public async Task Columns_are_sized_to_their_content_unless_a_width_is_given()
    {
        using var document = await FourColumnDocumentAsync();
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        widths[0].ShouldBeGreaterThanOrEqualTo(10);        // four CJK characters
        widths[1].ShouldBeGreaterThanOrEqualTo(20);        // the 18-character sample value, not just the header
        widths[2].ShouldBeGreaterThanOrEqualTo(12);        // a date
        widths[3].ShouldBe(44);                            // as asked
    }

    [Fact]
    public async Task The_data_can_be_filtered()
    {
        using var document = await FourColumnDocumentAsync();
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe("A1:D2");
    }

    private static async Task<SpreadsheetDocument> FourColumnDocumentAsync()
    {
        var columns = new XlsxColumn[] { new("姓名"), new("身份证号"), new("出生日期", XlsxKind.Date), new("说明", Width: 44) };
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", columns,
            [["欧阳修文", "36092219790301001X", new DateOnly(1979, 3, 1), "x"]]));
        return SpreadsheetDocument.Open(new MemoryStream(file), false);
    }

    [Fact]
    public async Task Several_sheets_are_written()
    {
        var file = await TwoSheetFileAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(file), false))
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["村干部", "汇总"]);
        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reader_reads_the_first_of_several_sheets()
    {
        var file = await TwoSheetFileAsync();

        XlsxFiles.Read(file).Select(r => r.GetString(0)).ShouldBe(["姓名", "张三"]);
    }

    private static Task<byte[]> TwoSheetFileAsync() => XlsxFiles.WriteAsync(
        new XlsxSheet("村干部", [new XlsxColumn("姓名")], [["张三"]]),
        new XlsxSheet("汇总", [new XlsxColumn("人数", XlsxKind.Integer)], [[1]]));

    [Fact]
    public async Task Rows_from_an_async_source_go_to_a_body_that_refuses_synchronous_writes()
    {
        static async IAsyncEnumerable<object?[]> Query()
        {
            for (var i = 1; i <= 5000; i++)
            {
                if (i % 1000 == 0)
                    await Task.Yield();
                yield return [i, $"村民{i}"];
            }
        }

        var body = new AsyncOnlyStream();
        await XlsxWriter.WriteAsync(body, new XlsxSheet("村民", [new XlsxColumn("序号", XlsxKind.Integer), new XlsxColumn("姓名")], Query()));

        var rows = XlsxFiles.Read(body.ToArray());
        rows.Count.ShouldBe(5001);
        rows[^1].GetString(1).ShouldBe("村民5000");
    }

    [Fact]
    public async Task Writer_output_passes_the_Open_Xml_validator()
    {
        var file = await XlsxFiles.WriteAsync(
            new XlsxSheet("村干部", AllKinds, AllKindsRows),
            new XlsxSheet("选项", [new XlsxColumn("性别") { AllowedValues = ["男", "女"] }], Array.Empty<object?[]>()) { AutoFilter = false });

        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_package_starts_with_its_content_types_so_file_type_sniffers_see_a_workbook()
    {
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", [new XlsxColumn("姓名")], [["张三"]]));

        using var zip = new ZipArchive(new MemoryStream(file));
        zip.Entries[0].FullName.ShouldBe("[Content_Types].xml");
        zip.Entries.Select(e => e.FullName).ShouldContain("xl/worksheets/sheet1.xml");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_for_its_column_is_refused()
    {
        var sheet = new XlsxSheet("村干部", [new XlsxColumn("出生日期", XlsxKind.Date)], [["1979-03-01"]]);

        var error = await Should.ThrowAsync<ArgumentException>(() => XlsxWriter.WriteAsync(new MemoryStream(), sheet));
        error.Message.ShouldContain("出生日期");
    }

    [Theory]
    [InlineData("")]
    [InlineData("汇总[1]")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二")]
    public void Sheet_names_Excel_refuses_are_refused(string name) =>
        Should.Throw<ArgumentException>(() => new XlsxSheet(name, [new XlsxColumn("姓名")], Array.Empty<object?[]>()));

    [Fact]
    public async Task A_100000_row_workbook_reads_back_completely()
    {
        const int count = 100_000;
        XlsxColumn[] columns =
        [
            new("序号", XlsxKind.Integer), new("姓名"), new("身份证号"), new("出生日期", XlsxKind.Date),
            new("职级补贴", XlsxKind.Money), new("是否在职", XlsxKind.Boolean), new("所在村"),
        ];
        var born = new DateOnly(1960, 1, 1);
        IEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= count; i++)
                yield return [i, $"村干部{i}", $"360922{i:D12}", born.AddDays(i % 15000), i * 100L + 55, i % 3 != 0, i % 7 == 0 ? null : "闹坪村"];
        }

        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, new XlsxSheet("村干部", columns, Rows()));
        var written = clock.Elapsed;

        var opened = XlsxReader.Open(new MemoryStream(stream.ToArray()));
        opened.IsSuccess.ShouldBeTrue();
        using var reader = opened.Reader;
        var read = 0;
        XlsxRow? last = null;
        foreach (var row in reader.ReadRows())
        {
            read++;
            last = row;
        }
        output.WriteLine($"100,000 rows: {stream.Length / 1024} KB, write {written.TotalSeconds:0.00} s, read {(clock.Elapsed - written).TotalSeconds:0.00} s");

        read.ShouldBe(count + 1);
        last!.Number.ShouldBe(count + 1);
        last.TryGetLong(0, out var serial).ShouldBeTrue();
        serial.ShouldBe(count);
        last.GetString(1).ShouldBe($"村干部{count}");
        last.GetString(2).ShouldBe($"360922{count:D12}");
        last.TryGetDate(3, out var date).ShouldBeTrue();
        date.ShouldBe(born.AddDays(count % 15000));
        last.TryGetMoney(4, out var fen).ShouldBeTrue();
        fen.ShouldBe(count * 100L + 55);
        last.GetString(5).ShouldBe(count % 3 != 0 ? "是" : "否");
        last.GetString(6).ShouldBe("闹坪村");
    }
}
