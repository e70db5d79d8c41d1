using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Training;

/// <summary>
/// The attendance sheet of a session as Excel: downloaded with every enrolled cadre (干部编号, 姓名, 村, 职务, 出勤, 学时),
/// filled in on paper's behalf and uploaded back. The upload is checked row by row (第 N 行：…) and then marked through
/// <see cref="TrainingSessions.MarkAsync"/>: every row or none.
/// </summary>
public sealed class TrainingAttendanceSheets(TrainingSessions sessions, TimeProvider clock)
{
    /// <summary>Most rows in one sheet.</summary>
    public const int MaxRows = 2000;

    private static readonly XlsxColumn[] Columns = [new("干部编号", XlsxKind.Integer), new("姓名", Width: 10), new("村（社区）", Width: 16), new("职务", Width: 16),
        new("出勤（出勤/缺勤）", Width: 14), new("学时", XlsxKind.Decimal)];

    /// <summary>The sheet of a session in scope (null when not found): attendance already marked is filled in, otherwise 出勤 and the session's hours.</summary>
    public async Task<XlsxDownload?> SheetAsync(long id, CancellationToken ct = default)
    {
        if (await sessions.GetAsync(id, ct) is not { } s) return null;
        var rows = new List<object?[]>();
        for (var page = 1; ; page++)
        {
            var p = (await sessions.EnrolmentsAsync(id, new PageRequest(page, PageRequest.MaxSize), ct))!;
            rows.AddRange(p.Items.Select(e => new object?[]
            {
                e.CadreId, e.CadreName, e.VillageName, CadreNames.Post(e.PostCode), e.Attended == false ? "缺勤" : "出勤", e.Attended is null ? s.Hours : e.CreditedHours,
            }));
            if (page >= p.PageCount || rows.Count >= MaxRows) break;
        }
        return new XlsxDownload($"培训出勤-{s.Title}-{clock.Today():yyyyMMdd}.xlsx", (stream, token) => XlsxWriter.WriteAsync(stream, [new XlsxSheet("出勤登记", Columns, rows)], token));
    }

    /// <summary>Reads an uploaded sheet into attendance lines; every row's problem is reported (第 N 行), nothing is marked when any.</summary>
    public static IReadOnlyList<AttendanceLine> Read(Stream stream)
    {
        var opened = XlsxReader.Open(stream);
        if (!opened.IsSuccess) throw new RuleException("training.sheet", "File", opened.Error!.Message);
        using var reader = opened.Reader!;
        var lines = new List<AttendanceLine>();
        var problems = new List<RuleProblem>();
        foreach (var row in reader.ReadRows())
        {
            if (row.Number == 1) continue;
            if (Enumerable.Range(0, 6).All(row.IsBlank)) continue;
            if (lines.Count + problems.Count >= MaxRows) { problems.Add(new("training.sheet", "File", $"一次最多登记 {MaxRows} 人")); break; }
            var where = $"第 {row.Number} 行";
            if (!row.TryGetLong(0, out var cadre) || cadre <= 0) { problems.Add(new("training.sheet", "File", $"{where}：干部编号有误")); continue; }
            bool attended;
            switch (row.GetString(4)?.Trim())
            {
                case "出勤" or "是" or "1": attended = true; break;
                case "缺勤" or "否" or "0": attended = false; break;
                default: problems.Add(new("training.sheet", "File", $"{where}：出勤一栏须填“出勤”或“缺勤”")); continue;
            }
            decimal? hours = null;
            if (!row.IsBlank(5))
            {
                if (!row.TryGetDecimal(5, out var h)) { problems.Add(new("training.sheet", "File", $"{where}：学时须为数字")); continue; }
                hours = h;
            }
            lines.Add(new AttendanceLine(cadre, attended, hours));
        }
        RuleException.ThrowIfAny(problems);
        if (lines.Count == 0) throw new RuleException("training.sheet", "File", "表格中没有出勤记录");
        return lines;
    }

    /// <summary>Marks a session from an uploaded sheet (null when the session is not found); all rows or none.</summary>
    public async Task<SessionView?> ImportAsync(long id, IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0) throw new RuleException("training.sheet", "File", "请选择出勤登记表（.xlsx）");
        await using var stream = file.OpenReadStream();
        return await sessions.MarkAsync(id, new MarkAttendance(Read(stream)), ct);
    }
}
