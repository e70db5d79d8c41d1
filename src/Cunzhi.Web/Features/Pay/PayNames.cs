using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;

namespace Cunzhi.Web.Features.Pay;

/// <summary>Display names and formats for the pay pages.</summary>
public static class PayNames
{
    public static IReadOnlyList<ReferenceItem> Posts => ReferenceData.Posts;
    public static bool IsPost(string code) => ReferenceData.Posts.Any(p => p.Code == code);
    public static string Post(string code) => PayrollCalculator.PostName(code);
    public static string State(PayrollState s) => s switch
    {
        PayrollState.Draft => "草稿",
        PayrollState.Reviewed => "已复核",
        PayrollState.Approved => "已审批",
        PayrollState.Locked => "已锁定",
        _ => s.ToString(),
    };
    public static string StateBadge(PayrollState s) => s switch
    {
        PayrollState.Draft => "text-bg-secondary",
        PayrollState.Reviewed => "text-bg-info",
        PayrollState.Approved => "text-bg-primary",
        _ => "text-bg-success",
    };
    public static string Kind(PayLineKind k) => k switch
    {
        PayLineKind.Regular => "在任",
        PayLineKind.Reward => "奖励",
        PayLineKind.Retirement => "离任补贴",
        PayLineKind.Adjustment => "调整",
        _ => k.ToString(),
    };
    public static string IncomeState(IncomeRewardState s) => s == IncomeRewardState.Approved ? "已审核" : "待审核";
    /// <summary>Fen as yuan, 2 decimals with thousands separators.</summary>
    public static string Yuan(long fen) => PayRules.Yuan(fen);
    /// <summary>Yuan typed on a form (e.g. "3000", "3,000.50" or full-width "３，０００．５０") to fen; null when not a number with at most 2 decimals.</summary>
    public static long? ParseYuan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!decimal.TryParse(Domain.Common.NumberText.Normalize(text).Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var y)) return null;
        if (decimal.Round(y, 2) != y || Math.Abs(y) > 1_000_000_000m) return null;
        return (long)(y * 100);
    }
    /// <summary>Fen as a plain number in yuan for form inputs ("3000.00").</summary>
    public static string Input(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
