using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// A believable net (一网三联) for the demo county, from a fixed seed: each village's villager groups placed in its grids in
/// turn; each grid with a serving cadre as grid member; each group with a responsible cadre (the village's cadres in turn),
/// about one group in twelve left without one so the coverage views have something to show; and each village's Party
/// members linked to the households of their own group first, at most 12 each, from 2024-03-01 — so most households have a
/// member and some, where members are few, have none. Bulk-written with one summary audit entry; does nothing when the
/// county already has links.
/// </summary>
public sealed class GridDemo(AppDbContext db)
{
    public static readonly DateOnly Since = new(2024, 3, 1);
    private const int Seed = 20240301;
    private const int MostPerMember = 12;

    public async Task SeedAsync(string county, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(county);
        if (await db.Set<CadreGroupLink>().AnyAsync(l => l.RegionCode.StartsWith(prefix), ct)) return;
        var parts = await db.Regions.AsNoTracking().Where(r => (r.Level == RegionLevel.VillagerGroup || r.Level == RegionLevel.Grid) && r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Level, Village = r.ParentCode! }).ToListAsync(ct);
        var cadres = (await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.RegionCode }).ToListAsync(ct)).ToLookup(c => c.RegionCode, c => c.Id);
        var households = (await db.Households.AsNoTracking().Where(h => h.RegionCode.StartsWith(prefix)).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.RegionCode, h.GroupCode }).ToListAsync(ct)).ToLookup(h => h.RegionCode);
        var members = (await db.Residents.AsNoTracking().Where(r => r.IsPartyMember && r.RegionCode.StartsWith(prefix)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.RegionCode, r.HouseholdId }).ToListAsync(ct)).ToLookup(r => r.RegionCode);
        var rng = new Random(Seed);

        var placements = new List<GridGroup>();
        var gridMembers = new List<GridMember>();
        var cadreLinks = new List<CadreGroupLink>();
        var memberLinks = new List<MemberHouseholdLink>();
        foreach (var village in parts.GroupBy(p => p.Village))
        {
            var groups = village.Where(p => p.Level == RegionLevel.VillagerGroup).Select(p => p.Code).ToList();
            var grids = village.Where(p => p.Level == RegionLevel.Grid).Select(p => p.Code).ToList();
            var serving = cadres[village.Key].ToList();
            if (grids.Count > 0)
                placements.AddRange(groups.Select((g, i) => new GridGroup { RegionCode = village.Key, GroupCode = g, GridCode = grids[i % grids.Count], RowVersion = 1 }));
            if (serving.Count == 0) continue;
            gridMembers.AddRange(grids.Select((g, i) => new GridMember { RegionCode = village.Key, GridCode = g, CadreId = serving[i % serving.Count], FromDate = Since, RowVersion = 1 }));
            cadreLinks.AddRange(groups.Where(_ => rng.Next(12) != 0)
                .Select((g, i) => new CadreGroupLink { RegionCode = village.Key, GroupCode = g, CadreId = serving[i % serving.Count], FromDate = Since, RowVersion = 1 }));

            // Each member takes households of their own group first, then any left in the village, up to the cap.
            var homes = households[village.Key].ToList();
            var groupOf = homes.ToDictionary(h => h.Id, h => h.GroupCode);
            var open = new HashSet<long>(homes.Select(h => h.Id));
            var linkers = members[village.Key].ToList();
            if (linkers.Count == 0) continue;
            var share = Math.Min(MostPerMember, Math.Max(1, homes.Count / linkers.Count));
            foreach (var m in linkers)
            {
                var own = groupOf.GetValueOrDefault(m.HouseholdId);
                var take = homes.Where(h => open.Contains(h.Id) && h.Id != m.HouseholdId).OrderBy(h => h.GroupCode == own ? 0 : 1).ThenBy(h => h.Id).Take(share).ToList();
                foreach (var h in take)
                {
                    open.Remove(h.Id);
                    memberLinks.Add(new MemberHouseholdLink { RegionCode = village.Key, HouseholdId = h.Id, ResidentId = m.Id, FromDate = Since, RowVersion = 1 });
                }
            }
        }

        var bulk = new BulkWriter(db);
        var placed = await bulk.WriteAsync(placements, [nameof(GridGroup.RegionCode), nameof(GridGroup.GroupCode), nameof(GridGroup.GridCode), nameof(GridGroup.RowVersion)],
            p => [p.RegionCode, p.GroupCode, p.GridCode, p.RowVersion], ct);
        var appointed = await bulk.WriteAsync(gridMembers,
            [nameof(GridMember.RegionCode), nameof(GridMember.GridCode), nameof(GridMember.CadreId), nameof(GridMember.FromDate), nameof(GridMember.RowVersion)],
            m => [m.RegionCode, m.GridCode, m.CadreId, m.FromDate, m.RowVersion], ct);
        var cadreCount = await bulk.WriteAsync(cadreLinks,
            [nameof(CadreGroupLink.RegionCode), nameof(CadreGroupLink.GroupCode), nameof(CadreGroupLink.CadreId), nameof(CadreGroupLink.FromDate), nameof(CadreGroupLink.RowVersion)],
            l => [l.RegionCode, l.GroupCode, l.CadreId, l.FromDate, l.RowVersion], ct);
        var memberCount = await bulk.WriteAsync(memberLinks,
            [nameof(MemberHouseholdLink.RegionCode), nameof(MemberHouseholdLink.HouseholdId), nameof(MemberHouseholdLink.ResidentId), nameof(MemberHouseholdLink.FromDate),
             nameof(MemberHouseholdLink.RowVersion)],
            l => [l.RegionCode, l.HouseholdId, l.ResidentId, l.FromDate, l.RowVersion], ct);
        db.RecordEvent(AuditActions.Seed, "GridDemo", county, county,
            JsonSerializer.Serialize(new { placed, gridMembers = appointed, cadreLinks = cadreCount, memberLinks = memberCount }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
    }
}
