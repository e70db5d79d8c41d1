using Cunzhi.Web.Infrastructure.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>The downloadable import template.</summary>
public sealed class XlsxTemplateTests
{
    private static readonly XlsxImportColumn[] Columns =
    [
        new("姓名") { Example = "张三" },
        new("身份证号") { Format = "18 位居民身份证号码", Example = "36092219790301001X" },
        new("出生日期", XlsxKind.Date),
        new("性别") { AllowedValues = ["男", "女"] },
        new("是否党员", XlsxKind.Boolean, Required: false) { Note = "中共党员（含预备党员）填“是”" },
    ];

    private static async Task<byte[]> TemplateAsync()
    {
        using var stream = new MemoryStream();
        await XlsxTemplate.WriteAsync(stream, "村干部", Columns);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_template_has_the_headers()
    {
        var file = await TemplateAsync();

        var header = XlsxFiles.Read(file).Single();
        Enumerable.Range(0, 5).Select(header.GetString).ShouldBe(["姓名", "身份证号", "出生日期", "性别", "是否党员"]);
    }

    [Fact]
    public async Task The_template_has_a_sheet_of_rules()
    {
        var file = await TemplateAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["村干部", "填写说明"]);
        var rules = workbook.WorksheetParts.ElementAt(1).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        rules[0].ShouldBe(["列名", "是否必填", "格式要求", "可选值", "示例", "说明"]);
        rules[1].ShouldBe(["姓名", "必填", "文本", "张三"]);
        rules[2].ShouldBe(["身份证号", "必填", "18 位居民身份证号码", "36092219790301001X"]);
        rules[3].ShouldBe(["出生日期", "必填", "日期，如 2024-03-01"]);
        rules[4].ShouldBe(["性别", "必填", "文本", "男、女"]);
        rules[5].ShouldBe(["是否党员", "选填", "是 或 否", "是、否", "中共党员（含预备党员）填“是”"]);
        rules.Skip(6).SelectMany(r => r).ShouldContain(line => line.Contains("不要修改、删除或调换表头"));
    }

    [Fact]
    public async Task Text_columns_are_formatted_as_text()
    {
        var file = await TemplateAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.First().Worksheet;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var idColumn = sheet.GetFirstChild<Columns>()!.Elements<Column>().ElementAt(1);
        formats[(int)idColumn.Style!.Value].NumberFormatId!.Value.ShouldBe(49u); // "@": a typed ID number stays exact
    }

    [Fact]
    public async Task Fixed_values_get_drop_downs()
    {
        var file = await TemplateAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        var lists = sheet.GetFirstChild<DataValidations>()!.Elements<DataValidation>().ToList();
        lists.Select(v => v.SequenceOfReferences!.InnerText).ShouldBe(["D2:D1048576", "E2:E1048576"]);
        lists.Select(v => v.Formula1!.Text).ShouldBe(["\"男,女\"", "\"是,否\""]);
        lists[0].Error!.Value.ShouldBe("请从下拉列表中选择：男、女");
    }

    [Fact]
    public async Task The_template_passes_the_Open_Xml_validator()
    {
        var file = await TemplateAsync();

        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_template_reads_back_as_header_only()
    {
        var file = await TemplateAsync();

        var result = XlsxImport.Read(new MemoryStream(file), Columns, r => r.Text("姓名"));
        result.FileError!.Problem.ShouldBe(XlsxFileProblem.HeaderOnly);
    }
}
