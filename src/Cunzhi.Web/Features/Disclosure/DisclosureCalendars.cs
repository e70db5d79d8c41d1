using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Calendar;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>One owed disclosure of a village as the calendar shows it.</summary>
public sealed record DisclosureDueView(string Village, string VillageName, string ItemCode, string ItemName, string CategoryName, string FrequencyName,
    DateOnly PeriodStart, string PeriodLabel, string? OccurrenceKey, DateOnly DueOn, DisclosureState State, string StateName, DateOnly? PostedOn, bool PostedLate, bool DueSoon);

/// <summary>A village's counts in the range.</summary>
public sealed record DisclosureVillageSummary(string Code, string Name, int Pending, int DueSoon, int Overdue, int Done, int DoneLate);

/// <summary>The calendar of a village or of the villages of a town or county: counts per village and the owed items (paged).</summary>
public sealed record DisclosureCalendarView(string Region, string RegionName, DateOnly From, DateOnly To, DateOnly Today,
    IReadOnlyList<DisclosureVillageSummary> Villages, Paged<DisclosureDueView> Items);

/// <summary>
/// 公开日历: each village's due, late and done disclosures for a range, from <see cref="DisclosureRules.Calendar"/> under the
/// county's published rules (the defaults until it publishes its own), its working calendar, the village's busy-finance
/// spells, its recorded 随时 occurrences (<see cref="Occurrences"/>) and its postings (a 随时 posting is its own occurrence too). Region scope is the data context's: a village account
/// sees its own village, a town its villages. Each village's dues are kept (<see cref="DisclosureDuesCache"/>) until something they
/// read changes or the China day turns.
/// </summary>
public sealed class DisclosureCalendars(AppDbContext db, TimeProvider clock, DisclosurePolicyHandlers policies, DisclosureDuesCache cache)
{
    public const string RegionNotFound = "未找到该地区，或其不在您的管辖范围内";

    /// <summary>The range shown when none is asked: the last quarter and this one.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(DateOnly today)
    {
        var q = DisclosureRules.QuarterStart(today);
        return (q.AddMonths(-3), q.AddMonths(3).AddDays(-1));
    }

