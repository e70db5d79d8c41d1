using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Matters;

/// <summary>
/// The pure rules of a matter: its state machine (登记 → 受理 with an owner → 办理中 → 办结 with what was done → 群众确认,
/// or 重新办理 with a reason), escalation (提级) village → town → county and back down with a decision, who may act (the
/// account's level must be the matter's current level), and the resident's receipt (confirm or reopen once, a confirmed
/// matter only within the county's window). Every step returns the <see cref="MatterEvent"/> to append.
/// </summary>
public static class MatterRules
{
    /// <summary>The state's label.</summary>
    public static string StateName(MatterState s) => s switch
    {
        MatterState.Received => "已登记",
        MatterState.Accepted => "已受理",
        MatterState.InProgress => "办理中",
        MatterState.Done => "已办结",
        MatterState.Confirmed => "已确认",
        _ => "",
    };

    /// <summary>The kind's label.</summary>
    public static string KindName(MatterKind k) => k switch
    {
        MatterKind.MicroMatter => "微实事",
        MatterKind.Problem => "问题",
        MatterKind.DevelopmentProject => "发展项目",
        MatterKind.VillagePlan => "村庄规划",
        _ => "",
    };

    /// <summary>The source's label.</summary>
    public static string SourceName(MatterSource s) => s switch
    {
        MatterSource.Visit => "上门走访",
        MatterSource.WalkIn => "来访",
        MatterSource.Phone => "电话",
        MatterSource.Complaint => "投诉",
        MatterSource.Other => "其他",
        _ => "",
    };

    /// <summary>The level's label.</summary>
    public static string LevelName(MatterLevel l) => l switch
    {
        MatterLevel.Village => "村级",
        MatterLevel.Town => "乡镇",
        MatterLevel.County => "县级",
        _ => "",
    };

    /// <summary>The event's label.</summary>
    public static string EventName(MatterEventKind k) => k switch
    {
        MatterEventKind.Registered => "登记",
        MatterEventKind.Accepted => "受理",
        MatterEventKind.Started => "开始办理",
        MatterEventKind.Done => "办结",
        MatterEventKind.Confirmed => "群众确认",
        MatterEventKind.Reopened => "重新办理",
        MatterEventKind.Escalated => "提级",
        MatterEventKind.SentDown => "退回下级",
        MatterEventKind.MeetingDecision => "下沉议事决定",
        MatterEventKind.DueChanged => "调整期限",
        _ => "",
    };

    /// <summary>The matter level an account bound to <paramref name="regionLevel"/> acts at (null: none, e.g. a villager group).</summary>
    public static MatterLevel? LevelOf(RegionLevel? regionLevel) => regionLevel switch
    {
        RegionLevel.Village => MatterLevel.Village,
        RegionLevel.Town => MatterLevel.Town,
        RegionLevel.County => MatterLevel.County,
        _ => null,
    };

    /// <summary>Who may act on a matter: only its current level.</summary>
    public static void CheckLevel(Matter m, MatterLevel? actor)
    {
        if (actor != m.Level)
            throw new RuleException("matter.level", null, $"该诉求当前由{LevelName(m.Level)}办理，只有{LevelName(m.Level)}可以处理");
    }

    private static string Required(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RuleException("matter.text", field, message);
        var t = text.Trim();
        if (t.Length > Matter.MaxText) throw new RuleException("matter.text", field, $"内容不能超过 {Matter.MaxText} 个字");
        return t;
    }

    private static MatterEvent Event(Matter m, MatterEventKind kind, string? text, string actor, DateOnly today, DateTime now, long? meetingId = null) => new()
    {
        MatterId = m.Id, RegionCode = m.RegionCode, Kind = kind, Level = m.Level, State = m.State, Text = text, Actor = actor,
        MeetingId = meetingId, DueOn = m.DueOn, On = today, AtUtc = now,
    };

    private static RuleException WrongState(Matter m, string action) =>
        new("matter.state", null, $"该诉求{StateName(m.State)}，不能{action}");

    /// <summary>
    /// The registration event of a new matter (at the village level, received, due by the county's
    /// <paramref name="deadlines"/>; <see cref="MatterDeadlines.Default"/> when none is given).
    /// </summary>
    public static MatterEvent Register(Matter m, string actor, DateOnly today, DateTime now, MatterDeadlines? deadlines = null)
    {
        m.State = MatterState.Received;
        m.Level = MatterLevel.Village;
        m.ReceivedOn = today;
        m.DueOn = (deadlines ?? MatterDeadlines.Default).DueOn(m.Kind, m.Level, today);
        return Event(m, MatterEventKind.Registered, null, actor, today, now);
    }

