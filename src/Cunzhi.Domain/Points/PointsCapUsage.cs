using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>
/// The running count of one holder's points under one capped item in one year (年度上限台账): the points (absolute) of
/// the holder's approved entries under the item — posted or in force, not voided or reversed. Updated in the same save as
/// the approval that adds to it (or the void or reversal that gives back), with a database check <c>Used ≤ Cap</c> and a
/// concurrency version, so the cap holds even when approvals arrive together: two cannot both write from one reading, and
/// no write can pass the cap whatever the handler believed.
/// </summary>
public sealed class PointsCapUsage : Regions.IRegionScoped, IVersioned
{
    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Household or Party member.</summary>
    public PointsHolderKind HolderKind { get; set; }
    /// <summary>The household's or resident's id.</summary>
    public long HolderId { get; set; }
    /// <summary>The year (the entries' year).</summary>
    public int Year { get; set; }
    /// <summary>The item's code (county or village: a village's codes never repeat the county's).</summary>
    public required string ItemCode { get; set; }
    /// <summary>The cap of the item as last applied, in points.</summary>
    public int Cap { get; set; }
    /// <summary>Points counted against the cap.</summary>
    public int Used { get; set; }
}

/// <summary>The pure rules of the cap's running row.</summary>
public static class PointsCaps
{
    /// <summary>
    /// Counts an approval of <paramref name="points"/> under <paramref name="item"/> (whose cap applies) on its row;
    /// refused past the cap with the rule in Chinese.
    /// </summary>
    public static void Take(PointsCapUsage row, PointsItem item, int points)
    {
        if (item.YearCap is not { } cap) return;
        var amount = Math.Abs(points);
        if (row.Used + amount > cap)
            throw new RuleException("points.cap", "itemCode", $"条目“{item.Name}”每年最多 {cap} 分，该对象 {row.Year} 年已审核通过 {row.Used} 分，不能再通过 {amount} 分");
        (row.Cap, row.Used) = (cap, row.Used + amount);
    }

    /// <summary>Gives back an entry's points (voided by an upheld objection, or reversed); never below zero.</summary>
    public static void GiveBack(PointsCapUsage row, int points) => row.Used = Math.Max(0, row.Used - Math.Abs(points));
}
