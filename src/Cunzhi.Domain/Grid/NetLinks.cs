using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Grid;

/// <summary>
/// A dated link of the net (一网三联): it holds from <see cref="FromDate"/> and, once ended, to <see cref="ToDate"/>
/// (inclusive). An ended link stays as history; a link with no end date is the current one.
/// </summary>
public interface INetLink : IRegionScoped, IVersioned
{
    /// <summary>First day the link holds.</summary>
    DateOnly FromDate { get; }
    /// <summary>Last day the link holds; null while current.</summary>
    DateOnly? ToDate { get; set; }
}

/// <summary>Ending a link and telling whether it holds on a day, the same for every kind of link.</summary>
public static class NetLinkDates
{
    /// <summary>Whether the link holds on <paramref name="day"/>.</summary>
    public static bool HoldsOn(DateOnly from, DateOnly? to, DateOnly day) => from <= day && (to is null || day <= to);

    /// <summary>
    /// Ends a current link on <paramref name="to"/>; refused when it has already ended or when the end would come before its start.
    /// </summary>
    public static void End(INetLink link, DateOnly to)
    {
        if (link.ToDate is not null) throw new RuleException("grid.link_ended", "ToDate", $"该联系已于 {link.ToDate:yyyy-MM-dd} 结束");
        if (to < link.FromDate) throw new RuleException("grid.dates", "ToDate", $"结束日期不能早于起始日期（{link.FromDate:yyyy-MM-dd}）");
        link.ToDate = to;
    }

    /// <summary>
    /// Closes a link because the person left (a cadre leaving office): the end is the leaving date, or the link's own start
    /// when it was to begin later (it never held).
    /// </summary>
    public static void CloseOnLeaving(INetLink link, DateOnly leftOn)
    {
        if (link.ToDate is not null) return;
        link.ToDate = leftOn < link.FromDate ? link.FromDate : leftOn;
    }
}

/// <summary>网格员: the person responsible for a grid, a cadre or a resident of the village, over a period.</summary>
public sealed class GridMember : INetLink
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The grid (a 15-digit code under the village).</summary>
    public required string GridCode { get; set; }
    /// <summary>The cadre serving as grid member, or null when a resident does.</summary>
    public long? CadreId { get; set; }
    /// <summary>The resident serving as grid member, or null when a cadre does.</summary>
    public long? ResidentId { get; set; }
    /// <summary>First day.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day; null while current.</summary>
    public DateOnly? ToDate { get; set; }
}

/// <summary>干部联村组: the cadre responsible for a villager group over a period; a group has at most one current one.</summary>
public sealed class CadreGroupLink : INetLink
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The villager group (a 15-digit code under the village).</summary>
    public required string GroupCode { get; set; }
    /// <summary>The responsible cadre, of the same village.</summary>
    public long CadreId { get; set; }
    /// <summary>First day.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day; null while current.</summary>
    public DateOnly? ToDate { get; set; }
}

/// <summary>党员联农户: a Party member among the village's residents linked to a household; a household has at most one current one.</summary>
public sealed class MemberHouseholdLink : INetLink
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The Party member (a resident of the village).</summary>
    public long ResidentId { get; set; }
    /// <summary>The linked household, of the same village.</summary>
    public long HouseholdId { get; set; }
    /// <summary>First day.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day; null while current.</summary>
    public DateOnly? ToDate { get; set; }
}

/// <summary>网格划分: which grid a villager group lies in (a group lies in one grid at a time; re-assigning replaces it).</summary>
public sealed class GridGroup : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The grid.</summary>
    public required string GridCode { get; set; }
    /// <summary>The villager group, unique.</summary>
    public required string GroupCode { get; set; }
}
