using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

public sealed record AwardView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, int Year, long AmountFen, int PayYear, int PayMonth,
    string? Note, string GrantedBy, DateTime GrantedAtUtc);

/// <summary>The county grants 担当作为好支书 to a cadre for a year, paid in the run of PayYear/PayMonth (amount: the settings' unless given).</summary>
public sealed record GrantAward(long CadreId, int Year, int PayYear, int PayMonth, long? AmountFen, string? Note);

public sealed record ShareView(long CadreId, string CadreName, string PostName, int Weight, long AmountFen);

public sealed record IncomeRewardView(long Id, string VillageCode, string VillageName, int Year, long ThisYearIncomeFen, long LastYearIncomeFen, long IncrementFen,
    int CapPercent, long PoolFen, string Explanation, IncomeRewardState State, int? PayYear, int? PayMonth, string EnteredBy, string? ApprovedBy,
    IReadOnlyList<ShareView> Shares);

/// <summary>
/// This year's and last year's collective operating income (fen) of a village for <see cref="Year"/>: a village cadre
/// enters its own village (<see cref="Village"/> left out); a town admin enters on a village's behalf and names it.
/// </summary>
public sealed record EnterIncome(int Year, long ThisYearIncomeFen, long LastYearIncomeFen, string? Village = null);
public sealed record ShareWeight(long CadreId, int Weight);
public sealed record SetShares(List<ShareWeight> Items);
public sealed record ApproveIncome(int PayYear, int PayMonth);

public sealed class GrantAwardValidator : AbstractValidator<GrantAward>
{
    public GrantAwardValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份无效");
        RuleFor(c => c.PayYear).InclusiveBetween(2000, 2100).WithMessage("发放年份无效");
        RuleFor(c => c.PayMonth).InclusiveBetween(1, 12).WithMessage("发放月份须为 1–12");
        RuleFor(c => c.AmountFen).InclusiveBetween(1, 1_000_000_00).When(c => c.AmountFen is not null).WithMessage("奖励金额须在 0.01–1,000,000 元之间");
        RuleFor(c => c.Note).MaximumLength(200).WithMessage("说明不超过 200 字");
    }
}

public sealed class EnterIncomeValidator : AbstractValidator<EnterIncome>
{
    public EnterIncomeValidator(UserContext user)
    {
        var town = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town;
        RuleFor(c => c.Village).NotEmpty().When(_ => town).WithMessage("乡镇代村填报须选择村（社区）");
        RuleFor(c => c.Village).Must(v => RegionCodes.LevelOf(v?.Trim()) == RegionLevel.Village).When(c => !string.IsNullOrWhiteSpace(c.Village))
            .WithMessage("村（社区）代码无效，应为 12 位村级区划代码");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份无效");
        RuleFor(c => c.ThisYearIncomeFen).InclusiveBetween(-100_000_000_00, 100_000_000_00).WithMessage("本年度集体经营收益超出范围");
        RuleFor(c => c.LastYearIncomeFen).InclusiveBetween(-100_000_000_00, 100_000_000_00).WithMessage("上年度集体经营收益超出范围");
    }
}

public sealed class SetSharesValidator : AbstractValidator<SetShares>
{
    public SetSharesValidator()
    {
        RuleFor(c => c.Items).NotEmpty().WithMessage("没有要保存的分配权重");
        RuleForEach(c => c.Items).Must(i => i.Weight is >= 0 and <= 1000).WithMessage("分配权重须在 0–1000 之间");
        RuleFor(c => c.Items).Must(i => i is null || i.Select(x => x.CadreId).Distinct().Count() == i.Count).WithMessage("同一名干部出现了多次");
    }
}

public sealed class ApproveIncomeValidator : AbstractValidator<ApproveIncome>
{
    public ApproveIncomeValidator()
    {
        RuleFor(c => c.PayYear).InclusiveBetween(2000, 2100).WithMessage("发放年份无效");
        RuleFor(c => c.PayMonth).InclusiveBetween(1, 12).WithMessage("发放月份须为 1–12");
    }
}

