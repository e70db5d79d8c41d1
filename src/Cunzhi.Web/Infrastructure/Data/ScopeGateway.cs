using System.Linq.Expressions;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Cunzhi.Web.Infrastructure.Data;

/// <summary>
/// The one reviewed place where code steps around region scope (the query filters and the save-time check of
/// <see cref="AppDbContext"/>). Every read past the filters and every bulk write (<c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>, <see cref="BulkWriter"/>) in src/ goes through a method here, named for its reason, that
/// narrows what it reaches itself; a convention test (ScopeGatewayConventionTests) fails on any other use outside the
/// seeders, which act as the system. To add a crossing, add a method here that says why and enforces how far.
/// </summary>
public static class ScopeGateway
{
    // ---- bulk writes in a region ----

    /// <summary>
    /// <paramref name="prefix"/> as given when it lies within the acting account's scope (the system's scope is
    /// everything); otherwise <see cref="RegionScopeViolationException"/>. A visitor's scope (<see cref="UserContext.NoRegion"/>) admits no prefix.
    /// </summary>
    public static string WithinScope(AppDbContext db, string prefix) =>
        prefix.StartsWith(db.User.ScopePrefix, StringComparison.Ordinal) ? prefix : throw new RegionScopeViolationException(prefix);

    /// <summary>Rows of <typeparamref name="T"/> whose code starts with <paramref name="prefix"/> (checked to be in scope), as the WHERE of a bulk write.</summary>
    private static IQueryable<T> InRegion<T>(AppDbContext db, string prefix, Expression<Func<T, bool>> where) where T : class, IRegionScoped
    {
        WithinScope(db, prefix);
        var row = Expression.Parameter(typeof(T), "row");
        // The concrete type's property (as the query filters use), not the interface's, so EF maps it on every provider.
        var code = Expression.Lambda<Func<T, string>>(Expression.Property(row, nameof(IRegionScoped.RegionCode)), row);
        return db.Set<T>().Where(where).WhereCodeStartsWith(code, prefix);
    }

    /// <summary>
    /// A set-based UPDATE of the rows matching <paramref name="where"/> under <paramref name="prefix"/>; the prefix is in
    /// the WHERE (with the query filter) and must lie within the acting account's scope. Bypasses the row audit: the
    /// caller records a summary event. Never set <c>RegionCode</c> here (that would move rows between regions).
    /// </summary>
    public static Task<int> UpdateInRegionAsync<T>(AppDbContext db, string prefix, Expression<Func<T, bool>> where,
        Action<UpdateSettersBuilder<T>> set, CancellationToken ct) where T : class, IRegionScoped
        => InRegion(db, prefix, where).ExecuteUpdateAsync(set, ct);

    /// <summary>A set-based DELETE of the rows matching <paramref name="where"/> under <paramref name="prefix"/>, as <see cref="UpdateInRegionAsync{T}"/>.</summary>
    public static Task<int> DeleteInRegionAsync<T>(AppDbContext db, string prefix, Expression<Func<T, bool>> where, CancellationToken ct)
        where T : class, IRegionScoped
        => InRegion(db, prefix, where).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Many new rows at once through <see cref="BulkWriter"/> (COPY on PostgreSQL), which skips the save-time scope check:
    /// so every row's region is checked here against <paramref name="prefix"/>, and the prefix against the account's
    /// scope, before anything is written. Returns the number of rows written.
    /// </summary>
    public static async Task<long> InsertInRegionAsync<T>(AppDbContext db, string prefix, IEnumerable<T> rows, string[] properties,
        Func<T, object?[]> values, CancellationToken ct) where T : class, IRegionScoped
    {
        WithinScope(db, prefix);
        var list = rows as IReadOnlyCollection<T> ?? rows.ToList();
        foreach (var r in list)
            if (!r.RegionCode.StartsWith(prefix, StringComparison.Ordinal)) throw new RegionScopeViolationException(r.RegionCode);
        return await new BulkWriter(db).WriteAsync(typeof(T), list, properties, values, ct);
    }

    // ---- public region names ----

    /// <summary>
    /// Every region, read-only: region names and codes are public statistics, and a village account may not see its town
    /// nor a town its neighbours. For names on a sheet, a clearer message, or whether a new code is already taken;
    /// untracked, so nothing read here can be written back.
    /// </summary>
    public static IQueryable<Region> PublicRegions(AppDbContext db) => db.Regions.IgnoreQueryFilters().AsNoTracking();

