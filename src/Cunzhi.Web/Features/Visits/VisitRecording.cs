using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Visits;

/// <summary>One line of an official's phone list: a household to visit, its village and group, and whether (and when last) it was visited.</summary>
public sealed record VisitListItem(long AssignmentId, long HouseholdId, string VillageCode, string? VillageName, string? GroupCode, string? GroupName, string Number,
    string HeadName, int Visits, DateOnly? LastVisit)
{
    /// <summary>Visited at least once in the round.</summary>
    public bool Visited => Visits > 0;
}

/// <summary>An official's list for a round: the round, their households planned and visited, and one page of households.</summary>
public sealed record VisitList(RoundView Round, string Official, VisitCoverage Mine, Paged<VisitListItem> Households);

/// <summary>
/// A visit as shown. <see cref="MattersRaised"/> counts the matters linked to it (visits recorded before the link keep
/// their count and <see cref="MattersText"/>). <see cref="Raised"/>: the matters just registered with their receipt
/// codes, only in the answer to recording it (shown once, never stored).
/// </summary>
public sealed record VisitView(long Id, long RoundId, long HouseholdId, string VillageCode, string Number, string HeadName, DateOnly Date, string VisitedBy, string? Companions,
    string? Notes, int MattersRaised, string? MattersText, string RecordedBy, DateTime RecordedAtUtc, IReadOnlyList<RaisedMatterReceipt>? Raised = null);

/// <summary>A matter raised in a visit: kind, a short title (no names: the resident sees it), what the resident asked.</summary>
public sealed record RaisedMatter(MatterKind Kind, string? Title, string? Description);

/// <summary>A matter registered with a visit and its receipt code, shown once on the answer (print or copy it for the resident).</summary>
public sealed record RaisedMatterReceipt(long MatterId, string KindName, string Title, DateOnly DueOn, string ReceiptCode);

/// <summary>A matter linked to a visit, as listed beside it.</summary>
public sealed record VisitMatterLine(long MatterId, long VisitId, string KindName, string Title, string StateName);

/// <summary>
/// Records a visit (one phone screen): the household, the day (today by default, within the round), who went (the
/// recording official by default, or another official of the town), companions, notes, and the matters raised (none is
/// fine): each becomes a real matter (source 上门走访, the household's village, village level) saved with the visit.
/// </summary>
public sealed record RecordVisit(long HouseholdId, DateOnly? Date, string? VisitedBy, string? Companions, string? Notes, IReadOnlyList<RaisedMatter>? Matters = null);

public sealed class RecordVisitValidator : AbstractValidator<RecordVisit>
{
    public RecordVisitValidator()
    {
        RuleFor(c => c.HouseholdId).GreaterThan(0).WithMessage("请选择走访的农户");
        RuleFor(c => c.Date).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("请填写走访日期（2000–2100 年）");
        RuleFor(c => c.VisitedBy).MaximumLength(256).WithMessage("走访人账号过长");
        RuleFor(c => c.Companions).MaximumLength(VisitRecord.MaxCompanions).WithMessage($"同行人员不能超过 {VisitRecord.MaxCompanions} 个字");
        RuleFor(c => c.Notes).MaximumLength(VisitRecord.MaxText).WithMessage($"走访情况不能超过 {VisitRecord.MaxText} 个字");
        RuleFor(c => c.Matters).Must(m => m is null || m.Count <= VisitRecord.MaxMatters).WithMessage($"一次走访最多登记 {VisitRecord.MaxMatters} 件诉求");
        RuleForEach(c => c.Matters).ChildRules(m =>
        {
            m.RuleFor(x => x).NotNull().WithMessage("诉求不能为空");
            m.RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择诉求类别").When(x => x is not null);
            m.RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写诉求标题（不写姓名）")
                .MaximumLength(Matter.MaxTitle).WithMessage($"诉求标题不能超过 {Matter.MaxTitle} 个字").When(x => x is not null);
            m.RuleFor(x => x.Description).MaximumLength(Matter.MaxText).WithMessage($"诉求内容不能超过 {Matter.MaxText} 个字").When(x => x is not null);
        });
    }
}

