namespace Cunzhi.Domain.Disclosure;

/// <summary>The five parts a county's small and micro power list (小微权力清单) is usually arranged in.</summary>
public enum PowerCategory
{
    /// <summary>村务决策.</summary>
    Decisions = 1,
    /// <summary>工程建设.</summary>
    Projects = 2,
    /// <summary>资产资源管理.</summary>
    Assets = 3,
    /// <summary>资金使用.</summary>
    Funds = 4,
    /// <summary>民生服务 (低保申请、宅基地审批…).</summary>
    Livelihood = 5,
}

/// <summary>
/// One step of a power's procedure: its number (1, 2, … in order), what is done (<c>村两委联席会议商议</c>), who does it as
/// the list writes it (<c>村两委</c>, <c>村民代表会议</c>) and, when the list sets one, the most working days it may take
/// after the previous step (after the exercise began, for the first).
/// </summary>
public sealed record PowerStep(int Number, string Name, string PerformedBy, int? TimeLimitWorkingDays = null)
{
    /// <summary>Longest name or performer.</summary>
    public const int MaxText = 50;
    /// <summary>Longest time limit in working days.</summary>
    public const int MaxTimeLimit = 120;
}

/// <summary>
/// 小微权力事项: one power of the village (a decision, a project, an asset lease, a payment, a livelihood application)
/// with its ordered procedure. An exercise keeps the steps of the item it began under, so a later change to the list
/// does not reorder an exercise under way.
/// </summary>
public sealed record PowerItem(string Code, string Name, PowerCategory Category, IReadOnlyList<PowerStep> Steps)
{
    /// <summary>Most steps of one procedure.</summary>
    public const int MaxSteps = 20;

    /// <summary>The step numbered <paramref name="number"/>, or null.</summary>
    public PowerStep? Step(int number) => Steps.FirstOrDefault(s => s.Number == number);

    /// <summary>The Chinese name of a category.</summary>
    public static string CategoryName(PowerCategory category) => category switch
    {
        PowerCategory.Decisions => "村务决策",
        PowerCategory.Projects => "工程建设",
        PowerCategory.Assets => "资产资源管理",
        PowerCategory.Funds => "资金使用",
        PowerCategory.Livelihood => "民生服务",
        _ => "",
    };

    /// <summary>
    /// A few items as common county lists write them, for a county to start from and for the demo: the
    /// 「四议两公开」 decision procedure, a low-income (低保) application and a housing-site (宅基地) application.
    /// </summary>
    public static IReadOnlyList<PowerItem> Samples() =>
    [
        new("JC01", "村级重大事项决策（四议两公开）", PowerCategory.Decisions,
        [
            new(1, "村党组织提议", "村党组织"),
            new(2, "村两委联席会议商议", "村两委", 10),
            new(3, "党员大会审议", "村党员大会", 10),
            new(4, "村民会议或村民代表会议决议", "村民会议或村民代表会议", 15),
            new(5, "决议公开", "村民委员会", 5),
            new(6, "实施结果公开", "村民委员会"),
        ]),
        new("MS01", "最低生活保障申请", PowerCategory.Livelihood,
        [
            new(1, "村民提出申请", "申请人"),
            new(2, "受理并入户调查", "村民委员会", 5),
            new(3, "村民代表会议民主评议", "村民代表会议", 10),
            new(4, "评议结果公示", "村民委员会", 3),
            new(5, "报乡镇审核", "村民委员会", 5),
        ]),
        new("MS02", "农村宅基地申请", PowerCategory.Livelihood,
        [
            new(1, "农户提出书面申请", "申请人"),
            new(2, "村民小组会议讨论", "村民小组", 10),
            new(3, "村内公示", "村民委员会", 5),
            new(4, "村民委员会审查并报乡镇", "村民委员会", 5),
        ]),
    ];
}

/// <summary>
/// One recorded step of an exercise: which step, the day it was done, who recorded it (account), the decision or what
/// was done, and whether it turned the matter down (不同意), which ends the exercise there.
/// </summary>
public sealed record PowerStepRecord(int Step, DateOnly On, string By, string Decision, bool Rejected = false)
{
    /// <summary>Longest decision text.</summary>
    public const int MaxDecision = 500;
}
