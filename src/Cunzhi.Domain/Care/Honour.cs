using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>
/// 荣誉表彰: an honour a cadre received — level (县/市/省/国家, the commendation levels of the promotion rules), title,
/// awarding body, date and the amount in fen if any. When the promotion policy in force gives the level points, recording
/// the honour also creates the <see cref="ConductRecord"/> of kind Commendation that the promotion rules read
/// (<see cref="ConductRecordId"/>); withdrawing the honour withdraws that record in the same save. Rows are kept.
/// </summary>
public sealed class Honour : IRegionScoped
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 100;
    /// <summary>Longest awarding body.</summary>
    public const int MaxAwardedBy = 60;
    /// <summary>Largest amount (fen): 1,000,000 CNY.</summary>
    public const long MaxAmountFen = 100_000_000;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>表彰级别.</summary>
    public CommendationLevel Level { get; set; }
    /// <summary>荣誉称号, e.g. 优秀党务工作者.</summary>
    public required string Title { get; set; }
    /// <summary>授予单位.</summary>
    public required string AwardedBy { get; set; }
    /// <summary>表彰日期.</summary>
    public DateOnly Date { get; set; }
    /// <summary>奖金 (fen), when the honour came with money.</summary>
    public long? AmountFen { get; set; }
    /// <summary>The commendation record the promotion rules read, when the policy counted the level.</summary>
    public long? ConductRecordId { get; set; }
    /// <summary>That commendation record (set when recording, so one save writes both and links them).</summary>
    public ConductRecord? Commendation { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>When it was withdrawn as entered in error (UTC).</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
    /// <summary>Who withdrew it.</summary>
    public string? WithdrawnBy { get; set; }
    /// <summary>Why (撤销理由).</summary>
    public string? WithdrawReason { get; set; }

    /// <summary>Withdrawn (撤销).</summary>
    public bool Withdrawn => WithdrawnAtUtc is not null;

    /// <summary>The description of the commendation record an honour creates.</summary>
    public static string CommendationText(string title, string awardedBy) => $"荣誉表彰：{title.Trim()}（{awardedBy.Trim()}）";

    /// <summary>
    /// Creates the commendation record the promotion rules read when <paramref name="inForce"/> (the county's promotion
    /// policy in force) gives the honour's level points, else leaves none: the one rule for recording an honour and for the demo.
    /// </summary>
    public void CommendUnder(RankPolicy? inForce, DateOnly today)
    {
        if (HonourRules.PointsFor(inForce, Level) <= 0) return;
        Commendation = ConductRecord.Create(CadreId, RegionCode, ConductKind.Commendation, Date, null, null, Level, null, CommendationText(Title, AwardedBy), [], today,
            RecordedBy, RecordedAtUtc);
    }

    /// <summary>Withdraws the honour (a reason, once only); the caller withdraws its commendation record in the same save.</summary>
    public void Withdraw(string? reason, string by, DateTime atUtc)
    {
        if (Withdrawn) throw new RuleException("care.honour_withdrawn", "Reason", $"该荣誉已由 {WithdrawnBy} 撤销（{WithdrawReason}），不能重复撤销");
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) throw new RuleException("care.reason", "Reason", "请填写撤销理由");
        if (text.Length > ConductRecord.MaxWithdrawReasonLength) throw new RuleException("care.reason", "Reason", $"撤销理由不能超过 {ConductRecord.MaxWithdrawReasonLength} 个字");
        (WithdrawnAtUtc, WithdrawnBy, WithdrawReason) = (atUtc, by, text);
    }
}

/// <summary>Pure rules of honours: what an honour must be, and whether it gives promotion points.</summary>
public static class HonourRules
{
    /// <summary>Every problem of an honour as entered (empty when it may be saved).</summary>
    public static IReadOnlyList<RuleProblem> Problems(CommendationLevel level, string? title, string? awardedBy, DateOnly date, long? amountFen, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(level)) problems.Add(new("care.honour_level", "Level", "请选择表彰级别（县级、市级、省级、国家级）"));
        if (string.IsNullOrWhiteSpace(title)) problems.Add(new("care.honour_title", "Title", "请填写荣誉称号"));
        else if (title.Trim().Length > Honour.MaxTitle) problems.Add(new("care.honour_title", "Title", $"荣誉称号不能超过 {Honour.MaxTitle} 个字"));
        if (string.IsNullOrWhiteSpace(awardedBy)) problems.Add(new("care.honour_body", "AwardedBy", "请填写授予单位"));
        else if (awardedBy.Trim().Length > Honour.MaxAwardedBy) problems.Add(new("care.honour_body", "AwardedBy", $"授予单位不能超过 {Honour.MaxAwardedBy} 个字"));
        if (date > today) problems.Add(new("care.honour_date", "Date", "表彰日期不能晚于今天"));
        if (amountFen is < 0) problems.Add(new("care.honour_amount", "AmountFen", "奖金不能为负数"));
        else if (amountFen > Honour.MaxAmountFen) problems.Add(new("care.honour_amount", "AmountFen", $"奖金不能超过 {Honour.MaxAmountFen / 100:N0} 元"));
        return problems;
    }

    /// <summary>Points the policy gives the level (0: the honour is recorded without a commendation record); no policy, no points.</summary>
    public static int PointsFor(RankPolicy? policy, CommendationLevel level) => policy is null || !Enum.IsDefined(level) ? 0 : Math.Max(0, policy.PointsFor(level));
}
