using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Assessment;

public sealed record IndicatorView(string Code, string Name, int Weight, decimal MinScore, decimal MaxScore);

/// <summary>
/// One version of an indicator template. <see cref="Version"/> is the version number (第 n 版); <see cref="RowVersion"/> is
/// the data version an edit of the draft sends back (<c>rowVersion</c> or <c>If-Match</c>).
/// </summary>
public sealed record TemplateView(long Id, ReviewKind Kind, int Version, TemplateStatus Status, string Title, DateTime CreatedAtUtc,
    DateTime? PublishedAtUtc, string? PublishedBy, IReadOnlyList<IndicatorView> Indicators, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>Replaces the indicators of the county's draft of <see cref="Kind"/> (creating the draft when there is none).</summary>
public sealed record SaveTemplateDraft(ReviewKind Kind, string Title, List<IndicatorView> Indicators) : IVersionedCommand
{
    /// <summary>The draft's data version as read (<see cref="TemplateView.RowVersion"/> of the draft; 0 when there was none: GET answered 404).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

/// <summary>The county's settings; <see cref="Version"/> is the data version an edit sends back (0 while the county uses the defaults).</summary>
public sealed record SettingsView(int MonthlyWeight, int QuarterlyWeight, int SatisfactionWeight, decimal ExcellentThreshold, decimal CompetentThreshold,
    decimal BasicThreshold, int ExcellentCapPercent, decimal LowMonthlyAverage, int LowSatisfactionPercent, string? UpdatedBy, DateTime? UpdatedAtUtc, int Version)
    : IVersionedView;

public sealed record SaveSettings(int MonthlyWeight, int QuarterlyWeight, int SatisfactionWeight, decimal ExcellentThreshold, decimal CompetentThreshold,
    decimal BasicThreshold, int ExcellentCapPercent, decimal LowMonthlyAverage, int LowSatisfactionPercent) : IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="SettingsView.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed class SaveTemplateDraftValidator : AbstractValidator<SaveTemplateDraft>
{
    public SaveTemplateDraftValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择考核类型");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写模板名称").MaximumLength(100).WithMessage("模板名称不能超过 100 个字");
        RuleFor(c => c.Indicators).NotEmpty().WithMessage("至少需要一项指标");
        RuleForEach(c => c.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).NotEmpty().WithMessage("请填写指标编号").MaximumLength(20).WithMessage("指标编号不能超过 20 个字符")
                .Matches("^[A-Za-z0-9]*$").WithMessage("指标编号只能包含字母和数字");
            i.RuleFor(x => x.Name).NotEmpty().WithMessage("请填写指标名称").MaximumLength(30).WithMessage("指标名称不能超过 30 个字");
        });
        // Weights adding to 100, ranges, duplicates: the domain names them all (IndicatorTemplate.Problems).
        RuleFor(c => c.Indicators).Must(l => l is null || l.Count == 0 || IndicatorTemplate.Problems(Specs(l)).Count == 0)
            .WithMessage((c, l) => string.Join("；", IndicatorTemplate.Problems(Specs(l))));
    }

    internal static List<IndicatorSpec> Specs(List<IndicatorView> l) => l.Select(i => new IndicatorSpec(i.Code ?? "", i.Name ?? "", i.Weight, i.MinScore, i.MaxScore)).ToList();
}

public sealed class SaveSettingsValidator : AbstractValidator<SaveSettings>
{
    public SaveSettingsValidator() =>
        RuleFor(c => c).Must(c => TemplateHandlers.ToEntity("c", c).Problems().Count == 0).WithName("Settings")
            .WithMessage(c => string.Join("；", TemplateHandlers.ToEntity("c", c).Problems()));
}

/// <summary>
/// 考核指标 and 考核参数 of the acting account's county. Templates and settings are county-wide rows read by every town
/// (not region-scoped), so every query here names the county of the account; only the county admin changes them.
/// </summary>
public sealed class TemplateHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{

