using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>One version of the county's 村务公开规则; <see cref="RowVersion"/> is the data version an edit of the draft sends back.</summary>
public sealed record DisclosurePolicyView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, bool InForce, string? PublishedBy, DateTime? PublishedAtUtc,
    IReadOnlyList<DisclosureItem> Items, int PeriodicDueWorkingDays, int ImmediateDueWorkingDays, int DueSoonWorkingDays, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>The county's versions (newest first), the one in force today and the draft; the ETag is the draft's data version (0 without one).</summary>
public sealed record DisclosurePolicyOverview(string County, DateOnly Today, DisclosurePolicyView? InForce, DisclosurePolicyView Defaults, DisclosurePolicyView? Draft,
    IReadOnlyList<DisclosurePolicyView> Versions, string LegalBasis) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>The whole draft: the catalogue and the deadlines (a new draft starts from the newest version, or the defaults).</summary>
public sealed record SaveDisclosurePolicy(List<DisclosureItem>? Items, int PeriodicDueWorkingDays, int ImmediateDueWorkingDays, int DueSoonWorkingDays) : IVersionedCommand
{
    /// <summary>The draft's data version as read (0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

/// <summary>Publishes the draft from <see cref="EffectiveFrom"/> (the first day of a quarter, not before the current one).</summary>
public sealed record PublishDisclosurePolicy(DateOnly? EffectiveFrom);

public sealed class SaveDisclosurePolicyValidator : AbstractValidator<SaveDisclosurePolicy>
{
    public SaveDisclosurePolicyValidator()
    {
        RuleFor(c => c.Items).NotNull().WithMessage("请填写公开目录");
        RuleFor(c => c).Must(c => DisclosurePolicyHandlers.Apply(Blank(), c).Problems().Count == 0).When(c => c.Items is not null && c.Items.All(i => i is not null))
            .WithName("Items").WithMessage(c => string.Join("；", DisclosurePolicyHandlers.Apply(Blank(), c).Problems()));
    }

    private static DisclosurePolicy Blank() => new() { CountyCode = "" };
}

public sealed class PublishDisclosurePolicyValidator : AbstractValidator<PublishDisclosurePolicy>
{
    public PublishDisclosurePolicyValidator() =>
        RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效日期")
            .Must(d => d is null || d.Value.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"生效日期须在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
}

/// <summary>
/// 村务公开规则 of the acting account's county (the shared versioned-policy handler): the county edits a draft of the
/// catalogue and deadlines and publishes it from the first day of a quarter; towns and villages read it. Until a county
/// publishes its own, the default catalogue (<see cref="DisclosurePolicy.Default"/>) applies — as version 0, in force
/// from any date (<see cref="RulesOfAsync"/>).
/// </summary>
public sealed class DisclosurePolicyHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : VersionedPolicyHandlers<DisclosurePolicy, DisclosurePolicyView, DisclosurePolicyOverview, SaveDisclosurePolicy, PublishDisclosurePolicy>(db, user, clock)
{
    internal static DisclosurePolicy Apply(DisclosurePolicy p, SaveDisclosurePolicy c)
    {
        p.Items = [.. (c.Items ?? []).Select(i => i with { Code = i.Code?.Trim() ?? "", Name = i.Name?.Trim() ?? "" })];
        (p.PeriodicDueWorkingDays, p.ImmediateDueWorkingDays, p.DueSoonWorkingDays) = (c.PeriodicDueWorkingDays, c.ImmediateDueWorkingDays, c.DueSoonWorkingDays);
        return p;
    }

    /// <summary>A command holding the numbers of <paramref name="v"/> (its RowVersion is set by the caller).</summary>
    public static SaveDisclosurePolicy ToCommand(DisclosurePolicyView v) => new([.. v.Items], v.PeriodicDueWorkingDays, v.ImmediateDueWorkingDays, v.DueSoonWorkingDays);

    /// <summary>The default catalogue as version 0, published and in force from any date: what a county uses until it publishes its own.</summary>
    public static DisclosurePolicy Fallback(string county)
    {
        var p = DisclosurePolicy.Default(county);
        (p.Version, p.EffectiveFrom, p.IsPublished) = (0, DateOnly.MinValue, true);
        return p;
    }

    /// <summary>The published versions of <paramref name="county"/> the calendar and postings judge by, with the defaults as version 0 before the first.</summary>
    public async Task<IReadOnlyCollection<DisclosurePolicy>> RulesOfAsync(string county, CancellationToken ct = default) =>
        [Fallback(county), .. (await VersionsOfAsync(county, ct)).Where(v => v.IsPublished)];

    private static DisclosurePolicyView ViewOf(DisclosurePolicy p, DisclosurePolicy? inForce) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished,
        inForce is not null && p.Id == inForce.Id && p.IsPublished, p.PublishedBy, p.PublishedAtUtc, p.Items, p.PeriodicDueWorkingDays, p.ImmediateDueWorkingDays,
        p.DueSoonWorkingDays, p.RowVersion);

    protected override DisclosurePolicyView View(DisclosurePolicy policy, DisclosurePolicy? inForce) => ViewOf(policy, inForce);

    protected override DisclosurePolicyOverview Overview(string county, DateOnly today, DisclosurePolicyView? inForce, DisclosurePolicyView? draft, IReadOnlyList<DisclosurePolicyView> versions) =>
        new(county, today, inForce, ViewOf(Fallback(county), null), draft, versions, DisclosureRules.LegalBasis);

    protected override DisclosurePolicy NewDraft(IReadOnlyList<DisclosurePolicy> versions, string county, int version, SaveDisclosurePolicy c)
    {
        var from = DisclosureRules.QuarterStart(Today).AddMonths(3);
        if (versions.OrderByDescending(v => v.Version).FirstOrDefault() is { } latest) return latest.NewDraft(version, from);
        var d = DisclosurePolicy.Default(county);
        (d.Version, d.EffectiveFrom) = (version, from);
        return d;
    }

    protected override void Apply(DisclosurePolicy draft, IReadOnlyList<DisclosurePolicy> versions, SaveDisclosurePolicy c) => Apply(draft, c);

    protected override void Publish(DisclosurePolicy draft, IReadOnlyList<DisclosurePolicy> versions, PublishDisclosurePolicy c)
    {
        var (by, atUtc) = Publisher;
        draft.Publish(c.EffectiveFrom!.Value, versions, Today, by, atUtc);
    }
}
