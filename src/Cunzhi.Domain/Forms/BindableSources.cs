using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Forms;

/// <summary>
/// A number the platform already holds for every village, which a form field can be bound to and so filled
/// automatically (一表通: "每个数字只采集一次").
/// </summary>
/// <param name="Key">Stable key stored on bound fields, e.g. <c>cadres.count</c>.</param>
/// <param name="Name">Chinese name, e.g. 村干部人数.</param>
/// <param name="Unit">Unit, e.g. 人.</param>
/// <param name="Origin">Where the number comes from, shown to the village: 村干部档案, 农户台账 …</param>
/// <param name="Definition">Exactly what is counted, so a department can tell whether it is the number it wants.</param>
/// <param name="Aliases">Other ways forms word the same number; a field worded so is flagged as bindable.</param>
public sealed record BindableSource(string Key, string Name, string Unit, string Origin, string Definition, IReadOnlyList<string> Aliases);

/// <summary>The catalog of bindable sources. The web layer computes each for a village; the definitions here are the contract.</summary>
public static class BindableSources
{
    /// <summary>村干部档案.</summary>
    public const string CadreRegistry = "村干部档案";
    /// <summary>农户台账.</summary>
    public const string HouseholdRegistry = "农户台账";
    /// <summary>区划与网格.</summary>
    public const string RegionRegistry = "区划与网格";
    /// <summary>后备干部库.</summary>
    public const string ReservePool = "后备干部库";
    /// <summary>周一清单、周五汇报.</summary>
    public const string WeeklyRhythm = "周一清单与周五汇报";

    /// <summary>Age at or below which a cadre counts as young (35岁及以下).</summary>
    public const int YoungAge = 35;

    /// <summary>Every source, in catalog order.</summary>
    public static IReadOnlyList<BindableSource> All { get; } =
    [
        new("cadres.count", "村干部人数", "人", CadreRegistry, "本村在任村干部人数（含驻村第一书记等选派干部），不含已离任的",
            ["村干部数", "村干部总数", "村两委干部人数", "两委干部人数", "村两委成员人数", "两委成员人数", "村两委班子成员数"]),
        new("cadres.college", "大专及以上学历村干部人数", "人", CadreRegistry, "在任村干部中学历为大专、本科或研究生的人数",
            ["其中大专及以上学历人数", "大专及以上学历人数", "大专以上学历人数", "大专及以上学历村干部数", "村干部中大专及以上学历人数"]),
        new("cadres.avgAge", "村干部平均年龄", "岁", CadreRegistry, "在任村干部按填报当日计算的周岁年龄的平均数，保留一位小数；没有在任村干部时为 0",
            ["平均年龄", "村干部平均年龄岁", "两委干部平均年龄"]),
        new("cadres.young", "35岁及以下村干部人数", "人", CadreRegistry, "在任村干部中填报当日周岁年龄不超过 35 岁的人数",
            ["35岁以下村干部人数", "35岁以下人数", "35岁及以下人数", "年轻干部人数", "35周岁以下村干部人数"]),
        new("cadres.women", "女性村干部人数", "人", CadreRegistry, "在任村干部中女性人数",
            ["女干部人数", "村干部中女性人数", "女性干部人数", "女村干部人数"]),
        new("cadres.party", "党员村干部人数", "人", CadreRegistry, "在任村干部中中共党员人数",
            ["村干部中党员人数", "党员干部人数", "村干部党员人数"]),
        new("households.count", "户数", "户", HouseholdRegistry, "农户台账中登记的本村户数",
            ["农户数", "总户数", "户籍户数", "农户户数", "家庭户数", "全村户数"]),
        new("residents.count", "人口数", "人", HouseholdRegistry, "农户台账中登记的本村村民（各户成员）人数",
            ["总人口", "人口总数", "总人口数", "人口", "户籍人口", "户籍人口数", "常住人口", "常住人口数", "村民人数", "全村人口"]),
        new("residents.party", "村民党员人数", "人", HouseholdRegistry, "农户台账中登记为中共党员的村民人数",
            ["党员人数", "党员数", "党员总数", "村党员人数"]),
        new("groups.count", "村民小组数", "个", RegionRegistry, "本村下设的村民小组个数",
            ["村民小组个数", "小组数", "组数", "村小组数"]),
        new("grids.count", "网格数", "个", RegionRegistry, "本村划分的网格个数",
            ["网格个数", "网格总数", "网格数量"]),
        new("reserves.count", "后备干部人数", "人", ReservePool, "后备干部库中本村在库（培养中）的后备干部人数，不含已任用或已退出的",
            ["后备干部数", "村级后备干部人数", "后备力量人数", "村后备干部人数"]),
        new("tasks.openThisWeek", "本周未完成任务数", "件", WeeklyRhythm, "本周周一清单上的已准入任务中，本周汇报尚未报“已完成”的件数",
            ["未完成任务数", "本周未完成事项数", "未完成事项数"]),
    ];

    private static readonly Dictionary<string, BindableSource> ByKey = All.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The source with <paramref name="key"/> (case-insensitive), or null.</summary>
    public static BindableSource? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key.Trim());
}

/// <summary>The facts of one in-office cadre the cadre sources need.</summary>
/// <param name="BirthDate">Birth date.</param>
/// <param name="Gender">Gender.</param>
/// <param name="EducationCode">Education code (reference data kind <c>Education</c>).</param>
/// <param name="IsPartyMember">Party member.</param>
public sealed record CadreFigureInput(DateOnly BirthDate, Gender Gender, string EducationCode, bool IsPartyMember);

/// <summary>The cadre-registry numbers of one village, as the cadre sources define them.</summary>
public static class CadreFigures
{
    /// <summary>Education codes that count as 大专及以上.</summary>
    public static IReadOnlySet<string> CollegeOrAbove { get; } = new HashSet<string>(["college", "bachelor", "postgraduate"]);

    /// <summary>
    /// The value of each <c>cadres.*</c> source for the in-office cadres <paramref name="cadres"/> on <paramref name="asOf"/>.
    /// Ages are whole years (<see cref="Cadre.AgeOn"/>); the average has one decimal, rounded half away from zero.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Compute(IReadOnlyCollection<CadreFigureInput> cadres, DateOnly asOf)
    {
        var ages = cadres.Select(c => Cadre.AgeOn(c.BirthDate, asOf)).ToList();
        return new Dictionary<string, decimal>
        {
            ["cadres.count"] = cadres.Count,
            ["cadres.college"] = cadres.Count(c => CollegeOrAbove.Contains(c.EducationCode)),
            ["cadres.avgAge"] = ages.Count == 0 ? 0 : Math.Round((decimal)ages.Sum() / ages.Count, 1, MidpointRounding.AwayFromZero),
            ["cadres.young"] = ages.Count(a => a <= BindableSources.YoungAge),
            ["cadres.women"] = cadres.Count(c => c.Gender == Gender.Female),
            ["cadres.party"] = cadres.Count(c => c.IsPartyMember),
        };
    }
}
