using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>两代表一委员: which body a cadre is nominated to.</summary>
public enum NominationKind
{
    /// <summary>党代表.</summary>
    PartyCongress = 1,
    /// <summary>人大代表.</summary>
    PeoplesCongress = 2,
    /// <summary>政协委员.</summary>
    Cppcc = 3,
}

/// <summary>Level of the congress or committee.</summary>
public enum NominationLevel
{
    /// <summary>县级.</summary>
    County = 1,
    /// <summary>市级.</summary>
    City = 2,
    /// <summary>省级.</summary>
    Province = 3,
}

/// <summary>Where a nomination stands.</summary>
public enum NominationStatus
{
    /// <summary>推荐.</summary>
    Recommended = 1,
    /// <summary>当选.</summary>
    Elected = 2,
    /// <summary>未当选.</summary>
    NotElected = 3,
}

/// <summary>
/// 两代表一委员 推荐: a cadre recommended as a Party congress delegate, a people's congress deputy or a CPPCC member of a
/// level for a term (first and last year); the outcome (当选/未当选) is set once. One per cadre, kind, level and term start
/// (unique). Versioned: a stale outcome is 409.
/// </summary>
public sealed class Nomination : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>党代表 / 人大代表 / 政协委员.</summary>
    public NominationKind Kind { get; set; }
    /// <summary>县 / 市 / 省.</summary>
    public NominationLevel Level { get; set; }
    /// <summary>First year of the term.</summary>
    public int TermFrom { get; set; }
    /// <summary>Last year of the term.</summary>
    public int TermTo { get; set; }
    /// <summary>推荐 / 当选 / 未当选.</summary>
    public NominationStatus Status { get; set; } = NominationStatus.Recommended;
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Who set the outcome.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When the outcome was set (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Sets the outcome of a recommendation: 当选 or 未当选, once.</summary>
    public void Decide(NominationStatus outcome, string by, DateTime atUtc)
    {
        if (outcome is not (NominationStatus.Elected or NominationStatus.NotElected))
            throw new RuleException("care.nomination_outcome", "Status", "请选择结果：当选或未当选");
        if (Status != NominationStatus.Recommended)
            throw new RuleException("care.nomination_decided", "Status", $"该推荐已登记为{NominationRules.StatusName(Status)}，不能再改");
        (Status, DecidedBy, DecidedAtUtc) = (outcome, by, atUtc);
    }
}

/// <summary>Pure rules and Chinese names of 两代表一委员 nominations.</summary>
public static class NominationRules
{
    /// <summary>Earliest term year accepted.</summary>
    public const int MinYear = 2000;
    /// <summary>Latest term year accepted.</summary>
    public const int MaxYear = 2100;
    /// <summary>Longest term in years (first to last, inclusive): a five-year term.</summary>
    public const int MaxTermYears = 5;

    /// <summary>Every problem of a nomination as entered.</summary>
    public static IReadOnlyList<RuleProblem> Problems(NominationKind kind, NominationLevel level, int termFrom, int termTo, NominationStatus status)
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(kind)) problems.Add(new("care.nomination_kind", "Kind", "请选择类别（党代表、人大代表、政协委员）"));
        if (!Enum.IsDefined(level)) problems.Add(new("care.nomination_level", "Level", "请选择级别（县级、市级、省级）"));
        if (!Enum.IsDefined(status)) problems.Add(new("care.nomination_status", "Status", "请选择状态（推荐、当选、未当选）"));
        if (termFrom is < MinYear or > MaxYear) problems.Add(new("care.nomination_term", "TermFrom", $"届期起始年份应在 {MinYear}–{MaxYear} 之间"));
        else if (termTo < termFrom) problems.Add(new("care.nomination_term", "TermTo", "届期结束年份不能早于起始年份"));
        else if (termTo - termFrom + 1 > MaxTermYears) problems.Add(new("care.nomination_term", "TermTo", $"一届不超过 {MaxTermYears} 年"));
        return problems;
    }

    /// <summary>The kind's Chinese name.</summary>
    public static string KindName(NominationKind k) => k switch
    {
        NominationKind.PartyCongress => "党代表", NominationKind.PeoplesCongress => "人大代表", NominationKind.Cppcc => "政协委员", _ => "未知",
    };

    /// <summary>The level's Chinese name.</summary>
    public static string LevelName(NominationLevel l) => l switch
    {
        NominationLevel.County => "县级", NominationLevel.City => "市级", NominationLevel.Province => "省级", _ => "未知",
    };

    /// <summary>The status's Chinese name.</summary>
    public static string StatusName(NominationStatus s) => s switch
    {
        NominationStatus.Recommended => "推荐", NominationStatus.Elected => "当选", NominationStatus.NotElected => "未当选", _ => "未知",
    };

    /// <summary>One line for the cadre page, e.g. 县级人大代表（2021–2025）当选.</summary>
    public static string Line(NominationKind kind, NominationLevel level, int from, int to, NominationStatus status) =>
        $"{LevelName(level)}{KindName(kind)}（{from}–{to}）{StatusName(status)}";
}