    // ---- rows that bind a whole county ----

    /// <summary>
    /// The acting account's county as a code prefix (6 digits; the system's is empty, a visitor's matches nothing).
    /// Rows that carry a county's or a town's code (forms, burden settings, annual results, payroll runs) bind the
    /// villages under them, so an account reads them up to its county — never another county's.
    /// </summary>
    public static string CountyPrefix(AppDbContext db) =>
        db.User.IsSystem ? "" : RegionCodes.LevelOf(db.User.RegionCode) is null ? UserContext.NoRegion : db.User.RegionCode[..RegionCodes.CountyDigits];

    private static IQueryable<T> InCounty<T>(AppDbContext db) where T : class, IRegionScoped
    {
        var row = Expression.Parameter(typeof(T), "row");
        var code = Expression.Lambda<Func<T, string>>(Expression.Property(row, nameof(IRegionScoped.RegionCode)), row);
        return db.Set<T>().IgnoreQueryFilters().WhereCodeStartsWith(code, CountyPrefix(db));
    }

    /// <summary>The county's burden settings: a town reads its county's row, because the settings bind it. Only the account's own county.</summary>
    public static Task<BurdenPolicy?> CountyBurdenPolicyAsync(AppDbContext db, string county, CancellationToken ct) =>
        InCounty<BurdenPolicy>(db).AsNoTracking().FirstOrDefaultAsync(p => p.RegionCode == county, ct);

    /// <summary>
    /// The county's working-day calendar (its listed holidays and make-up working days, of one year or all): due dates of
    /// its towns and villages are counted on it, so they read their county's rows. Only the account's own county.
    /// </summary>
    public static Task<List<Domain.Calendar.CalendarDay>> CountyCalendarDaysAsync(AppDbContext db, string county, int? year, CancellationToken ct) =>
        InCounty<Domain.Calendar.CalendarDay>(db).AsNoTracking().Where(d => d.RegionCode == county && (year == null || d.Date.Year == year))
            .OrderBy(d => d.Date).ToListAsync(ct);

    /// <summary>
    /// The visit rounds of the account's own town, read by a village account to see its own coverage (a round carries the
    /// town's code, above a village's scope): names and dates only, the households stay the village's own rows. A town or
    /// county account reads rounds through the filters; for them this is the same rows.
    /// </summary>
    public static IQueryable<Domain.Visits.VisitRound> OwnTownVisitRounds(AppDbContext db)
    {
        var town = RegionCodes.TownOf(db.User.RegionCode);
        if (db.User.IsSystem || RegionCodes.LevelOf(db.User.RegionCode) is not RegionLevel.Village || town is null) return db.Set<Domain.Visits.VisitRound>().AsNoTracking();
        return InCounty<Domain.Visits.VisitRound>(db).AsNoTracking().Where(r => r.RegionCode == town);
    }

    /// <summary>
    /// Accident insurance policies (关爱) a town or village reads: those bought in its scope, and a county's or another
    /// level's policy of its county that covers at least one of its own cadres. Only the
    /// account's own county.
    /// </summary>
    public static IQueryable<Domain.Care.InsurancePolicy> PoliciesCoveringScope(AppDbContext db)
    {
        if (db.User.IsSystem || RegionCodes.LevelOf(db.User.RegionCode) is not (RegionLevel.Town or RegionLevel.Village)) return db.Set<Domain.Care.InsurancePolicy>().AsNoTracking();
        var prefix = db.User.ScopePrefix;
        return InCounty<Domain.Care.InsurancePolicy>(db).AsNoTracking()
            // IgnoreQueryFilters reaches the subquery too: the covered rows are narrowed to the scope here.
            .Where(p => p.RegionCode.StartsWith(prefix) || db.Set<Domain.Care.InsuredCadre>().Any(i => i.PolicyId == p.Id && i.RegionCode.StartsWith(prefix)));
    }

    /// <summary>
    /// Training sessions an account reads: those organised in its scope, and those organised above it in its own line
    /// (its county's, its town's) — a town's cadres attend the county's classes, so the town reads their titles, dates and
    /// hours; the enrolments and attendance stay the village's own rows. Never another county's or another town's.
    /// </summary>
    public static IQueryable<Domain.Training.TrainingSession> TrainingSessionsInLine(AppDbContext db)
    {
        if (db.User.IsSystem) return db.Set<Domain.Training.TrainingSession>().AsNoTracking();
        var prefix = db.User.ScopePrefix;
        var county = RegionCodes.CountyOf(db.User.RegionCode) ?? UserContext.NoRegion;
        var town = RegionCodes.TownOf(db.User.RegionCode) ?? UserContext.NoRegion;
        return InCounty<Domain.Training.TrainingSession>(db).AsNoTracking().Where(s => s.RegionCode.StartsWith(prefix) || s.RegionCode == county || s.RegionCode == town);
    }