    /// <summary>
    /// 受理: a received matter gets an owner at its level and, optionally, the due date the acceptor sets
    /// (<paramref name="dueOn"/>; left out or unchanged keeps the SLA's date). A changed date follows the rules of 调整期限
    /// (<see cref="MatterDeadlines.HandSetProblem"/> on the county's <paramref name="deadlines"/>); nothing changes when refused.
    /// </summary>
    public static MatterEvent Accept(Matter m, MatterLevel? actorLevel, string owner, string actor, DateOnly today, DateTime now,
        DateOnly? dueOn = null, MatterDeadlines? deadlines = null)
    {
        CheckLevel(m, actorLevel);
        if (m.State != MatterState.Received) throw WrongState(m, "受理");
        if (string.IsNullOrWhiteSpace(owner)) throw new RuleException("matter.owner", "owner", "请指定承办人");
        if (dueOn is { } due && due != m.DueOn && (deadlines ?? MatterDeadlines.Default).HandSetProblem(due, today) is { } problem)
            throw new RuleException("matter.due", "dueOn", problem);
        m.State = MatterState.Accepted;
        m.Owner = owner.Trim();
        if (dueOn is { } set) m.DueOn = set;
        return Event(m, MatterEventKind.Accepted, m.Owner, actor, today, now);
    }

    /// <summary>开始办理.</summary>
    public static MatterEvent Start(Matter m, MatterLevel? actorLevel, string actor, DateOnly today, DateTime now)
    {
        CheckLevel(m, actorLevel);
        if (m.State != MatterState.Accepted) throw WrongState(m, "开始办理");
        m.State = MatterState.InProgress;
        return Event(m, MatterEventKind.Started, null, actor, today, now);
    }

    /// <summary>办结: what was done is required.</summary>
    public static MatterEvent Finish(Matter m, MatterLevel? actorLevel, string? whatWasDone, string actor, DateOnly today, DateTime now)
    {
        CheckLevel(m, actorLevel);
        if (m.State is not (MatterState.Accepted or MatterState.InProgress)) throw WrongState(m, "办结");
        var text = Required(whatWasDone, "doneText", "请填写办理结果（做了什么）");
        m.State = MatterState.Done;
        m.DoneText = text;
        m.DoneOn = today;
        return Event(m, MatterEventKind.Done, text, actor, today, now);
    }

    /// <summary>提级: to the next level with a reason; past the county refused; a done or confirmed matter is not escalated.</summary>
    public static MatterEvent Escalate(Matter m, MatterLevel? actorLevel, string? reason, string actor, DateOnly today, DateTime now, MatterDeadlines? deadlines = null)
    {
        if (m.Level == MatterLevel.County) throw new RuleException("matter.escalate.top", null, "县级已是最高层级，不能再提级");
        CheckLevel(m, actorLevel);
        if (m.State is MatterState.Done or MatterState.Confirmed) throw WrongState(m, "提级");
        var text = Required(reason, "reason", "请填写提级理由");
        m.Level = m.Level + 1;
        m.State = MatterState.Received;
        m.Owner = null;
        m.DueOn = (deadlines ?? MatterDeadlines.Default).DueOn(m.Kind, m.Level, today);
        return Event(m, MatterEventKind.Escalated, text, actor, today, now);
    }

    /// <summary>退回下级 with the decision the lower level carries out.</summary>
    public static MatterEvent SendDown(Matter m, MatterLevel? actorLevel, string? decision, string actor, DateOnly today, DateTime now, MatterDeadlines? deadlines = null)
    {
        if (m.Level == MatterLevel.Village) throw new RuleException("matter.down.bottom", null, "村级诉求没有下级可退回");
        CheckLevel(m, actorLevel);
        if (m.State is MatterState.Done or MatterState.Confirmed) throw WrongState(m, "退回");
        var text = Required(decision, "decision", "请填写决定（下级据此办理）");
        m.Level = m.Level - 1;
        m.State = MatterState.Received;
        m.Owner = null;
        m.DueOn = (deadlines ?? MatterDeadlines.Default).DueOn(m.Kind, m.Level, today);
        return Event(m, MatterEventKind.SentDown, text, actor, today, now);
    }

