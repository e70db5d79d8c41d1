using Cunzhi.Domain.Forms;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

/// <summary>
/// A form's submissions as the department's own sheet: one row per village, the form's fields as columns in the
/// form's order, each header with its unit (户数（户）). The sheet is named after the form; a second sheet
/// 报表说明 carries the title, department, export time and each field's unit, type and source. Only submitted copies
/// give values; the others show their status so the department sees who is missing.
/// </summary>
public static class FormExport
{
    public static XlsxDownload Build(ExportData data, TimeProvider clock)
    {
        var columns = new List<XlsxColumn> { new("乡镇（街道）", Width: 14), new("村（社区）", Width: 14), new("村代码", Width: 14), new("填报状态"), new("提交时间", XlsxKind.DateTime) };
        columns.AddRange(data.Fields.Select(f => new XlsxColumn(f.Header, f.Type switch
        {
            FieldType.Number => XlsxKind.Decimal,
            FieldType.Date => XlsxKind.Date,
            _ => XlsxKind.Text,
        })));
        var rows = data.Rows.Select(r =>
        {
            var s = r.Submission?.Status == SubmissionStatus.Submitted ? r.Submission : null;
            var values = s?.Values.ToDictionary(v => v.FieldId, v => v.Value) ?? [];
            var row = new List<object?> { r.TownName, r.VillageName ?? r.Village, r.Village, FormSubmission.StatusName(r.Submission?.Status), s?.SubmittedAtUtc is { } at ? clock.ToChina(at) : null };
            row.AddRange(data.Fields.Select(f => values.TryGetValue(f.Id, out var v) ? Typed(f, v) : null));
            return row.ToArray();
        }).ToList();

        var about = new List<object?[]>
        {
            new object?[] { "报表名称", data.Title, null, null },
            new object?[] { "发文部门", data.DepartmentName, null, null },
            new object?[] { "导出时间", clock.Show(clock.GetUtcNow().UtcDateTime), null, null },
            new object?[] { "已提交村数", data.Rows.Count(r => r.Submission?.Status == SubmissionStatus.Submitted).ToString(), null, null },
        };
        about.AddRange(data.Fields.Select((f, i) => new object?[]
        {
            $"第 {i + 1} 项", f.Label, f.Unit, BindableSources.Find(f.Binding) is { } src ? $"自动填写：来自{src.Origin}（{src.Name}）" : $"手工填写（{FormTemplate.TypeName(f.Type)}）",
        }));
        var aboutColumns = new[] { new XlsxColumn("项目", Width: 12), new XlsxColumn("内容", Width: 40), new XlsxColumn("单位", Width: 8), new XlsxColumn("来源", Width: 40) };
        var sheets = new[]
        {
            new XlsxSheet(SheetName(data.Title), columns, rows),
            new XlsxSheet("报表说明", aboutColumns, about) { AutoFilter = false },
        };
        return new XlsxDownload($"{FileName(data.Title)}-{clock.Today():yyyyMMdd}.xlsx", (stream, ct) => XlsxWriter.WriteAsync(stream, sheets, ct));
    }

    private static object? Typed(FormField f, string value) => f.Type switch
    {
        FieldType.Number when FormEntry.TryNumber(value, out var n) => n,
        FieldType.Date when DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => value,
    };

    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => "[]:*?/\\'".IndexOf(c) < 0).ToArray()).Trim();
        if (clean.Length == 0 || clean == "报表说明" || clean.Equals("History", StringComparison.OrdinalIgnoreCase)) clean = "填报汇总";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string FileName(string title) => new(title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '*' or '?' ? '_' : c).ToArray());
}
