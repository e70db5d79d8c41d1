using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;

namespace Cunzhi.Domain.Tests;

public sealed class MatterRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = D("2026-04-02");
    private static readonly DateTime At = TestClock.Instant;

    private static Matter New(MatterState state = MatterState.Received, MatterLevel level = MatterLevel.Village, MatterKind kind = MatterKind.Problem) => new()
    {
        Id = 7, RegionCode = "360922106208", Title = "路灯不亮", ReceiptHash = "h", CreatedBy = "village.a", Kind = kind, State = state, Level = level,
        Owner = state is MatterState.Received ? null : "village.a", DoneText = state is MatterState.Done or MatterState.Confirmed ? "已修好" : null,
    };

    private static string Outcome(Func<MatterEvent> step)
    {
        try { var e = step(); return $"{e.Kind}:{e.State}"; }
        catch (RuleException e) { return e.Message; }
    }

    [Theory]
    // state before, step → event and state after, or the refusal
    [InlineData(MatterState.Received, "accept", "Accepted:Accepted")]
    [InlineData(MatterState.Accepted, "accept", "该诉求已受理，不能受理")]
    [InlineData(MatterState.Accepted, "start", "Started:InProgress")]
    [InlineData(MatterState.Received, "start", "该诉求已登记，不能开始办理")]
    [InlineData(MatterState.InProgress, "finish", "Done:Done")]
    [InlineData(MatterState.Accepted, "finish", "Done:Done")]
    [InlineData(MatterState.Received, "finish", "该诉求已登记，不能办结")]
    [InlineData(MatterState.Done, "finish", "该诉求已办结，不能办结")]
    [InlineData(MatterState.Done, "confirm", "Confirmed:Confirmed")]
    [InlineData(MatterState.InProgress, "confirm", "该诉求办理中，不能确认")]
    [InlineData(MatterState.Done, "reopen", "Reopened:InProgress")]
    [InlineData(MatterState.InProgress, "reopen", "该诉求办理中，不能重新办理")]
    [InlineData(MatterState.Received, "escalate", "Escalated:Received")]
    [InlineData(MatterState.InProgress, "escalate", "Escalated:Received")]
    [InlineData(MatterState.Done, "escalate", "该诉求已办结，不能提级")]
    public void The_state_machine_allows_only_its_steps(MatterState before, string step, string expected)
    {
        var m = New(before);
        Outcome(() => step switch
        {
            "accept" => MatterRules.Accept(m, MatterLevel.Village, "village.b", "village.a", Today, At),
            "start" => MatterRules.Start(m, MatterLevel.Village, "village.a", Today, At),
            "finish" => MatterRules.Finish(m, MatterLevel.Village, "换了灯泡", "village.a", Today, At),
            "confirm" => MatterRules.Confirm(m, "群众", Today, At),
            "reopen" => MatterRules.Reopen(m, MatterReopener.Village, "又不亮了", 30, "village.a", Today, At),
            "escalate" => MatterRules.Escalate(m, MatterLevel.Village, "村里解决不了", "village.a", Today, At),
            _ => throw new ArgumentException(step),
        }).ShouldBe(expected);
    }

    [Theory]
    // level now, acting level, step → level after, or the refusal
    [InlineData(MatterLevel.Village, MatterLevel.Village, "up", "Town")]
    [InlineData(MatterLevel.Town, MatterLevel.Town, "up", "County")]
    [InlineData(MatterLevel.County, MatterLevel.County, "up", "县级已是最高层级，不能再提级")]
    [InlineData(MatterLevel.Town, MatterLevel.Village, "up", "该诉求当前由乡镇办理，只有乡镇可以处理")]
    [InlineData(MatterLevel.Village, MatterLevel.Town, "up", "该诉求当前由村级办理，只有村级可以处理")]
    [InlineData(MatterLevel.County, MatterLevel.County, "down", "Town")]
    [InlineData(MatterLevel.Town, MatterLevel.Town, "down", "Village")]
    [InlineData(MatterLevel.Village, MatterLevel.Village, "down", "村级诉求没有下级可退回")]
    [InlineData(MatterLevel.Town, MatterLevel.County, "down", "该诉求当前由乡镇办理，只有乡镇可以处理")]
    public void Escalation_moves_one_level_by_the_current_level(MatterLevel level, MatterLevel actor, string step, string expected)
    {
        var m = New(MatterState.InProgress, level);
        string result;
        try
        {
            var e = step == "up"
                ? MatterRules.Escalate(m, actor, "需要乡镇协调", "x", Today, At)
                : MatterRules.SendDown(m, actor, "由村组织施工", "x", Today, At);
            result = e.Level.ToString();
        }
        catch (RuleException e) { result = e.Message; }
        result.ShouldBe(expected);
    }

    [Fact]
    public void Escalation_clears_the_owner_and_waits_for_the_new_level_to_accept()
    {
        var m = New(MatterState.InProgress);
        MatterRules.Escalate(m, MatterLevel.Village, "需要资金", "village.a", Today, At);
        (m.Owner, m.State, m.Level).ShouldBe((null, MatterState.Received, MatterLevel.Town));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Closing_without_saying_what_was_done_is_refused(string? text)
    {
        var m = New(MatterState.InProgress);
        Should.Throw<RuleException>(() => MatterRules.Finish(m, MatterLevel.Village, text, "village.a", Today, At)).Message.ShouldBe("请填写办理结果（做了什么）");
        m.State.ShouldBe(MatterState.InProgress);
    }

    [Theory]
    [InlineData(null, "escalate", "请填写提级理由")]
    [InlineData(" ", "reopen", "请填写要求重新办理的理由")]
    [InlineData("", "down", "请填写决定（下级据此办理）")]
    public void An_empty_reason_is_refused(string? text, string step, string message)
    {
        var m = New(step == "reopen" ? MatterState.Done : MatterState.InProgress, step == "down" ? MatterLevel.Town : MatterLevel.Village);
        Should.Throw<RuleException>(() => step switch
        {
            "escalate" => MatterRules.Escalate(m, MatterLevel.Village, text, "x", Today, At),
            "reopen" => MatterRules.Reopen(m, MatterReopener.Town, text, 30, "x", Today, At),
            _ => MatterRules.SendDown(m, MatterLevel.Town, text, "x", Today, At),
        }).Message.ShouldBe(message);
    }

    [Theory]
    // confirmed on, today, window → allowed
    [InlineData("2026-03-03", "2026-04-02", 30, true)]
    [InlineData("2026-03-02", "2026-04-02", 30, false)]
    [InlineData("2026-03-26", "2026-04-02", 7, true)]
    [InlineData("2026-03-25", "2026-04-02", 7, false)]
    public void A_confirmed_matter_reopens_only_within_the_county_window(string confirmedOn, string today, int days, bool allowed)
    {
        var m = New(MatterState.Confirmed);
        m.ConfirmedOn = D(confirmedOn);
        var ok = true;
        try { MatterRules.Reopen(m, MatterReopener.Town, "仍未解决", days, "town.a", D(today), At); } catch (RuleException) { ok = false; }
        ok.ShouldBe(allowed);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("reopen")]
    public void The_resident_acts_once_with_the_receipt(string first)
    {
        var m = New(MatterState.Done);
        if (first == "confirm") MatterRules.Confirm(m, "群众", Today, At);
        else MatterRules.Reopen(m, MatterReopener.Resident, "没修好", 30, "群众", Today, At);
        m.ReceiptUsed.ShouldBeTrue();
        m.State = MatterState.Done;
        Should.Throw<RuleException>(() => MatterRules.Confirm(m, "群众", Today, At)).Problems[0].Code.ShouldBe("matter.receipt.used");
    }

    [Fact]
    public void Staff_reopening_leaves_the_receipt_for_the_resident()
    {
        var m = New(MatterState.Done);
        MatterRules.Reopen(m, MatterReopener.Village, "复查未达标", 30, "village.a", Today, At);
        m.ReceiptUsed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(MatterLevel.Village, "Village")]
    [InlineData(MatterLevel.Town, "Town")]
    [InlineData(MatterLevel.County, "只有群众、村或乡镇可以要求重新办理")]
    public void Staff_who_may_reopen_are_the_village_and_the_town(MatterLevel level, string expected)
    {
        string result;
        try { result = MatterRules.StaffReopener(level).ToString(); } catch (RuleException e) { result = e.Message; }
        result.ShouldBe(expected);
    }

    [Fact]
    public void Escalation_restarts_the_due_date_at_the_new_level()
    {
        var m = New(MatterState.InProgress, kind: MatterKind.MicroMatter);
        m.DueOn = D("2026-03-01");
        MatterRules.Escalate(m, MatterLevel.Village, "需要乡镇", "x", Today, At);
        // 5 working days at the town from Thursday 2026-04-02: Friday, then 清明 (4–6 April) rests, then 7–10 April.
        m.DueOn.ShouldBe(D("2026-04-10"));
    }

    [Fact]
    public void A_meeting_decision_is_an_event_linked_to_its_meeting()
    {
        var m = New(MatterState.Received, MatterLevel.Town);
        var e = MatterRules.MeetingDecision(m, 42, "由镇农办牵头修路", "town.a", Today, At);
        (e.Kind, e.MeetingId, e.Text, m.State).ShouldBe((MatterEventKind.MeetingDecision, 42L, "由镇农办牵头修路", MatterState.Received));
    }

    [Theory]
    // due date given at 受理 (the SLA's date is 2026-04-10, today 2026-04-02) → the due date after, or the refusal
    [InlineData(null, "2026-04-10")]
    [InlineData("2026-04-10", "2026-04-10")]
    [InlineData("2026-04-15", "2026-04-15")]
    [InlineData("2026-04-02", "2026-04-02")]
    [InlineData("2026-04-06", "2026-04-06 是法定节假日，办理期限须为工作日")]
    [InlineData("2026-04-11", "2026-04-11 是周六，办理期限须为工作日")]
    [InlineData("2026-04-01", "2026-04-01 已经过去，办理期限不能早于今天")]
    public void Acceptance_sets_the_due_date_only_on_a_working_day(string? given, string expected)
    {
        var m = New();
        m.DueOn = D("2026-04-10");
        string result;
        try
        {
            var e = MatterRules.Accept(m, MatterLevel.Village, "village.b", "village.a", Today, At, given is null ? null : D(given), MatterDeadlines.Default);
            result = $"{e.DueOn:yyyy-MM-dd}";
            m.DueOn.ShouldBe(e.DueOn!.Value);
        }
        catch (RuleException e)
        {
            result = e.Message;
            (m.State, m.DueOn, m.Owner).ShouldBe((MatterState.Received, D("2026-04-10"), (string?)null));
        }
        result.ShouldBe(expected);
    }
}
