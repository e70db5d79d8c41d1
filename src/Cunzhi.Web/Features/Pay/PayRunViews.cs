using System.Security.Cryptography;
using System.Text;
using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

public sealed record RunSummary(long Id, string Town, string TownName, int Year, int Month, PayrollState State, int LineCount, long TotalFen, int MissingScores,
    string ComputedBy, DateTime ComputedAtUtc);

public sealed record PayLineView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, string PostCode, string PostName, PayLineKind Kind,
    int? Rank, int Days, int DaysInMonth, decimal? Score, decimal? Coefficient, long BaseFen, long AllowanceFen, long PerformanceFen, long RewardFen,
    long RetirementFen, long AdjustmentFen, long TotalFen, string Explanation, string? Warning, long? AdjustsLineId, long? AdjustsRunId, string? Reason);

/// <summary>Sum of each part over the whole run.</summary>
public sealed record RunTotals(long BaseFen, long AllowanceFen, long PerformanceFen, long RewardFen, long RetirementFen, long AdjustmentFen, long TotalFen);

public sealed record RunView(long Id, string Town, string TownName, int Year, int Month, PayrollState State, int SettingsVersion, int? RankPolicyVersion,
    long AllowanceStepFen, int LineCount, long TotalFen, int MissingScores, IReadOnlyList<string> Warnings, string? ReturnReason,
    string ComputedBy, DateTime ComputedAtUtc, string? ReviewedBy, DateTime? ReviewedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc,
    string? LockedBy, DateTime? LockedAtUtc, RunTotals Totals, Paged<PayLineView> Lines);

/// <summary>工资发放批次 as they are read: the list, one run with its totals and lines, the villages of a run, every line for the export.</summary>
public sealed class PayRunViews(AppDbContext db)
{
    private IQueryable<RunSummary> Summaries(IQueryable<PayrollRun> q) => q.Select(r => new RunSummary(r.Id, r.RegionCode,
        db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefault() ?? r.RegionCode,
        r.Year, r.Month, r.State, r.LineCount, r.TotalFen, r.MissingScores, r.ComputedBy, r.ComputedAtUtc));

    public Task<Paged<RunSummary>> ListAsync(string? town, int? year, int? month, PayrollState? state, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<PayrollRun>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(town)) q = q.Where(r => r.RegionCode == town.Trim());
        if (year is { } y) q = q.Where(r => r.Year == y);
        if (month is { } m) q = q.Where(r => r.Month == m);
        if (state is { } s) q = q.Where(r => r.State == s);
        return Summaries(q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.RegionCode)).ToPagedAsync(page, ct);
    }

    public async Task<RunView?> GetAsync(long id, string? village, PageRequest page, CancellationToken ct = default)
    {
        var r = await db.Set<PayrollRun>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var lines = db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == id);
        var totals = await lines.GroupBy(l => 1).Select(g => new RunTotals(g.Sum(l => l.BaseFen), g.Sum(l => l.AllowanceFen), g.Sum(l => l.PerformanceFen),
            g.Sum(l => l.RewardFen), g.Sum(l => l.RetirementFen), g.Sum(l => l.AdjustmentFen), g.Sum(l => l.TotalFen))).ToListAsync(ct) is [var sums] ? sums : new RunTotals(0, 0, 0, 0, 0, 0, 0);
        if (!string.IsNullOrWhiteSpace(village)) lines = lines.Where(l => l.RegionCode == village.Trim());
        var paged = await LineViews(lines.OrderBy(l => l.RegionCode).ThenBy(l => l.Kind).ThenBy(l => l.CadreId).ThenBy(l => l.Id)).ToPagedAsync(page, ct);
        var townName = await db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? r.RegionCode;
        return new(r.Id, r.RegionCode, townName, r.Year, r.Month, r.State, r.SettingsVersion, r.RankPolicyVersion, r.AllowanceStepFen, r.LineCount, r.TotalFen,
            r.MissingScores, r.Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.ReturnReason, r.ComputedBy, r.ComputedAtUtc, r.ReviewedBy, r.ReviewedAtUtc,
            r.ApprovedBy, r.ApprovedAtUtc, r.LockedBy, r.LockedAtUtc, totals, paged);
    }

    /// <summary>The villages that have lines in a run, in sheet order (the run page's village filter).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> VillagesAsync(long runId, CancellationToken ct = default)
    {
        var codes = await db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == runId).Select(l => l.RegionCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return codes.Select(c => (c, names.GetValueOrDefault(c, c))).ToList();
    }

    private IQueryable<PayLineView> LineViews(IQueryable<PayLine> q) => q.Select(l => new PayLineView(l.Id, l.CadreId, l.CadreName, l.RegionCode,
        db.Regions.Where(x => x.Code == l.RegionCode).Select(x => x.Name).FirstOrDefault() ?? l.RegionCode, l.PostCode, l.PostCode, l.Kind,
        l.Rank, l.Days, l.DaysInMonth, l.Score, l.CoefficientPermille == null ? null : l.CoefficientPermille / 1000m, l.BaseFen, l.AllowanceFen, l.PerformanceFen,
        l.RewardFen, l.RetirementFen, l.AdjustmentFen, l.TotalFen, l.Explanation, l.Warning, l.AdjustsLineId, l.AdjustsRunId, l.Reason));

    /// <summary>Every line of a run in sheet order, for the export and the print sheet.</summary>
    public async Task<(RunView Run, IReadOnlyList<PayLineView> Lines)?> AllLinesAsync(long id, CancellationToken ct = default)
    {
        if (await GetAsync(id, null, new PageRequest(1, 1), ct) is not { } run) return null;
        var lines = await LineViews(db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == id)
            .OrderBy(l => l.RegionCode).ThenBy(l => l.Kind).ThenBy(l => l.CadreId).ThenBy(l => l.Id)).ToListAsync(ct);
        return (run, lines.Select(l => l with { PostName = PayNames.Post(l.PostCode) }).ToList());
    }

    /// <summary>Refuses a reward for a month whose run in that town is past draft.</summary>
    internal async Task EnsureMonthOpenAsync(string village, int year, int month, CancellationToken ct)
    {
        var town = RegionCodes.ParentOf(village);
        var state = await ScopeGateway.TownPayrollStateAsync(db, town, year, month, ct);
        if (state is { } st && st != PayrollState.Draft)
            throw new RuleException($"{year} 年 {month} 月的工资批次已{PayNames.State(st)[1..]}，不能再加入奖励；请选择以后的月份");
    }
}
