using Cunzhi.Domain.Points;

namespace Cunzhi.Web.Features.Points;

/// <summary>Chinese labels of the points enums on pages.</summary>
public static class PointsNames
{
    public static string Sign(PointsSign s) => s == PointsSign.Deduct ? "扣分" : "加分";
    public static string For(PointsHolderKind k) => k == PointsHolderKind.PartyMember ? "党员" : "农户";
    public static string CarryOver(CarryOverRule r) => r switch { CarryOverRule.All => "全部结转", CarryOverRule.Share => "按比例结转", _ => "每年清零" };
    public static string Outcome(ObjectionOutcome o) => o switch { ObjectionOutcome.Upheld => "成立", ObjectionOutcome.Dismissed => "不成立", _ => "待复核" };
    public static string Proposer(PointsProposer p) => p switch { PointsProposer.GridMember => "网格员", PointsProposer.LinkedPartyMember => "联户党员", _ => "村干部" };
    public static string Movement(StockMovementKind k) => k switch { StockMovementKind.WriteOff => "报损", StockMovementKind.Redemption => "兑换", _ => "入库" };
    public static string Points(int p) => p > 0 ? $"+{p}" : p.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
