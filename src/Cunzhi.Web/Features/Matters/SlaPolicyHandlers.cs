using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Matters;

/// <summary>Working days for one kind at one level.</summary>
public sealed record SlaDays(MatterKind Kind, MatterLevel Level, int Days)
{
    /// <summary>类别 (shown).</summary>
    public string KindName => MatterRules.KindName(Kind);
    /// <summary>层级 (shown).</summary>
    public string LevelName => MatterRules.LevelName(Level);
}

/// <summary>
/// One version of the county's 办理时限 as shown: working days per kind × level (kinds in table order, each with its three
/// levels), the due-soon warning. <see cref="Version"/> is 第 n 版; <see cref="RowVersion"/> the data version an edit sends back.
/// </summary>
public sealed record SlaPolicyView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, string? PublishedBy, DateTime? PublishedAtUtc,
    IReadOnlyList<SlaDays> Days, int DueSoonDays, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>
/// The county's 办理时限: the version in force today (<see cref="InForce"/>, or <see cref="Defaults"/> while none is
/// published), the draft, and every version; <see cref="RowVersion"/> is the draft's data version (0 without one), the ETag.
/// </summary>
public sealed record SlaPolicyOverview(SlaPolicyView? InForce, SlaPolicyView Defaults, SlaPolicyView? Draft, IReadOnlyList<SlaPolicyView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>Saves the county's draft (started from the version in force, or the defaults): effective date, days (the ones given change), due-soon days.</summary>
public sealed record SaveSlaPolicy(DateOnly EffectiveFrom, IReadOnlyList<SlaDays>? Days, int DueSoonDays) : IDatedPolicyCommand
{
    /// <summary>The draft's data version as read (<see cref="SlaPolicyOverview.RowVersion"/>; 0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

public sealed class SaveSlaPolicyValidator : AbstractValidator<SaveSlaPolicy>
{
    public SaveSlaPolicyValidator()
    {
        RuleFor(c => c.DueSoonDays).InclusiveBetween(0, SlaPolicy.MaxDueSoonDays).WithMessage($"临期提醒须为到期前 0 至 {SlaPolicy.MaxDueSoonDays} 个工作日");
        RuleFor(c => c.Days).Must(d => d is null || d.Count <= SlaPolicy.Kinds.Length * SlaPolicy.Levels.Length).WithMessage("办理时限表行数有误");
        RuleForEach(c => c.Days).ChildRules(d =>
        {
            d.RuleFor(x => x.Kind).IsInEnum().WithMessage("诉求类别有误");
            d.RuleFor(x => x.Level).IsInEnum().WithMessage("层级有误");
            d.RuleFor(x => x.Days).InclusiveBetween(1, SlaPolicy.MaxDays)
                .WithMessage(x => $"{MatterRules.KindName(x.Kind)}（{MatterRules.LevelName(x.Level)}）的办理时限须为 1 至 {SlaPolicy.MaxDays} 个工作日");
        });
    }
}

/// <summary>
/// 办理时限 of the acting account's county (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>:
/// overview, versions, draft, publish, discard). The county edits and publishes; a version comes into force on its effective
/// date (today or later, after every published version's). A matter's due date is fixed when it reaches its level, under the
/// version in force that day: publishing a version does not move the due dates of matters already taken.
/// </summary>
public sealed class SlaPolicyHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : DatedPolicyHandlers<SlaPolicy, SlaPolicyView, SlaPolicyOverview, SaveSlaPolicy>(db, user, clock)
{
    /// <summary>One version as shown.</summary>
    public static SlaPolicyView View(SlaPolicy p) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc,
        SlaPolicy.Kinds.SelectMany(k => SlaPolicy.Levels.Select(l => new SlaDays(k, l, p.Days(k, l)))).ToList(), p.DueSoonDays, p.RowVersion);

    protected override SlaPolicyView View(SlaPolicy policy, SlaPolicy? inForce) => View(policy);

    protected override SlaPolicyOverview Overview(string county, DateOnly today, SlaPolicyView? inForce, SlaPolicyView? draft, IReadOnlyList<SlaPolicyView> versions) =>
        new(inForce, View(SlaPolicy.Default(county)), draft, versions);

    protected override string EffectiveDateRule => "sla.effective";

    protected override SlaPolicy Defaults(string county) => SlaPolicy.Default(county);

    protected override void Change(SlaPolicy draft, SaveSlaPolicy c)
    {
        foreach (var d in c.Days ?? []) draft.SetDays(d.Kind, d.Level, d.Days);
        draft.DueSoonDays = c.DueSoonDays;
    }
}
