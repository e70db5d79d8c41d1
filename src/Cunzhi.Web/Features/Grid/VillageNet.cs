using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

public sealed record GroupNode(string Code, string Name, CadreLinkView? Cadre, int Households, int LinkedHouseholds, int PlacementVersion);

public sealed record GridNode(string Code, string Name, GridMemberView? Member, IReadOnlyList<GroupNode> Groups);

public sealed record PersonChoice(long Id, string Name, string Note);

/// <summary>
/// A village's net as a tree: each grid with its grid member and its villager groups, each group with its responsible
/// cadre and how many of its households have a linked Party member; groups placed in no grid come last. The households
/// of a group are read a page at a time (<see cref="VillageNet.HouseholdsAsync"/>). The choices are the village's serving
/// cadres and its Party members (with how many households each already links).
/// </summary>
public sealed record VillageNetView(string Code, string Name, NetCoverage Coverage, IReadOnlyList<GridNode> Grids, IReadOnlyList<GroupNode> UnplacedGroups,
    int UngroupedHouseholds, IReadOnlyList<PersonChoice> Cadres, IReadOnlyList<PersonChoice> PartyMembers);

public sealed record HouseholdNode(long Id, string Number, string HeadName, string? GroupCode, MemberLinkView? Member);

/// <summary>Reads a village's net (scope from the data context: another village is "not found").</summary>
public sealed class VillageNet(AppDbContext db, NetLinking links, CoverageQueries coverage)
{
    public async Task<VillageNetView?> GetAsync(string village, CancellationToken ct = default)
    {
        var v = await db.Regions.AsNoTracking().Where(r => r.Code == village && r.Level == RegionLevel.Village).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (v is null) return null;
        var parts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == village).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        var placement = await db.Set<GridGroup>().AsNoTracking().Where(g => g.RegionCode == village).ToDictionaryAsync(g => g.GroupCode, ct);
        var cadreLinks = (await links.CadreLinks(db.Set<CadreGroupLink>().AsNoTracking().Where(l => l.RegionCode == village && l.ToDate == null)).ToListAsync(ct))
            .ToDictionary(l => l.GroupCode);
        var gridMembers = (await links.GridMembers(db.Set<GridMember>().AsNoTracking().Where(m => m.RegionCode == village && m.ToDate == null)).ToListAsync(ct))
            .ToDictionary(m => m.GridCode);
        var counts = await db.Households.AsNoTracking().Where(h => h.RegionCode == village).GroupBy(h => h.GroupCode)
            .Select(g => new
            {
                Group = g.Key, Count = g.Count(),
                Linked = g.Count(h => db.Set<MemberHouseholdLink>().Any(l => l.HouseholdId == h.Id && l.ToDate == null)),
            }).ToListAsync(ct);
        var countOf = counts.Where(c => c.Group != null).ToDictionary(c => c.Group!);

        GroupNode Node(string code, string name) => new(code, name, cadreLinks.GetValueOrDefault(code), countOf.GetValueOrDefault(code)?.Count ?? 0,
            countOf.GetValueOrDefault(code)?.Linked ?? 0, placement.GetValueOrDefault(code)?.RowVersion ?? 0);

        var groups = parts.Where(p => p.Level == RegionLevel.VillagerGroup).ToList();
        var grids = parts.Where(p => p.Level == RegionLevel.Grid)
            .Select(g => new GridNode(g.Code, g.Name, gridMembers.GetValueOrDefault(g.Code),
                groups.Where(x => placement.TryGetValue(x.Code, out var p) && p.GridCode == g.Code).Select(x => Node(x.Code, x.Name)).ToList())).ToList();
        var unplaced = groups.Where(x => !placement.ContainsKey(x.Code) || grids.All(g => g.Code != placement[x.Code].GridCode)).Select(x => Node(x.Code, x.Name)).ToList();

        var cadres = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == village && c.Status == CadreStatus.InOffice).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.PostCode }).ToListAsync(ct);
        var members = await db.Residents.AsNoTracking().Where(r => r.RegionCode == village && r.IsPartyMember).OrderBy(r => r.Name)
            .Select(r => new
            {
                r.Id, r.Name, Number = db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Number).FirstOrDefault(),
                Load = db.Set<MemberHouseholdLink>().Count(l => l.ResidentId == r.Id && l.ToDate == null),
            }).ToListAsync(ct);
        var report = await coverage.ReportAsync(village, new PageRequest(1, 1), ct);
        return new(v.Code, v.Name, report!.Total, grids, unplaced, counts.Where(c => c.Group == null).Sum(c => c.Count),
            cadres.Select(c => new PersonChoice(c.Id, c.Name, Cadres.CadreNames.Post(c.PostCode))).ToList(),
            members.Select(m => new PersonChoice(m.Id, m.Name, $"{m.Number}户 · 已联 {m.Load} 户")).ToList());
    }

    /// <summary>
    /// A page of a village's households with their current linked member: of one villager group, or with
    /// <paramref name="group"/> empty those in no group. Null when the village is not in scope.
    /// </summary>
    public async Task<Paged<HouseholdNode>?> HouseholdsAsync(string village, string? group, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == village && r.Level == RegionLevel.Village, ct)) return null;
        var q = db.Households.AsNoTracking().Where(h => h.RegionCode == village);
        q = string.IsNullOrWhiteSpace(group) ? q.Where(h => h.GroupCode == null) : q.Where(h => h.GroupCode == group.Trim());
        var result = await q.OrderBy(h => h.Number).Select(h => new HouseholdNode(h.Id, h.Number, h.HeadName, h.GroupCode, null)).ToPagedAsync(page, ct);
        var ids = result.Items.Select(h => h.Id).ToList();
        var member = (await links.MemberLinks(db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => ids.Contains(l.HouseholdId) && l.ToDate == null)).ToListAsync(ct))
            .ToDictionary(l => l.HouseholdId);
        return result with { Items = result.Items.Select(h => h with { Member = member.GetValueOrDefault(h.Id) }).ToList() };
    }
}
