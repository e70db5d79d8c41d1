using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Matters;

/// <summary>
/// 诉求办理时限: a county's SLA policy, versioned like the other county policies (<see cref="VersionedPolicy{TSelf}"/>):
/// working days to handle a matter per kind (微实事/问题/发展项目/村庄规划) × level (村/镇/县), and how many working days
/// before its due date a matter counts as due soon (临期). A matter's due date is counted in WORKING days on the county's
/// calendar (<see cref="DueOn"/>), from the day it reaches its level (registration, escalation, sending down, reopening).
/// </summary>
public sealed class SlaPolicy : VersionedPolicy<SlaPolicy>, IPublishedAsDrafted
{
    /// <summary>Most working days a kind may take at one level.</summary>
    public const int MaxDays = 365;
    /// <summary>Most working days of the due-soon warning.</summary>
    public const int MaxDueSoonDays = 30;
    /// <summary>Default due-soon warning in working days.</summary>
    public const int DefaultDueSoonDays = 2;
    /// <summary>Kinds in table order.</summary>
    public static readonly MatterKind[] Kinds = [MatterKind.MicroMatter, MatterKind.Problem, MatterKind.DevelopmentProject, MatterKind.VillagePlan];
    /// <summary>Levels in table order.</summary>
    public static readonly MatterLevel[] Levels = [MatterLevel.Village, MatterLevel.Town, MatterLevel.County];

    /// <summary>The policy a county uses until it publishes its own.</summary>
    public static SlaPolicy Default(string county) => new() { CountyCode = county };

    /// <inheritdoc/>
    protected override string PolicyName => "办理时限";

    /// <summary>微实事 at the village, town, county: working days.</summary>
    public int MicroVillageDays { get; set; } = 5;
    /// <inheritdoc cref="MicroVillageDays"/>
    public int MicroTownDays { get; set; } = 5;
    /// <inheritdoc cref="MicroVillageDays"/>
    public int MicroCountyDays { get; set; } = 5;
    /// <summary>问题 at the village, town, county: working days.</summary>
    public int ProblemVillageDays { get; set; } = 10;
    /// <inheritdoc cref="ProblemVillageDays"/>
    public int ProblemTownDays { get; set; } = 10;
    /// <inheritdoc cref="ProblemVillageDays"/>
    public int ProblemCountyDays { get; set; } = 15;
    /// <summary>发展项目 at the village, town, county: working days.</summary>
    public int ProjectVillageDays { get; set; } = 40;
    /// <inheritdoc cref="ProjectVillageDays"/>
    public int ProjectTownDays { get; set; } = 40;
    /// <inheritdoc cref="ProjectVillageDays"/>
    public int ProjectCountyDays { get; set; } = 60;
    /// <summary>村庄规划 at the village, town, county: working days.</summary>
    public int PlanVillageDays { get; set; } = 60;
    /// <inheritdoc cref="PlanVillageDays"/>
    public int PlanTownDays { get; set; } = 60;
    /// <inheritdoc cref="PlanVillageDays"/>
    public int PlanCountyDays { get; set; } = 60;
    /// <summary>临期: a matter not done within this many working days of its due date (default 2).</summary>
    public int DueSoonDays { get; set; } = DefaultDueSoonDays;

    /// <summary>Working days for <paramref name="kind"/> at <paramref name="level"/>.</summary>
    public int Days(MatterKind kind, MatterLevel level) => (kind, level) switch
    {
        (MatterKind.MicroMatter, MatterLevel.Village) => MicroVillageDays,
        (MatterKind.MicroMatter, MatterLevel.Town) => MicroTownDays,
        (MatterKind.MicroMatter, _) => MicroCountyDays,
        (MatterKind.Problem, MatterLevel.Village) => ProblemVillageDays,
        (MatterKind.Problem, MatterLevel.Town) => ProblemTownDays,
        (MatterKind.Problem, _) => ProblemCountyDays,
        (MatterKind.DevelopmentProject, MatterLevel.Village) => ProjectVillageDays,
        (MatterKind.DevelopmentProject, MatterLevel.Town) => ProjectTownDays,
        (MatterKind.DevelopmentProject, _) => ProjectCountyDays,
        (MatterKind.VillagePlan, MatterLevel.Village) => PlanVillageDays,
        (MatterKind.VillagePlan, MatterLevel.Town) => PlanTownDays,
        (_, _) => PlanCountyDays,
    };

    /// <summary>Sets the working days for <paramref name="kind"/> at <paramref name="level"/>.</summary>
    public void SetDays(MatterKind kind, MatterLevel level, int days)
    {
        switch (kind, level)
        {
            case (MatterKind.MicroMatter, MatterLevel.Village): MicroVillageDays = days; break;
            case (MatterKind.MicroMatter, MatterLevel.Town): MicroTownDays = days; break;
            case (MatterKind.MicroMatter, MatterLevel.County): MicroCountyDays = days; break;
            case (MatterKind.Problem, MatterLevel.Village): ProblemVillageDays = days; break;
            case (MatterKind.Problem, MatterLevel.Town): ProblemTownDays = days; break;
            case (MatterKind.Problem, MatterLevel.County): ProblemCountyDays = days; break;
            case (MatterKind.DevelopmentProject, MatterLevel.Village): ProjectVillageDays = days; break;
            case (MatterKind.DevelopmentProject, MatterLevel.Town): ProjectTownDays = days; break;
            case (MatterKind.DevelopmentProject, MatterLevel.County): ProjectCountyDays = days; break;
            case (MatterKind.VillagePlan, MatterLevel.Village): PlanVillageDays = days; break;
            case (MatterKind.VillagePlan, MatterLevel.Town): PlanTownDays = days; break;
            case (MatterKind.VillagePlan, MatterLevel.County): PlanCountyDays = days; break;
            default: throw new RuleException("sla.kind", null, "诉求类别或层级有误");
        }
    }

    /// <summary>Every problem with the numbers, in Chinese.</summary>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        foreach (var k in Kinds)
            foreach (var l in Levels)
                if (Days(k, l) is var d && d is < 1 or > MaxDays)
                    p.Add($"{MatterRules.KindName(k)}（{MatterRules.LevelName(l)}）的办理时限须为 1 至 {MaxDays} 个工作日（现为 {d}）");
        if (DueSoonDays is < 0 or > MaxDueSoonDays) p.Add($"临期提醒须为到期前 0 至 {MaxDueSoonDays} 个工作日（现为 {DueSoonDays}）");
        return p;
    }

    /// <summary>Publishes the draft (refused with its <see cref="Problems"/>).</summary>
    public void Publish(string by, DateTime atUtc) => MarkPublished(by, atUtc);

    /// <summary>
    /// The day a matter of <paramref name="kind"/> reaching <paramref name="level"/> on <paramref name="from"/> is due: that
    /// many working days after it on the county's <paramref name="calendar"/> (holidays skipped, 调休 make-up days worked;
    /// the day itself does not count).
    /// </summary>
    public static DateOnly DueOn(SlaPolicy policy, WorkingCalendar calendar, MatterKind kind, MatterLevel level, DateOnly from) =>
        calendar.AddWorkingDays(from, policy.Days(kind, level));
}
