using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Disclosure;

/// <summary>Where an exercise stands.</summary>
public enum PowerExerciseState
{
    /// <summary>办理中.</summary>
    InProgress = 1,
    /// <summary>已办结: every step done.</summary>
    Done = 2,
    /// <summary>未通过: a step turned the matter down, which ended it.</summary>
    Rejected = 3,
}

/// <summary>
/// 小微权力运行: one exercise of a listed power in a village — which item (its code and name) under which version of the
/// county's list (0 = the default list), a title, the applicant or subject (姓名 or 对象, masked on the public portal),
/// the day it began, its state, and what the list view filters on: the next step and its due date (both null once
/// finished). Its steps are <see cref="PowerStepEntry"/> rows, at most one per step (unique).
/// </summary>
public sealed class PowerExercise : IRegionScoped, IVersioned
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 100;
    /// <summary>Longest applicant or subject text.</summary>
    public const int MaxSubject = 100;

    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The item's code in the list.</summary>
    public required string ItemCode { get; set; }
    /// <summary>The item's name as it was when the exercise began.</summary>
    public required string ItemName { get; set; }
    /// <summary>The item's category.</summary>
    public PowerCategory Category { get; set; }
    /// <summary>The version of the county's list the exercise began under (0 = the default list).</summary>
    public int PolicyVersion { get; set; }
    /// <summary>事项标题.</summary>
    public required string Title { get; set; }
    /// <summary>申请人或对象 (optional).</summary>
    public string? Subject { get; set; }
    /// <summary>The day it began.</summary>
    public DateOnly StartedOn { get; set; }
    /// <summary>State.</summary>
    public PowerExerciseState State { get; set; }
    /// <summary>The step to record next (null once finished).</summary>
    public int? NextStep { get; set; }
    /// <summary>The next step's due date when it has a time limit (null otherwise or once finished).</summary>
    public DateOnly? NextDueOn { get; set; }
    /// <summary>Who registered it (account).</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One recorded step of an exercise: unique per exercise and step.</summary>
public sealed class PowerStepEntry : IRegionScoped
{
    /// <summary>Longest 办理人 text.</summary>
    public const int MaxBy = 50;
    /// <summary>Longest attachment text (a file name, a document number).</summary>
    public const int MaxAttachment = 100;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The exercise.</summary>
    public long ExerciseId { get; set; }
    /// <summary>The exercise's village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Step number.</summary>
    public int Step { get; set; }
    /// <summary>The day it was done.</summary>
    public DateOnly On { get; set; }
    /// <summary>Who did it (a body or a person, as written).</summary>
    public required string By { get; set; }
    /// <summary>The decision or what was done.</summary>
    public required string Decision { get; set; }
    /// <summary>Whether it turned the matter down (ends the exercise).</summary>
    public bool Rejected { get; set; }
    /// <summary>Attachment: a file name or document number (optional).</summary>
    public string? Attachment { get; set; }
    /// <summary>Account that recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The record as <see cref="PowerProcedure"/> reads it.</summary>
    public PowerStepRecord ToRecord() => new(Step, On, By, Decision, Rejected);
}

