using System.ComponentModel.DataAnnotations.Schema;

namespace Cunzhi.Domain.Regions;

/// <summary>A county, town, village, villager group or grid, keyed by its code.</summary>
public sealed class Region : IRegionScoped, Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>GB/T 2260-style code (see <see cref="RegionCodes"/>).</summary>
    public required string Code { get; init; }
    /// <summary>Chinese name, e.g. 闹坪村.</summary>
    public required string Name { get; set; }
    /// <summary>Administrative level.</summary>
    public RegionLevel Level { get; init; }
    /// <summary>Parent's code; null for a county.</summary>
    public string? ParentCode { get; init; }

    [NotMapped]
    string IRegionScoped.RegionCode => Code;
}
