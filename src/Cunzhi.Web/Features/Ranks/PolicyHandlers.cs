using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>
/// One version of the promotion policy. <see cref="Version"/> is the version number (第 n 版, also in the URL of
/// <c>/versions/{version}</c>); <see cref="RowVersion"/> is the data version an edit of the draft sends back (<c>rowVersion</c> or <c>If-Match</c>).
/// </summary>
public sealed record PolicyView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, bool InForce, string? PublishedBy, DateTime? PublishedAtUtc,
    long AllowanceStepFen, IReadOnlyList<int> MinMonths, Rating MinimumRating, int SanctionMonths, int PeriodMonths, int MinSatisfactionPercent,
    int MaxAbsenceDays, int ExcellentPoints, int CountyCommendationPoints, int CityCommendationPoints, int ProvinceCommendationPoints,
    int NationalCommendationPoints, IReadOnlyList<PointsStep> PointsSteps, IReadOnlyList<string> VetoReasons, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>
/// The county's versions (newest first) and which one is in force today. <see cref="RowVersion"/> is the draft's data
/// version, 0 when there is no draft (a save with 0 then starts one); it is also the ETag.
/// </summary>
public sealed record PolicyOverview(string County, DateOnly Today, PolicyView? InForce, PolicyView? Draft, IReadOnlyList<PolicyView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>The numbers of the county's draft (created from the latest version, or the defaults, when there is none).</summary>
public sealed record SavePolicy(long AllowanceStepFen, List<int>? MinMonths, Rating MinimumRating, int SanctionMonths, int PeriodMonths,
    int MinSatisfactionPercent, int MaxAbsenceDays, int ExcellentPoints, int CountyCommendationPoints, int CityCommendationPoints,
    int ProvinceCommendationPoints, int NationalCommendationPoints, List<PointsStep>? PointsSteps, List<string>? VetoReasons) : IVersionedCommand
{
    /// <summary>The draft's data version as read (<see cref="PolicyOverview.RowVersion"/>; 0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

/// <summary>Publishes the draft from <see cref="EffectiveFrom"/>.</summary>
public sealed record PublishPolicy(DateOnly? EffectiveFrom);

public sealed class SavePolicyValidator : AbstractValidator<SavePolicy>
{
    public SavePolicyValidator()
    {
        RuleFor(c => c.MinMonths).NotNull().WithMessage("请填写各职级的最低任职月数");
        RuleFor(c => c.PointsSteps).NotNull().WithMessage("请填写加分缩短年限表");
        RuleFor(c => c.VetoReasons).NotNull().WithMessage("请填写一票否决情形");
        RuleFor(c => c).Must(c => PolicyHandlers.Apply(Blank(), c).Problems().Count == 0).When(c => c.MinMonths is not null && c.PointsSteps is not null && c.VetoReasons is not null)
            .WithName("Policy").WithMessage(c => string.Join("；", PolicyHandlers.Apply(Blank(), c).Problems()));
    }

    private static RankPolicy Blank() => new() { CountyCode = "" };
}

public sealed class PublishPolicyValidator : AbstractValidator<PublishPolicy>
{
    public PublishPolicyValidator() => RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效日期");
}

/// <summary>
/// 晋升办法 of the acting account's county (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>:
/// overview, versions, draft, publish, discard). Only the county admin changes them; published versions never change.
/// A new draft copies the newest version (or the defaults); publishing names the effective date.
/// </summary>
public sealed class PolicyHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : VersionedPolicyHandlers<RankPolicy, PolicyView, PolicyOverview, SavePolicy, PublishPolicy>(db, user, clock)
{
    public const string NoPolicy = "本县尚未发布晋升办法，请县委组织部先发布";

    internal static RankPolicy Apply(RankPolicy p, SavePolicy c)
    {
        p.AllowanceStepFen = c.AllowanceStepFen;
        p.MinMonths = [.. c.MinMonths ?? []];
        p.MinimumRating = c.MinimumRating;
        p.SanctionMonths = c.SanctionMonths;
        p.PeriodMonths = c.PeriodMonths;
        p.MinSatisfactionPercent = c.MinSatisfactionPercent;
        p.MaxAbsenceDays = c.MaxAbsenceDays;
        p.ExcellentPoints = c.ExcellentPoints;
        p.CountyCommendationPoints = c.CountyCommendationPoints;
        p.CityCommendationPoints = c.CityCommendationPoints;
        p.ProvinceCommendationPoints = c.ProvinceCommendationPoints;
        p.NationalCommendationPoints = c.NationalCommendationPoints;
        p.PointsSteps = [.. (c.PointsSteps ?? []).OrderBy(s => s.MinPoints)];
        p.VetoReasons = [.. (c.VetoReasons ?? []).Select(r => r?.Trim() ?? "")];
        return p;
    }

    /// <summary>A command holding the numbers of <paramref name="p"/>; its RowVersion is the draft's, set by the caller (the overview's).</summary>
    public static SavePolicy ToCommand(PolicyView p) => new(p.AllowanceStepFen, [.. p.MinMonths], p.MinimumRating, p.SanctionMonths, p.PeriodMonths,
        p.MinSatisfactionPercent, p.MaxAbsenceDays, p.ExcellentPoints, p.CountyCommendationPoints, p.CityCommendationPoints, p.ProvinceCommendationPoints,
        p.NationalCommendationPoints, [.. p.PointsSteps], [.. p.VetoReasons]);

    internal static PolicyView View(RankPolicy p, long? inForceId) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished, p.Id == inForceId, p.PublishedBy,
        p.PublishedAtUtc, p.AllowanceStepFen, p.MinMonths, p.MinimumRating, p.SanctionMonths, p.PeriodMonths, p.MinSatisfactionPercent, p.MaxAbsenceDays,
        p.ExcellentPoints, p.CountyCommendationPoints, p.CityCommendationPoints, p.ProvinceCommendationPoints, p.NationalCommendationPoints, p.PointsSteps, p.VetoReasons, p.RowVersion);

    /// <summary>
    /// Why no version is in force on <paramref name="date"/>, in Chinese (null when one is): none published yet, or the
    /// first published one starts later — a county that has just published from next month is not told it has published nothing.
    /// </summary>
    public static string? Missing(IReadOnlyCollection<RankPolicy> versions, DateOnly date)
    {
        if (RankPolicy.InForce(versions, date) is not null) return null;
        var next = RankPolicy.NextInForce(versions, date);
        return next is null ? NoPolicy : $"本县晋升办法第 {next.Version} 版自 {next.EffectiveFrom:yyyy-MM-dd} 起施行，{date:yyyy-MM-dd} 尚无施行中的晋升办法";
    }

    /// <summary><see cref="Missing"/> for the account's county on <paramref name="date"/> (default today).</summary>
    public async Task<string?> MissingAsync(DateOnly? date = null, CancellationToken ct = default) => Missing(await VersionsOfAsync(County, ct), date ?? Today);

    protected override PolicyView View(RankPolicy policy, RankPolicy? inForce) => View(policy, inForce?.Id);

    protected override PolicyOverview Overview(string county, DateOnly today, PolicyView? inForce, PolicyView? draft, IReadOnlyList<PolicyView> versions) =>
        new(county, today, inForce, draft, versions);

    protected override RankPolicy NewDraft(IReadOnlyList<RankPolicy> versions, string county, int version, SavePolicy c) =>
        versions.OrderByDescending(v => v.Version).FirstOrDefault()?.DraftCopy(version)
        ?? new RankPolicy { CountyCode = county, Version = version, EffectiveFrom = Today };

    protected override void Apply(RankPolicy draft, IReadOnlyList<RankPolicy> versions, SavePolicy c) => Apply(draft, c);

    protected override void Publish(RankPolicy draft, IReadOnlyList<RankPolicy> versions, PublishPolicy c)
    {
        var (by, atUtc) = Publisher;
        draft.Publish(c.EffectiveFrom!.Value, versions, Today, by, atUtc);
    }
}
