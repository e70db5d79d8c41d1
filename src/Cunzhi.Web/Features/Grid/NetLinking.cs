using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

public sealed record CadreLinkView(long Id, string RegionCode, string GroupCode, string? GroupName, long CadreId, string CadreName, DateOnly FromDate, DateOnly? ToDate,
    int Version) : IVersionedView;

public sealed record MemberLinkView(long Id, string RegionCode, long HouseholdId, string HouseholdNumber, string HeadName, long ResidentId, string MemberName,
    DateOnly FromDate, DateOnly? ToDate, int Version) : IVersionedView;

public sealed record GridMemberView(long Id, string RegionCode, string GridCode, string? GridName, long? CadreId, long? ResidentId, string PersonName,
    DateOnly FromDate, DateOnly? ToDate, int Version) : IVersionedView;

public sealed record GridGroupView(string GroupCode, string GridCode, int Version) : IVersionedView;

/// <summary>
/// Making and ending the links of the net: 干部联村组, 党员联农户, 网格员 and the placing of groups in grids. The facts are read
/// in the account's scope (a row outside it is "not found"), the pure <see cref="GridRules"/> decide, and the unique
/// filtered indexes settle two requests racing for the same group, household or grid: the loser is told in Chinese (409).
/// </summary>
public sealed class NetLinking(AppDbContext db, GridSettings settings)
{
    public const string GroupNotFound = "未找到该村民小组，或其不在您的管辖范围内";
    public const string GridNotFound = "未找到该网格，或其不在您的管辖范围内";
    public const string HouseholdNotFound = "未找到该农户，或其不在您的管辖范围内";
    public const string LinkNotFound = "未找到该联系记录，或其不在您的管辖范围内";
    public const string RaceLost = "刚才已有他人为其安排了联系人，请刷新后查看";

    private static bool Holds<T>(T link) where T : INetLink => link.ToDate is null;

    // ---- views ----

