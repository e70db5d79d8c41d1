using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

/// <summary>
/// One version of the pay settings, as shown and edited (money in fen). <see cref="Version"/> is the version number (第 n 版);
/// <see cref="RowVersion"/> is the data version an edit of the draft sends back (<c>rowVersion</c> or <c>If-Match</c>).
/// </summary>
public sealed record PaySettingsView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, string? PublishedBy, DateTime? PublishedAtUtc,
    long ChiefBaseFen, IReadOnlyDictionary<string, int> PostShares, IReadOnlyDictionary<string, long> BaseByPostFen, long PerformanceBaseFen,
    string Coefficients, long GoodSecretaryAwardFen, int GoodSecretaryPayMonth, long RetirementFenPerYear, int RetirementAge,
    int IncrementCapPercent, IReadOnlyDictionary<string, int> IncrementShares, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>
/// The settings page: the version in force today, the draft being edited, and every version. <see cref="RowVersion"/> is the
/// draft's data version, 0 when there is no draft (a save with 0 then starts one); it is also the ETag.
/// </summary>
public sealed record PaySettingsOverview(PaySettingsView? InForce, PaySettingsView? Draft, IReadOnlyList<PaySettingsView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
}

/// <summary>Saves the county's draft (creating it from the version in force when there is none).</summary>
public sealed record SavePaySettings(DateOnly EffectiveFrom, long ChiefBaseFen, Dictionary<string, int>? PostShares, long PerformanceBaseFen, string Coefficients,
    long GoodSecretaryAwardFen, int GoodSecretaryPayMonth, long RetirementFenPerYear, int RetirementAge, int IncrementCapPercent, Dictionary<string, int>? IncrementShares)
    : IVersionedCommand
{
    /// <summary>The draft's data version as read (<see cref="PaySettingsOverview.RowVersion"/>; 0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

public sealed class SavePaySettingsValidator : AbstractValidator<SavePaySettings>
{
    public SavePaySettingsValidator()
    {
        RuleFor(c => c.EffectiveFrom).Must(d => d.Day == 1).WithMessage("生效日期须为某月 1 日");
        RuleFor(c => c.ChiefBaseFen).InclusiveBetween(0, 100_000_00).WithMessage("主职基本报酬须在 0–100,000 元之间");
        RuleFor(c => c.PerformanceBaseFen).InclusiveBetween(0, 100_000_00).WithMessage("绩效报酬基数须在 0–100,000 元之间");
        RuleFor(c => c.GoodSecretaryAwardFen).InclusiveBetween(0, 1_000_000_00).WithMessage("好支书奖励须在 0–1,000,000 元之间");
        RuleFor(c => c.GoodSecretaryPayMonth).InclusiveBetween(1, 12).WithMessage("发放月份须为 1–12");
        RuleFor(c => c.RetirementFenPerYear).InclusiveBetween(0, 10_000_00).WithMessage("每满一年的生活补贴须在 0–10,000 元之间");
        RuleFor(c => c.RetirementAge).InclusiveBetween(40, 80).WithMessage("起发年龄须在 40–80 岁之间");
        RuleFor(c => c.IncrementCapPercent).InclusiveBetween(0, 100).WithMessage("增量奖励比例上限须在 0–100% 之间");
        RuleFor(c => c.Coefficients).Must(t => PaySettings.TryParseCoefficients(t ?? "", out _) is null)
            .WithMessage(c => PaySettings.TryParseCoefficients(c.Coefficients ?? "", out _) ?? "");
        RuleFor(c => c.PostShares).Must(d => d is null || d.All(kv => PayNames.IsPost(kv.Key) && kv.Value is >= 0 and <= 100))
            .WithMessage("基本报酬比例须为已有职务的 0–100%");
        RuleFor(c => c.IncrementShares).Must(d => d is null || d.All(kv => PayNames.IsPost(kv.Key) && kv.Value is >= 0 and <= 1000))
            .WithMessage("增量奖励分配权重须为已有职务的 0–1000");
    }
}

/// <summary>
/// 报酬标准 of the acting account's county: county-wide rows (not region-scoped), so every query names the county.
/// Only the county admin edits and publishes; a published version never changes.
/// </summary>
public sealed class PaySettingsHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string Readers = Roles.CountyAdmin + "," + Roles.TownAdmin + "," + Roles.DisciplineInspector;
    public const string Editors = Roles.CountyAdmin;

    public string County => CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    public static string? CountyOf(string? code) => RegionCodes.LevelOf(code) is null ? null : code![..6] + "000000";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static PaySettingsView View(PaySettings s) => new(s.Id, s.Version, s.EffectiveFrom, s.IsPublished, s.PublishedBy, s.PublishedAtUtc,
        s.ChiefBaseFen, s.PostShareTable, PayNames.Posts.ToDictionary(p => p.Code, p => s.BaseFenFor(p.Code)), s.PerformanceBaseFen,
        s.Coefficients, s.GoodSecretaryAwardFen, s.GoodSecretaryPayMonth, s.RetirementFenPerYear, s.RetirementAge, s.IncrementCapPercent, s.IncrementShareTable, s.RowVersion);

    private Task<List<PaySettings>> VersionsOf(string county, CancellationToken ct) =>
        db.Set<PaySettings>().AsNoTracking().Where(s => s.CountyCode == county).OrderByDescending(s => s.Version).ToListAsync(ct);

    public async Task<PaySettingsOverview> OverviewAsync(CancellationToken ct = default)
    {
        var all = await VersionsOf(County, ct);
        var draft = all.FirstOrDefault(s => !s.IsPublished);
        return new(PaySettings.InForce(all, Today) is { } f ? View(f) : null, draft is null ? null : View(draft), all.Select(View).ToList());
    }

    /// <summary>The version in force on the first day of a month for a county, or null.</summary>
    public async Task<PaySettings?> InForceAsync(string county, DateOnly monthStart, CancellationToken ct = default) =>
        PaySettings.InForce(await VersionsOf(county, ct), monthStart);

    public async Task<PaySettingsView> SaveDraftAsync(SavePaySettings c, CancellationToken ct = default)
    {
        var county = County;
        var all = await db.Set<PaySettings>().Where(s => s.CountyCode == county).ToListAsync(ct);
        var draft = all.FirstOrDefault(s => !s.IsPublished);
        var created = draft is null;
        if (draft is null)
        {
            ConcurrencyVersions.ExpectNone(c.RowVersion);
            draft = PaySettings.DraftFrom(PaySettings.InForce(all, Today), county, all.Count == 0 ? 1 : all.Max(s => s.Version) + 1, c.EffectiveFrom);
            draft.RowVersion = ConcurrencyVersions.FirstVersionAfter(all);
            db.Add(draft);
        }
        else
        {
            db.ExpectVersion(draft, c.RowVersion);
            db.Touch(draft);
        }
        draft.EnsureDraft();
        var published = all.Where(s => s.IsPublished).Select(s => s.EffectiveFrom).DefaultIfEmpty().Max();
        if (all.Any(s => s.IsPublished) && c.EffectiveFrom <= published)
            throw new RuleException($"生效日期须晚于已发布版本的生效日期（{published:yyyy-MM-dd}）");
        draft.EffectiveFrom = c.EffectiveFrom;
        draft.ChiefBaseFen = c.ChiefBaseFen;
        if (c.PostShares is not null) draft.PostShares = PaySettings.FormatPostTable(Merge(draft.PostShareTable, c.PostShares));
        draft.PerformanceBaseFen = c.PerformanceBaseFen;
        PaySettings.TryParseCoefficients(c.Coefficients, out var table);
        draft.Coefficients = PaySettings.FormatCoefficients(table);
        draft.GoodSecretaryAwardFen = c.GoodSecretaryAwardFen;
        draft.GoodSecretaryPayMonth = c.GoodSecretaryPayMonth;
        draft.RetirementFenPerYear = c.RetirementFenPerYear;
        draft.RetirementAge = c.RetirementAge;
        draft.IncrementCapPercent = c.IncrementCapPercent;
        if (c.IncrementShares is not null) draft.IncrementShares = PaySettings.FormatPostTable(Merge(draft.IncrementShareTable, c.IncrementShares));
        if (draft.Problems() is { Count: > 0 } p) throw RuleException.Of(p);
        if (created) await db.SaveCreatedAsync(ct);
        else await db.SaveChangesAsync(ct);
        return View(draft);
    }

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> old, Dictionary<string, int> changes)
    {
        var d = old.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (k, v) in changes) d[k] = v;
        return d;
    }

    public async Task<PaySettingsView?> PublishAsync(CancellationToken ct = default)
    {
        var county = County;
        var draft = await db.Set<PaySettings>().FirstOrDefaultAsync(s => s.CountyCode == county && !s.IsPublished, ct);
        if (draft is null) return null;
        draft.Publish(user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(draft);
    }

    public async Task<bool> DiscardDraftAsync(CancellationToken ct = default)
    {
        var county = County;
        var draft = await db.Set<PaySettings>().FirstOrDefaultAsync(s => s.CountyCode == county && !s.IsPublished, ct);
        if (draft is null) return false;
        db.Remove(draft);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
