using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Privacy;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

public sealed record PublicPlace(string Code, string Name, int Disclosures, DateOnly? Latest);

public sealed record PublicFile(long Id, string Name, string Kind);

public sealed record PublicDisclosure(long Id, string ItemCode, string ItemName, string CategoryName, string PeriodLabel, string? Occurrence, string Title, string Body,
    IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<PublicFile> Files, DateOnly PostedOn);

public sealed record PublicVillage(string Code, string Name, string TownCode, string TownName, string? ItemCode, string? ItemName, Paged<PublicDisclosure> Disclosures);

/// <summary>
/// What the public portal reads, without an account (through <see cref="ScopeGateway.PublicDisclosures"/> and the public
/// region names): the county's towns, a town's villages, a village's public disclosures (paged, optionally one item's past
/// ones). Every text shown — title, body, table cells, occurrence, file names — passes <see cref="PersonalDataGuard.MaskAll"/>
/// again (belt and braces: the posting was scanned already). Reads on the standby when there is one (<see cref="ReadDb"/>).
/// </summary>
public sealed class PublicDisclosureQuery(ReadDb read)
{
    /// <summary>Every county's towns (a deployment is one county or a few), with their villages' disclosure counts.</summary>
    public async Task<IReadOnlyList<(string County, IReadOnlyList<PublicPlace> Towns)>> CountiesAsync(CancellationToken ct = default)
    {
        var db = await read.GetAsync(ct);
        var regions = await ScopeGateway.PublicRegions(db).Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).Take(2000).ToListAsync(ct);
        return [.. regions.Where(r => r.Level == RegionLevel.County).Select(c => (c.Name,
            (IReadOnlyList<PublicPlace>)[.. regions.Where(t => t.Level == RegionLevel.Town && t.ParentCode == c.Code).Select(t => new PublicPlace(t.Code, t.Name, 0, null))]))];
    }

    /// <summary>A town's villages with how many disclosures each has made public and when the latest; null when no such town.</summary>
    public async Task<(string Name, IReadOnlyList<PublicPlace> Villages)?> TownAsync(string town, CancellationToken ct = default)
    {
        var db = await read.GetAsync(ct);
        if (await ScopeGateway.PublicRegions(db).Where(r => r.Code == town && r.Level == RegionLevel.Town).Select(r => r.Name).FirstOrDefaultAsync(ct) is not { } name) return null;
        var villages = await ScopeGateway.PublicRegions(db).Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(2000).ToListAsync(ct);
        var counts = await ScopeGateway.PublicDisclosures.TownCountsAsync(db, RegionCodes.ScopePrefix(town), ct);
        return (name, [.. villages.Select(v => counts.TryGetValue(v.Code, out var c) ? new PublicPlace(v.Code, v.Name, c.Count, c.Latest) : new PublicPlace(v.Code, v.Name, 0, null))]);
    }

    /// <summary>A village's public disclosures (optionally one item's), newest period first; null when no such village.</summary>
    public async Task<PublicVillage?> VillageAsync(string village, string? item, PageRequest page, CancellationToken ct = default)
    {
        var db = await read.GetAsync(ct);
        var town = RegionCodes.TownOf(village);
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code == village || r.Code == town).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        if (names.FirstOrDefault(r => r.Code == village && r.Level == RegionLevel.Village) is not { } v) return null;
        var rows = await ScopeGateway.PublicDisclosures.OfVillage(db, village, item).ToPagedAsync(page, ct);
        var files = (await ScopeGateway.PublicDisclosures.AttachmentsAsync(db, village, [.. rows.Items.Select(d => d.Id)], ct)).ToLookup(a => a.DisclosureId);
        var list = rows.Items.Select(d => Show(d, files[d.Id])).ToList();
        var itemName = item is null ? null : list.FirstOrDefault()?.ItemName;
        return new(village, v.Name, town!, names.FirstOrDefault(r => r.Code == town)?.Name ?? "", item, itemName, new(list, rows.Total, rows.Page, rows.PageSize));
    }

    /// <summary>For the notice board: each item's latest public disclosure of the village (newest period per item), by column and code.</summary>
    public async Task<PublicVillage?> BoardAsync(string village, CancellationToken ct = default)
    {
        var db = await read.GetAsync(ct);
        if (await VillageAsync(village, null, new PageRequest(1, 1), ct) is not { } head) return null;
        var latest = await ScopeGateway.PublicDisclosures.OfVillage(db, village, null).Take(500).ToListAsync(ct);
        var chosen = latest.GroupBy(d => (d.ItemCode, d.OccurrenceKey.Length > 0 ? d.OccurrenceKey : "")).Select(g => g.First())
            .OrderBy(d => d.Category).ThenBy(d => d.ItemCode, StringComparer.Ordinal).ThenByDescending(d => d.PeriodStart).Take(60).ToList();
        var files = (await ScopeGateway.PublicDisclosures.AttachmentsAsync(db, village, [.. chosen.Select(d => d.Id)], ct)).ToLookup(a => a.DisclosureId);
        return head with { Disclosures = new([.. chosen.Select(d => Show(d, files[d.Id]))], chosen.Count, 1, Math.Max(1, chosen.Count)) };
    }

    /// <summary>An attachment of a public disclosure of the village, or null.</summary>
    public async Task<DisclosureAttachment?> FileAsync(string village, long id, CancellationToken ct = default) =>
        RegionCodes.LevelOf(village) == RegionLevel.Village ? await ScopeGateway.PublicDisclosures.AttachmentAsync(await read.GetAsync(ct), village, id, ct) : null;

    private static PublicDisclosure Show(VillageDisclosure d, IEnumerable<DisclosureAttachment> files)
    {
        var table = d.TableJson is null ? null : DisclosureTable.FromJson(d.TableJson);
        static string M(string? s) => PersonalDataGuard.MaskAll(s ?? "");
        return new(d.Id, d.ItemCode, d.ItemName, DisclosureRules.CategoryName(d.Category), new DisclosurePeriod(d.Frequency, d.PeriodStart, d.PeriodEnd).Label,
            d.OccurrenceKey.Length == 0 ? null : M(d.OccurrenceKey), M(d.Title), M(d.Body),
            [.. (table?.Headers ?? []).Select(M)], [.. (table?.Rows ?? []).Select(r => (IReadOnlyList<string>)[.. r.Select(M)])],
            [.. files.Select(a => new PublicFile(a.Id, M(a.FileName), a.ContentType switch
            {
                "application/pdf" => "PDF",
                "image/jpeg" or "image/png" => "图片",
                _ => "Excel",
            }))], d.PostedOn);
    }
}
