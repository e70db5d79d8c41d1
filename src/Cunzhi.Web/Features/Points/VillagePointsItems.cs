using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>A village's own item as shown.</summary>
public sealed record VillageItemView(long Id, string VillageCode, string Code, string Name, PointsSign Sign, int Points, PointsHolderKind For, bool EvidenceRequired,
    int YearCap, int PolicyVersion, string CreatedBy, DateTime CreatedAtUtc, DateTime? RetiredAtUtc);

/// <summary>Adds a village item (the county's limits of the version in force apply).</summary>
public sealed record AddVillageItem(string? Code, string? Name, PointsSign Sign, int Points, PointsHolderKind For, bool EvidenceRequired, int? YearCap);

public sealed class AddVillageItemValidator : AbstractValidator<AddVillageItem>
{
    public AddVillageItemValidator()
    {
        RuleFor(c => c.Code).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请填写条目编号").MaximumLength(PointsRules.MaxCode).WithMessage($"编号不超过 {PointsRules.MaxCode} 个字符");
        RuleFor(c => c.Name).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请填写条目名称").MaximumLength(PointsRules.MaxName).WithMessage($"名称不超过 {PointsRules.MaxName} 个字");
        RuleFor(c => c.Sign).IsInEnum().WithMessage("请选择加分或扣分");
        RuleFor(c => c.For).IsInEnum().WithMessage("请选择适用对象");
    }
}

/// <summary>
/// 村级自定条目: a village adds its own items within the limits of the county catalogue in force (分值、年度上限、条目数),
/// and retires them (停用). Items are never edited or deleted: entries made under one keep pointing at it.
/// </summary>
public sealed class VillagePointsItems(AppDbContext db, UserContext user, PointsBalances balances, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该条目（或不属于本村）";

    private static VillageItemView View(VillagePointsItem i) => new(i.Id, i.RegionCode, i.Code, i.Name, i.Sign, i.Points, i.For, i.EvidenceRequired, i.YearCap,
        i.PolicyVersion, i.CreatedBy, i.CreatedAtUtc, i.RetiredAtUtc);

    /// <summary>The items in scope, in use first (paged).</summary>
    public async Task<Paged<VillageItemView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var paged = await db.Set<VillagePointsItem>().AsNoTracking().OrderBy(i => i.RetiredAtUtc != null).ThenBy(i => i.RegionCode).ThenBy(i => i.Code).ThenBy(i => i.Id)
            .ToPagedAsync(page, ct);
        return new(paged.Items.Select(View).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>Adds an item to the account's village; refused (409) outside the county's limits or without a catalogue in force.</summary>
    public async Task<VillageItemView> AddAsync(AddVillageItem c, CancellationToken ct = default)
    {
        var village = user.RegionCode;
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw new RuleException("村级自定条目由本村增加，请使用村级账号");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var county = PointsPolicy.InForce(await balances.PoliciesAsync(village, ct), today) ?? throw new RuleException(PointsRulesHandlers.NoRules);
        var existing = await db.Set<VillagePointsItem>().AsNoTracking().Where(i => i.RegionCode == village).Select(i => new { i.Code, i.RetiredAtUtc }).ToListAsync(ct);
        var item = new PointsItem(c.Code!.Trim(), c.Name!.Trim(), c.Sign, c.Points, c.For, c.EvidenceRequired, c.YearCap);
        RuleException.ThrowIfAny(PointsRules.VillageItemProblems(item, county, existing.Select(i => i.Code).ToList(), existing.Count(i => i.RetiredAtUtc is null)));
        var row = new VillagePointsItem
        {
            RegionCode = village, Code = item.Code, Name = item.Name, Sign = item.Sign, Points = item.Points, For = item.For, EvidenceRequired = item.EvidenceRequired,
            YearCap = item.YearCap!.Value, PolicyVersion = county.Version, CreatedBy = user.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveCreatedAsync(ct);
        return View(row);
    }

    /// <summary>Retires an item in use (no new entries under it; entries made under it stay); null when not found in scope.</summary>
    public async Task<VillageItemView?> RetireAsync(long id, CancellationToken ct = default)
    {
        if (await db.Set<VillagePointsItem>().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return null;
        if (item.RetiredAtUtc is not null) throw new RuleException("该条目已停用");
        item.RetiredAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(item);
    }
}
