using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Grid;

/// <summary>
/// 一网三联设置 of a county: how many households a Party member is expected to link to (default 5–15). One row per
/// county once it has saved; until then <see cref="Default"/> applies (version 0).
/// </summary>
public sealed class GridPolicy : IRegionScoped, IVersioned
{
    /// <summary>Default least households per Party member.</summary>
    public const int DefaultMinHouseholds = 5;
    /// <summary>Default most households per Party member.</summary>
    public const int DefaultMaxHouseholds = 15;
    /// <summary>Largest value either bound may take.</summary>
    public const int Limit = 100;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Least households a Party member is expected to link to.</summary>
    public int MinHouseholds { get; set; } = DefaultMinHouseholds;
    /// <summary>Most households a Party member may link to before the coverage view flags them.</summary>
    public int MaxHouseholds { get; set; } = DefaultMaxHouseholds;
    /// <summary>Who last changed it.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>The defaults of a county that has saved nothing.</summary>
    public static GridPolicy Default(string county) => new() { RegionCode = county };

    /// <summary>Changes the range, refusing values outside 1–<see cref="Limit"/> and a minimum above the maximum (every reason at once).</summary>
    public void Change(int min, int max, string by, DateTime atUtc)
    {
        RuleException.ThrowIfAny(GridRules.RangeProblems(min, max));
        (MinHouseholds, MaxHouseholds, UpdatedBy, UpdatedAtUtc) = (min, max, by, atUtc);
    }
}
