using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

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
/// 报酬标准 of the acting account's county (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>:
/// overview, versions, draft, publish, discard). Only the county admin edits and publishes; a published version never
/// changes. A new draft copies the version in force today (or the defaults) and starts on the month the save names,
/// after every published version's; publishing takes no input.
/// </summary>
public sealed class PaySettingsHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : VersionedPolicyHandlers<PaySettings, PaySettingsView, PaySettingsOverview, SavePaySettings, NoCommand>(db, user, clock)
{

    public static PaySettingsView View(PaySettings s) => new(s.Id, s.Version, s.EffectiveFrom, s.IsPublished, s.PublishedBy, s.PublishedAtUtc,
        s.ChiefBaseFen, s.PostShareTable, PayNames.Posts.ToDictionary(p => p.Code, p => s.BaseFenFor(p.Code)), s.PerformanceBaseFen,
        s.Coefficients, s.GoodSecretaryAwardFen, s.GoodSecretaryPayMonth, s.RetirementFenPerYear, s.RetirementAge, s.IncrementCapPercent, s.IncrementShareTable, s.RowVersion);

    protected override PaySettingsView View(PaySettings policy, PaySettings? inForce) => View(policy);

    protected override PaySettingsOverview Overview(string county, DateOnly today, PaySettingsView? inForce, PaySettingsView? draft, IReadOnlyList<PaySettingsView> versions) =>
        new(inForce, draft, versions);

    protected override PaySettings NewDraft(IReadOnlyList<PaySettings> versions, string county, int version, SavePaySettings c) =>
        PaySettings.DraftFrom(PaySettings.InForce(versions, Today), county, version, c.EffectiveFrom);

    protected override void Apply(PaySettings draft, IReadOnlyList<PaySettings> all, SavePaySettings c)
    {
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
    }

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> old, Dictionary<string, int> changes)
    {
        var d = old.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (k, v) in changes) d[k] = v;
        return d;
    }

    protected override void Publish(PaySettings draft, IReadOnlyList<PaySettings> versions, NoCommand command)
    {
        var (by, atUtc) = Publisher;
        draft.Publish(by, atUtc);
    }

    /// <summary>Publishes the draft; null when there is none.</summary>
    public Task<PaySettingsView?> PublishAsync(CancellationToken ct = default) => PublishAsync(NoCommand.Instance, ct);
}
