using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>One year of a holder's statement: what carried in, the year's own movement, and the balance.</summary>
public sealed record YearBalance(int Year, int CarriedIn, int Earned, int Deducted, int Balance, int Spent = 0);

/// <summary>
/// The pure rules of the points ledger: items and their limits, the points of an entry (sign and amount), the cap per
/// year per rule, the entry's state machine (approve, reject, object, review, come into force), reversal, and carry-over.
/// </summary>
public static class PointsRules
{
    /// <summary>Longest item code and name.</summary>
    public const int MaxCode = 10, MaxName = 50;

    /// <summary>Every problem with one item, each message starting with <paramref name="label"/>.</summary>
    public static IEnumerable<string> ItemProblems(PointsItem i, string label)
    {
        if (string.IsNullOrWhiteSpace(i.Code) || i.Code.Length > MaxCode) yield return $"{label}：编号不能为空，且不超过 {MaxCode} 个字符";
        if (string.IsNullOrWhiteSpace(i.Name) || i.Name.Length > MaxName) yield return $"{label}：名称不能为空，且不超过 {MaxName} 个字";
        if (!Enum.IsDefined(i.Sign)) yield return $"{label}：请选择加分或扣分";
        if (!Enum.IsDefined(i.For)) yield return $"{label}：请选择适用对象（农户或党员）";
        if (i.Points is < 1 or > PointsPolicy.MaxItemPoints) yield return $"{label}：分值应为 1 至 {PointsPolicy.MaxItemPoints} 的整数";
        if (i.YearCap is { } cap && cap < i.Points) yield return $"{label}：年度上限（{cap}）不能小于单次分值（{i.Points}）";
    }

    /// <summary>
    /// Every problem with a village's own item under the county version in force: the county limits (分值不超过
    /// <see cref="PointsPolicy.VillageItemMaxPoints"/>, 年度上限必填且不超过 <see cref="PointsPolicy.VillageItemMaxYearCap"/>,
    /// at most <see cref="PointsPolicy.VillageItemMaxCount"/> items in use), a code not the county's and not already the village's.
    /// </summary>
    public static IReadOnlyList<string> VillageItemProblems(PointsItem item, PointsPolicy county, IReadOnlyCollection<string> villageCodes, int inUse)
    {
        var p = ItemProblems(item, "村级条目").ToList();
        if (item.Points > county.VillageItemMaxPoints) p.Add($"村级条目分值不能超过县级规定的 {county.VillageItemMaxPoints} 分");
        if (item.YearCap is null) p.Add("村级条目须设年度上限");
        else if (item.YearCap > county.VillageItemMaxYearCap) p.Add($"村级条目年度上限不能超过县级规定的 {county.VillageItemMaxYearCap} 分");
        if (county.Item(item.Code) is not null) p.Add($"编号 {item.Code} 已是县级条目，请换一个编号");
        if (villageCodes.Contains(item.Code)) p.Add($"编号 {item.Code} 本村已用过，请换一个编号");
        if (inUse >= county.VillageItemMaxCount) p.Add($"本村自定条目已有 {inUse} 项，县级规定最多 {county.VillageItemMaxCount} 项");
        return p;
    }

    /// <summary>
    /// The signed points of an entry under <paramref name="item"/>: the rule fixes the amount, so a requested amount (if any)
    /// must be that positive whole number; the sign comes from the rule (扣分 negative).
    /// </summary>
    public static int SignedPoints(PointsItem item, decimal? requested)
    {
        if (requested is { } r)
        {
            if (r <= 0) throw new RuleException("points.amount", "points", "分值须为正整数：加分还是扣分由条目决定");
            if (r != decimal.Truncate(r)) throw new RuleException("points.amount", "points", "分值须为整数");
            if (r != item.Points) throw new RuleException("points.amount", "points", $"条目“{item.Name}”的分值固定为 {item.Points} 分");
        }
        return item.Sign == PointsSign.Deduct ? -item.Points : item.Points;
    }

    /// <summary>
    /// Refuses an entry that would take the holder past the item's yearly cap: <paramref name="used"/> is the points
    /// (absolute) of the holder's entries under the item in the year that are pending, posted or in force.
    /// </summary>
    public static void CheckCap(PointsItem item, int used, int points)
    {
        if (item.YearCap is { } cap && used + Math.Abs(points) > cap)
            throw new RuleException("points.cap", "itemCode", $"条目“{item.Name}”每年最多 {cap} 分，该对象本年已计 {used} 分（含待审核和公示中），不能再记 {Math.Abs(points)} 分");
    }

