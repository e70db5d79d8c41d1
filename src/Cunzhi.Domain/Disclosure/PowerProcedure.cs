using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Disclosure;

/// <summary>Where a step of an exercise stands.</summary>
public enum PowerStepState
{
    /// <summary>已完成.</summary>
    Done = 1,
    /// <summary>办理中: the next step, within its time limit (or without one).</summary>
    Current = 2,
    /// <summary>逾期: the next step, past its time limit.</summary>
    Overdue = 3,
    /// <summary>未开始: a later step.</summary>
    Waiting = 4,
    /// <summary>已终止: after a step that turned the matter down.</summary>
    Stopped = 5,
}

/// <summary>
/// One step's standing in an exercise: its record when done, and its due date when it has a time limit and its previous
/// step is done (a later step has none yet). <see cref="Late"/>: done after the due date.
/// </summary>
public sealed record PowerStepStatus(PowerStep Step, PowerStepState State, DateOnly? DueOn, PowerStepRecord? Record, bool Late);

/// <summary>
/// 小微权力运行: the rules of exercising a listed power step by step. Steps are done strictly in order, each once; a step
/// that turns the matter down ends the exercise; a step's day is not before the previous step's (or the exercise's
/// start) nor after today. A step's time limit runs in working days on the county's calendar from the day the previous
/// step was done (from the start, for the first). Pure; the caller saves the record it is given back.
/// </summary>
public static class PowerProcedure
{
    /// <summary>Every problem with an item of the list, in Chinese.</summary>
    public static IReadOnlyList<string> ItemProblems(PowerItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Trim().Length > 10) p.Add("权力事项编号须为 1 至 10 个字符");
        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Trim().Length > 50) p.Add("权力事项名称须为 1 至 50 个字");
        if (!Enum.IsDefined(item.Category)) p.Add("请选择权力事项类别");
        if (item.Steps.Count is 0 or > PowerItem.MaxSteps) p.Add($"运行流程须有 1 至 {PowerItem.MaxSteps} 步");
        for (var i = 0; i < item.Steps.Count; i++)
        {
            var s = item.Steps[i];
            if (s.Number != i + 1) p.Add($"流程步骤须从 1 起按顺序编号（第 {i + 1} 项编为 {s.Number}）");
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > PowerStep.MaxText) p.Add($"第 {i + 1} 步的名称须为 1 至 {PowerStep.MaxText} 个字");
            if (string.IsNullOrWhiteSpace(s.PerformedBy) || s.PerformedBy.Trim().Length > PowerStep.MaxText) p.Add($"第 {i + 1} 步须写明由谁办理（1 至 {PowerStep.MaxText} 个字）");
            if (s.TimeLimitWorkingDays is < 1 or > PowerStep.MaxTimeLimit) p.Add($"第 {i + 1} 步的时限须为 1 至 {PowerStep.MaxTimeLimit} 个工作日");
        }
        return p;
    }

    /// <summary>The step to record next; null when every step is done or a step turned the matter down.</summary>
    public static PowerStep? NextStep(PowerItem item, IReadOnlyCollection<PowerStepRecord> records)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Any(r => r.Rejected)) return null;
        return item.Steps.FirstOrDefault(s => records.All(r => r.Step != s.Number));
    }

    /// <summary>Whether the exercise is over: every step done, or one turned the matter down.</summary>
    public static bool IsFinished(PowerItem item, IReadOnlyCollection<PowerStepRecord> records) => NextStep(item, records) is null;

    /// <summary>
    /// Why <paramref name="step"/> may not be recorded on <paramref name="on"/> (every reason, in Chinese); empty when it may.
    /// </summary>
    /// <param name="item">The item with the steps the exercise began under.</param>
    /// <param name="records">The steps recorded so far.</param>
    /// <param name="startedOn">The day the exercise began.</param>
    /// <param name="step">The step number asked.</param>
    /// <param name="on">The day it was done.</param>
    /// <param name="decision">The decision or what was done.</param>
    /// <param name="today">Today (China time).</param>
    public static IReadOnlyList<RuleProblem> CanRecord(
        PowerItem item, IReadOnlyCollection<PowerStepRecord> records, DateOnly startedOn, int step, DateOnly on, string? decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(records);
        var p = new List<RuleProblem>();
        if (item.Step(step) is not { } asked)
        {
            p.Add(new("power.step", "step", $"「{item.Name}」共 {item.Steps.Count} 步，没有第 {step} 步"));
            return p;
        }
        if (records.FirstOrDefault(r => r.Rejected) is { } stop)
        {
            p.Add(new("power.stopped", "step", $"该事项已在第 {stop.Step} 步「{item.Step(stop.Step)?.Name}」未通过而终止，不能继续记录"));
            return p;
        }
        if (records.Any(r => r.Step == step))
            p.Add(new("power.repeat", "step", $"第 {step} 步「{asked.Name}」已记录，不能重复记录"));
        else if (NextStep(item, records) is { } next && next.Number != step)
            p.Add(new("power.order", "step", $"须先完成第 {next.Number} 步「{next.Name}」"));
        else
        {
            var previous = records.Where(r => r.Step < step).OrderByDescending(r => r.Step).FirstOrDefault();
            var earliest = previous?.On ?? startedOn;
            if (on < earliest)
                p.Add(new("power.date", "on", previous is null
                    ? $"办理日期不能早于事项开始日期（{startedOn:yyyy-MM-dd}）"
                    : $"办理日期不能早于第 {previous.Step} 步的日期（{previous.On:yyyy-MM-dd}）"));
        }
        if (on > today) p.Add(new("power.date", "on", $"办理日期不能晚于今天（{today:yyyy-MM-dd}）"));
        if (string.IsNullOrWhiteSpace(decision)) p.Add(new("power.decision", "decision", "请填写办理结果或决定"));
        else if (decision.Trim().Length > PowerStepRecord.MaxDecision) p.Add(new("power.decision", "decision", $"办理结果不能超过 {PowerStepRecord.MaxDecision} 个字"));
        return p;
    }

    /// <summary>
    /// The record of <paramref name="step"/>, refused with every problem of <see cref="CanRecord"/>; the caller adds it to
    /// the exercise and saves.
    /// </summary>
    public static PowerStepRecord Record(
        PowerItem item, IReadOnlyCollection<PowerStepRecord> records, DateOnly startedOn, int step, DateOnly on, string by, string? decision,
        bool rejected, DateOnly today)
    {
        RuleException.ThrowIfAny(CanRecord(item, records, startedOn, step, on, decision, today));
        return new(step, on, by, decision!.Trim(), rejected);
    }

    /// <summary>
    /// Each step's standing on <paramref name="today"/>: done steps (late when after their due date), the next step
    /// (overdue when today is past its due date), later steps waiting, and after a rejection the rest stopped.
    /// </summary>
    public static IReadOnlyList<PowerStepStatus> Progress(
        PowerItem item, IReadOnlyCollection<PowerStepRecord> records, DateOnly startedOn, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(calendar);
        var byStep = records.GroupBy(r => r.Step).ToDictionary(g => g.Key, g => g.MinBy(r => r.On)!);
        var result = new List<PowerStepStatus>(item.Steps.Count);
        DateOnly? previousDone = startedOn;
        var stopped = false;
        foreach (var step in item.Steps)
        {
            DateOnly? due = previousDone is { } from && step.TimeLimitWorkingDays is { } days ? calendar.AddWorkingDays(from, days) : null;
            if (byStep.TryGetValue(step.Number, out var r))
            {
                result.Add(new(step, PowerStepState.Done, due, r, due is { } d && r.On > d));
                previousDone = r.On;
                stopped |= r.Rejected;
                continue;
            }
            if (stopped) { result.Add(new(step, PowerStepState.Stopped, null, null, false)); continue; }
            if (previousDone is null) { result.Add(new(step, PowerStepState.Waiting, null, null, false)); continue; }
            result.Add(new(step, due is { } dd && today > dd ? PowerStepState.Overdue : PowerStepState.Current, due, null, false));
            previousDone = null;
        }
        return result;
    }

    /// <summary>Whether any step of the exercise is overdue on <paramref name="today"/>.</summary>
    public static bool IsOverdue(PowerItem item, IReadOnlyCollection<PowerStepRecord> records, DateOnly startedOn, WorkingCalendar calendar, DateOnly today) =>
        Progress(item, records, startedOn, calendar, today).Any(s => s.State == PowerStepState.Overdue);

    /// <summary>The Chinese name of a state.</summary>
    public static string StateName(PowerStepState state) => state switch
    {
        PowerStepState.Done => "已完成",
        PowerStepState.Current => "办理中",
        PowerStepState.Overdue => "逾期",
        PowerStepState.Waiting => "未开始",
        PowerStepState.Stopped => "已终止",
        _ => "",
    };
}
