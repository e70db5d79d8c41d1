using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Visits;

/// <summary>A round as listed: its town, dates, and households planned and visited (in the reader's scope: a village sees its own).</summary>
public sealed record RoundView(long Id, string TownCode, string TownName, string Name, DateOnly FromDate, DateOnly ToDate, int Planned, int Visited, string CreatedBy, int Version)
{
    /// <summary>Visited ÷ planned.</summary>
    public VisitCoverage Coverage => new(Planned, Visited);
}

/// <summary>A town staff account who can be sent on visits.</summary>
public sealed record OfficialView(string UserName, string DisplayName);

/// <summary>One household of a round with its official, as the town sees it for reassigning.</summary>
public sealed record AssignmentView(long Id, long RoundId, long HouseholdId, string VillageCode, string? VillageName, string? GroupName, string Number, string HeadName,
    string Official, string OfficialName, bool Visited, int Version) : IVersionedView;

/// <summary>
/// Plans a round: its name and dates (China dates, inclusive), the town's villages whose registered households are to be
/// visited, and the officials to share them (town staff accounts; none listed: every staff account of the town).
/// </summary>
public sealed record PlanRound(string? Name, DateOnly FromDate, DateOnly ToDate, IReadOnlyList<string>? Villages, IReadOnlyList<string>? Officials);

/// <summary>Gives a household of a round to another official of the town; carries the assignment's version.</summary>
public sealed record Reassign(string? Official) : IVersionedCommand
{
    /// <summary>The assignment's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class PlanRoundValidator : AbstractValidator<PlanRound>
{
    public PlanRoundValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写本轮走访的名称").MaximumLength(VisitRound.MaxName).WithMessage($"名称不能超过 {VisitRound.MaxName} 个字");
        RuleFor(c => c.FromDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写开始日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.ToDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写结束日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.Villages).Must(v => v is { Count: > 0 }).WithMessage("请至少选择一个村").Must(v => v is null || v.Count <= 500).WithMessage("一次最多选择 500 个村");
        RuleFor(c => c.Officials).Must(o => o is null || o.Count <= 200).WithMessage("一次最多选择 200 名干部");
    }
}

public sealed class ReassignValidator : AbstractValidator<Reassign>
{
    public ReassignValidator() => RuleFor(c => c.Official).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("请选择走访干部").MaximumLength(256).WithMessage("账号名过长");
}

/// <summary>
/// 走访安排: a town plans a round (households from the registry shared among its officials by <see cref="VisitRules.Share"/>)
/// and reassigns a household; everyone reads the rounds in their scope (a village: its town's rounds that reach it).
/// </summary>
public sealed class VisitPlanning(AppDbContext db, TimeProvider clock)
{
    public const string RoundNotFound = "未找到该走访轮次（或不在您的管辖范围内）";
    public const string AssignmentNotFound = "未找到该走访分工（或不在您的管辖范围内）";

    /// <summary>Rounds readable by the account: through the filters, or for a village its own town's rounds that have its households.</summary>
    internal IQueryable<VisitRound> Rounds()
    {
        var rounds = ScopeGateway.OwnTownVisitRounds(db);
        if (RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Village)
            rounds = rounds.Where(r => db.Set<VisitAssignment>().Any(a => a.RoundId == r.Id));
        return rounds;
    }

    private IQueryable<RoundView> Views(IQueryable<VisitRound> q) => q.Select(r => new RoundView(r.Id, r.RegionCode, "", r.Name, r.FromDate, r.ToDate,
        db.Set<VisitAssignment>().Count(a => a.RoundId == r.Id),
        db.Set<VisitRecord>().Where(v => v.RoundId == r.Id).Select(v => v.HouseholdId).Distinct().Count(),
        r.CreatedBy, r.RowVersion));

