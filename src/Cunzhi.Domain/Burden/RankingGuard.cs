using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Burden;

/// <summary>What is ranked.</summary>
public enum RankingKind
{
    /// <summary>村干部排名.</summary>
    Cadre = 1,
    /// <summary>村(社区)排名.</summary>
    Village = 2,
    /// <summary>积分排名 (一网三联: a village's households and Party members by their points of a year), published by the village.</summary>
    VillagePoints = 3,
}

/// <summary>The guard's answer: whether publishing is allowed now, when it next is, and why.</summary>
/// <param name="Allowed">Whether the publication may go out on the day asked.</param>
/// <param name="NextAllowed">The first day a publication of this kind may go out (the day asked when allowed).</param>
/// <param name="Reason">Chinese explanation, shown as it is.</param>
public sealed record RankingDecision(bool Allowed, DateOnly NextAllowed, string Reason);

/// <summary>
/// 排名发布管控 (Li County, Hunan: "不得按月、按季度频繁进行通报排名"): rules as pure functions of explicit inputs.
/// </summary>
public static class RankingGuard
{
    /// <summary>Chinese name of a ranking kind.</summary>
    public static string KindName(RankingKind k) => k switch { RankingKind.Cadre => "村干部排名", RankingKind.Village => "村(社区)排名", RankingKind.VillagePoints => "积分排名", _ => k.ToString() };

    /// <summary>The kinds a county or town prepares on the burden page (积分排名 is the village's, on the points pages).</summary>
    public static readonly IReadOnlyList<RankingKind> CountyTownKinds = [RankingKind.Cadre, RankingKind.Village];

    /// <summary>
    /// Whether a region may publish a ranking of a kind on <paramref name="asOf"/>, given the day it last published one of
    /// that kind (null: never). Allowed when never published, or when at least <paramref name="intervalMonths"/> months
    /// have passed since the last one (a publication on 2025-03-10 with 12 months allows the next from 2026-03-10).
    /// </summary>
    public static RankingDecision CheckPublication(RankingKind kind, DateOnly? lastPublished, int intervalMonths, DateOnly asOf)
    {
        if (intervalMonths < 1) throw new ArgumentOutOfRangeException(nameof(intervalMonths));
        var rule = intervalMonths == 12 ? "每年最多发布一次" : $"每 {intervalMonths} 个月最多发布一次";
        if (lastPublished is not { } last)
            return new(true, asOf, $"本级尚未发布过{KindName(kind)}，可以发布（县里规定{rule}）");
        var next = last.AddMonths(intervalMonths);
        return asOf >= next
            ? new(true, asOf, $"上次发布于 {last:yyyy-MM-dd}，已满 {intervalMonths} 个月，可以发布")
            : new(false, next, $"县里规定{KindName(kind)}{rule}；本级上次发布于 {last:yyyy-MM-dd}，{next:yyyy-MM-dd} 起方可再次发布");
    }

    /// <summary>
    /// Whether a town may register one more assessment item for a year when it already has <paramref name="existing"/>;
    /// null when allowed, otherwise the Chinese refusal.
    /// </summary>
    public static string? CheckAssessmentItem(int existing, int cap, int year) =>
        existing < cap ? null : $"县里规定乡镇对村考核事项每年不超过 {cap} 项；本镇 {year} 年已登记 {existing} 项，不能再新增（如确需调整，请先撤销一项）";

    /// <summary>
    /// The slot (1..<paramref name="cap"/>) a town's next assessment item of a year takes: the lowest not in
    /// <paramref name="taken"/>, or null when all are taken. Slots are unique per town and year in the database, so two
    /// items registered at the same instant cannot both take the last one — the cap holds without a lock.
    /// </summary>
    public static int? FreeAssessmentSlot(IEnumerable<int> taken, int cap)
    {
        var used = taken.ToHashSet();
        for (var slot = 1; slot <= cap; slot++)
            if (!used.Contains(slot)) return slot;
        return null;
    }
}

/// <summary>
/// 排名发布: a ranking a county or town prepared. It is published by an explicit act, which the guard allows at most
/// as often as the county's rule permits for the same region and kind.
/// </summary>
public sealed class RankingPublication : IRegionScoped
{
    /// <summary>Longest title.</summary>
    public const int TitleMaxLength = 100;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The region publishing: the county's or a town's code (its scope).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Cadres or villages.</summary>
    public RankingKind Kind { get; set; }
    /// <summary>Title, e.g. 2025年度村干部综合考核排名.</summary>
    public string Title { get; set; } = "";
    /// <summary>Period covered, e.g. 2025年度.</summary>
    public string Period { get; set; } = "";
    /// <summary>Who prepared it.</summary>
    public string PreparedBy { get; set; } = "";
    /// <summary>When it was prepared (UTC).</summary>
    public DateTime PreparedAtUtc { get; set; }
    /// <summary>When it was published (UTC); null while prepared only.</summary>
    public DateTime? PublishedAtUtc { get; private set; }
    /// <summary>Local day it was published (what the guard counts from).</summary>
    public DateOnly? PublishedOn { get; private set; }
    /// <summary>Who published it.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>Publishes it if the guard allows, given the region's last publication of the same kind; otherwise throws the guard's reason.</summary>
    public RankingDecision Publish(DateOnly? lastPublished, int intervalMonths, string by, DateTime atUtc, DateOnly today)
    {
        if (PublishedAtUtc is not null) throw new RuleException($"该排名已于 {PublishedOn:yyyy-MM-dd} 发布");
        var d = RankingGuard.CheckPublication(Kind, lastPublished, intervalMonths, today);
        if (!d.Allowed) throw new RuleException(d.Reason);
        (PublishedAtUtc, PublishedOn, PublishedBy) = (atUtc, today, by);
        return d;
    }
}

/// <summary>考核事项: an item a town assesses its villages on in a year (capped by the county, Hunan: 10).</summary>
public sealed class AssessmentItem : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Town code.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Year the item applies to.</summary>
    public int Year { get; set; }
    /// <summary>Title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Department or office behind it.</summary>
    public string? Department { get; set; }
    /// <summary>Who registered it.</summary>
    public string CreatedBy { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>
    /// Its place under the cap, 1..cap, unique per town and year (<see cref="RankingGuard.FreeAssessmentSlot"/>); null only
    /// for items registered before slots existed.
    /// </summary>
    public int? Slot { get; set; }
}
