using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Grid;

/// <summary>What a new cadre ↔ villager-group link is checked against (the handler reads the facts; the rule decides).</summary>
/// <param name="Village">The village the link is made in.</param>
/// <param name="GroupCode">The villager group's code as given.</param>
/// <param name="GroupExists">Whether that group is registered.</param>
/// <param name="CadreVillage">The cadre's village.</param>
/// <param name="CadreInOffice">Whether the cadre is serving.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day, if known.</param>
/// <param name="CurrentCadre">The name of the group's current responsible cadre, if it has one.</param>
public sealed record CadreLinkCase(string Village, string GroupCode, bool GroupExists, string CadreVillage, bool CadreInOffice, DateOnly From, DateOnly? To,
    string? CurrentCadre);

/// <summary>What a new Party member ↔ household link is checked against.</summary>
/// <param name="Village">The village the link is made in.</param>
/// <param name="HouseholdVillage">The household's village.</param>
/// <param name="MemberVillage">The member's village.</param>
/// <param name="IsPartyMember">Whether the resident is a Party member.</param>
/// <param name="OwnHousehold">Whether the household is the member's own.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day, if known.</param>
/// <param name="CurrentMember">The name of the household's current linked member, if it has one.</param>
/// <param name="MemberLinks">How many households the member is linked to now (before this link).</param>
/// <param name="MaxHouseholds">The county's most households per member.</param>
public sealed record MemberLinkCase(string Village, string HouseholdVillage, string MemberVillage, bool IsPartyMember, bool OwnHousehold, DateOnly From, DateOnly? To,
    string? CurrentMember, int MemberLinks, int MaxHouseholds);

/// <summary>What a new grid-member assignment is checked against.</summary>
/// <param name="Village">The village.</param>
/// <param name="GridCode">The grid's code as given.</param>
/// <param name="GridExists">Whether that grid is registered.</param>
/// <param name="PersonVillage">The cadre's or resident's village; null when neither was found.</param>
/// <param name="CadreNotServing">True when the person is a cadre no longer in office.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day, if known.</param>
/// <param name="CurrentMember">The name of the grid's current grid member, if it has one.</param>
public sealed record GridMemberCase(string Village, string GridCode, bool GridExists, string? PersonVillage, bool CadreNotServing, DateOnly From, DateOnly? To,
    string? CurrentMember);

/// <summary>How a Party member's number of linked households stands against the county's range.</summary>
public enum MemberLoad
{
    /// <summary>Fewer than the minimum.</summary>
    Under = 1,
    /// <summary>Within the range.</summary>
    Within = 2,
    /// <summary>More than the maximum.</summary>
    Over = 3,
}

/// <summary>The rules of the net (一网三联): link validity, the county's range per Party member. Pure; every problem at once.</summary>
public static class GridRules
{
    /// <summary>Problems of a county range: each bound 1–<see cref="GridPolicy.Limit"/>, min ≤ max.</summary>
    public static IReadOnlyList<RuleProblem> RangeProblems(int min, int max)
    {
        var errors = new List<RuleProblem>();
        if (min is < 1 or > GridPolicy.Limit) errors.Add(new("grid.range", nameof(GridPolicy.MinHouseholds), $"每名党员联系户数下限须在 1 至 {GridPolicy.Limit} 之间"));
        if (max is < 1 or > GridPolicy.Limit) errors.Add(new("grid.range", nameof(GridPolicy.MaxHouseholds), $"每名党员联系户数上限须在 1 至 {GridPolicy.Limit} 之间"));
        if (errors.Count == 0 && min > max) errors.Add(new("grid.range", nameof(GridPolicy.MinHouseholds), "联系户数下限不能大于上限"));
        return errors;
    }

    /// <summary>Where <paramref name="households"/> linked households stand against the range.</summary>
    public static MemberLoad Load(int households, int min, int max) => households < min ? MemberLoad.Under : households > max ? MemberLoad.Over : MemberLoad.Within;

    private static void Dates(List<RuleProblem> errors, DateOnly from, DateOnly? to)
    {
        if (to is { } t && t < from) errors.Add(new("grid.dates", "ToDate", "结束日期不能早于起始日期"));
    }