    private async Task<List<RoundView>> NamedAsync(IReadOnlyList<RoundView> views, CancellationToken ct)
    {
        var towns = views.Select(v => v.TownCode).Distinct().ToList();
        var names = await ScopeGateway.PublicRegions(db).Where(r => towns.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return views.Select(v => v with { TownName = names.GetValueOrDefault(v.TownCode) ?? v.TownCode }).ToList();
    }

    /// <summary>The rounds in scope (optionally under a region), latest first (paged).</summary>
    public async Task<Paged<RoundView>> ListAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        var q = Rounds();
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is RegionLevel.County or RegionLevel.Town)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(r => r.RegionCode.StartsWith(prefix));
        }
        var paged = await Views(q.OrderByDescending(r => r.FromDate).ThenByDescending(r => r.Id)).ToPagedAsync(page, ct);
        return paged with { Items = await NamedAsync(paged.Items, ct) };
    }

    /// <summary>The rounds of <paramref name="q"/> (already in scope), latest first, at most <see cref="PageRequest.MaxSize"/>.</summary>
    internal async Task<List<RoundView>> ViewsAsync(IQueryable<VisitRound> q, CancellationToken ct) =>
        await NamedAsync(await Views(q.OrderByDescending(r => r.FromDate).ThenByDescending(r => r.Id)).Take(PageRequest.MaxSize).ToListAsync(ct), ct);

    /// <summary>
    /// As <see cref="ViewsAsync"/> for a chooser that shows only each round's name and dates: no town names and no counts
    /// are read (TownName is the town's code, Planned and Visited are 0). One plain read instead of a read with two
    /// subqueries a round and a second read for the names.
    /// </summary>
    internal async Task<List<RoundView>> ChoicesAsync(IQueryable<VisitRound> q, CancellationToken ct) =>
        await q.OrderByDescending(r => r.FromDate).ThenByDescending(r => r.Id).Take(PageRequest.MaxSize)
            .Select(r => new RoundView(r.Id, r.RegionCode, r.RegionCode, r.Name, r.FromDate, r.ToDate, 0, 0, r.CreatedBy, r.RowVersion)).ToListAsync(ct);

    /// <summary>One round in scope, or null.</summary>
    public async Task<RoundView?> GetAsync(long id, CancellationToken ct = default) =>
        await Views(Rounds().Where(r => r.Id == id)).FirstOrDefaultAsync(ct) is { } v ? (await NamedAsync([v], ct))[0] : null;

    /// <summary>The staff accounts (乡镇组织委员 and other town-level accounts of that role) of <paramref name="town"/>, by user name.</summary>
    public async Task<IReadOnlyList<OfficialView>> OfficialsAsync(string? town = null, CancellationToken ct = default)
    {
        var code = town ?? RegionCodes.TownOf(db.User.RegionCode);
        if (code is null || RegionCodes.LevelOf(code) != RegionLevel.Town || !RegionCodes.IsWithin(code, db.User.RegionCode) && !db.User.IsSystem) return [];
        return await db.Users.AsNoTracking()
            .Where(u => u.RegionCode == code && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.TownAdmin)))
            .OrderBy(u => u.UserName).Select(u => new OfficialView(u.UserName!, u.DisplayName == "" ? u.UserName! : u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// Plans a round in the account's town: checks the name, dates, villages (of this town) and officials (its staff
    /// accounts), shares the villages' registered households among the officials and saves the round with its
    /// assignments in one save, with one summary event (households per official).
    /// </summary>
    public async Task<RoundView> PlanAsync(PlanRound c, CancellationToken ct = default)
    {
        var town = db.User.RegionCode;
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) throw new RuleException("走访由乡镇安排，请使用乡镇账号");
        var villages = (c.Villages ?? []).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var staff = await OfficialsAsync(town, ct);
        var officials = (c.Officials is { Count: > 0 } o ? o.Select(x => x.Trim()).ToList() : staff.Select(s => s.UserName).ToList());
        RuleException.ThrowIfAny(VisitRules.RoundProblems(c.Name, c.FromDate, c.ToDate, villages.Count, officials.Count));

        var ofTown = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village && villages.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        var problems = new List<RuleProblem>();
        foreach (var v in villages.Where(v => !ofTown.Contains(v)))
            problems.Add(new("visits.village", "Villages", $"{v} 不是本乡镇的村"));
        var known = staff.Select(s => s.UserName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in officials.Where(n => !known.Contains(n)).Distinct())
            problems.Add(new("visits.official", "Officials", $"{name} 不是本乡镇的干部账号"));
        RuleException.ThrowIfAny(problems);

        var households = await db.Households.AsNoTracking().Where(h => villages.Contains(h.RegionCode))
            .OrderBy(h => h.RegionCode).ThenBy(h => h.GroupCode).ThenBy(h => h.Number).ThenBy(h => h.Id)
            .Select(h => new PlannedHousehold(h.Id, h.RegionCode, h.GroupCode)).ToListAsync(ct);
        var shares = VisitRules.Share(households, officials);

        var round = new VisitRound
        {
            RegionCode = town, Name = c.Name!.Trim(), FromDate = c.FromDate, ToDate = c.ToDate, CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Assignments = shares.Select(s => new VisitAssignment
            {
                RegionCode = s.Household.VillageCode, GroupCode = s.Household.GroupCode, HouseholdId = s.Household.HouseholdId, Official = s.Official,
            }).ToList(),
        };
        db.Add(round);
        var summary = new
        {
            Round = round.Name, round.FromDate, round.ToDate, Villages = villages.Count, Households = shares.Count,
            PerOfficial = shares.GroupBy(s => s.Official).ToDictionary(g => g.Key, g => g.Count()),
        };
        db.RecordEvent("VisitsPlanned", nameof(VisitAssignment), round.Name, town, JsonSerializer.Serialize(summary, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return (await GetAsync(round.Id, ct))!;
    }

    /// <summary>The households of a round in scope with their officials (by village, group, household; filters by village and official; paged). Null when the round is not found.</summary>
    public async Task<Paged<AssignmentView>?> AssignmentsAsync(long roundId, string? village, string? official, PageRequest page, CancellationToken ct = default)
    {
        if (!await Rounds().AnyAsync(r => r.Id == roundId, ct)) return null;
        var q = db.Set<VisitAssignment>().AsNoTracking().Where(a => a.RoundId == roundId);
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(a => a.RegionCode == village.Trim());
        if (!string.IsNullOrWhiteSpace(official)) q = q.Where(a => a.Official == official.Trim());
        var paged = await AssignmentViews(q.OrderBy(a => a.RegionCode).ThenBy(a => a.GroupCode).ThenBy(a => a.HouseholdId)).ToPagedAsync(page, ct);
        return paged with { Items = await NamedAsync(paged.Items, ct) };
    }

    private IQueryable<AssignmentView> AssignmentViews(IQueryable<VisitAssignment> q) => q.Select(a => new AssignmentView(a.Id, a.RoundId, a.HouseholdId, a.RegionCode,
        db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault(),
        db.Regions.Where(r => r.Code == a.GroupCode).Select(r => r.Name).FirstOrDefault(),
        db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Number).FirstOrDefault() ?? "",
        db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.HeadName).FirstOrDefault() ?? "",
        a.Official, "", db.Set<VisitRecord>().Any(v => v.RoundId == a.RoundId && v.HouseholdId == a.HouseholdId), a.RowVersion));

    private async Task<List<AssignmentView>> NamedAsync(IReadOnlyList<AssignmentView> items, CancellationToken ct)
    {
        var names = await OfficialNamesAsync(items.Select(i => i.Official), ct);
        return items.Select(i => i with { OfficialName = names.GetValueOrDefault(i.Official) ?? i.Official }).ToList();
    }

    internal async Task<Dictionary<string, string>> OfficialNamesAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        var wanted = userNames.Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName == "" ? u.UserName! : u.DisplayName, StringComparer.Ordinal, ct);
    }

    /// <summary>Gives a household to another official of the round's town (null when not found in scope); a stale version is 409; one event records it.</summary>
    public async Task<AssignmentView?> ReassignAsync(long id, Reassign c, CancellationToken ct = default)
    {
        if (await db.Set<VisitAssignment>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return null;
        if (await db.Set<VisitRound>().AsNoTracking().Where(r => r.Id == a.RoundId).Select(r => r.RegionCode).FirstOrDefaultAsync(ct) is not { } town) return null;
        db.ExpectVersion(a, c.Version);
        var to = c.Official!.Trim();
        if (!(await OfficialsAsync(town, ct)).Any(o => o.UserName == to))
            throw new RuleException("visits.official", "Official", $"{to} 不是本乡镇的干部账号");
        if (a.Official == to) throw new RuleException("visits.same_official", "Official", "该户已由这名干部走访，无需调整");
        var from = a.Official;
        a.Official = to;
        db.RecordEvent("VisitReassigned", nameof(VisitAssignment), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.RegionCode,
            JsonSerializer.Serialize(new { a.RoundId, a.HouseholdId, From = from, To = to }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        var view = await AssignmentViews(db.Set<VisitAssignment>().AsNoTracking().Where(x => x.Id == a.Id)).FirstAsync(ct);
        return (await NamedAsync([view], ct))[0];
    }
}
