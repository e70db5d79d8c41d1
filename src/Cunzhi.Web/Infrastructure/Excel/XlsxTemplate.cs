using System.Globalization;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// The downloadable import template: a sheet with just the headers (text columns formatted as text, so an 18-digit
/// ID number typed in stays exact; drop-downs where values are fixed), and a 填写说明 sheet with each column's rules.
/// </summary>
public static class XlsxTemplate
{
    public const string InstructionsSheet = "填写说明";

    public static Task WriteAsync(Stream destination, string sheetName, IReadOnlyList<XlsxImportColumn> columns,
        XlsxLimits? limits = null, CancellationToken ct = default)
    {
        limits ??= XlsxLimits.Default;
        var data = new XlsxSheet(sheetName,
            [.. columns.Select(c => new XlsxColumn(c.Name, c.Kind, c.Width) { AllowedValues = c.Choices })],
            Array.Empty<object?[]>());
        var rules = columns.Select(c => new object?[]
        {
            c.Name, c.Required ? "必填" : "选填", c.FormatText, string.Join("、", c.Choices), c.Example, c.Note,
        }).ToList();
        rules.Add([null, null, null, null, null, null]);
        foreach (var line in Notes(sheetName, limits))
            rules.Add([line, null, null, null, null, null]);
        var instructions = new XlsxSheet(InstructionsSheet,
            [
                new XlsxColumn("列名", Width: 18), new XlsxColumn("是否必填", Width: 10), new XlsxColumn("格式要求", Width: 30),
                new XlsxColumn("可选值", Width: 30), new XlsxColumn("示例", Width: 22), new XlsxColumn("说明", Width: 40),
            ],
            rules) { AutoFilter = false };
        return XlsxWriter.WriteAsync(destination, [data, instructions], ct);
    }

    private static IEnumerable<string> Notes(string sheetName, XlsxLimits limits) =>
    [
        $"1. 请在“{sheetName}”工作表中从第 2 行起填写，每行一条；不要修改、删除或调换表头。",
        "2. “必填”的列不能为空；有可选值的列请从下拉列表中选择；日期请填写如 2024-03-01 的格式。",
        $"3. 一次最多导入 {limits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} 行，文件不超过 {limits.MaxBytes / 1024 / 1024} MB；请保存为 .xlsx 格式后上传。",
    ];
}
