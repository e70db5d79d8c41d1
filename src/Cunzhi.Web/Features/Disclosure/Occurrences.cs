using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>A recorded occurrence as listed, with whether a posting (not withdrawn) discloses it.</summary>
public sealed record OccurrenceView(long Id, string Village, string ItemCode, string ItemName, DateOnly On, string Title, string RecordedBy, DateTime RecordedAtUtc,
    DateOnly? PostedOn);

/// <summary>Records an occurrence of an immediate item: the village, the item, the day, a short title (its key).</summary>
public sealed record RecordOccurrence(string? Village, string? ItemCode, DateOnly? On, string? Title);

/// <summary>
/// 需随时公开的事项: the village (or its town) records a matter to be made public at once — the item, the day, a short
/// title — and from then the calendar owes its posting within the policy's working days (<see cref="DisclosureCalendars"/>),
/// so one nobody posts turns 逾期. The posting picks it (its day and title as the period and occurrence key). One not yet
/// posted may be deleted; a posted one stays. Scope is the data context's region filter; writes are audited.
/// </summary>
public sealed class Occurrences(AppDbContext db, UserContext user, TimeProvider clock, DisclosurePolicyHandlers policies)
{
    public const string VillageNotFound = "未找到该村，或其不在您的管辖范围内";
    public const string NotFound = "未找到该事项，或其不在您的管辖范围内";

    /// <summary>A village's recorded occurrences, newest first; null when the village is not in scope.</summary>
    public async Task<Paged<OccurrenceView>?> ListAsync(string village, bool unpostedOnly, PageRequest page, CancellationToken ct = default)
    {
        var code = village.Trim();
        if (!await db.Regions.AnyAsync(r => r.Code == code && r.Level == RegionLevel.Village, ct)) return null;
        var posted = db.Set<VillageDisclosure>().Where(d => d.RegionCode == code && d.WithdrawnAtUtc == null && d.OccurrenceKey != "");
        var q = db.Set<RecordedOccurrence>().AsNoTracking().Where(o => o.RegionCode == code);
        if (unpostedOnly) q = q.Where(o => !posted.Any(d => d.ItemCode == o.ItemCode && d.OccurrenceKey == o.Title));
        var rows = await q.OrderByDescending(o => o.On).ThenByDescending(o => o.Id).ToPagedAsync(page, ct);
        return new([.. await ViewsAsync(code, rows.Items, ct)], rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>One occurrence in scope, or null.</summary>
    public async Task<OccurrenceView?> GetAsync(long id, CancellationToken ct = default) =>
        await db.Set<RecordedOccurrence>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? (await ViewsAsync(o.RegionCode, [o], ct))[0] : null;

    /// <summary>Records an occurrence; null when the village is not in scope. Refused (nothing written) on any problem.</summary>
    public async Task<OccurrenceView?> RecordAsync(RecordOccurrence c, CancellationToken ct = default)
    {
        var code = c.Village?.Trim() ?? "";
        if (code.Length == 0) throw new RuleException("disclosure.occurrence", "village", "请选择村");
        if (!await db.Regions.AnyAsync(r => r.Code == code && r.Level == RegionLevel.Village, ct)) return null;
        if (c.On is not { } on) throw new RuleException("disclosure.occurrence", "on", "请填写事项发生日期");
        on = InputRange.Date(on, "on");
        var rules = await policies.RulesOfAsync(RegionCodes.CountyOf(code)!, ct);
        if (RecordedOccurrence.Problems(rules, c.ItemCode, on, c.Title, clock.Today()) is { Count: > 0 } problems) throw new RuleException(problems);
        var row = new RecordedOccurrence
        {
            RegionCode = code, ItemCode = c.ItemCode!.Trim(), On = on, Title = c.Title!.Trim(), RecordedBy = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("disclosure.occurrence-duplicate", "title", $"该村这一事项已登记过「{row.Title}」，请换一个名称或文号");
        }
        return (await ViewsAsync(code, [row], ct))[0];
    }

    /// <summary>Deletes an occurrence recorded by mistake; false when not found in scope; refused once it is posted.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken ct = default)
    {
        if (await db.Set<RecordedOccurrence>().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } row) return false;
        if (await db.Set<VillageDisclosure>().AnyAsync(d => d.RegionCode == row.RegionCode && d.ItemCode == row.ItemCode && d.OccurrenceKey == row.Title
                && d.WithdrawnAtUtc == null, ct))
            throw new RuleException("disclosure.occurrence-posted", null, "该事项已经公开，不能删除");
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The recorded occurrences of <paramref name="villages"/> as the calendar reads them.</summary>
    public static async Task<ILookup<string, DisclosureOccurrence>> OfVillagesAsync(AppDbContext db, IReadOnlyCollection<string> villages, CancellationToken ct) =>
        (await db.Set<RecordedOccurrence>().AsNoTracking().Where(o => villages.Contains(o.RegionCode))
            .Select(o => new { o.RegionCode, o.Title, o.ItemCode, o.On }).ToListAsync(ct))
        .ToLookup(o => o.RegionCode, o => new DisclosureOccurrence(o.Title, o.ItemCode, o.On));

    private async Task<List<OccurrenceView>> ViewsAsync(string village, IReadOnlyList<RecordedOccurrence> rows, CancellationToken ct)
    {
        var keys = rows.Select(o => o.Title).Distinct().ToList();
        var posted = (await db.Set<VillageDisclosure>().AsNoTracking()
                .Where(d => d.RegionCode == village && d.WithdrawnAtUtc == null && keys.Contains(d.OccurrenceKey))
                .Select(d => new { d.ItemCode, d.OccurrenceKey, d.PostedOn }).ToListAsync(ct))
            .GroupBy(d => (d.ItemCode, d.OccurrenceKey)).ToDictionary(g => g.Key, g => g.Min(d => d.PostedOn));
        var rules = await policies.RulesOfAsync(RegionCodes.CountyOf(village)!, ct);
        return [.. rows.Select(o => new OccurrenceView(o.Id, o.RegionCode, o.ItemCode,
            DisclosurePolicy.InForce(rules, o.On)?.Item(o.ItemCode)?.Name ?? o.ItemCode, o.On, o.Title, o.RecordedBy, o.RecordedAtUtc,
            posted.TryGetValue((o.ItemCode, o.Title), out var p) ? p : null))];
    }
}