/// <summary>
/// Starting an exercise and recording its steps, on top of <see cref="PowerProcedure"/>: a step the list gives to the
/// town (<see cref="PowerPerformers"/>) is recorded by a town account, every other by the village's; the exercise's
/// state, next step and due date follow each record. Pure; the caller saves.
/// </summary>
public static class PowerExercises
{
    /// <summary>A new exercise of <paramref name="item"/> in <paramref name="village"/>, refused with every problem.</summary>
    public static PowerExercise Start(PowerItem item, int policyVersion, string village, string? title, string? subject, DateOnly startedOn,
        DateOnly today, WorkingCalendar calendar, string by, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        var p = new List<RuleProblem>();
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) p.Add(new("power.village", "village", "权力事项运行须登记在村"));
        if (string.IsNullOrWhiteSpace(title)) p.Add(new("power.title", "title", "请填写事项标题"));
        else if (title.Trim().Length > PowerExercise.MaxTitle) p.Add(new("power.title", "title", $"事项标题不能超过 {PowerExercise.MaxTitle} 个字"));
        if (subject?.Trim().Length > PowerExercise.MaxSubject) p.Add(new("power.subject", "subject", $"申请人或对象不能超过 {PowerExercise.MaxSubject} 个字"));
        if (startedOn > today) p.Add(new("power.date", "startedOn", $"开始日期不能晚于今天（{today:yyyy-MM-dd}）"));
        RuleException.ThrowIfAny(p);
        var e = new PowerExercise
        {
            RegionCode = village, ItemCode = item.Code, ItemName = item.Name, Category = item.Category, PolicyVersion = policyVersion,
            Title = title!.Trim(), Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(), StartedOn = startedOn,
            State = PowerExerciseState.InProgress, CreatedBy = by, CreatedAtUtc = atUtc,
        };
        Refresh(e, item, [], calendar, today);
        return e;
    }

    /// <summary>
    /// Records <paramref name="step"/> of <paramref name="exercise"/> (its steps so far in <paramref name="entries"/>):
    /// refused in Chinese when out of order, twice, after a rejection, by the wrong level, or with a bad date or decision.
    /// Returns the new entry; the exercise's state, next step and due date are updated.
    /// </summary>
    public static PowerStepEntry Record(PowerExercise exercise, PowerItem item, IReadOnlyCollection<PowerStepEntry> entries, int step, DateOnly on,
        string? performedBy, string? decision, bool rejected, string? attachment, bool byTown, WorkingCalendar calendar, DateOnly today, string account, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entries);
        var records = entries.Select(e => e.ToRecord()).ToList();
        var problems = PowerProcedure.CanRecord(item, records, exercise.StartedOn, step, on, decision, today).ToList();
        if (item.Step(step) is { } asked && problems.Count == 0)
        {
            if (PowerPerformers.IsTownStep(asked) && !byTown)
                problems.Add(new("power.level", "step", $"第 {step} 步「{asked.Name}」由{asked.PerformedBy}办理，须由乡镇账号记录"));
            else if (!PowerPerformers.IsTownStep(asked) && byTown)
                problems.Add(new("power.level", "step", $"第 {step} 步「{asked.Name}」由{asked.PerformedBy}办理，须由村账号记录；乡镇只记录清单规定由乡镇办理的步骤"));
        }
        if (performedBy?.Trim().Length > PowerStepEntry.MaxBy) problems.Add(new("power.by", "by", $"办理人不能超过 {PowerStepEntry.MaxBy} 个字"));
        if (attachment?.Trim().Length > PowerStepEntry.MaxAttachment) problems.Add(new("power.attachment", "attachment", $"附件说明不能超过 {PowerStepEntry.MaxAttachment} 个字"));
        RuleException.ThrowIfAny(problems);
        var asked2 = item.Step(step)!;
        var entry = new PowerStepEntry
        {
            ExerciseId = exercise.Id, RegionCode = exercise.RegionCode, Step = step, On = on,
            By = string.IsNullOrWhiteSpace(performedBy) ? asked2.PerformedBy : performedBy.Trim(), Decision = decision!.Trim(), Rejected = rejected,
            Attachment = string.IsNullOrWhiteSpace(attachment) ? null : attachment.Trim(), RecordedBy = account, RecordedAtUtc = atUtc,
        };
        Refresh(exercise, item, [.. records, entry.ToRecord()], calendar, today);
        return entry;
    }

    /// <summary>Sets the exercise's state, next step and its due date from its records.</summary>
    public static void Refresh(PowerExercise exercise, PowerItem item, IReadOnlyCollection<PowerStepRecord> records, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var progress = PowerProcedure.Progress(item, records, exercise.StartedOn, calendar, today);
        var next = progress.FirstOrDefault(s => s.State is PowerStepState.Current or PowerStepState.Overdue);
        exercise.State = records.Any(r => r.Rejected) ? PowerExerciseState.Rejected : next is null ? PowerExerciseState.Done : PowerExerciseState.InProgress;
        exercise.NextStep = next?.Step.Number;
        exercise.NextDueOn = next?.DueOn;
    }

    /// <summary>The Chinese name of a state.</summary>
    public static string StateName(PowerExerciseState state) => state switch
    {
        PowerExerciseState.InProgress => "办理中",
        PowerExerciseState.Done => "已办结",
        PowerExerciseState.Rejected => "未通过",
        _ => "",
    };
}
