namespace Cunzhi.Domain.Grid;

/// <summary>
/// Coverage of the net in a region: villager groups without a responsible cadre, households without a linked Party
/// member, and linked members under or over the county's range. Counts add up across villages.
/// </summary>
public sealed record NetCoverage(int Groups, int GroupsWithoutCadre, int Households, int HouseholdsWithoutMember, int Members, int MembersUnder, int MembersOver)
{
    /// <summary>Nothing (the start of a sum).</summary>
    public static NetCoverage Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Share of groups with a responsible cadre, in percent (100 when there are none).</summary>
    public decimal GroupPercent => Groups == 0 ? 100m : Math.Round(100m * (Groups - GroupsWithoutCadre) / Groups, 1);

    /// <summary>Share of households with a linked member, in percent (100 when there are none).</summary>
    public decimal HouseholdPercent => Households == 0 ? 100m : Math.Round(100m * (Households - HouseholdsWithoutMember) / Households, 1);

    /// <summary>The sum of two regions' coverage.</summary>
    public NetCoverage Add(NetCoverage o) => new(Groups + o.Groups, GroupsWithoutCadre + o.GroupsWithoutCadre, Households + o.Households,
        HouseholdsWithoutMember + o.HouseholdsWithoutMember, Members + o.Members, MembersUnder + o.MembersUnder, MembersOver + o.MembersOver);

    /// <summary>
    /// Coverage from the registers and the current links: a group counts as covered when a current cadre link names it, a
    /// household when a current member link names it; links to groups or households not listed are ignored. A member's
    /// load is the number of distinct listed households they are linked to.
    /// </summary>
    public static NetCoverage Compute(IEnumerable<string> groups, IEnumerable<string> linkedGroups, IEnumerable<long> households,
        IEnumerable<(long HouseholdId, long ResidentId)> memberLinks, int min, int max)
    {
        var groupSet = groups.ToHashSet(StringComparer.Ordinal);
        var covered = linkedGroups.Where(groupSet.Contains).ToHashSet(StringComparer.Ordinal);
        var householdSet = households.ToHashSet();
        var links = memberLinks.Where(l => householdSet.Contains(l.HouseholdId)).Distinct().ToList();
        var linkedHouseholds = links.Select(l => l.HouseholdId).ToHashSet();
        var loads = links.GroupBy(l => l.ResidentId).Select(g => GridRules.Load(g.Select(l => l.HouseholdId).Distinct().Count(), min, max)).ToList();
        return new(groupSet.Count, groupSet.Count - covered.Count, householdSet.Count, householdSet.Count - linkedHouseholds.Count, loads.Count,
            loads.Count(l => l == MemberLoad.Under), loads.Count(l => l == MemberLoad.Over));
    }
}
