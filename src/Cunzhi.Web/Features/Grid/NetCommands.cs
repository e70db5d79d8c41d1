using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Grid;

/// <summary>干部联村组: make <paramref name="CadreId"/> the responsible cadre of a villager group from a date.</summary>
public sealed record LinkCadre(string GroupCode, long CadreId, DateOnly FromDate);

/// <summary>党员联农户: link a Party member (a resident) to a household of the same village from a date.</summary>
public sealed record LinkMember(long HouseholdId, long ResidentId, DateOnly FromDate);

/// <summary>网格员: a cadre or a resident (exactly one) serves as a grid's member from a date.</summary>
public sealed record AssignGridMember(string GridCode, long? CadreId, long? ResidentId, DateOnly FromDate);

/// <summary>Ends a current link on <see cref="ToDate"/> (history is kept); carries the link's version.</summary>
public sealed record EndLink(DateOnly ToDate) : IVersionedCommand
{
    /// <summary>The link's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Places a villager group in a grid (version 0 when the group was in none).</summary>
public sealed record PlaceGroup(string GridCode) : IVersionedCommand
{
    /// <summary>The placement's version as read (0: none yet).</summary>
    public int? Version { get; set; }
}

/// <summary>The county's range of households per Party member.</summary>
public sealed record SaveGridPolicy(int MinHouseholds, int MaxHouseholds) : IVersionedCommand
{
    /// <summary>The settings' version as read (0 while the county uses the defaults).</summary>
    public int? Version { get; set; }
}

internal static class NetInput
{
    public static IRuleBuilderOptions<T, DateOnly> IsLinkDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");

    public static IRuleBuilderOptions<T, string> IsCode<T>(this IRuleBuilder<T, string> rule, RegionLevel level) =>
        rule.Must(c => RegionCodes.IsValid(c?.Trim(), level)).WithMessage($"请填写有效的{RegionCodes.DisplayName(level)}代码（15 位）");
}

public sealed class LinkCadreValidator : AbstractValidator<LinkCadre>
{
    public LinkCadreValidator()
    {
        RuleFor(c => c.GroupCode).IsCode(RegionLevel.VillagerGroup);
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择联系干部");
        RuleFor(c => c.FromDate).IsLinkDate();
    }
}

public sealed class LinkMemberValidator : AbstractValidator<LinkMember>
{
    public LinkMemberValidator()
    {
        RuleFor(c => c.HouseholdId).GreaterThan(0).WithMessage("请选择农户");
        RuleFor(c => c.ResidentId).GreaterThan(0).WithMessage("请选择联户党员");
        RuleFor(c => c.FromDate).IsLinkDate();
    }
}

public sealed class AssignGridMemberValidator : AbstractValidator<AssignGridMember>
{
    public AssignGridMemberValidator()
    {
        RuleFor(c => c.GridCode).IsCode(RegionLevel.Grid);
        RuleFor(c => c).Must(c => (c.CadreId is > 0) ^ (c.ResidentId is > 0)).WithName("Person").OverridePropertyName("Person")
            .WithMessage("请选择网格员：一名村干部或一名村民（只选其一）");
        RuleFor(c => c.FromDate).IsLinkDate();
    }
}

public sealed class EndLinkValidator : AbstractValidator<EndLink>
{
    public EndLinkValidator() => RuleFor(c => c.ToDate).IsLinkDate();
}

public sealed class PlaceGroupValidator : AbstractValidator<PlaceGroup>
{
    public PlaceGroupValidator() => RuleFor(c => c.GridCode).IsCode(RegionLevel.Grid);
}

public sealed class SaveGridPolicyValidator : AbstractValidator<SaveGridPolicy>
{
    public SaveGridPolicyValidator()
    {
        RuleFor(c => c).Custom((c, ctx) =>
        {
            foreach (var p in Domain.Grid.GridRules.RangeProblems(c.MinHouseholds, c.MaxHouseholds)) ctx.AddFailure(p.Field ?? "", p.Message);
        });
    }
}