    public IQueryable<CadreLinkView> CadreLinks(IQueryable<CadreGroupLink> q) => q.Select(l => new CadreLinkView(l.Id, l.RegionCode, l.GroupCode,
        db.Regions.Where(r => r.Code == l.GroupCode).Select(r => r.Name).FirstOrDefault(), l.CadreId,
        db.Cadres.Where(c => c.Id == l.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", l.FromDate, l.ToDate, l.RowVersion));

    public IQueryable<MemberLinkView> MemberLinks(IQueryable<MemberHouseholdLink> q) => q.Select(l => new MemberLinkView(l.Id, l.RegionCode, l.HouseholdId,
        db.Households.Where(h => h.Id == l.HouseholdId).Select(h => h.Number).FirstOrDefault() ?? "",
        db.Households.Where(h => h.Id == l.HouseholdId).Select(h => h.HeadName).FirstOrDefault() ?? "", l.ResidentId,
        db.Residents.Where(r => r.Id == l.ResidentId).Select(r => r.Name).FirstOrDefault() ?? "", l.FromDate, l.ToDate, l.RowVersion));

    public IQueryable<GridMemberView> GridMembers(IQueryable<GridMember> q) => q.Select(m => new GridMemberView(m.Id, m.RegionCode, m.GridCode,
        db.Regions.Where(r => r.Code == m.GridCode).Select(r => r.Name).FirstOrDefault(), m.CadreId, m.ResidentId,
        (m.CadreId != null ? db.Cadres.Where(c => c.Id == m.CadreId).Select(c => c.Name).FirstOrDefault()
            : db.Residents.Where(r => r.Id == m.ResidentId).Select(r => r.Name).FirstOrDefault()) ?? "", m.FromDate, m.ToDate, m.RowVersion));

    /// <summary>A village's cadre ↔ group links, current first, then history; null when the village is not in scope.</summary>
    public async Task<Paged<CadreLinkView>?> CadreLinksOfAsync(string village, bool currentOnly, PageRequest page, CancellationToken ct)
    {
        if (!await VillageInScopeAsync(village, ct)) return null;
        var q = db.Set<CadreGroupLink>().AsNoTracking().Where(l => l.RegionCode == village);
        if (currentOnly) q = q.Where(l => l.ToDate == null);
        return await CadreLinks(q.OrderBy(l => l.ToDate != null).ThenBy(l => l.GroupCode).ThenByDescending(l => l.FromDate).ThenBy(l => l.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>A village's member ↔ household links, current first; null when the village is not in scope.</summary>
    public async Task<Paged<MemberLinkView>?> MemberLinksOfAsync(string village, bool currentOnly, PageRequest page, CancellationToken ct)
    {
        if (!await VillageInScopeAsync(village, ct)) return null;
        var q = db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => l.RegionCode == village);
        if (currentOnly) q = q.Where(l => l.ToDate == null);
        return await MemberLinks(q.OrderBy(l => l.ToDate != null).ThenBy(l => l.HouseholdId).ThenByDescending(l => l.FromDate).ThenBy(l => l.Id)).ToPagedAsync(page, ct);
    }

    private Task<bool> VillageInScopeAsync(string village, CancellationToken ct) =>
        db.Regions.AnyAsync(r => r.Code == village && r.Level == RegionLevel.Village, ct);

    // ---- 干部联村组 ----

    /// <summary>Makes a cadre the responsible cadre of a group; null when the group is not found in scope.</summary>
    public async Task<CadreLinkView?> LinkCadreAsync(LinkCadre c, CancellationToken ct = default)
    {
        var groupCode = c.GroupCode.Trim();
        var group = await db.Regions.AsNoTracking().Where(r => r.Code == groupCode && r.Level == RegionLevel.VillagerGroup).Select(r => new { r.ParentCode }).FirstOrDefaultAsync(ct);
        if (group?.ParentCode is not { } village) return null;
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.RegionCode, x.Status }).FirstOrDefaultAsync(ct);
        var current = await CadreLinks(db.Set<CadreGroupLink>().Where(l => l.GroupCode == groupCode && l.ToDate == null)).Select(l => l.CadreName).FirstOrDefaultAsync(ct);
        RuleException.ThrowIfAny(GridRules.CheckCadreLink(new CadreLinkCase(village, groupCode, true, cadre?.RegionCode ?? "", cadre?.Status == CadreStatus.InOffice,
            c.FromDate, null, current)));
        var link = new CadreGroupLink { RegionCode = village, GroupCode = groupCode, CadreId = c.CadreId, FromDate = c.FromDate };
        db.Add(link);
        await SaveRacingAsync(ct);
        return await CadreLinks(db.Set<CadreGroupLink>().Where(l => l.Id == link.Id)).FirstAsync(ct);
    }

    /// <summary>Ends a cadre ↔ group link (the group is then uncovered until another cadre is linked); null when not found in scope.</summary>
    public async Task<CadreLinkView?> EndCadreLinkAsync(long id, EndLink c, CancellationToken ct = default)
    {
        var link = await db.Set<CadreGroupLink>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return null;
        db.ExpectVersion(link, c.Version);
        NetLinkDates.End(link, c.ToDate);
        await db.SaveChangesAsync(ct);
        return await CadreLinks(db.Set<CadreGroupLink>().Where(l => l.Id == id)).FirstAsync(ct);
    }

    // ---- 党员联农户 ----

    /// <summary>Links a Party member to a household; null when the household is not found in scope.</summary>
    public async Task<MemberLinkView?> LinkMemberAsync(LinkMember c, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.Id == c.HouseholdId).Select(h => new { h.RegionCode }).FirstOrDefaultAsync(ct);
        if (household is null) return null;
        var member = await db.Residents.AsNoTracking().Where(r => r.Id == c.ResidentId).Select(r => new { r.RegionCode, r.IsPartyMember, r.HouseholdId }).FirstOrDefaultAsync(ct);
        var current = await MemberLinks(db.Set<MemberHouseholdLink>().Where(l => l.HouseholdId == c.HouseholdId && l.ToDate == null)).Select(l => l.MemberName).FirstOrDefaultAsync(ct);
        var load = await db.Set<MemberHouseholdLink>().CountAsync(l => l.ResidentId == c.ResidentId && l.ToDate == null, ct);
        var policy = await settings.PolicyOfAsync(ct);
        RuleException.ThrowIfAny(GridRules.CheckMemberLink(new MemberLinkCase(household.RegionCode, household.RegionCode, member?.RegionCode ?? "",
            member?.IsPartyMember == true, member?.HouseholdId == c.HouseholdId, c.FromDate, null, current, load, policy.MaxHouseholds)));
        var link = new MemberHouseholdLink { RegionCode = household.RegionCode, HouseholdId = c.HouseholdId, ResidentId = c.ResidentId, FromDate = c.FromDate };
        db.Add(link);
        await SaveRacingAsync(ct);
        return await MemberLinks(db.Set<MemberHouseholdLink>().Where(l => l.Id == link.Id)).FirstAsync(ct);
    }

    public async Task<MemberLinkView?> EndMemberLinkAsync(long id, EndLink c, CancellationToken ct = default)
    {
        var link = await db.Set<MemberHouseholdLink>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return null;
        db.ExpectVersion(link, c.Version);
        NetLinkDates.End(link, c.ToDate);
        await db.SaveChangesAsync(ct);
        return await MemberLinks(db.Set<MemberHouseholdLink>().Where(l => l.Id == id)).FirstAsync(ct);
    }

    // ---- 网格员 and 网格划分 ----

    /// <summary>Appoints a grid's member; null when the grid is not found in scope.</summary>
    public async Task<GridMemberView?> AssignGridMemberAsync(AssignGridMember c, CancellationToken ct = default)
    {
        var gridCode = c.GridCode.Trim();
        var grid = await db.Regions.AsNoTracking().Where(r => r.Code == gridCode && r.Level == RegionLevel.Grid).Select(r => new { r.ParentCode }).FirstOrDefaultAsync(ct);
        if (grid?.ParentCode is not { } village) return null;
        string? personVillage;
        var notServing = false;
        if (c.CadreId is { } cadreId)
        {
            var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == cadreId).Select(x => new { x.RegionCode, x.Status }).FirstOrDefaultAsync(ct);
            (personVillage, notServing) = (cadre?.RegionCode, cadre is not null && cadre.Status != CadreStatus.InOffice);
        }
        else personVillage = await db.Residents.AsNoTracking().Where(r => r.Id == c.ResidentId).Select(r => r.RegionCode).FirstOrDefaultAsync(ct);
        var current = await GridMembers(db.Set<GridMember>().Where(m => m.GridCode == gridCode && m.ToDate == null)).Select(m => m.PersonName).FirstOrDefaultAsync(ct);
        RuleException.ThrowIfAny(GridRules.CheckGridMember(new GridMemberCase(village, gridCode, true, personVillage, notServing, c.FromDate, null, current)));
        var m = new GridMember { RegionCode = village, GridCode = gridCode, CadreId = c.CadreId, ResidentId = c.CadreId is null ? c.ResidentId : null, FromDate = c.FromDate };
        db.Add(m);
        await SaveRacingAsync(ct);
        return await GridMembers(db.Set<GridMember>().Where(x => x.Id == m.Id)).FirstAsync(ct);
    }

    public async Task<GridMemberView?> EndGridMemberAsync(long id, EndLink c, CancellationToken ct = default)
    {
        var m = await db.Set<GridMember>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (m is null) return null;
        db.ExpectVersion(m, c.Version);
        NetLinkDates.End(m, c.ToDate);
        await db.SaveChangesAsync(ct);
        return await GridMembers(db.Set<GridMember>().Where(x => x.Id == id)).FirstAsync(ct);
    }

    /// <summary>Places a villager group in a grid of its village; null when the group is not found in scope.</summary>
    public async Task<GridGroupView?> PlaceGroupAsync(string groupCode, PlaceGroup c, CancellationToken ct = default)
    {
        groupCode = groupCode.Trim();
        var group = await db.Regions.AsNoTracking().Where(r => r.Code == groupCode && r.Level == RegionLevel.VillagerGroup).Select(r => new { r.ParentCode }).FirstOrDefaultAsync(ct);
        if (group?.ParentCode is not { } village) return null;
        var gridCode = c.GridCode.Trim();
        var gridExists = await db.Regions.AnyAsync(r => r.Code == gridCode && r.Level == RegionLevel.Grid, ct);
        RuleException.ThrowIfAny(GridRules.CheckGridGroup(village, gridCode, gridExists, groupCode, true));
        var placed = await db.Set<GridGroup>().FirstOrDefaultAsync(g => g.GroupCode == groupCode, ct);
        if (placed is null)
        {
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(placed = new GridGroup { RegionCode = village, GroupCode = groupCode, GridCode = gridCode });
            await db.SaveCreatedAsync(ct);
        }
        else
        {
            db.ExpectVersion(placed, c.Version);
            placed.GridCode = gridCode;
            await db.SaveChangesAsync(ct);
        }
        return new(placed.GroupCode, placed.GridCode, placed.RowVersion);
    }

    /// <summary>Saves a new current link; a concurrent request that took the same group, household or grid first wins (unique filtered index).</summary>
    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("grid.race", null, RaceLost);
        }
    }
}

/// <summary>
/// When a cadre leaves office (离任) their current group links and grid-member posts end on the leaving date, in the
/// same save as the departure: history is kept and the groups show as uncovered.
/// </summary>
public static class NetDeparture
{
    public static async Task CloseLinksAsync(AppDbContext db, long cadreId, DateOnly leftOn, CancellationToken ct)
    {
        foreach (var link in await db.Set<CadreGroupLink>().Where(l => l.CadreId == cadreId && l.ToDate == null).ToListAsync(ct))
            NetLinkDates.CloseOnLeaving(link, leftOn);
        foreach (var m in await db.Set<GridMember>().Where(l => l.CadreId == cadreId && l.ToDate == null).ToListAsync(ct))
            NetLinkDates.CloseOnLeaving(m, leftOn);
    }
}