    /// <summary>下沉议事的决定: recorded on the matter's history, state unchanged; only on a matter not yet done.</summary>
    public static MatterEvent MeetingDecision(Matter m, long meetingId, string? decision, string actor, DateOnly today, DateTime now)
    {
        if (m.State is MatterState.Done or MatterState.Confirmed) throw WrongState(m, "再作议事决定");
        var text = Required(decision, "decision", "请填写议事决定");
        return Event(m, MatterEventKind.MeetingDecision, text, actor, today, now, meetingId);
    }

    /// <summary>群众确认 (with the receipt code, once): only a done matter.</summary>
    public static MatterEvent Confirm(Matter m, string actor, DateOnly today, DateTime now)
    {
        CheckReceipt(m);
        if (m.State != MatterState.Done) throw WrongState(m, "确认");
        m.State = MatterState.Confirmed;
        m.ConfirmedOn = today;
        m.ReceiptUsed = true;
        return Event(m, MatterEventKind.Confirmed, null, actor, today, now);
    }

    /// <summary>The resident's receipt works once for confirming or reopening.</summary>
    public static void CheckReceipt(Matter m)
    {
        if (m.ReceiptUsed) throw new RuleException("matter.receipt.used", "code", "该回执码已经用过（确认或要求重新办理只能一次），如有问题请联系村委会");
    }

    /// <summary>
    /// 重新办理 with a reason, by the resident (once, with the receipt), the village or the town: a done matter, or a
    /// confirmed one within <paramref name="reopenDays"/> days of its confirmation. It goes back to 办理中 with its owner and level.
    /// </summary>
    public static MatterEvent Reopen(Matter m, MatterReopener by, string? reason, int reopenDays, string actor, DateOnly today, DateTime now,
        MatterDeadlines? deadlines = null)
    {
        if (by == MatterReopener.Resident) CheckReceipt(m);
        if (m.State is not (MatterState.Done or MatterState.Confirmed)) throw WrongState(m, "重新办理");
        var text = Required(reason, "reason", "请填写要求重新办理的理由");
        if (m.State == MatterState.Confirmed && m.ConfirmedOn is { } on && today > on.AddDays(reopenDays))
            throw new RuleException("matter.reopen.window", null, $"该诉求已于 {on:yyyy-MM-dd} 确认，超过 {reopenDays} 天不能再重新办理，请重新登记诉求");
        if (by == MatterReopener.Resident) m.ReceiptUsed = true;
        m.State = MatterState.InProgress;
        m.DoneText = null;
        m.ConfirmedOn = null;
        m.DueOn = (deadlines ?? MatterDeadlines.Default).DueOn(m.Kind, m.Level, today);
        return Event(m, MatterEventKind.Reopened, text, actor, today, now);
    }

    /// <summary>Who reopens when an account of <paramref name="level"/> does: the village or the town; the county does not (it sends down or handles).</summary>
    public static MatterReopener StaffReopener(MatterLevel? level) => level switch
    {
        MatterLevel.Village => MatterReopener.Village,
        MatterLevel.Town => MatterReopener.Town,
        _ => throw new RuleException("matter.reopen.who", null, "只有群众、村或乡镇可以要求重新办理"),
    };

    /// <summary>Whether a matter not done by <paramref name="today"/> is past its due date.</summary>
    public static bool IsOverdue(Matter m, DateOnly today) => MatterDeadlines.IsOverdue(m.State, m.DueOn, today);

    /// <summary>
    /// 调整期限: the matter's current level sets its due date by hand, with a reason, on an open matter; the date must be a
    /// working day on the county's calendar, today or later (<see cref="MatterDeadlines.HandSetProblem"/>). Nothing changes when refused.
    /// </summary>
    public static MatterEvent SetDue(Matter m, MatterLevel? actorLevel, DateOnly dueOn, string? reason, MatterDeadlines deadlines, string actor, DateOnly today, DateTime now)
    {
        CheckLevel(m, actorLevel);
        if (!MatterDeadlines.IsOpen(m.State)) throw WrongState(m, "调整期限");
        var text = Required(reason, "reason", "请填写调整期限的理由");
        if (deadlines.HandSetProblem(dueOn, today) is { } problem) throw new RuleException("matter.due", "dueOn", problem);
        if (dueOn == m.DueOn) throw new RuleException("matter.due", "dueOn", $"办理期限已是 {dueOn:yyyy-MM-dd}，无需调整");
        m.DueOn = dueOn;
        return Event(m, MatterEventKind.DueChanged, $"期限调整为 {dueOn:yyyy-MM-dd}：{text}", actor, today, now);
    }
}
