namespace Cunzhi.Domain.Regions;

/// <summary>
/// Region codes after GB/T 2260 and the statistical division codes: 12 digits for county
/// (<c>360922000000</c>), town (<c>360922106000</c>) and village (<c>360922106208</c>).
/// Villager groups and grids have no national code; they extend their village's code by
/// three digits: <c>001</c>–<c>899</c> for groups, <c>901</c>–<c>999</c> for grids.
/// Because each level's code begins with its parent's significant digits, a region's
/// <see cref="ScopePrefix"/> selects it and everything beneath it — the basis of data scope. A province
/// (<c>360000000000</c>, one of <see cref="ProvinceNames"/>) is the two-digit prefix of its counties.
/// </summary>
public static class RegionCodes
{
    /// <summary>Digits that identify a province.</summary>
    public const int ProvinceDigits = 2;
    /// <summary>Digits that identify a county within a 12-digit code.</summary>
    public const int CountyDigits = 6;
    /// <summary>Digits that identify a town.</summary>
    public const int TownDigits = 9;
    /// <summary>Digits that identify a village (the full statistical code).</summary>
    public const int VillageDigits = 12;
    /// <summary>Digits of a villager-group or grid code.</summary>
    public const int SubVillageDigits = 15;

    /// <summary>The level a well-formed code denotes, or null when the code is malformed.</summary>
    public static RegionLevel? LevelOf(string? code)
    {
        if (code is null || !code.All(char.IsAsciiDigit)) return null;
        if (code.Length == SubVillageDigits)
        {
            if (LevelOf(code[..VillageDigits]) != RegionLevel.Village) return null;
            var tail = int.Parse(code[VillageDigits..]);
            return tail switch
            {
                >= 1 and <= 899 => RegionLevel.VillagerGroup,
                >= 901 and <= 999 => RegionLevel.Grid,
                _ => null,
            };
        }
        if (code.Length != VillageDigits) return null;
        if (code[ProvinceDigits..] == "0000000000") return ProvinceNames.Of(code) is null ? null : RegionLevel.Province;
        // Province, prefecture and county parts are never 00.
        if (code[..2] == "00" || code.Substring(2, 2) == "00" || code.Substring(4, 2) == "00") return null;
        if (code[CountyDigits..] == "000000") return RegionLevel.County;
        if (code.Substring(CountyDigits, 3) == "000") return null;
        if (code[TownDigits..] == "000") return RegionLevel.Town;
        return RegionLevel.Village;
    }

    /// <summary>True when <paramref name="code"/> is well formed and of <paramref name="level"/>.</summary>
    public static bool IsValid(string? code, RegionLevel level) => LevelOf(code) == level;

    /// <summary>
    /// The leading digits shared by a region and all its descendants: 2 for a province, 6 for a county,
    /// 9 for a town, the whole code below that.
    /// </summary>
    public static string ScopePrefix(string code) => LevelOf(code) switch
    {
        RegionLevel.Province => code[..ProvinceDigits],
        RegionLevel.County => code[..CountyDigits],
        RegionLevel.Town => code[..TownDigits],
        RegionLevel.Village or RegionLevel.VillagerGroup or RegionLevel.Grid => code,
        _ => throw new ArgumentException($"不是有效的区划代码：{code}", nameof(code)),
    };

    /// <summary>The parent's code, or null for a county (counties are the roots of the regions table) and a province.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        RegionLevel.Province or RegionLevel.County => null,
        RegionLevel.Town => code[..CountyDigits] + "000000",
        RegionLevel.Village => code[..TownDigits] + "000",
        RegionLevel.VillagerGroup or RegionLevel.Grid => code[..VillageDigits],
        _ => throw new ArgumentException($"不是有效的区划代码：{code}", nameof(code)),
    };

    /// <summary>
    /// The county a well-formed code of any level lies in (<c>360922106208</c> → <c>360922000000</c>; a county gives
    /// itself); null when the code is malformed or missing, or a province's.
    /// </summary>
    public static string? CountyOf(string? code) => LevelOf(code) is null or RegionLevel.Province ? null : code![..CountyDigits] + "000000";

    /// <summary>
    /// The town a well-formed town, village, villager-group or grid code lies in (<c>360922106208</c> → <c>360922106000</c>;
    /// a town gives itself); null for a province, a county or a malformed code.
    /// </summary>
    public static string? TownOf(string? code) => LevelOf(code) is null or RegionLevel.Province or RegionLevel.County ? null : code![..TownDigits] + "000";

    /// <summary>The county's six digits at the start of any code (a county's <see cref="ScopePrefix"/>; the region part of an ID number).</summary>
    public static string CountyPrefix(string code) => code[..CountyDigits];

    /// <summary>The county's and town's nine digits at the start of a code below the county (a town's <see cref="ScopePrefix"/>; a key grouping villages by town).</summary>
    public static string TownPrefix(string code) => code[..TownDigits];

    /// <summary>True when <paramref name="code"/> is the region of <paramref name="ancestorCode"/> or lies beneath it.</summary>
    public static bool IsWithin(string code, string ancestorCode) => code.StartsWith(ScopePrefix(ancestorCode), StringComparison.Ordinal);

    /// <summary>The level a child of a region of <paramref name="parent"/> level may have (none under a province: counties are not created beneath it).</summary>
    public static IReadOnlyList<RegionLevel> ChildLevels(RegionLevel parent) => parent switch
    {
        RegionLevel.County => [RegionLevel.Town],
        RegionLevel.Town => [RegionLevel.Village],
        RegionLevel.Village => [RegionLevel.VillagerGroup, RegionLevel.Grid],
        _ => [],
    };

    /// <summary>
    /// The next free code for a new villager group or grid of a village, given the codes
    /// its existing children already use. Null when the range is exhausted.
    /// </summary>
    public static string? NextSubVillageCode(string villageCode, RegionLevel level, IEnumerable<string> existing)
    {
        if (LevelOf(villageCode) != RegionLevel.Village) throw new ArgumentException("只有村(社区)下可设村民小组或网格", nameof(villageCode));
        var (first, last) = level switch
        {
            RegionLevel.VillagerGroup => (1, 899),
            RegionLevel.Grid => (901, 999),
            _ => throw new ArgumentException("只有村民小组或网格使用此编码", nameof(level)),
        };
        var used = existing.Where(c => c.Length == SubVillageDigits && c.StartsWith(villageCode, StringComparison.Ordinal))
                           .Select(c => int.Parse(c[VillageDigits..])).ToHashSet();
        for (var n = first; n <= last; n++)
            if (!used.Contains(n)) return villageCode + n.ToString("000");
        return null;
    }

    /// <summary>Chinese name of a level, for messages and pages.</summary>
    public static string DisplayName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省(自治区、直辖市)",
        RegionLevel.County => "县(区)",
        RegionLevel.Town => "乡镇(街道)",
        RegionLevel.Village => "村(社区)",
        RegionLevel.VillagerGroup => "村民小组",
        RegionLevel.Grid => "网格",
        _ => level.ToString(),
    };
}
