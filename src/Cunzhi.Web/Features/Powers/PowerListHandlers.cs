using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Powers;

/// <summary>One version of the county's 小微权力清单 as shown; <see cref="RowVersion"/> is the data version an edit sends back.</summary>
public sealed record PowerListView(long Id, int Version, DateOnly EffectiveFrom, bool IsPublished, string? PublishedBy, DateTime? PublishedAtUtc,
    IReadOnlyList<PowerItem> Items, int RowVersion) : IVersionedView
{
    int IVersionedView.Version => RowVersion;
}

/// <summary>The county's list: in force today (null while the default list applies), the default list, the draft and every version; the ETag is the draft's data version (0 without one).</summary>
public sealed record PowerListOverview(PowerListView? InForce, PowerListView Defaults, PowerListView? Draft, IReadOnlyList<PowerListView> Versions) : IVersionedView
{
    public int RowVersion => Draft?.RowVersion ?? 0;
    int IVersionedView.Version => RowVersion;
    /// <summary>The list in force today: the county's published version, or the defaults.</summary>
    public PowerListView Current => InForce ?? Defaults;
}

/// <summary>Saves the county's draft: the effective date and the whole list (items with their ordered steps).</summary>
public sealed record SavePowerList(DateOnly EffectiveFrom, List<PowerItem>? Items) : IDatedPolicyCommand
{
    /// <summary>The draft's data version as read (0 when there was no draft).</summary>
    public int? RowVersion { get; set; }
    int? IVersionedCommand.Version { get => RowVersion; set => RowVersion = value; }
}

public sealed class SavePowerListValidator : AbstractValidator<SavePowerList>
{
    public SavePowerListValidator()
    {
        RuleFor(c => c.EffectiveFrom).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"生效日期须在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
        RuleFor(c => c.Items).NotNull().WithMessage("请提供权力事项清单");
        RuleFor(c => c.Items).Must(i => i is null || i.All(x => x is not null && x.Steps is not null && x.Code is not null && x.Name is not null && x.Steps.All(s => s is not null && s.Name is not null && s.PerformedBy is not null)))
            .WithMessage("权力事项的编号、名称和每一步的名称、办理主体都须填写");
    }
}

/// <summary>
/// 小微权力清单 of the acting account's county (the shared versioned-policy handler): the county edits and publishes; until
/// it publishes, the default catalogue (<see cref="PowerCatalogue"/>) is in force as version 0. An exercise begins under
/// the version in force on the day it is registered and keeps it.
/// </summary>
public sealed class PowerListHandlers(AppDbContext db, UserContext user, TimeProvider clock)
    : DatedPolicyHandlers<PowerListPolicy, PowerListView, PowerListOverview, SavePowerList>(db, user, clock)
{
    /// <summary>One version as shown.</summary>
    public static PowerListView View(PowerListPolicy p) => new(p.Id, p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc, p.Items, p.RowVersion);

    protected override PowerListView View(PowerListPolicy policy, PowerListPolicy? inForce) => View(policy);

    protected override PowerListOverview Overview(string county, DateOnly today, PowerListView? inForce, PowerListView? draft, IReadOnlyList<PowerListView> versions) =>
        new(inForce, View(PowerListPolicy.Default(county)), draft, versions);

    protected override string EffectiveDateRule => "power.effective";

    protected override PowerListPolicy Defaults(string county) => PowerListPolicy.Default(county);

    protected override void Change(PowerListPolicy draft, SavePowerList c)
    {
        draft.Items = (c.Items ?? []).Select(Trimmed).ToList();
    }

    private static PowerItem Trimmed(PowerItem i) => new(i.Code.Trim(), i.Name.Trim(), i.Category,
        i.Steps.Select(s => new PowerStep(s.Number, s.Name.Trim(), s.PerformedBy.Trim(), s.TimeLimitWorkingDays)).ToList());
}
