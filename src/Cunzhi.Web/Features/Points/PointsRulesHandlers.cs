using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// One version of the county's 积分细则. <see cref="Version"/> is the version number (第 n 版); <see cref="RowVersion"/>
/// is the data version an edit of the draft sends back (<c>rowVersion</c> or <c>If-Match</c>).
/// </summary>
public sealed record PointsRulesView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, bool InForce, string? PublishedBy, DateTime? PublishedAtUtc,
    IReadOnlyList<PointsItem> Items, int PublicityDays, CarryOverRule CarryOver, int CarryOverPercent, bool AllowNegative,
    int VillageItemMaxPoints, int VillageItemMaxYearCap, int VillageItemMaxCount, int RowVersion,
    LinkedScoreRule LinkedRule = LinkedScoreRule.None, int LinkWeightPercent = 0) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>The county's versions (newest first), the one in force today and the draft; <see cref="RowVersion"/> (the ETag) is the draft's data version, 0 without one.</summary>
public sealed record PointsRulesOverview(string County, DateOnly Today, PointsRulesView? InForce, PointsRulesView? Draft, IReadOnlyList<PointsRulesView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>The whole draft: items and settings (a new draft starts from the newest version, or the defaults).</summary>
public sealed record SavePointsRules(List<PointsItem>? Items, int PublicityDays, CarryOverRule CarryOver, int CarryOverPercent, bool AllowNegative,
    int VillageItemMaxPoints, int VillageItemMaxYearCap, int VillageItemMaxCount,
    LinkedScoreRule LinkedRule = LinkedScoreRule.None, int LinkWeightPercent = 0) : IVersionedCommand
{
    /// <summary>The draft's data version as read (0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

/// <summary>Publishes the draft from <see cref="EffectiveFrom"/> (not before today).</summary>
public sealed record PublishPointsRules(DateOnly? EffectiveFrom);

public sealed class SavePointsRulesValidator : AbstractValidator<SavePointsRules>
{
    public SavePointsRulesValidator()
    {
        RuleFor(c => c.Items).NotNull().WithMessage("请填写积分细则条目");
        RuleFor(c => c).Must(c => PointsRulesHandlers.Apply(Blank(), c).Problems().Count == 0).When(c => c.Items is not null && c.Items.All(i => i is not null))
            .WithName("Rules").WithMessage(c => string.Join("；", PointsRulesHandlers.Apply(Blank(), c).Problems()));
    }

    private static PointsPolicy Blank() => new() { CountyCode = "" };
}

public sealed class PublishPointsRulesValidator : AbstractValidator<PublishPointsRules>
{
    public PublishPointsRulesValidator() => RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效日期");
}

/// <summary>
/// 积分细则 of the acting account's county (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>):
/// the county admin edits a draft and publishes it from a date not before today; published versions never change, and
/// every ledger entry keeps the version it was proposed under. Towns and villages read it.
/// </summary>
public sealed class PointsRulesHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : VersionedPolicyHandlers<PointsPolicy, PointsRulesView, PointsRulesOverview, SavePointsRules, PublishPointsRules>(db, user, clock)
{
    public const string NoRules = "本县尚未发布积分细则，请县委组织部先发布";

    internal static PointsPolicy Apply(PointsPolicy p, SavePointsRules c)
    {
        p.Items = [.. (c.Items ?? []).Select(i => i with { Code = i.Code?.Trim() ?? "", Name = i.Name?.Trim() ?? "" })];
        (p.PublicityDays, p.CarryOver, p.CarryOverPercent, p.AllowNegative) = (c.PublicityDays, c.CarryOver, c.CarryOver == CarryOverRule.Share ? c.CarryOverPercent : 0, c.AllowNegative);
        (p.VillageItemMaxPoints, p.VillageItemMaxYearCap, p.VillageItemMaxCount) = (c.VillageItemMaxPoints, c.VillageItemMaxYearCap, c.VillageItemMaxCount);
        (p.LinkedRule, p.LinkWeightPercent) = (c.LinkedRule, c.LinkedRule == LinkedScoreRule.Weighted ? c.LinkWeightPercent : 0);
        return p;
    }

    /// <summary>A command holding the numbers of <paramref name="v"/> (its RowVersion is set by the caller).</summary>
    public static SavePointsRules ToCommand(PointsRulesView v) => new([.. v.Items], v.PublicityDays, v.CarryOver, v.CarryOverPercent, v.AllowNegative,
        v.VillageItemMaxPoints, v.VillageItemMaxYearCap, v.VillageItemMaxCount, v.LinkedRule, v.LinkWeightPercent);

    /// <summary>The defaults a county without any version starts from.</summary>
    public static PointsPolicy Defaults(string county, int version, DateOnly effectiveFrom) =>
        new() { CountyCode = county, Version = version, EffectiveFrom = effectiveFrom, Items = PointsPolicy.DefaultItems() };

    protected override PointsRulesView View(PointsPolicy p, PointsPolicy? inForce) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished, p.Id == inForce?.Id,
        p.PublishedBy, p.PublishedAtUtc, p.Items, p.PublicityDays, p.CarryOver, p.CarryOverPercent, p.AllowNegative, p.VillageItemMaxPoints,
        p.VillageItemMaxYearCap, p.VillageItemMaxCount, p.RowVersion, p.LinkedRule, p.LinkWeightPercent);

    protected override PointsRulesOverview Overview(string county, DateOnly today, PointsRulesView? inForce, PointsRulesView? draft, IReadOnlyList<PointsRulesView> versions) =>
        new(county, today, inForce, draft, versions);

    protected override PointsPolicy NewDraft(IReadOnlyList<PointsPolicy> versions, string county, int version, SavePointsRules c) =>
        versions.OrderByDescending(v => v.Version).FirstOrDefault() is { } latest ? latest.NewDraft(version, latest.EffectiveFrom) : Defaults(county, version, Today);

    protected override void Apply(PointsPolicy draft, IReadOnlyList<PointsPolicy> versions, SavePointsRules c) => Apply(draft, c);

    protected override void Publish(PointsPolicy draft, IReadOnlyList<PointsPolicy> versions, PublishPointsRules c)
    {
        var (by, atUtc) = Publisher;
        draft.Publish(c.EffectiveFrom!.Value, versions, Today, by, atUtc);
    }
}
