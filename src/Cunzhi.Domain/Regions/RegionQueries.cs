namespace Cunzhi.Domain.Regions;

/// <summary>The region lists every area asks for, written once (plain LINQ: the data layer translates it to SQL).</summary>
public static class RegionQueries
{
    /// <summary>
    /// The towns among <paramref name="regions"/> in code order; with <paramref name="within"/> (a county or town code)
    /// only those in it. Scope is the caller's: the data context's region filter applies unless the query bypassed it.
    /// </summary>
    public static IQueryable<Region> Towns(this IQueryable<Region> regions, string? within = null)
    {
        var towns = regions.Where(r => r.Level == RegionLevel.Town);
        if (within is not null)
        {
            var prefix = RegionCodes.ScopePrefix(within);
            towns = towns.Where(r => r.Code.StartsWith(prefix));
        }
        return towns.OrderBy(r => r.Code);
    }
}
