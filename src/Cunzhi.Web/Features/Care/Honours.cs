using Cunzhi.Data;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>An honour as listed: the cadre, level, title, body, date, amount, the commendation record it created (if any) and its withdrawal.</summary>
public sealed record HonourView(long Id, long CadreId, string CadreName, string VillageCode, CommendationLevel Level, string LevelName, string Title, string AwardedBy,
    DateOnly Date, long? AmountFen, long? ConductRecordId, string RecordedBy, DateTime? WithdrawnAtUtc, string? WithdrawnBy, string? WithdrawReason);

/// <summary>Filter of the honours list: region (county, town or village in scope), level, cadre; withdrawn ones listed too unless <see cref="Standing"/>.</summary>
public sealed record HonourFilter(string? Region, CommendationLevel? Level, long? CadreId, bool Standing = false);

/// <summary>Records an honour; <see cref="AmountFen"/> is the money in fen, if any.</summary>
public sealed record RecordHonour(long CadreId, CommendationLevel Level, string? Title, string? AwardedBy, DateOnly? Date, long? AmountFen);

/// <summary>撤销 an honour recorded in error, with the reason.</summary>
public sealed record WithdrawHonour(string? Reason);

public sealed class RecordHonourValidator : AbstractValidator<RecordHonour>
{
    public RecordHonourValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Level).IsInEnum().WithMessage("请选择表彰级别（县级、市级、省级、国家级）");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写荣誉称号");
        RuleFor(c => c.AwardedBy).NotEmpty().WithMessage("请填写授予单位");
        RuleFor(c => c.Date).NotNull().WithMessage("请填写表彰日期")
            .Must(d => d is null || d.Value.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"表彰日期应在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
        RuleFor(c => c.AmountFen).InclusiveBetween(0, Honour.MaxAmountFen).When(c => c.AmountFen is not null).WithMessage($"奖金应在 0 至 {Honour.MaxAmountFen / 100:N0} 元之间");
    }
}

public sealed class WithdrawHonourValidator : AbstractValidator<WithdrawHonour>
{
    public WithdrawHonourValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写撤销理由")
            .MaximumLength(ConductRecord.MaxWithdrawReasonLength).WithMessage($"撤销理由不能超过 {ConductRecord.MaxWithdrawReasonLength} 个字");
}

/// <summary>
/// 荣誉表彰: a county or town records its cadres' honours. When the promotion policy in force today gives the honour's
/// level points, the same save creates the commendation record (履职记录, kind 表彰) that the promotion rules read, linked
/// from the honour; withdrawing the honour withdraws that record in the same save, so eligibility points come and go with it.
/// Region scope and audit are the data context's.
/// </summary>
public sealed class Honours(AppDbContext db, PolicyHandlers policies, TimeProvider clock)
{
    public const string NotFound = "未找到该干部或荣誉（或不在您的管辖范围内）";

    /// <summary>The honours in scope, latest first (paged).</summary>
    public async Task<Paged<HonourView>> ListAsync(HonourFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<Honour>().AsNoTracking();
        if (f.CadreId is { } id) q = q.Where(h => h.CadreId == id);
        if (f.Level is { } level) q = q.Where(h => h.Level == level);
        if (f.Standing) q = q.Where(h => h.WithdrawnAtUtc == null);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(h => h.RegionCode.StartsWith(prefix));
        }
        var paged = await q.OrderByDescending(h => h.Date).ThenByDescending(h => h.Id)
            .Select(h => new HonourView(h.Id, h.CadreId, db.Cadres.Where(c => c.Id == h.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", h.RegionCode, h.Level, "",
                h.Title, h.AwardedBy, h.Date, h.AmountFen, h.ConductRecordId, h.RecordedBy, h.WithdrawnAtUtc, h.WithdrawnBy, h.WithdrawReason))
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(v => v with { LevelName = ConductNames.Level(v.Level) }).ToList() };
    }

    /// <summary>
    /// Records an honour of a cadre in scope (null when the cadre is not found): refused with every problem of the entry; a
    /// level the policy in force counts also gets its commendation record, in the same save.
    /// </summary>
    public async Task<HonourView?> RecordAsync(RecordHonour c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) is not (RegionLevel.County or RegionLevel.Town))
            throw new RuleException("荣誉表彰由县或乡镇登记，请使用县级或乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var today = clock.Today();
        var date = c.Date ?? today;
        RuleException.ThrowIfAny(HonourRules.Problems(c.Level, c.Title, c.AwardedBy, date, c.AmountFen, today));
        var now = clock.GetUtcNow().UtcDateTime;
        var honour = new Honour
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Level = c.Level, Title = c.Title!.Trim(), AwardedBy = c.AwardedBy!.Trim(), Date = date,
            AmountFen = c.AmountFen, RecordedBy = db.User.UserName, RecordedAtUtc = now,
        };
        honour.CommendUnder(await policies.InForceAsync(policies.County, today, ct), today);
        db.Add(honour);
        await db.SaveChangesAsync(ct);
        return View(honour, cadre.Name);
    }

    /// <summary>撤销: withdraws an honour in scope and the commendation record it created, in one save; null when not found.</summary>
    public async Task<HonourView?> WithdrawAsync(long id, WithdrawHonour c, CancellationToken ct = default)
    {
        var honour = await db.Set<Honour>().Include(h => h.Commendation).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (honour is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        honour.Withdraw(c.Reason, db.User.UserName, now);
        if (honour.Commendation is { Withdrawn: false } record) record.Withdraw($"荣誉表彰撤销：{honour.WithdrawReason}", db.User.UserName, now);
        await db.SaveChangesAsync(ct);
        var name = await db.Cadres.Where(x => x.Id == honour.CadreId).Select(x => x.Name).FirstAsync(ct);
        return View(honour, name);
    }

    private static HonourView View(Honour h, string name) => new(h.Id, h.CadreId, name, h.RegionCode, h.Level, ConductNames.Level(h.Level), h.Title, h.AwardedBy, h.Date,
        h.AmountFen, h.ConductRecordId, h.RecordedBy, h.WithdrawnAtUtc, h.WithdrawnBy, h.WithdrawReason);
}
