namespace Cunzhi.Domain.Regions;

/// <summary>
/// Administrative level of a region (SPEC §1: County → Town → Village → VillagerGroup / Grid). <see cref="Province"/> is
/// above every county and has no row in the regions table: only a province office's read-only account is bound to it
/// (issue #19: statistics over a province). Lower values are higher levels.
/// </summary>
public enum RegionLevel
{
    /// <summary>省(自治区、直辖市): a province's code, <c>360000000000</c>; its counties are the regions whose code starts with its two digits.</summary>
    Province = 0,
    /// <summary>县(区).</summary>
    County = 1,
    /// <summary>乡镇(街道).</summary>
    Town = 2,
    /// <summary>村(社区).</summary>
    Village = 3,
    /// <summary>村民小组.</summary>
    VillagerGroup = 4,
    /// <summary>网格.</summary>
    Grid = 5,
}