    /// <summary>The county's required training hours per post: its towns and villages are measured against them. Only the account's own county.</summary>
    public static Task<List<Domain.Training.TrainingRequirement>> CountyTrainingRequirementsAsync(AppDbContext db, string county, CancellationToken ct) =>
        InCounty<Domain.Training.TrainingRequirement>(db).AsNoTracking().Where(r => r.RegionCode == county).OrderBy(r => r.PostCode).ThenBy(r => r.FromYear).ToListAsync(ct);

    /// <summary>The county's 一网三联 settings (the range of households per Party member): its towns and villages are bound by them. Only the account's own county.</summary>
    public static Task<Domain.Grid.GridPolicy?> CountyGridPolicyAsync(AppDbContext db, string county, CancellationToken ct) =>
        InCounty<Domain.Grid.GridPolicy>(db).AsNoTracking().FirstOrDefaultAsync(p => p.RegionCode == county, ct);

    /// <summary>Towns (of <paramref name="towns"/>, in the account's county) whose annual result of <paramref name="year"/> is approved: their villages' scores are locked.</summary>
    public static Task<List<string>> TownsWithApprovedAnnualResultAsync(AppDbContext db, int year, IReadOnlyCollection<string> towns, CancellationToken ct) =>
        InCounty<AnnualBatch>(db).AsNoTracking().Where(b => b.Year == year && towns.Contains(b.RegionCode) && b.State == AnnualState.Approved)
            .Select(b => b.RegionCode).ToListAsync(ct);

    /// <summary>The state of a town's payroll run for a month, which a reward for one of its villages must respect (the account may be the village's).</summary>
    public static Task<PayrollState?> TownPayrollStateAsync(AppDbContext db, string? town, int year, int month, CancellationToken ct) =>
        InCounty<PayrollRun>(db).AsNoTracking().Where(r => r.RegionCode == town && r.Year == year && r.Month == month)
            .Select(r => (PayrollState?)r.State).FirstOrDefaultAsync(ct);

    /// <summary>
    /// 一表通: forms carry the county's code, and reach a town or village as village tasks of the form's request. These
    /// methods lift the filter for the county's forms, fields and requests only up to the account's county, and only for
    /// forms the caller already reached through scoped rows.
    /// </summary>
    public static class CountyForms
    {
        /// <summary>
        /// The county's forms of the requests behind <paramref name="tasks"/>, a query over the scoped village tasks (EF lifts
        /// a filter from a whole query, so the tasks are read first, in a query of their own, with their filter on).
        /// </summary>
        public static async Task<IQueryable<FormTemplate>> SentToAsync(AppDbContext db, IQueryable<VillageTask> tasks, CancellationToken ct)
        {
            var reached = await tasks.Select(t => (long?)t.TaskRequestId).Distinct().ToListAsync(ct);
            return InCounty<FormTemplate>(db).Where(f => f.TaskRequestId != null && reached.Contains(f.TaskRequestId));
        }

        /// <summary>A form the caller was already allowed to read (by id), for its summary.</summary>
        public static IQueryable<FormTemplate> Held(AppDbContext db, long formId) => InCounty<FormTemplate>(db).Where(f => f.Id == formId);

        /// <summary>The fields of forms the caller was already allowed to read.</summary>
        public static IQueryable<FormField> FieldsOf(AppDbContext db, IReadOnlyCollection<long> formIds) =>
            InCounty<FormField>(db).Where(x => formIds.Contains(x.FormTemplateId));

        /// <summary>The fields of one form the caller was already allowed to read, in order.</summary>
        public static Task<List<FormField>> FieldsOfAsync(AppDbContext db, long formId, CancellationToken ct) =>
            InCounty<FormField>(db).AsNoTracking().Where(f => f.FormTemplateId == formId).OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);

        /// <summary>The county's task requests behind forms the caller was already allowed to read (their gate status).</summary>
        public static IQueryable<TaskRequest> RequestsOf(AppDbContext db, IReadOnlyCollection<long> requestIds) =>
            InCounty<TaskRequest>(db).Where(r => requestIds.Contains(r.Id));

