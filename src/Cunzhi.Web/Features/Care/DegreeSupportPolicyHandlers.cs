using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Care;

/// <summary>One version of the county's 学历提升报销办法 as shown; <see cref="RowVersion"/> is the data version an edit sends back.</summary>
public sealed record DegreePolicyView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, string? PublishedBy, DateTime? PublishedAtUtc,
    int SharePercent, int CapPerYearYuan, int CapPerProgrammeYuan, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>The county's policy: in force today (or the defaults), the draft and every version; the ETag is the draft's data version (0 without one).</summary>
public sealed record DegreePolicyOverview(DegreePolicyView? InForce, DegreePolicyView Defaults, DegreePolicyView? Draft, IReadOnlyList<DegreePolicyView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>Saves the county's draft: effective date, share (percent), caps (yuan; 0 = none).</summary>
public sealed record SaveDegreePolicy(DateOnly EffectiveFrom, int SharePercent, int CapPerYearYuan, int CapPerProgrammeYuan) : IDatedPolicyCommand
{
    /// <summary>The draft's data version as read (0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

public sealed class SaveDegreePolicyValidator : AbstractValidator<SaveDegreePolicy>
{
    public SaveDegreePolicyValidator()
    {
        RuleFor(c => c.EffectiveFrom).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"生效日期须在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
        RuleFor(c => c.SharePercent).InclusiveBetween(1, 100).WithMessage("报销比例须为 1% 至 100%");
        RuleFor(c => c.CapPerYearYuan).InclusiveBetween(0, DegreeSupportPolicy.MaxCapYuan).WithMessage("每人每年报销上限须为 0 至 1,000,000 元（0 为不设上限）");
        RuleFor(c => c.CapPerProgrammeYuan).InclusiveBetween(0, DegreeSupportPolicy.MaxCapYuan).WithMessage("每个学历项目报销上限须为 0 至 1,000,000 元（0 为不设上限）");
    }
}

/// <summary>
/// 学历提升报销办法 of the acting account's county (the shared versioned-policy handler): the county edits and publishes; a
/// claim is approved under the version in force on the day of approval.
/// </summary>
public sealed class DegreeSupportPolicyHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : DatedPolicyHandlers<DegreeSupportPolicy, DegreePolicyView, DegreePolicyOverview, SaveDegreePolicy>(db, user, clock)
{
    /// <summary>One version as shown.</summary>
    public static DegreePolicyView View(DegreeSupportPolicy p) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc,
        p.SharePercent, p.CapPerYearYuan, p.CapPerProgrammeYuan, p.RowVersion);

    protected override DegreePolicyView View(DegreeSupportPolicy policy, DegreeSupportPolicy? inForce) => View(policy);

    protected override DegreePolicyOverview Overview(string county, DateOnly today, DegreePolicyView? inForce, DegreePolicyView? draft, IReadOnlyList<DegreePolicyView> versions) =>
        new(inForce, View(DegreeSupportPolicy.Default(county)), draft, versions);

    protected override string EffectiveDateRule => "degree.effective";

    protected override DegreeSupportPolicy Defaults(string county) => DegreeSupportPolicy.Default(county);

    protected override void Change(DegreeSupportPolicy draft, SaveDegreePolicy c)
    {
        (draft.SharePercent, draft.CapPerYearYuan, draft.CapPerProgrammeYuan) = (c.SharePercent, c.CapPerYearYuan, c.CapPerProgrammeYuan);
    }
}