    /// <summary>Problems of a new cadre ↔ villager-group link.</summary>
    public static IReadOnlyList<RuleProblem> CheckCadreLink(CadreLinkCase c)
    {
        var errors = new List<RuleProblem>();
        if (RegionCodes.LevelOf(c.GroupCode) != RegionLevel.VillagerGroup || RegionCodes.ParentOf(c.GroupCode) != c.Village || !c.GroupExists)
            errors.Add(new("grid.group", "GroupCode", "该村民小组不存在或不属于本村"));
        if (c.CadreVillage != c.Village) errors.Add(new("grid.same_village", "CadreId", "联系干部须是本村的村干部"));
        else if (!c.CadreInOffice) errors.Add(new("grid.not_serving", "CadreId", "该干部已离任，不能联系村民小组"));
        Dates(errors, c.From, c.To);
        if (c.CurrentCadre is { } current && c.To is null)
            errors.Add(new("grid.group_taken", "GroupCode", $"该村民小组已有联系干部（{current}），请先结束原联系"));
        return errors;
    }

    /// <summary>Problems of a new Party member ↔ household link, the county's maximum included.</summary>
    public static IReadOnlyList<RuleProblem> CheckMemberLink(MemberLinkCase c)
    {
        var errors = new List<RuleProblem>();
        if (c.HouseholdVillage != c.Village) errors.Add(new("grid.same_village", "HouseholdId", "所联系的农户须是本村农户"));
        if (c.MemberVillage != c.Village) errors.Add(new("grid.same_village", "ResidentId", "联户党员须是本村村民"));
        else if (!c.IsPartyMember) errors.Add(new("grid.not_member", "ResidentId", "该村民不是党员，不能联系农户"));
        else if (c.OwnHousehold) errors.Add(new("grid.own_household", "HouseholdId", "党员不能联系自己所在的户"));
        Dates(errors, c.From, c.To);
        if (c.CurrentMember is { } current && c.To is null)
            errors.Add(new("grid.household_taken", "HouseholdId", $"该户已有联户党员（{current}），请先结束原联系"));
        if (c.To is null && c.MemberLinks + 1 > c.MaxHouseholds)
            errors.Add(new("grid.over_range", "ResidentId", $"该党员已联系 {c.MemberLinks} 户，县里规定每名党员最多联系 {c.MaxHouseholds} 户"));
        return errors;
    }

    /// <summary>Problems of a new grid-member assignment.</summary>
    public static IReadOnlyList<RuleProblem> CheckGridMember(GridMemberCase c)
    {
        var errors = new List<RuleProblem>();
        if (RegionCodes.LevelOf(c.GridCode) != RegionLevel.Grid || RegionCodes.ParentOf(c.GridCode) != c.Village || !c.GridExists)
            errors.Add(new("grid.grid", "GridCode", "该网格不存在或不属于本村"));
        if (c.PersonVillage != c.Village) errors.Add(new("grid.same_village", "Person", "网格员须是本村的村干部或村民"));
        else if (c.CadreNotServing) errors.Add(new("grid.not_serving", "Person", "该干部已离任，不能担任网格员"));
        Dates(errors, c.From, c.To);
        if (c.CurrentMember is { } current && c.To is null)
            errors.Add(new("grid.grid_taken", "GridCode", $"该网格已有网格员（{current}），请先结束原任职"));
        return errors;
    }

    /// <summary>Problems of placing a villager group in a grid: both of the village.</summary>
    public static IReadOnlyList<RuleProblem> CheckGridGroup(string village, string gridCode, bool gridExists, string groupCode, bool groupExists)
    {
        var errors = new List<RuleProblem>();
        if (RegionCodes.LevelOf(gridCode) != RegionLevel.Grid || RegionCodes.ParentOf(gridCode) != village || !gridExists)
            errors.Add(new("grid.grid", "GridCode", "该网格不存在或不属于本村"));
        if (RegionCodes.LevelOf(groupCode) != RegionLevel.VillagerGroup || RegionCodes.ParentOf(groupCode) != village || !groupExists)
            errors.Add(new("grid.group", "GroupCode", "该村民小组不存在或不属于本村"));
        return errors;
    }
}