/// <summary>
/// 奖励: 担当作为好支书 (the county grants; county, town and discipline read) and 村集体经济收益增量奖励 (the village enters
/// its incomes, or the town enters them on a village's behalf; both may edit the weights; the town approves with the paying month; county,
/// town, discipline and the village itself read). Region scope is the data context's.
/// </summary>
public sealed class RewardHandlers(AppDbContext db, UserContext user, PaySettingsHandlers settings, PayRunViews runs, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该奖励或干部，或不在您的管辖范围内";
    public const string VillageNotFoundMessage = "未找到该村（社区），或不在您的管辖范围内";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Paged<AwardView>> AwardsAsync(int? year, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<GoodSecretaryAward>().AsNoTracking();
        if (year is { } y) q = q.Where(a => a.Year == y);
        return q.OrderByDescending(a => a.Year).ThenBy(a => a.RegionCode).ThenBy(a => a.Id)
            .Select(a => new AwardView(a.Id, a.CadreId, db.Cadres.Where(c => c.Id == a.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", a.RegionCode,
                db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault() ?? a.RegionCode, a.Year, a.AmountFen, a.PayYear, a.PayMonth,
                a.Note, a.GrantedBy, a.GrantedAtUtc))
            .ToPagedAsync(page, ct);
    }

    public async Task<AwardView?> GrantAsync(GrantAward c, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode, x.PostCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        if (cadre.PostCode is not ("secretary" or "secretary-director")) throw new RuleException($"{cadre.Name}不是村党组织书记，不能授予好支书奖励");
        if (await db.Set<GoodSecretaryAward>().AnyAsync(a => a.CadreId == c.CadreId && a.Year == c.Year, ct))
            throw new RuleException($"{cadre.Name}已获 {c.Year} 年度好支书奖励");
        await runs.EnsureMonthOpenAsync(cadre.RegionCode, c.PayYear, c.PayMonth, ct);
        var amount = c.AmountFen ?? (await settings.InForceAsync(RegionCodes.CountyOf(cadre.RegionCode)!, new DateOnly(c.PayYear, c.PayMonth, 1), ct))?.GoodSecretaryAwardFen
                     ?? throw new RuleException("县委组织部尚未发布报酬标准，请填写奖励金额");
        var award = new GoodSecretaryAward
        {
            CadreId = cadre.Id, RegionCode = cadre.RegionCode, Year = c.Year, AmountFen = amount, PayYear = c.PayYear, PayMonth = c.PayMonth,
            Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), GrantedBy = user.UserName, GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(award);
        await db.SaveChangesAsync(ct);
        return (await AwardsAsync(c.Year, new PageRequest(1, PageRequest.MaxSize), ct)).Items.FirstOrDefault(a => a.Id == award.Id);
    }

    public async Task<bool> RevokeAsync(long id, CancellationToken ct = default)
    {
        var award = await db.Set<GoodSecretaryAward>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (award is null) return false;
        await runs.EnsureMonthOpenAsync(award.RegionCode, award.PayYear, award.PayMonth, ct);
        db.Remove(award);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Paged<IncomeRewardView>> IncomeRewardsAsync(int? year, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<IncomeReward>().AsNoTracking();
        if (year is { } y) q = q.Where(r => r.Year == y);
        var ids = await q.OrderByDescending(r => r.Year).ThenBy(r => r.RegionCode).Select(r => r.Id).ToPagedAsync(page, ct);
        var views = new List<IncomeRewardView>();
        foreach (var id in ids.Items) views.Add((await GetIncomeAsync(id, ct))!);
        return new(views, ids.Total, ids.Page, ids.PageSize);
    }

    public async Task<IncomeRewardView?> GetIncomeAsync(long id, CancellationToken ct = default)
    {
        var r = await db.Set<IncomeReward>().AsNoTracking().Include(x => x.Shares).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var ids = r.Shares.Select(s => s.CadreId).ToList();
        var names = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Name, c.PostCode }, ct);
        var village = await db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? r.RegionCode;
        return new(r.Id, r.RegionCode, village, r.Year, r.ThisYearIncomeFen, r.LastYearIncomeFen, r.ThisYearIncomeFen - r.LastYearIncomeFen, r.CapPercent, r.PoolFen,
            r.Explanation, r.State, r.PayYear, r.PayMonth, r.EnteredBy, r.ApprovedBy,
            r.Shares.OrderByDescending(s => s.Weight).ThenBy(s => s.CadreId)
                .Select(s => new ShareView(s.CadreId, names.GetValueOrDefault(s.CadreId)?.Name ?? "", PayNames.Post(names.GetValueOrDefault(s.CadreId)?.PostCode ?? ""), s.Weight, s.AmountFen)).ToList());
    }

    /// <summary>
    /// The acting village, or the town for one of its villages, enters (or corrects, before approval) the incomes for a year.
    /// The parts go to the cadres in office today, weighted by the county's default weights by post; the village or town may
    /// change the weights before approval. Null when the named village is not in the account's scope (another town's, or
    /// another village for a village account).
    /// </summary>
    public async Task<IncomeRewardView?> EnterIncomeAsync(EnterIncome c, CancellationToken ct = default)
    {
        var village = await IncomeVillageAsync(c.Village, ct);
        if (village is null) return null;
        var s = await settings.InForceAsync(RegionCodes.CountyOf(village)!, new DateOnly(Today.Year, Today.Month, 1), ct)
                ?? throw new RuleException("县委组织部尚未发布报酬标准，暂不能填报");
        var cadres = await db.Cadres.AsNoTracking().Where(x => x.RegionCode == village && x.Status == CadreStatus.InOffice)
            .OrderBy(x => x.Id).Select(x => new { x.Id, x.PostCode }).ToListAsync(ct);
        var weights = cadres.Select(x => (x.Id, s.IncrementShareTable.GetValueOrDefault(x.PostCode))).ToList();
        var reward = await db.Set<IncomeReward>().Include(r => r.Shares).FirstOrDefaultAsync(r => r.RegionCode == village && r.Year == c.Year, ct);
        if (reward is null)
        {
            reward = new IncomeReward { RegionCode = village, Year = c.Year, EnteredBy = user.UserName };
            db.Add(reward);
        }
        reward.Enter(c.ThisYearIncomeFen, c.LastYearIncomeFen, s.IncrementCapPercent, weights);
        (reward.EnteredBy, reward.EnteredAtUtc) = (user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (await GetIncomeAsync(reward.Id, ct))!;
    }

    /// <summary>
    /// The village an income entry is for: a village account's own (naming another is out of scope), or for a town account
    /// the named village if it is a village in scope (the data context limits <c>Regions</c> to the town).
    /// </summary>
    private async Task<string?> IncomeVillageAsync(string? named, CancellationToken ct)
    {
        named = string.IsNullOrWhiteSpace(named) ? null : named.Trim();
        switch (RegionCodes.LevelOf(user.RegionCode))
        {
            case RegionLevel.Village:
                return named is null || named == user.RegionCode ? user.RegionCode : null;
            case RegionLevel.Town:
                if (named is null) throw new RuleException("乡镇代村填报须选择村（社区）");
                return await db.Regions.AsNoTracking().AnyAsync(r => r.Code == named && r.Level == RegionLevel.Village, ct) ? named : null;
            default:
                throw new RuleException("集体经营收益由村填报，或由乡镇代本乡镇的村填报");
        }
    }

    /// <summary>Villages in scope, for the town's choice when it enters incomes on a village's behalf.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> VillagesAsync(CancellationToken ct = default) =>
        (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
        .Select(r => (r.Code, r.Name)).ToList();

    public async Task<IncomeRewardView?> SetSharesAsync(long id, SetShares c, CancellationToken ct = default)
    {
        var reward = await db.Set<IncomeReward>().Include(r => r.Shares).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reward is null) return null;
        var ids = c.Items.Select(i => i.CadreId).ToList();
        var known = await db.Cadres.AsNoTracking().CountAsync(x => ids.Contains(x.Id) && x.RegionCode == reward.RegionCode, ct);
        if (known != ids.Count) throw new RuleException("分配名单中有不属于本村的干部");
        reward.SetWeights(c.Items.Select(i => (i.CadreId, i.Weight)).ToList());
        await db.SaveChangesAsync(ct);
        return await GetIncomeAsync(id, ct);
    }

    public async Task<IncomeRewardView?> ApproveIncomeAsync(long id, ApproveIncome c, CancellationToken ct = default)
    {
        var reward = await db.Set<IncomeReward>().Include(r => r.Shares).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reward is null) return null;
        if (new DateOnly(c.PayYear, c.PayMonth, 1) < new DateOnly(reward.Year, 1, 1)) throw new RuleException("发放月份不能早于奖励所属年度");
        await runs.EnsureMonthOpenAsync(reward.RegionCode, c.PayYear, c.PayMonth, ct);
        reward.Approve(c.PayYear, c.PayMonth, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetIncomeAsync(id, ct);
    }

    /// <summary>Serving secretaries in scope (for the grant form), at most 500.</summary>
    public async Task<IReadOnlyList<(long Id, string Name, string Village)>> SecretariesAsync(CancellationToken ct = default) =>
        (await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && (c.PostCode == "secretary" || c.PostCode == "secretary-director"))
            .OrderBy(c => c.RegionCode).Take(500)
            .Select(c => new { c.Id, c.Name, Village = db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault() ?? c.RegionCode }).ToListAsync(ct))
        .Select(x => (x.Id, x.Name, x.Village)).ToList();
}
