using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>
/// Who may be named as an entry's proposer (一网三联): a village cadre enters every entry and may name the household's
/// current grid member (网格员 of the grid its villager group lies in) or the household's current linked Party member
/// (联户党员) as the proposer. Only a household's entry has them; approval stays with a committee member other than the
/// entering account.
/// </summary>
public static class PointsProposers
{
    /// <summary>
    /// Checks a named proposer: <paramref name="onNet"/> says whether the net holds them for the household today
    /// (null: the id named nobody of that kind in the village). Refused with the rule in Chinese.
    /// </summary>
    public static void Check(PointsProposer kind, long? proposerId, PointsHolderKind holder, bool? onNet)
    {
        if (!Enum.IsDefined(kind)) throw new RuleException("points.proposer", "proposerKind", "请选择提出人类别（村干部、网格员或联户党员）");
        if (kind == PointsProposer.VillageCadre)
        {
            if (proposerId is not null) throw new RuleException("points.proposer", "proposerId", "村干部本人提出时不需填写提出人");
            return;
        }
        var who = kind == PointsProposer.GridMember ? "网格员" : "联户党员";
        if (proposerId is null) throw new RuleException("points.proposer", "proposerId", $"请选择代为提出的{who}");
        if (holder != PointsHolderKind.Household) throw new RuleException("points.proposer", "proposerKind", $"{who}只能为其负责的农户提出积分，党员积分由村干部提出");
        if (onNet is null) throw new RuleException("points.proposer", "proposerId", $"本村没有这位{who}");
        if (onNet == false)
            throw new RuleException("points.proposer", "proposerId", kind == PointsProposer.GridMember
                ? "该网格员目前不负责这户所在的网格，不能作为提出人"
                : "该党员目前没有联系这户，不能作为提出人");
    }
}