    /// <summary>The county of the acting account (a county, town or village code's first 6 digits + 000000).</summary>
    public string County => RegionCodes.CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static TemplateView View(IndicatorTemplate t) => new(t.Id, t.Kind, t.Version, t.Status, t.Title, t.CreatedAtUtc, t.PublishedAtUtc, t.PublishedBy,
        t.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorView(i.Code, i.Name, i.Weight, i.MinScore, i.MaxScore)).ToList(), t.RowVersion);

    private IQueryable<IndicatorTemplate> Templates(ReviewKind kind) =>
        db.Set<IndicatorTemplate>().Include(t => t.Indicators).Where(t => t.CountyCode == County && t.Kind == kind);

    /// <summary>The version in force (what scoring uses), or null before the county published one.</summary>
    public Task<IndicatorTemplate?> CurrentAsync(ReviewKind kind, CancellationToken ct = default) =>
        Templates(kind).AsNoTracking().FirstOrDefaultAsync(t => t.Status == TemplateStatus.Published, ct);

    public async Task<TemplateView?> CurrentViewAsync(ReviewKind kind, CancellationToken ct = default) =>
        await CurrentAsync(kind, ct) is { } t ? View(t) : null;

    public async Task<TemplateView?> DraftAsync(ReviewKind kind, CancellationToken ct = default) =>
        await Templates(kind).AsNoTracking().FirstOrDefaultAsync(t => t.Status == TemplateStatus.Draft, ct) is { } t ? View(t) : null;

    /// <summary>Every version of a kind, newest first.</summary>
    public async Task<IReadOnlyList<TemplateView>> VersionsAsync(ReviewKind kind, CancellationToken ct = default) =>
        (await Templates(kind).AsNoTracking().OrderByDescending(t => t.Version).ToListAsync(ct)).Select(View).ToList();

    /// <summary>One version by id (any county version, e.g. the one an old score was given under).</summary>
    public async Task<TemplateView?> GetAsync(long id, CancellationToken ct = default) =>
        await db.Set<IndicatorTemplate>().AsNoTracking().Include(t => t.Indicators).FirstOrDefaultAsync(t => t.Id == id && t.CountyCode == County, ct) is { } t ? View(t) : null;

    /// <summary>Saves the draft of a kind: a copy of the version in force (or of the defaults) is made first when there is no draft.</summary>
    public async Task<TemplateView> SaveDraftAsync(SaveTemplateDraft c, CancellationToken ct = default)
    {
        var draft = await Templates(c.Kind).FirstOrDefaultAsync(t => t.Status == TemplateStatus.Draft, ct);
        // No draft: a copy of the newest version (or the command's own title); the indicators are child rows, so an
        // edit of an existing draft marks the template row changed (DraftEdits.OpenDraft) — it is the edit.
        var earlier = draft is null ? await Templates(c.Kind).OrderByDescending(t => t.Version).ToListAsync(ct) : [];
        draft = db.OpenDraft(draft, c.RowVersion, earlier, () => earlier.FirstOrDefault() is { } last
            ? last.NewDraft(last.Version + 1, Now)
            : new IndicatorTemplate { CountyCode = County, Kind = c.Kind, Version = 1, Title = c.Title, CreatedAtUtc = Now }, out var created);
        draft.SetIndicators(c.Title, SaveTemplateDraftValidator.Specs(c.Indicators));
        await db.SaveDraftAsync(created, ct);
        return View(draft);
    }

    /// <summary>Publishes the draft of a kind; the version in force becomes history. Null when there is no draft.</summary>
    public async Task<TemplateView?> PublishAsync(ReviewKind kind, CancellationToken ct = default)
    {
        var all = await Templates(kind).Where(t => t.Status != TemplateStatus.Superseded).ToListAsync(ct);
        var draft = all.FirstOrDefault(t => t.Status == TemplateStatus.Draft);
        if (draft is null) return null;
        draft.Publish(all.FirstOrDefault(t => t.Status == TemplateStatus.Published), user.UserName, Now);
        await db.SaveChangesAsync(ct);
        return View(draft);
    }

    /// <summary>Drops the draft of a kind (nothing was scored with a draft).</summary>
    public async Task<bool> DiscardDraftAsync(ReviewKind kind, CancellationToken ct = default)
    {
        var draft = await Templates(kind).FirstOrDefaultAsync(t => t.Status == TemplateStatus.Draft, ct);
        if (draft is null) return false;
        db.Remove(draft);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The county's settings, or the defaults when it saved none.</summary>
    public async Task<AssessmentSettings> SettingsAsync(CancellationToken ct = default) =>
        await db.Set<AssessmentSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.CountyCode == County, ct) ?? AssessmentSettings.DefaultFor(County);

    public async Task<SettingsView> SettingsViewAsync(CancellationToken ct = default) => View(await SettingsAsync(ct));

    public async Task<SettingsView> SaveSettingsAsync(SaveSettings c, CancellationToken ct = default)
    {
        var s = await db.Set<AssessmentSettings>().FirstOrDefaultAsync(x => x.CountyCode == County, ct);
        var created = s is null;
        if (s is null)
        {
            // The county still uses the defaults (version 0): this save creates its row.
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(s = AssessmentSettings.DefaultFor(County));
        }
        else db.ExpectVersion(s, c.Version);
        Apply(s, c);
        if (s.Problems() is { Count: > 0 } p) throw RuleException.Of(p);
        (s.UpdatedBy, s.UpdatedAtUtc) = (user.UserName, Now);
        if (created) await db.SaveCreatedAsync(ct);
        else await db.SaveChangesAsync(ct);
        return View(s);
    }

    internal static AssessmentSettings ToEntity(string county, SaveSettings c)
    {
        var s = AssessmentSettings.DefaultFor(county);
        Apply(s, c);
        return s;
    }

    private static void Apply(AssessmentSettings s, SaveSettings c) =>
        (s.MonthlyWeight, s.QuarterlyWeight, s.SatisfactionWeight, s.ExcellentThreshold, s.CompetentThreshold, s.BasicThreshold, s.ExcellentCapPercent, s.LowMonthlyAverage, s.LowSatisfactionPercent) =
        (c.MonthlyWeight, c.QuarterlyWeight, c.SatisfactionWeight, decimal.Round(c.ExcellentThreshold, 2), decimal.Round(c.CompetentThreshold, 2), decimal.Round(c.BasicThreshold, 2),
         c.ExcellentCapPercent, decimal.Round(c.LowMonthlyAverage, 2), c.LowSatisfactionPercent);

    public static SettingsView View(AssessmentSettings s) => new(s.MonthlyWeight, s.QuarterlyWeight, s.SatisfactionWeight, s.ExcellentThreshold, s.CompetentThreshold,
        s.BasicThreshold, s.ExcellentCapPercent, s.LowMonthlyAverage, s.LowSatisfactionPercent, s.UpdatedBy, s.UpdatedAtUtc, s.RowVersion);
}
