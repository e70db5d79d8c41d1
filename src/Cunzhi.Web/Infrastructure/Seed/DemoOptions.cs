namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>How much of the country the demo generator builds.</summary>
public enum DemoScale
{
    /// <summary>One real county, 万载县 (360922): 18 towns, 208 villages — committed seed data.</summary>
    County,
    /// <summary>Every county of one province (default 江西 36), from the china-division package.</summary>
    Province,
    /// <summary>The whole country, from the china-division package.</summary>
    National,
}

/// <summary>Options of <c>seed-demo</c>; the same generator serves the benchmarks.</summary>
public sealed record DemoOptions
{
    public DemoScale Scale { get; init; } = DemoScale.County;
    /// <summary>Fixed seed: the same options always give the same county.</summary>
    public int Seed { get; init; } = 20260922;
    /// <summary>Average households per village (±30%).</summary>
    public int HouseholdsPerVillage { get; init; } = 250;
    /// <summary>Average cadres per village (5–9 around 7).</summary>
    public int CadresPerVillage { get; init; } = 7;
    /// <summary>Province code for <see cref="DemoScale.Province"/>.</summary>
    public string ProvinceCode { get; init; } = "36";
    /// <summary>Folder of the china-division package's CSV files (province and national scales).</summary>
    public string? DivisionDataPath { get; init; }
    /// <summary>
    /// Three months of burden-side activity in the demo county (<see cref="ActivityDemo"/>): requests, weekly reports, forms,
    /// meetings and inspections, evaluations, pay runs. On by default; the web tests' template seeds without it.
    /// </summary>
    public bool Activity { get; init; } = true;
    /// <summary>Password of the demo accounts (development only).</summary>
    public string DemoPassword { get; init; } = "Cunzhi#2026";

    public static DemoOptions FromConfiguration(IConfiguration config) => new()
    {
        Scale = Enum.TryParse<DemoScale>(config["Demo:Scale"], true, out var s) ? s : DemoScale.County,
        HouseholdsPerVillage = config.GetValue("Demo:HouseholdsPerVillage", 250),
        CadresPerVillage = config.GetValue("Demo:CadresPerVillage", 7),
        ProvinceCode = config["Demo:ProvinceCode"] ?? "36",
        DivisionDataPath = config["Demo:DivisionDataPath"],
        DemoPassword = config["Demo:Password"] ?? "Cunzhi#2026",
        Activity = config.GetValue("Demo:Activity", true),
    };
}