    /// <summary>The owed disclosures of every village under <paramref name="region"/> (default: the account's own), by village.</summary>
    public async Task<IReadOnlyList<(Region Village, IReadOnlyList<DisclosureDue> Dues)>?> DuesAsync(string? region, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        if (RegionCodes.LevelOf(code) is not { } level || !await db.Regions.AnyAsync(r => r.Code == code, ct)) return null;
        var prefix = RegionCodes.ScopePrefix(code);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code).ToListAsync(ct);
        if (level == RegionLevel.Village) villages = [.. villages.Where(v => v.Code == code)];
        if (villages.Count == 0) return [];
        var today = clock.Today();
        var county = RegionCodes.CountyOf(code)!;
        // Read before the data: a write committed after this moves the generation, so what is computed below is never
        // kept under a generation newer than the data it was computed from (DisclosureDuesCache).
        var generation = cache.Generation(county);
        var known = new Dictionary<string, IReadOnlyList<DisclosureDue>>(StringComparer.Ordinal);
        foreach (var v in villages)
            if (cache.TryGet(v.Code, from, to, today, generation, out var kept)) known[v.Code] = kept;
        var missing = villages.Where(v => !known.ContainsKey(v.Code)).ToList();
        if (missing.Count > 0)
            foreach (var (village, dues) in await ComputeAsync(county, missing, from, to, today, ct))
            {
                cache.Set(village, from, to, today, generation, dues);
                known[village] = dues;
            }
        return [.. villages.Select(v => (v, known[v.Code]))];
    }

    /// <summary>The dues of <paramref name="villages"/> (all of <paramref name="county"/>) computed from the database.</summary>
    private async Task<IReadOnlyList<(string Village, IReadOnlyList<DisclosureDue> Dues)>> ComputeAsync(string county, IReadOnlyList<Region> villages,
        DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var rules = await policies.RulesOfAsync(county, ct);
        var calendar = new WorkingCalendar((await ScopeGateway.CountyCalendarDaysAsync(db, county, null, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
        var codes = villages.Select(v => v.Code).ToList();
        var posted = (await db.Set<VillageDisclosure>().AsNoTracking().Where(d => codes.Contains(d.RegionCode) && d.WithdrawnAtUtc == null)
            .Select(d => new { d.RegionCode, d.ItemCode, d.PeriodStart, d.PostedOn, d.OccurrenceKey }).ToListAsync(ct)).ToLookup(d => d.RegionCode);
        var spells = (await db.Set<VillageFinanceSpell>().AsNoTracking().Where(s => codes.Contains(s.RegionCode)).ToListAsync(ct)).ToLookup(s => s.RegionCode);
        var recorded = await Occurrences.OfVillagesAsync(db, codes, ct);
        return [.. villages.Select(v =>
        {
            var p = posted[v.Code].ToList();
            // The recorded occurrences first (owed whether posted or not), then those only a posting names; one per item and key.
            var occurrences = recorded[v.Code].Concat(p.Where(x => x.OccurrenceKey.Length > 0).Select(x => new DisclosureOccurrence(x.OccurrenceKey, x.ItemCode, x.PeriodStart)))
                .DistinctBy(o => (o.ItemCode, o.Key)).ToList();
            var postings = p.Select(x => new DisclosurePosting(x.ItemCode, x.PeriodStart, x.PostedOn, x.OccurrenceKey.Length > 0 ? x.OccurrenceKey : null)).ToList();
            var dues = DisclosureRules.Calendar(rules, calendar, [.. spells[v.Code].Select(s => new FrequentFinanceSpell(s.From, s.Until))], occurrences, postings, from, to, today);
            return (v.Code, dues);
        })];
    }

    /// <summary>The calendar of <paramref name="region"/> for a range (default <see cref="DefaultRange"/>), filtered by state; null when not in scope.</summary>
    public async Task<DisclosureCalendarView?> CalendarAsync(string? region, DateOnly? from, DateOnly? to, DisclosureState? state, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today();
        var (f, t) = DefaultRange(today);
        (f, t) = (from ?? f, to ?? t);
        if (await DuesAsync(region, f, t, ct) is not { } all) return null;
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var summaries = all.Select(x => new DisclosureVillageSummary(x.Village.Code, x.Village.Name, x.Dues.Count(d => d.State == DisclosureState.Pending),
            x.Dues.Count(d => d.DueSoon), x.Dues.Count(d => d.State == DisclosureState.Overdue), x.Dues.Count(d => d.State == DisclosureState.Done),
            x.Dues.Count(d => d.PostedLate))).ToList();
        var rows = all.SelectMany(x => x.Dues.Where(d => state is null || d.State == state).Select(d => new DisclosureDueView(x.Village.Code, x.Village.Name, d.Item.Code,
            d.Item.Name, DisclosureRules.CategoryName(d.Item.Category), DisclosureRules.FrequencyName(d.Period.Frequency), d.Period.Start, d.Period.Label,
            d.OccurrenceKey, d.DueOn, d.State, DisclosureRules.StateName(d.State), d.PostedOn, d.PostedLate, d.DueSoon)))
            .OrderBy(d => d.State == DisclosureState.Overdue ? 0 : d.State == DisclosureState.Pending ? 1 : 2).ThenBy(d => d.DueOn).ThenBy(d => d.Village, StringComparer.Ordinal)
            .ThenBy(d => d.ItemCode, StringComparer.Ordinal).ToList();
        return new(code, name, f, t, today, summaries, new([.. rows.Skip(page.Skip).Take(page.Size)], rows.Count, page.Page, page.Size));
    }

    /// <summary>For the home: a village's pending (due soon) and overdue counts in the default range.</summary>
    public async Task<(int DueSoon, int Overdue)> VillageCountsAsync(CancellationToken ct = default)
    {
        var (f, t) = DefaultRange(clock.Today());
        var all = await DuesAsync(null, f, t, ct) ?? [];
        return (all.Sum(x => x.Dues.Count(d => d.DueSoon)), all.Sum(x => x.Dues.Count(d => d.State == DisclosureState.Overdue)));
    }

    /// <summary>For the home: how many villages of the account's town (or county) have an overdue disclosure in the default range.</summary>
    public async Task<int> VillagesLateAsync(CancellationToken ct = default)
    {
        var (f, t) = DefaultRange(clock.Today());
        return (await DuesAsync(null, f, t, ct) ?? []).Count(x => x.Dues.Any(d => d.State == DisclosureState.Overdue));
    }
}
