using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

public sealed record CoverageRow(string Code, string Name, NetCoverage Coverage);

public sealed record NamedCode(string Code, string Name);

public sealed record MemberLoadRow(long ResidentId, string Name, string HouseholdNumber, int Households, MemberLoad Load);

/// <summary>
/// Coverage of a county, town or village on <see cref="AsOf"/>: the total, one row per child region (towns of a county,
/// villages of a town) for drilling down, and for a village the groups without a cadre and the members outside the range.
/// </summary>
public sealed record CoverageReport(string Code, string Name, RegionLevel Level, string? ParentCode, int MinHouseholds, int MaxHouseholds, DateOnly AsOf,
    NetCoverage Total, Paged<CoverageRow> Rows, IReadOnlyList<NamedCode> GroupsWithoutCadre, IReadOnlyList<MemberLoadRow> MembersOffRange);

/// <summary>
/// 覆盖情况: reads the registers and the links holding today under a region (one query per kind, in scope) and lets
/// <see cref="NetCoverage.Compute"/> count each village; towns and the county are sums of their villages.
/// </summary>
public sealed class CoverageQueries(AppDbContext db, GridSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Villager groups in the account's region without a cadre linked today (the home's to-do): a village its own, a town
    /// those of all its villages. Two counting queries in scope, not the whole report.
    /// </summary>
    public async Task<int> GroupsWithoutCadreAsync(CancellationToken ct = default)
    {
        var prefix = db.User.ScopePrefix;
        var today = clock.Today();
        var linked = db.Set<CadreGroupLink>().Where(l => l.FromDate <= today && (l.ToDate == null || l.ToDate >= today)).Select(l => l.GroupCode);
        return await db.Regions.AsNoTracking()
            .CountAsync(r => r.Level == RegionLevel.VillagerGroup && r.Code.StartsWith(prefix) && !linked.Contains(r.Code), ct);
    }

    public async Task<CoverageReport?> ReportAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        if (RegionCodes.LevelOf(code) is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var policy = await settings.PolicyOfAsync(ct);
        var today = clock.Today();
        var prefix = RegionCodes.ScopePrefix(code);

        var groups = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.VillagerGroup && r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync(ct);
        var linkedGroups = await db.Set<CadreGroupLink>().AsNoTracking()
            .Where(l => l.RegionCode.StartsWith(prefix) && l.FromDate <= today && (l.ToDate == null || l.ToDate >= today)).Select(l => l.GroupCode).ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => h.RegionCode.StartsWith(prefix)).Select(h => new { h.Id, h.RegionCode }).ToListAsync(ct);
        var memberLinks = await db.Set<MemberHouseholdLink>().AsNoTracking()
            .Where(l => l.RegionCode.StartsWith(prefix) && l.FromDate <= today && (l.ToDate == null || l.ToDate >= today))
            .Select(l => new { l.HouseholdId, l.ResidentId, l.RegionCode }).ToListAsync(ct);

        var villageOf = (string c) => c[..RegionCodes.VillageDigits];
        var groupsBy = groups.ToLookup(villageOf);
        var linkedBy = linkedGroups.ToLookup(villageOf);
        var householdsBy = households.ToLookup(h => h.RegionCode, h => h.Id);
        var linksBy = memberLinks.ToLookup(l => l.RegionCode, l => (l.HouseholdId, l.ResidentId));
        var villages = groupsBy.Select(g => g.Key).Concat(householdsBy.Select(g => g.Key)).Distinct();
        var perVillage = villages.ToDictionary(v => v, v => NetCoverage.Compute(groupsBy[v], linkedBy[v], householdsBy[v], linksBy[v], policy.MinHouseholds, policy.MaxHouseholds));
        var total = perVillage.Values.Aggregate(NetCoverage.Empty, (a, b) => a.Add(b));

        var rows = new List<CoverageRow>();
        if (root.Level != RegionLevel.Village)
        {
            var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
            foreach (var child in children)
            {
                var childPrefix = RegionCodes.ScopePrefix(child.Code);
                var sum = perVillage.Where(kv => kv.Key.StartsWith(childPrefix, StringComparison.Ordinal)).Select(kv => kv.Value).Aggregate(NetCoverage.Empty, (a, b) => a.Add(b));
                rows.Add(new(child.Code, child.Name, sum));
            }
        }
        var pageRows = new Paged<CoverageRow>(rows.Skip(page.Skip).Take(page.Size).ToList(), rows.Count, page.Page, page.Size);

        IReadOnlyList<NamedCode> uncovered = [];
        IReadOnlyList<MemberLoadRow> offRange = [];
        if (root.Level == RegionLevel.Village)
        {
            var covered = linkedGroups.ToHashSet(StringComparer.Ordinal);
            uncovered = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == RegionLevel.VillagerGroup).OrderBy(r => r.Code)
                .Select(r => new NamedCode(r.Code, r.Name)).ToListAsync(ct);
            uncovered = uncovered.Where(g => !covered.Contains(g.Code)).ToList();
            var loads = memberLinks.GroupBy(l => l.ResidentId).Select(g => (Resident: g.Key, Count: g.Select(l => l.HouseholdId).Distinct().Count()))
                .Where(x => GridRules.Load(x.Count, policy.MinHouseholds, policy.MaxHouseholds) != MemberLoad.Within).ToList();
            var ids = loads.Select(l => l.Resident).ToList();
            var names = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Name, Number = db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Number).FirstOrDefault() }).ToDictionaryAsync(r => r.Id, ct);
            offRange = loads.Where(l => names.ContainsKey(l.Resident))
                .Select(l => new MemberLoadRow(l.Resident, names[l.Resident].Name, names[l.Resident].Number ?? "", l.Count, GridRules.Load(l.Count, policy.MinHouseholds, policy.MaxHouseholds)))
                .OrderByDescending(l => l.Load).ThenBy(l => l.HouseholdNumber, StringComparer.Ordinal).ToList();
        }
        return new(root.Code, root.Name, root.Level, root.ParentCode, policy.MinHouseholds, policy.MaxHouseholds, today, total, pageRows, uncovered, offRange);
    }
}