    /// <summary>The holder kinds must match: a household item for a household, a Party-member item for a Party member.</summary>
    public static void CheckHolder(PointsItem item, PointsHolderKind holder)
    {
        if (item.For != holder)
            throw new RuleException("points.holder", "holderKind", item.For == PointsHolderKind.Household ? $"条目“{item.Name}”只适用于农户" : $"条目“{item.Name}”只适用于党员");
    }

    /// <summary>The committee approves: not the proposer, only a pending entry; 公示 runs from <paramref name="today"/> for <paramref name="days"/> days.</summary>
    public static void Approve(PointsEntry e, string by, DateOnly today, int days, DateTime atUtc)
    {
        if (e.State != PointsEntryState.Proposed) throw new RuleException("points.state", null, $"该积分记录{StateName(e.State)}，不能审核");
        if (string.Equals(e.ProposedBy, by, StringComparison.OrdinalIgnoreCase))
            throw new RuleException("points.own-proposal", null, "不能审核自己提出的积分记录，请由村两委其他成员审核");
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days));
        (e.State, e.DecidedBy, e.DecidedAtUtc) = (PointsEntryState.Publicity, by, atUtc);
        (e.PublicityFrom, e.PublicityUntil) = (today, today.AddDays(days - 1));
    }

    /// <summary>The committee refuses a pending entry, with a reason; the proposer may not refuse their own either.</summary>
    public static void Reject(PointsEntry e, string by, string reason, DateTime atUtc)
    {
        if (e.State != PointsEntryState.Proposed) throw new RuleException("points.state", null, $"该积分记录{StateName(e.State)}，不能审核");
        if (string.Equals(e.ProposedBy, by, StringComparison.OrdinalIgnoreCase))
            throw new RuleException("points.own-proposal", null, "不能审核自己提出的积分记录，请由村两委其他成员审核");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("points.reason", "reason", "请填写不通过的理由");
        (e.State, e.DecidedBy, e.DecidedAtUtc, e.RejectReason) = (PointsEntryState.Rejected, by, atUtc, reason.Trim());
    }

    /// <summary>An objection may be raised only while the entry is posted, up to and including the last day of 公示.</summary>
    public static void RaiseObjection(PointsEntry e, DateOnly today)
    {
        if (e.State != PointsEntryState.Publicity)
            throw new RuleException("points.objection-closed", null, $"该积分记录{StateName(e.State)}，不在公示期内，不能提出异议");
        if (today > e.PublicityUntil)
            throw new RuleException("points.objection-closed", null, $"公示已于 {e.PublicityUntil:yyyy-MM-dd} 结束，不能再提出异议");
        e.PendingObjections++;
    }

    /// <summary>Reviews a pending objection: upheld voids the entry, dismissed lets it continue (into force once 公示 has ended).</summary>
    public static void Review(PointsEntry e, PointsObjection o, bool upheld, string by, string? note, DateTime atUtc)
    {
        if (o.Outcome != ObjectionOutcome.Pending) throw new RuleException("points.objection-reviewed", null, "该异议已复核");
        if (e.State != PointsEntryState.Publicity) throw new RuleException("points.state", null, $"该积分记录{StateName(e.State)}，不能复核异议");
        (o.Outcome, o.ReviewedBy, o.ReviewNote, o.ReviewedAtUtc) = (upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed, by, note?.Trim(), atUtc);
        e.PendingObjections--;
        if (upheld) e.State = PointsEntryState.Void;
    }

    /// <summary>Whether a posted entry comes into force on <paramref name="today"/>: its 公示 has ended and no objection is pending.</summary>
    public static bool IsDue(PointsEntry e, DateOnly today) =>
        e.State == PointsEntryState.Publicity && e.PendingObjections == 0 && e.PublicityUntil is { } until && today > until;

    /// <summary>
    /// The points that count when an entry of <paramref name="points"/> comes into force on a balance of
    /// <paramref name="balance"/>: all of it, except that a deduction stops at zero unless the county allows negative
    /// balances (a balance already below zero takes no further deduction then).
    /// </summary>
    public static int Applied(int balance, int points, bool allowNegative)
    {
        if (points >= 0 || allowNegative) return points;
        return -Math.Min(-points, Math.Max(balance, 0));
    }

    /// <summary>Brings a due entry into force with <paramref name="applied"/> points counted.</summary>
    public static void ComeIntoForce(PointsEntry e, DateOnly today, int applied)
    {
        if (!IsDue(e, today)) throw new RuleException("points.state", null, "该积分记录尚不能生效");
        (e.State, e.InForceOn, e.AppliedPoints) = (PointsEntryState.InForce, e.PublicityUntil!.Value.AddDays(1), applied);
    }

    /// <summary>
    /// A reversal of <paramref name="original"/> (in force, not reversed yet, not itself a reversal), with a reason: the
    /// opposite of the points it counted, in its year, in force at once. The original is not changed: the caller
    /// says whether it has a reversal already (<see cref="PointsEntry.IsReversed"/>), and a unique index refuses a second one under concurrent requests too.
    /// </summary>
    public static PointsEntry Reverse(PointsEntry original, string reason, string by, DateOnly today, DateTime atUtc)
    {
        if (original.ReversesId is not null) throw new RuleException("points.reverse", null, "冲销记录不能再冲销");
        if (original.StoreItemId is not null) throw new RuleException("points.reverse", null, "积分超市兑换记录不能冲销");
        if (original.IsReversed) throw new RuleException("points.reversed-twice", null, "该积分记录已冲销过，不能重复冲销");
        if (original.State != PointsEntryState.InForce) throw new RuleException("points.reverse", null, $"该积分记录{StateName(original.State)}，只有已生效的记录才能冲销");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("points.reason", "reason", "请填写冲销理由");
        var applied = original.AppliedPoints ?? original.Points;
        return new PointsEntry
        {
            RegionCode = original.RegionCode, HolderKind = original.HolderKind, HolderId = original.HolderId, HolderName = original.HolderName,
            Year = original.Year, Date = today, PolicyVersion = original.PolicyVersion, ItemCode = original.ItemCode, VillageItemId = original.VillageItemId,
            ItemName = $"冲销：{original.ItemName}", Points = -applied, AppliedPoints = -applied, Note = reason.Trim(), State = PointsEntryState.InForce,
            ProposerKind = PointsProposer.VillageCadre, ProposedBy = by, ProposedAtUtc = atUtc, DecidedBy = by, DecidedAtUtc = atUtc, InForceOn = today,
            ReversesId = original.Id, ReversalReason = reason.Trim(),
        };
    }

    /// <summary>
    /// Counts <paramref name="applied"/> points on a holder-year's running row: an entry adds to what was earned or
    /// deducted; a reversal (<paramref name="reversal"/>) takes back from the side its original was counted on.
    /// </summary>
    public static void Count(PointsBalance row, int applied, bool reversal)
    {
        if (!reversal && applied >= 0) row.Earned += applied;
        else if (!reversal) row.Deducted -= applied;
        else if (applied < 0) row.Earned += applied;
        else row.Deducted -= applied;
        row.Entries++;
    }

    /// <summary>Counts a redemption of <paramref name="points"/> (positive) on the holder-year's running row.</summary>
    public static void Spend(PointsBalance row, int points)
    {
        if (points < 1) throw new RuleException("store.points", null, "兑换积分须为正整数");
        row.Spent += points;
        row.Entries++;
    }

    /// <summary>What of a closing balance carries into the next year: nothing, all of it, or a share of a positive balance (rounded down; a negative balance carries in full).</summary>
    public static int Carry(int closing, CarryOverRule rule, int percent) => rule switch
    {
        CarryOverRule.All => closing,
        CarryOverRule.Share => closing > 0 ? closing * percent / 100 : closing,
        _ => 0,
    };

    /// <summary>
    /// A holder's yearly statement from their running rows (one per year with movement), from the first row's year to
    /// <paramref name="toYear"/>: each year opens with what carried over from the year before, under the rule of the
    /// catalogue in force on 1 January of the year (<paramref name="ruleFor"/>; none: nothing carries).
    /// </summary>
    public static IReadOnlyList<YearBalance> Statement(IEnumerable<PointsBalance> rows, int toYear, Func<int, (CarryOverRule Rule, int Percent)?> ruleFor)
    {
        var byYear = rows.GroupBy(r => r.Year).ToDictionary(g => g.Key, g => (Earned: g.Sum(r => r.Earned), Deducted: g.Sum(r => r.Deducted), Spent: g.Sum(r => r.Spent)));
        if (byYear.Count == 0) return [];
        var result = new List<YearBalance>();
        var closing = 0;
        for (var y = byYear.Keys.Min(); y <= toYear; y++)
        {
            var rule = ruleFor(y);
            var carried = result.Count == 0 || rule is null ? 0 : Carry(closing, rule.Value.Rule, rule.Value.Percent);
            var (earned, deducted, spent) = byYear.GetValueOrDefault(y);
            closing = carried + earned - deducted - spent;
            result.Add(new YearBalance(y, carried, earned, deducted, closing, spent));
        }
        return result;
    }

    /// <summary>The state's name in a sentence (该积分记录<c>已生效</c>).</summary>
    public static string StateName(PointsEntryState s) => s switch
    {
        PointsEntryState.Proposed => "待审核",
        PointsEntryState.Rejected => "未通过审核",
        PointsEntryState.Publicity => "正在公示",
        PointsEntryState.InForce => "已生效",
        PointsEntryState.Void => "已作废",
        _ => "状态未知",
    };
}