/// <summary>
/// 走访: an official's phone list of households for a round, recording a visit, the visits of a round, and the home's
/// count of households still to visit. Scope is the data context's: a town writes only its villages' households.
/// </summary>
public sealed class VisitRecording(AppDbContext db, VisitPlanning planning, MatterDesk desk, TimeProvider clock)
{
    public const string OutsideRound = "该户不在本轮走访范围内，未记录；请从本轮的走访名单中选择农户";

    /// <summary>
    /// The households of <paramref name="roundId"/> assigned to <paramref name="official"/> (default: the account), by
    /// village and group (filters), a page at a time, visited ones marked. Null when the round is not found in scope.
    /// </summary>
    public async Task<VisitList?> ListAsync(long roundId, string? official, string? village, string? group, PageRequest page, CancellationToken ct = default) =>
        await planning.GetAsync(roundId, ct) is { } round ? await ListAsync(round, official, village, group, page, ct) : null;

    /// <summary>As <see cref="ListAsync(long, string?, string?, string?, PageRequest, CancellationToken)"/> for a round already read in scope (as <see cref="MyRoundsAsync"/> gives it).</summary>
    public async Task<VisitList> ListAsync(RoundView round, string? official, string? village, string? group, PageRequest page, CancellationToken ct = default)
    {
        var roundId = round.Id;
        var who = string.IsNullOrWhiteSpace(official) ? db.User.UserName : official.Trim();
        var mine = db.Set<VisitAssignment>().AsNoTracking().Where(a => a.Official == who && a.RoundId == roundId);
        var visits = db.Set<VisitRecord>().AsNoTracking().Where(v => v.RoundId == roundId);
        // Planned and visited in one read (not two counts). The visited households are one uncorrelated set: a per-row
        // EXISTS let SQLite seek the visits by (RoundId, RegionCode) for the scope's range and read the round's every
        // visit for each household (30 ms of the 33 ms a list took with 300 households and 100 visits).
        var visitedHomes = visits.Select(v => v.HouseholdId).Distinct();
        var counts = await mine.GroupBy(a => a.RoundId)
            .Select(g => new { Planned = g.Count(), Visited = g.Count(a => visitedHomes.Contains(a.HouseholdId)) })
            .FirstOrDefaultAsync(ct);
        var (planned, visited) = (counts?.Planned ?? 0, counts?.Visited ?? 0);
        var q = mine;
        var filtered = false;
        if (!string.IsNullOrWhiteSpace(village)) (q, filtered) = (q.Where(a => a.RegionCode == village.Trim()), true);
        if (group == "none") (q, filtered) = (q.Where(a => a.GroupCode == null), true);
        else if (!string.IsNullOrWhiteSpace(group)) (q, filtered) = (q.Where(a => a.GroupCode == group.Trim()), true);
        // Unfiltered, the page's total is the planned count just read: no third count.
        long total = filtered ? await q.LongCountAsync(ct) : planned;
        // The page's rows with each household's visit count and last visit as two subqueries a row: each is a seek in
        // the covering index VisitRecords (RoundId, HouseholdId, RegionCode, Date) (the scope's RegionCode range checked
        // in the index), so the page is one command (a separate grouped read of the page's households was one more).
        var items = await q.OrderBy(a => a.RegionCode).ThenBy(a => a.GroupCode).ThenBy(a => a.HouseholdId).Skip(page.Skip).Take(page.Size)
            .Select(a => new VisitListItem(a.Id, a.HouseholdId, a.RegionCode,
                db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault(),
                a.GroupCode,
                db.Regions.Where(r => r.Code == a.GroupCode).Select(r => r.Name).FirstOrDefault(),
                db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Number).FirstOrDefault() ?? "",
                db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.HeadName).FirstOrDefault() ?? "",
                visits.Count(v => v.HouseholdId == a.HouseholdId),
                visits.Where(v => v.HouseholdId == a.HouseholdId).Max(v => (DateOnly?)v.Date)))
            .ToListAsync(ct);
        var households = new Paged<VisitListItem>(items, total, page.Page, page.Size);
        return new(round, who, new VisitCoverage(planned, visited), households);
    }

    /// <summary>
    /// The rounds in which the account has households, the current ones (today within their dates) first, then latest
    /// first. With <paramref name="chooser"/> only names and dates are read (no town names, Planned and Visited 0): the
    /// phone list page shows the rounds in a chooser and the official's own counts from <see cref="ListAsync(RoundView, string?, string?, string?, PageRequest, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<RoundView>> MyRoundsAsync(CancellationToken ct = default, bool chooser = false)
    {
        var me = db.User.UserName;
        var today = clock.Today();
        // Only the account's rounds are read, not every round of the town.
        var mine = planning.Rounds().Where(r => db.Set<VisitAssignment>().Any(a => a.RoundId == r.Id && a.Official == me));
        var rounds = chooser ? await planning.ChoicesAsync(mine, ct) : await planning.ViewsAsync(mine, ct);
        return rounds.OrderByDescending(r => r.FromDate <= today && today <= r.ToDate).ThenByDescending(r => r.FromDate).ThenByDescending(r => r.Id).ToList();
    }

    /// <summary>Households the account still has to visit in rounds under way today (the home's 本轮待走访).</summary>
    public Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        var me = db.User.UserName;
        var today = clock.Today();
        return db.Set<VisitAssignment>().AsNoTracking()
            .Where(a => a.Official == me && db.Set<VisitRound>().Any(r => r.Id == a.RoundId && r.FromDate <= today && r.ToDate >= today))
            .CountAsync(a => !db.Set<VisitRecord>().Any(v => v.RoundId == a.RoundId && v.HouseholdId == a.HouseholdId), ct);
    }

    /// <summary>
    /// Records a visit (null when the round is not found in scope). Refused (409), nothing written: a household not in
    /// the round, a day outside the round or after today, a companion official who is not the town's. A second visit of
    /// a household is recorded too; coverage counts the household once.
    /// </summary>
    public async Task<VisitView?> RecordAsync(long roundId, RecordVisit c, CancellationToken ct = default)
    {
        if (await db.Set<VisitRound>().AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.RegionCode, r.Name, r.FromDate, r.ToDate }).FirstOrDefaultAsync(ct)
            is not { } round) return null;
        if (RegionCodes.LevelOf(db.User.RegionCode) != RegionLevel.Town) throw new RuleException("走访记录由乡镇干部填写，请使用乡镇账号");
        var assignment = await db.Set<VisitAssignment>().AsNoTracking().Where(a => a.RoundId == roundId && a.HouseholdId == c.HouseholdId)
            .Select(a => new { a.RegionCode }).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("visits.outside", "HouseholdId", OutsideRound);
        var today = clock.Today();
        var date = c.Date ?? today;
        RuleException.ThrowIfAny(VisitRules.DateProblems(date, round.FromDate, round.ToDate, today));
        var by = string.IsNullOrWhiteSpace(c.VisitedBy) ? db.User.UserName : c.VisitedBy.Trim();
        if (by != db.User.UserName && !(await planning.OfficialsAsync(round.RegionCode, ct)).Any(o => o.UserName == by))
            throw new RuleException("visits.official", "VisitedBy", $"{by} 不是本乡镇的干部账号");
        var raised = c.Matters ?? [];
        var visit = new VisitRecord
        {
            RoundId = roundId, RegionCode = assignment.RegionCode, HouseholdId = c.HouseholdId, Date = date, VisitedBy = by,
            Companions = string.IsNullOrWhiteSpace(c.Companions) ? null : c.Companions.Trim(), Notes = string.IsNullOrWhiteSpace(c.Notes) ? null : c.Notes.Trim(),
            MattersRaised = raised.Count, RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(visit);
        // Each matter raised is a real one of the household's village, linked to the visit: one save, all or nothing.
        var deadlines = raised.Count == 0 ? null : await desk.DeadlinesAsync(assignment.RegionCode, ct);
        var staged = raised.Select(r =>
        {
            var m = desk.New(assignment.RegionCode, c.HouseholdId, r.Kind, MatterSource.Visit, r.Title!, r.Description, null);
            m.Visit = visit;
            return (Matter: m, Code: desk.Stage(m, deadlines!));
        }).ToList();
        await db.SaveChangesAsync(ct);
        var view = (await Views(db.Set<VisitRecord>().AsNoTracking().Where(v => v.Id == visit.Id)).ToListAsync(ct)).Single();
        return view with
        {
            Raised = staged.Select(x => new RaisedMatterReceipt(x.Matter.Id, MatterRules.KindName(x.Matter.Kind), x.Matter.Title, x.Matter.DueOn, x.Code)).ToList(),
        };
    }

    /// <summary>The matters raised in the given visits (in scope), by visit then matter.</summary>
    public async Task<IReadOnlyList<VisitMatterLine>> MattersOfAsync(IReadOnlyCollection<long> visitIds, CancellationToken ct = default)
    {
        var rows = await db.Set<Matter>().AsNoTracking().Where(m => m.VisitId != null && visitIds.Contains(m.VisitId.Value)).OrderBy(m => m.VisitId).ThenBy(m => m.Id)
            .Select(m => new { m.Id, VisitId = m.VisitId!.Value, m.Kind, m.Title, m.State }).ToListAsync(ct);
        return rows.Select(m => new VisitMatterLine(m.Id, m.VisitId, MatterRules.KindName(m.Kind), m.Title, MatterRules.StateName(m.State))).ToList();
    }

    /// <summary>The visits of a round in scope (optionally of one household), latest first (paged); null when the round is not found.</summary>
    public async Task<Paged<VisitView>?> VisitsAsync(long roundId, long? household, PageRequest page, CancellationToken ct = default)
    {
        if (await planning.GetAsync(roundId, ct) is null) return null;
        var q = db.Set<VisitRecord>().AsNoTracking().Where(v => v.RoundId == roundId);
        if (household is { } h) q = q.Where(v => v.HouseholdId == h);
        return await Views(q.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>The household of a round for the visit screen (null when it is not in the round or not in scope).</summary>
    public Task<VisitListItem?> HouseholdAsync(long roundId, long householdId, CancellationToken ct = default) =>
        db.Set<VisitAssignment>().AsNoTracking().Where(a => a.RoundId == roundId && a.HouseholdId == householdId).OrderBy(a => a.Id)
            .Select(a => new VisitListItem(a.Id, a.HouseholdId, a.RegionCode,
                db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault(), a.GroupCode,
                db.Regions.Where(r => r.Code == a.GroupCode).Select(r => r.Name).FirstOrDefault(),
                db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Number).FirstOrDefault() ?? "",
                db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.HeadName).FirstOrDefault() ?? "",
                db.Set<VisitRecord>().Count(v => v.RoundId == roundId && v.HouseholdId == a.HouseholdId),
                db.Set<VisitRecord>().Where(v => v.RoundId == roundId && v.HouseholdId == a.HouseholdId).Max(v => (DateOnly?)v.Date)))
            .FirstOrDefaultAsync(ct);

    private IQueryable<VisitView> Views(IQueryable<VisitRecord> q) => q.Select(v => new VisitView(v.Id, v.RoundId, v.HouseholdId, v.RegionCode,
        db.Households.Where(h => h.Id == v.HouseholdId).Select(h => h.Number).FirstOrDefault() ?? "",
        db.Households.Where(h => h.Id == v.HouseholdId).Select(h => h.HeadName).FirstOrDefault() ?? "",
        v.Date, v.VisitedBy, v.Companions, v.Notes, v.MattersRaised, v.MattersText, v.RecordedBy, v.RecordedAtUtc));
}