        /// <summary>
        /// Every field of the other forms of <paramref name="form"/>'s county that villages are asked to fill or may soon be
        /// (request admitted or pending), for the duplicate warnings.
        /// </summary>
        public static Task<List<FieldRef>> LiveFieldsBesideAsync(AppDbContext db, FormTemplate form, CancellationToken ct)
        {
            var live = InCounty<TaskRequest>(db)
                .Where(r => r.RegionCode == form.RegionCode && (r.Status == TaskRequestStatus.Admitted || r.Status == TaskRequestStatus.Pending)).Select(r => r.Id);
            return (from f in InCounty<FormTemplate>(db)
                    where f.Id != form.Id && f.RegionCode == form.RegionCode && f.TaskRequestId != null && live.Contains(f.TaskRequestId.Value)
                    join x in InCounty<FormField>(db) on f.Id equals x.FormTemplateId
                    orderby f.Id, x.SortOrder
                    select new FieldRef(f.Id, f.Title, x.Id, x.Label, x.Binding))
                .AsNoTracking().ToListAsync(ct);
        }

        /// <summary>
        /// The burden meter's 报表 source: admitted village tasks under <paramref name="prefix"/> (checked to be in scope)
        /// whose request carries a county form.
        /// </summary>
        public static IQueryable<VillageTask> VillageTasksWithFormIn(AppDbContext db, string prefix)
        {
            WithinScope(db, prefix);
            var forms = InCounty<FormTemplate>(db);
            return db.Set<VillageTask>().IgnoreQueryFilters().Where(t => t.RegionCode.StartsWith(prefix) && forms.Any(f => f.TaskRequestId == t.TaskRequestId));
        }
    }

    // ---- county-wide uniqueness of ID numbers ----

    /// <summary>
    /// A person is registered once in the whole platform: true when a cadre other than <paramref name="exceptCadreId"/>
    /// anywhere holds the ID-number hash. Answers yes or no only, so no one outside the scope is named.
    /// </summary>
    public static Task<bool> NationalIdRegisteredAsync(AppDbContext db, string hash, long? exceptCadreId, CancellationToken ct) =>
        exceptCadreId is { } except
            ? db.Cadres.IgnoreQueryFilters().AnyAsync(x => x.NationalIdHash == hash && x.Id != except, ct)
            : db.Cadres.IgnoreQueryFilters().AnyAsync(x => x.NationalIdHash == hash, ct);

    /// <summary>Which of <paramref name="hashes"/> any cadre anywhere already holds (an import's check, in chunks), as <see cref="NationalIdRegisteredAsync"/>.</summary>
    public static async Task<HashSet<string>> RegisteredNationalIdsAsync(AppDbContext db, IEnumerable<string> hashes, CancellationToken ct)
    {
        var registered = new HashSet<string>();
        foreach (var chunk in hashes.Distinct().Chunk(1000))
            registered.UnionWith(await db.Cadres.IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.NationalIdHash!))
                .Select(c => c.NationalIdHash!).ToListAsync(ct));
        return registered;
    }

    // ---- the audit chain ----

    /// <summary>The audit log is one hash chain across every region; verifying, anchoring or upgrading it reads every link.</summary>
    public static class WholeAuditChain
    {
        /// <summary>Every entry, read-only (verification, the head's time, whether an upgrade is due).</summary>
        public static IQueryable<AuditEntry> Links(AppDbContext db) => db.AuditEntries.IgnoreQueryFilters().AsNoTracking();

        /// <summary>Tracked entries after <paramref name="afterSequence"/>, for re-sealing: only the system (the one-off upgrade at start-up) may rewrite the chain.</summary>
        public static Task<List<AuditEntry>> PageToResealAsync(AppDbContext db, long afterSequence, int size, CancellationToken ct) =>
            db.User.IsSystem
                ? db.AuditEntries.IgnoreQueryFilters().Where(a => a.Sequence > afterSequence).OrderBy(a => a.Sequence).Take(size).ToListAsync(ct)
                : throw new InvalidOperationException("只有系统可以重新封存操作日志");
    }

    // ---- the anonymous public ballot ----

    /// <summary>
    /// 双述双评: a visitor has no region; the ballot code is the authority. Every read starts from a code's hash or from
    /// the window that code belongs to, and every write is a conditional update of that window's rows.
    /// </summary>
    public static class AnonymousBallot
    {
        /// <summary>The code with this hash joined to its window, projected by <paramref name="select"/>.</summary>
        public static IQueryable<TResult> CodeWithWindow<TResult>(AppDbContext db, string hash, Expression<Func<BallotCode, EvaluationWindow, TResult>> select) =>
            db.Set<BallotCode>().IgnoreQueryFilters().AsNoTracking().Where(c => c.Hash == hash)
                .Join(db.Set<EvaluationWindow>().IgnoreQueryFilters(), c => c.WindowId, w => w.Id, select);

        /// <summary>The window of a checked code.</summary>
        public static IQueryable<EvaluationWindow> Window(AppDbContext db, long windowId) =>
            db.Set<EvaluationWindow>().IgnoreQueryFilters().AsNoTracking().Where(w => w.Id == windowId);

        /// <summary>The cadres' reports in the window of a checked code.</summary>
        public static IQueryable<EvaluationReport> Reports(AppDbContext db, long windowId) =>
            db.Set<EvaluationReport>().IgnoreQueryFilters().AsNoTracking().Where(r => r.WindowId == windowId);

        /// <summary>Counts a ballot in the window if it is open at <paramref name="now"/>; 0 when it is not.</summary>
        public static Task<int> CountBallotAsync(AppDbContext db, long windowId, DateTime now, CancellationToken ct) =>
            db.Set<EvaluationWindow>().IgnoreQueryFilters()
                .Where(w => w.Id == windowId && w.ClosedAtUtc == null && w.OpensAtUtc <= now && w.ClosesAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.BallotsCast, w => w.BallotsCast + 1), ct);

        /// <summary>Marks the code used if it is neither used nor voided; 0 when it was.</summary>
        public static Task<int> MarkCodeUsedAsync(AppDbContext db, long codeId, CancellationToken ct) =>
            db.Set<BallotCode>().IgnoreQueryFilters().Where(x => x.Id == codeId && !x.Used && !x.Voided)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Used, true), ct);

        /// <summary>Rewrites every code row of the window unchanged, so row versions do not tell which code voted when.</summary>
        public static Task<int> RewriteWindowCodesAsync(AppDbContext db, long windowId, CancellationToken ct) =>
            db.Set<BallotCode>().IgnoreQueryFilters().Where(x => x.WindowId == windowId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Used, x => x.Used), ct);

        /// <summary>Adds one to the cadre's counter of <paramref name="chosen"/> and zero to its others (every counter row is rewritten).</summary>
        public static Task<int> TallyAsync(AppDbContext db, long windowId, long cadreId, BallotChoice chosen, CancellationToken ct) =>
            db.Set<BallotTally>().IgnoreQueryFilters().Where(t => t.WindowId == windowId && t.CadreId == cadreId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + (t.Choice == chosen ? 1 : 0)), ct);
    }

    // ---- the points store: a town's shared items ----

    /// <summary>
    /// 积分超市: a town shares items with its villages (the row carries the town's code, and the stock is the town's). A
    /// village account reads its own items and its town's, nothing else; untracked, so nothing read here is written back.
    /// <paramref name="village"/> must lie within the account's scope.
    /// </summary>
    public static IQueryable<StoreItem> StoreItemsForVillage(AppDbContext db, string village)
    {
        WithinScope(db, village);
        var town = RegionCodes.TownOf(village);
        return db.Set<StoreItem>().IgnoreQueryFilters().AsNoTracking().Where(i => i.RegionCode == village || i.RegionCode == town);
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> pieces of an item visible to <paramref name="village"/> (its own or its town's)
    /// for a redemption: one conditional UPDATE (in stock, not retired) that also advances the item's version, so the
    /// stock can never be oversold even by writers that read it at the same moment. Returns the stock after, or null when
    /// the item had not that many (nothing changed). Run inside the redemption's transaction; skips the row audit: the
    /// stock movement saved with it records the change.
    /// </summary>
    public static async Task<int?> TakeStoreStockAsync(AppDbContext db, string village, long itemId, int quantity, CancellationToken ct)
    {
        WithinScope(db, village);
        var town = RegionCodes.TownOf(village);
        var taken = await db.Set<StoreItem>().IgnoreQueryFilters()
            .Where(i => i.Id == itemId && (i.RegionCode == village || i.RegionCode == town) && i.RetiredAtUtc == null && i.Stock >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock - quantity).SetProperty(i => i.RowVersion, i => i.RowVersion + 1), ct);
        if (taken == 0) return null;
        return await db.Set<StoreItem>().IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Stock).SingleAsync(ct);
    }

    // ---- the public duty board ----

    /// <summary>
    /// The public portal of 村务公开 (/Gongkai/{village}), read without an account: a village's disclosures that are
    /// public (not withdrawn) and their attachments' names — nothing else of the village. Each is shown through
    /// PersonalDataGuard.MaskAll by the caller.
    /// </summary>
    public static class PublicDisclosures
    {
        /// <summary>The village's public disclosures, newest first, optionally one item's; one page.</summary>
        public static IQueryable<Domain.Disclosure.VillageDisclosure> OfVillage(AppDbContext db, string village, string? item)
        {
            var q = db.Set<Domain.Disclosure.VillageDisclosure>().IgnoreQueryFilters().AsNoTracking().Where(d => d.RegionCode == village && d.WithdrawnAtUtc == null);
            if (item is not null) q = q.Where(d => d.ItemCode == item);
            return q.OrderByDescending(d => d.PeriodStart).ThenByDescending(d => d.Id);
        }

        /// <summary>The attachments of the given public disclosures of the village.</summary>
        public static Task<List<Domain.Disclosure.DisclosureAttachment>> AttachmentsAsync(AppDbContext db, string village, IReadOnlyCollection<long> ids, CancellationToken ct) =>
            db.Set<Domain.Disclosure.DisclosureAttachment>().IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == village && ids.Contains(a.DisclosureId))
                .OrderBy(a => a.Id).ToListAsync(ct);

        /// <summary>One attachment of a public disclosure of the village, or null.</summary>
        public static Task<Domain.Disclosure.DisclosureAttachment?> AttachmentAsync(AppDbContext db, string village, long id, CancellationToken ct) =>
            db.Set<Domain.Disclosure.DisclosureAttachment>().IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id == id && a.RegionCode == village && db.Set<Domain.Disclosure.VillageDisclosure>().IgnoreQueryFilters()
                    .Any(d => d.Id == a.DisclosureId && d.WithdrawnAtUtc == null)).FirstOrDefaultAsync(ct);

        /// <summary>Per village of a town: how many public disclosures and the latest day one was posted.</summary>
        public static async Task<Dictionary<string, (int Count, DateOnly Latest)>> TownCountsAsync(AppDbContext db, string townPrefix, CancellationToken ct) =>
            (await db.Set<Domain.Disclosure.VillageDisclosure>().IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.RegionCode.StartsWith(townPrefix) && d.WithdrawnAtUtc == null)
                .GroupBy(d => d.RegionCode).Select(g => new { g.Key, Count = g.Count(), Latest = g.Max(d => d.PostedOn) }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => (x.Count, x.Latest));
    }

    /// <summary>
    /// 值班公示 (/Zhiban/{village}): a visitor has no region; the village code in the address is the authority, and only what
    /// the board shows is reached, read-only — the village's duty days in a date range, the names and posts of the cadres on
    /// them, the village office's phone, and its county's working-day calendar.
    /// </summary>
    public static class PublicDutyBoard
    {
        /// <summary>Who is on duty in the village from <paramref name="first"/> to <paramref name="last"/>: day, name, post, origin (cadres on approved leave left out).</summary>
        public static async Task<List<(DateOnly Date, string Name, string PostCode, Domain.Cadres.CadreOrigin Origin)>> DutyAsync(AppDbContext db, string village,
            DateOnly first, DateOnly last, CancellationToken ct)
        {
            var rows = await (from a in db.Set<Domain.Duty.DutyAssignment>().IgnoreQueryFilters().AsNoTracking()
                              join c in db.Cadres.IgnoreQueryFilters() on a.CadreId equals c.Id
                              where a.RegionCode == village && a.Date >= first && a.Date <= last && c.RegionCode == village
                                    && !db.Set<Domain.Duty.DutyLeave>().IgnoreQueryFilters().Any(l => l.CadreId == a.CadreId && l.State == Domain.Duty.LeaveState.Approved
                                        && l.FromDate <= a.Date && l.ToDate >= a.Date)
                              orderby a.Date, c.Name
                              select new { a.Date, c.Name, c.PostCode, c.Origin }).ToListAsync(ct);
            return rows.Select(x => (x.Date, x.Name, x.PostCode, x.Origin)).ToList();
        }

        /// <summary>The village office's phone (null when not set).</summary>
        public static Task<string?> OfficePhoneAsync(AppDbContext db, string village, CancellationToken ct) =>
            db.Set<Domain.Duty.VillageOffice>().IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == village).Select(o => o.Phone).FirstOrDefaultAsync(ct);

        /// <summary>The village's county's listed calendar days.</summary>
        public static Task<List<Domain.Calendar.CalendarDay>> CalendarAsync(AppDbContext db, string village, CancellationToken ct)
        {
            var county = RegionCodes.CountyOf(village);
            return db.Set<Domain.Calendar.CalendarDay>().IgnoreQueryFilters().AsNoTracking().Where(d => d.RegionCode == county).ToListAsync(ct);
        }
    }

    // ---- the public points board ----

    /// <summary>
    /// 积分公示栏 (/Gongshi/{village}): a visitor has no region; the village code in the address is the authority, and only
    /// what the board may show is reached — that village's entries in 公示 (not yet past their last day), the villager
    /// groups of their holders, and one write: a villager's objection to one such entry.
    /// </summary>
    public static class PublicBoard
    {
        /// <summary>The village's entries on the board on <paramref name="today"/> (see <see cref="PointsBoard.IsPosted"/>), read-only.</summary>
        public static IQueryable<PointsEntry> Posted(AppDbContext db, string village, DateOnly today) =>
            db.Set<PointsEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.RegionCode == village && e.State == PointsEntryState.Publicity && e.PublicityUntil >= today);

        /// <summary>
        /// The 积分超市 items on the shelf for the village's households — its own and its town's shared ones — read-only:
        /// name, price and stock are what the board shows of them.
        /// </summary>
        public static IQueryable<StoreItem> StoreItems(AppDbContext db, string village)
        {
            var town = RegionCodes.TownOf(village);
            return db.Set<StoreItem>().IgnoreQueryFilters().AsNoTracking().Where(i => (i.RegionCode == village || i.RegionCode == town) && i.RetiredAtUtc == null);
        }

        /// <summary>One entry of the village, whatever its state (to tell a villager why an objection is refused), read-only.</summary>
        public static IQueryable<PointsEntry> Entry(AppDbContext db, string village, long id) =>
            db.Set<PointsEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.RegionCode == village && e.Id == id);

        /// <summary>The villager group of each of the village's <paramref name="households"/> (id → group code or null).</summary>
        public static Task<Dictionary<long, string?>> HouseholdGroupsAsync(AppDbContext db, string village, IReadOnlyCollection<long> households, CancellationToken ct) =>
            db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.RegionCode == village && households.Contains(h.Id))
                .ToDictionaryAsync(h => h.Id, h => h.GroupCode, ct);

        /// <summary>The villager group of each of the village's <paramref name="residents"/> (through their household).</summary>
        public static Task<Dictionary<long, string?>> ResidentGroupsAsync(AppDbContext db, string village, IReadOnlyCollection<long> residents, CancellationToken ct) =>
            (from r in db.Residents.IgnoreQueryFilters()
             where r.RegionCode == village && residents.Contains(r.Id)
             join h in db.Households.IgnoreQueryFilters() on r.HouseholdId equals h.Id
             select new { r.Id, h.GroupCode }).AsNoTracking().ToDictionaryAsync(x => x.Id, x => (string?)x.GroupCode, ct);

        /// <summary>
        /// Counts a pending objection on the entry if it is still on the board on <paramref name="today"/>, advancing its data
        /// version (a committee decision read before this fails as stale); 0 when it is not (公示 over, void, in force).
        /// </summary>
        public static Task<int> CountObjectionAsync(AppDbContext db, string village, long id, DateOnly today, CancellationToken ct) =>
            db.Set<PointsEntry>().IgnoreQueryFilters()
                .Where(e => e.RegionCode == village && e.Id == id && e.State == PointsEntryState.Publicity && e.PublicityUntil >= today)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.PendingObjections, e => e.PendingObjections + 1).SetProperty(e => e.RowVersion, e => e.RowVersion + 1), ct);

        /// <summary>Writes the objection of an entry just counted by <see cref="CountObjectionAsync"/> (same village), inside the caller's transaction.</summary>
        public static Task<long> InsertObjectionAsync(AppDbContext db, PointsObjection o, CancellationToken ct) =>
            new BulkWriter(db).WriteAsync([o],
                [nameof(PointsObjection.EntryId), nameof(PointsObjection.RegionCode), nameof(PointsObjection.ObjectorName), nameof(PointsObjection.Reason),
                    nameof(PointsObjection.RaisedOn), nameof(PointsObjection.RecordedBy), nameof(PointsObjection.RecordedAtUtc), nameof(PointsObjection.Outcome)],
                x => [x.EntryId, x.RegionCode, x.ObjectorName, x.Reason, x.RaisedOn, x.RecordedBy, x.RecordedAtUtc, x.Outcome], ct);
    }

    /// <summary>
    /// The resident's receipt code (回执码) of a matter: the code is the authority for that one matter, so the lookup by
    /// its keyed hash crosses the filters, and the visitor then acts as a resident of the matter's village only (the
    /// audit records 群众（回执码）with that village), so the save-time scope check still holds every row to that village.
    /// </summary>
    public static class MatterReceipt
    {
        /// <summary>The matter's id and village for a receipt hash; null when no matter has it.</summary>
        public static async Task<(long Id, string Village)?> FindAsync(AppDbContext db, string hash, CancellationToken ct)
        {
            var m = await db.Set<Domain.Matters.Matter>().IgnoreQueryFilters().AsNoTracking().Where(x => x.ReceiptHash == hash)
                .Select(x => new { x.Id, x.RegionCode }).FirstOrDefaultAsync(ct);
            return m is null ? null : (m.Id, m.RegionCode);
        }

        /// <summary>Acts, for the rest of this request, as the holder of the receipt: scope = the matter's village.</summary>
        public static void ActAsResident(AppDbContext db, string village)
        {
            if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw new RegionScopeViolationException(village);
            var identity = new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.Name, ResidentActor), new(CunzhiClaims.Region, village)], "receipt-code");
            db.User.ActAs(new System.Security.Claims.ClaimsPrincipal(identity));
        }

        /// <summary>How the audit log and the matter's history name the resident.</summary>
        public const string ResidentActor = "群众（回执码）";
    }

    /// <summary>
    /// 信访举报 (/Jubao): a reporter has no account. Filing, the receipt code names the region it concerns (a village or a
    /// town): the reporter then acts within that region only (the audit records 举报人（回执码）with it), so the save-time
    /// scope check still holds every row there. Following, the code's keyed hash is the authority for that one complaint.
    /// </summary>
    public static class ComplaintReceipt
    {
        /// <summary>The complaint's id and region for a receipt hash; null when no complaint has it.</summary>
        public static async Task<(long Id, string Region)?> FindAsync(AppDbContext db, string hash, CancellationToken ct)
        {
            var c = await db.Set<Domain.Complaints.Complaint>().IgnoreQueryFilters().AsNoTracking().Where(x => x.ReceiptHash == hash)
                .Select(x => new { x.Id, x.RegionCode }).FirstOrDefaultAsync(ct);
            return c is null ? null : (c.Id, c.RegionCode);
        }

        /// <summary>Acts, for the rest of this request, as the reporter: scope = the complaint's village or town.</summary>
        public static void ActAsReporter(AppDbContext db, string region)
        {
            if (RegionCodes.LevelOf(region) is not (RegionLevel.Village or RegionLevel.Town)) throw new RegionScopeViolationException(region);
            var identity = new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.Name, Domain.Complaints.ComplaintRules.ReporterActor), new(CunzhiClaims.Region, region)], "complaint-receipt");
            db.User.ActAs(new System.Security.Claims.ClaimsPrincipal(identity));
        }
    }

    // ---- the public power list (小微权力运行公开) ----

    /// <summary>
    /// 权力运行公开 (/Gongkai/{village}/Quanli): a visitor has no region; the village code in the address is the authority,
    /// and only that village's exercises and their recorded steps are reached, read-only (the page masks names and numbers).
    /// </summary>
    public static class PublicPowers
    {
        /// <summary>The village's exercises, read-only.</summary>
        public static IQueryable<Domain.Disclosure.PowerExercise> Exercises(AppDbContext db, string village) =>
            db.Set<Domain.Disclosure.PowerExercise>().IgnoreQueryFilters().AsNoTracking().Where(e => e.RegionCode == village);

        /// <summary>The recorded steps of the village's exercises <paramref name="ids"/>, read-only.</summary>
        public static Task<List<Domain.Disclosure.PowerStepEntry>> StepsAsync(AppDbContext db, string village, IReadOnlyCollection<long> ids, CancellationToken ct) =>
            db.Set<Domain.Disclosure.PowerStepEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.RegionCode == village && ids.Contains(s.ExerciseId)).OrderBy(s => s.ExerciseId).ThenBy(s => s.Step).ToListAsync(ct);
    }
}
