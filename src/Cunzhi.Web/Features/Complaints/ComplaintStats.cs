using Cunzhi.Data;
using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报统计 for the account's region: open complaints by age (<see cref="ComplaintRules.AgeBuckets"/>, from the filing
/// date to today, China time) and concluded ones by outcome.
/// </summary>
public sealed class ComplaintStats(AppDbContext db, TimeProvider clock)
{
    /// <summary>The figures, counted from the complaints in scope.</summary>
    public async Task<ComplaintStatistics> ComputeAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var byState = await db.Set<Complaint>().AsNoTracking().GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var openFiled = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Investigating)
            .GroupBy(c => c.FiledOn).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var outcomes = await db.Set<Complaint>().AsNoTracking().Where(c => c.State == ComplaintState.Concluded)
            .GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ages = new int[ComplaintRules.AgeBuckets.Count];
        foreach (var f in openFiled) ages[ComplaintRules.AgeBucket(f.Key, today)] += f.Count;
        var open = ages.Sum();
        return new(
            ComplaintRules.AgeBuckets.Select((b, i) => new ComplaintCount(b.Label, ages[i])).ToList(),
            Enum.GetValues<ComplaintOutcome>().Select(o => new ComplaintCount(ComplaintRules.OutcomeName(o), outcomes.Where(x => x.Key == o).Sum(x => x.Count))).ToList(),
            open, byState.Where(x => x.Key == ComplaintState.Refused).Sum(x => x.Count), byState.Sum(x => x.Count));
    }

    /// <summary>The figures as a workbook: 未办结（按时长）, 已办结（按调查结果）, the same numbers as the page.</summary>
    public async Task<XlsxDownload> ExportAsync(CancellationToken ct = default)
    {
        var f = await ComputeAsync(ct);
        XlsxColumn[] columns = [new("项目", Width: 20), new("件数", XlsxKind.Integer)];
        IEnumerable<object?[]> Lines(IEnumerable<ComplaintCount> counts) => counts.Select(c => new object?[] { c.Label, c.Count });
        var totals = new List<object?[]> { new object?[] { "全部举报", f.Total }, new object?[] { "未办结", f.Open }, new object?[] { "不予受理", f.Refused } };
        return new XlsxDownload($"信访举报统计-{clock.Today():yyyyMMdd}.xlsx", (stream, token) => XlsxWriter.WriteAsync(stream,
        [
            new XlsxSheet("未办结（按时长）", columns, Lines(f.OpenByAge)),
            new XlsxSheet("已办结（按调查结果）", columns, Lines(f.ByOutcome)),
            new XlsxSheet("合计", columns, totals),
        ], token));
    }
}
