using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>A household of a village to pick on registration: 户号, the head's name masked (张*华), its group.</summary>
public sealed record HouseholdOption(long Id, string Number, string HeadName, string? GroupName);

/// <summary>A matter as listed beside what it was raised from (a visit, a points entry).</summary>
public sealed record MatterLine(long Id, string KindName, string Title, string StateName);

/// <summary>
/// Where a matter came from: the visit it was raised in (its round, household and day) and the points entry it was
/// raised from (item, day, holder), each when there is one.
/// </summary>
public sealed record MatterOrigin(long? VisitId, long? VisitRoundId, long? VisitHouseholdId, DateOnly? VisitDate, string? VisitedBy,
    long? PointsEntryId, string? PointsItem, DateOnly? PointsDate, string? PointsHolder);

/// <summary>
/// The registration form pre-filled from a points entry (登记诉求 on a ledger row): its village, the household (the
/// holder's, or a party member's household), and a title and description from the entry.
/// </summary>
public sealed record PointsPrefill(long EntryId, string Village, string? VillageName, long? HouseholdId, string? HouseholdLabel, string Title, string Description);

/// <summary>
/// The links of 诉求: the household picker of the registration form (scoped, names masked), where a matter came from,
/// the matters raised from points entries, and the form pre-filled from an entry. Reads only; region scope is the data context's.
/// </summary>
public sealed class MatterLinks(AppDbContext db)
{
    /// <summary>Most households one picker page lists.</summary>
    public const int PickerPage = 20;

    /// <summary>
    /// The households of <paramref name="village"/> in scope whose 户号 starts with <paramref name="q"/> or whose head's
    /// name contains it (all when empty), by 户号, a page at a time; empty when the code is not a village's.
    /// </summary>
    public async Task<Paged<HouseholdOption>> HouseholdsAsync(string? village, string? q, PageRequest page, CancellationToken ct = default)
    {
        var code = village?.Trim() ?? "";
        if (RegionCodes.LevelOf(code) != RegionLevel.Village) return new([], 0, 1, PickerPage);
        var query = db.Households.AsNoTracking().Where(h => h.RegionCode == code);
        var text = q?.Trim() ?? "";
        if (text.Length > 30) text = text[..30];
        if (text.Length > 0) query = query.Where(h => h.Number.StartsWith(text) || h.HeadName.Contains(text));
        var paged = await query.OrderBy(h => h.Number).ThenBy(h => h.Id)
            .Select(h => new HouseholdOption(h.Id, h.Number, h.HeadName, db.Regions.Where(r => r.Code == h.GroupCode).Select(r => r.Name).FirstOrDefault()))
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(h => h with { HeadName = PersonName.Mask(h.HeadName) }).ToList() };
    }

    /// <summary>One household of the picker (masked), null when not found in scope.</summary>
    public async Task<HouseholdOption?> HouseholdAsync(long id, CancellationToken ct = default)
    {
        var h = await db.Households.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new HouseholdOption(x.Id, x.Number, x.HeadName, db.Regions.Where(r => r.Code == x.GroupCode).Select(r => r.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        return h is null ? null : h with { HeadName = PersonName.Mask(h.HeadName) };
    }

    /// <summary>Where the matter came from (the visit and the points entry as far as they are in scope).</summary>
    public async Task<MatterOrigin> OriginAsync(MatterView m, CancellationToken ct = default)
    {
        var visit = m.VisitId is { } vid
            ? await db.Set<VisitRecord>().AsNoTracking().Where(v => v.Id == vid).Select(v => new { v.RoundId, v.HouseholdId, v.Date, v.VisitedBy }).FirstOrDefaultAsync(ct)
            : null;
        var entry = m.PointsEntryId is { } pid
            ? await db.Set<PointsEntry>().AsNoTracking().Where(e => e.Id == pid).Select(e => new { e.ItemName, e.Date, e.HolderName }).FirstOrDefaultAsync(ct)
            : null;
        return new(m.VisitId, visit?.RoundId, visit?.HouseholdId, visit?.Date, visit?.VisitedBy, m.PointsEntryId, entry?.ItemName, entry?.Date,
            entry is null ? null : PersonName.Mask(entry.HolderName));
    }

    /// <summary>The matters raised from the given points entries (in scope), by entry.</summary>
    public async Task<ILookup<long, MatterLine>> OfPointsEntriesAsync(IReadOnlyCollection<long> entryIds, CancellationToken ct = default)
    {
        if (entryIds.Count == 0) return Array.Empty<(long, MatterLine)>().ToLookup(x => x.Item1, x => x.Item2);
        var rows = await db.Set<Matter>().AsNoTracking().Where(m => m.PointsEntryId != null && entryIds.Contains(m.PointsEntryId.Value))
            .OrderBy(m => m.Id).Select(m => new { Entry = m.PointsEntryId!.Value, m.Id, m.Kind, m.Title, m.State }).ToListAsync(ct);
        return rows.ToLookup(r => r.Entry, r => new MatterLine(r.Id, MatterRules.KindName(r.Kind), r.Title, MatterRules.StateName(r.State)));
    }

    /// <summary>The registration form pre-filled from a points entry; null when the entry is not found in scope.</summary>
    public async Task<PointsPrefill?> FromEntryAsync(long entryId, CancellationToken ct = default)
    {
        var e = await db.Set<PointsEntry>().AsNoTracking().Where(x => x.Id == entryId)
            .Select(x => new { x.Id, x.RegionCode, x.HolderKind, x.HolderId, x.ItemName, x.Date, x.Note }).FirstOrDefaultAsync(ct);
        if (e is null) return null;
        long? household = e.HolderKind == PointsHolderKind.Household
            ? e.HolderId
            : await db.Set<Resident>().AsNoTracking().Where(r => r.Id == e.HolderId).Select(r => (long?)r.HouseholdId).FirstOrDefaultAsync(ct);
        var option = household is { } hid ? await HouseholdAsync(hid, ct) : null;
        var villageName = await db.Regions.AsNoTracking().Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var title = e.ItemName.Length > Matter.MaxTitle ? e.ItemName[..Matter.MaxTitle] : e.ItemName;
        var description = $"积分记录：{e.ItemName}（{e.Date:yyyy-MM-dd}）" + (string.IsNullOrWhiteSpace(e.Note) ? "" : $"。{e.Note}");
        return new(e.Id, e.RegionCode, villageName, option?.Id, option is null ? null : $"{option.Number} {option.HeadName}", title,
            description.Length > Matter.MaxText ? description[..Matter.MaxText] : description);
    }
}
