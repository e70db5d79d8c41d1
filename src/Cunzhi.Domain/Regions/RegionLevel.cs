namespace Cunzhi.Domain.Regions;

/// <summary>Administrative level of a region (SPEC §1: County → Town → Village → VillagerGroup / Grid).</summary>
public enum RegionLevel
{
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
