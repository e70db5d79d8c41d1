using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A policy as listed: who bought it, insurer, number, period, cadres covered in the reader's scope, and whether it ends within 30 days.</summary>
public sealed record PolicyView(long Id, string RegionCode, string Insurer, string PolicyNumber, DateOnly FromDate, DateOnly ToDate, int Insured, bool ExpiresSoon, string CreatedBy);

/// <summary>
/// Records a policy: insurer, number, period (China dates, inclusive) and the cadres covered — by id, and/or every cadre
/// in office of the listed villages or towns (a group policy).
/// </summary>
public sealed record CreatePolicy(string? Insurer, string? PolicyNumber, DateOnly FromDate, DateOnly ToDate, IReadOnlyList<long>? CadreIds, IReadOnlyList<string>? Regions);

public sealed class CreatePolicyValidator : AbstractValidator<CreatePolicy>
{
    public CreatePolicyValidator()
    {
        RuleFor(c => c.FromDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写保险起期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.ToDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写保险止期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.CadreIds).Must(v => v is null || v.Count <= CareRules.MaxInsured).WithMessage($"一份保单最多 {CareRules.MaxInsured} 人");
        RuleFor(c => c.Regions).Must(v => v is null || v.Count <= 500).WithMessage("一次最多选择 500 个村或乡镇");
    }
}

/// <summary>
/// 意外保险: a county or town records the policies it bought for its cadres; everyone with the capability reads the
/// policies of their scope, and the home page counts those ending within 30 days.
/// </summary>
public sealed class InsurancePolicies(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该保单（或不在您的管辖范围内）";

    /// <summary>
    /// Policies readable by the account: bought in its scope, or — for a town or village — covering one of its cadres
    /// (a county policy; read through <see cref="ScopeGateway.PoliciesCoveringScope"/>).
    /// </summary>
    internal IQueryable<InsurancePolicy> Policies() => ScopeGateway.PoliciesCoveringScope(db);

    private IQueryable<PolicyView> Views(IQueryable<InsurancePolicy> q, DateOnly today)
    {
        var warnEnd = CareRules.WarningEnd(today);
        var scope = db.User.ScopePrefix; // the policies' query steps past the filters (a county policy read by a town): count the reader's own cadres only
        return q.Select(p => new PolicyView(p.Id, p.RegionCode, p.Insurer, p.PolicyNumber, p.FromDate, p.ToDate,
            db.Set<InsuredCadre>().Count(i => i.PolicyId == p.Id && i.RegionCode.StartsWith(scope)), p.ToDate >= today && p.ToDate < warnEnd, p.CreatedBy));
    }

    /// <summary>Policies in scope, latest ending first; <paramref name="expiring"/> keeps only those ending within 30 days (paged).</summary>
    public Task<Paged<PolicyView>> ListAsync(bool expiring, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today();
        var q = Policies();
        if (expiring)
        {
            var warnEnd = CareRules.WarningEnd(today);
            q = q.Where(p => p.ToDate >= today && p.ToDate < warnEnd);
        }
        return Views(q.OrderByDescending(p => p.ToDate).ThenByDescending(p => p.Id), today).ToPagedAsync(page, ct);
    }

    /// <summary>One policy in scope, or null.</summary>
    public Task<PolicyView?> GetAsync(long id, CancellationToken ct = default) => Views(Policies().Where(p => p.Id == id), clock.Today()).FirstOrDefaultAsync(ct);

    /// <summary>How many policies in scope end within 30 days (the home to-do).</summary>
    public Task<int> ExpiringCountAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var warnEnd = CareRules.WarningEnd(today);
        return Policies().CountAsync(p => p.ToDate >= today && p.ToDate < warnEnd, ct);
    }

    /// <summary>
    /// Records a policy bought by the account's county or town: checks it (<see cref="CareRules.PolicyProblems"/>), that
    /// every cadre named is in scope and in office, that every village is in scope; one save with the covered cadres and
    /// one summary event (the cadre rows are summary-audited).
    /// </summary>
    public async Task<PolicyView> CreateAsync(CreatePolicy c, CancellationToken ct = default)
    {
        var region = db.User.RegionCode;
        if (RegionCodes.LevelOf(region) is not (RegionLevel.County or RegionLevel.Town)) throw new RuleException("保单由县或乡镇登记，请使用县级或乡镇账号");
        var ids = (c.CadreIds ?? []).Distinct().ToList();
        var regions = (c.Regions ?? []).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var problems = new List<RuleProblem>();
        foreach (var v in regions.Where(v => RegionCodes.LevelOf(v) is not (RegionLevel.Village or RegionLevel.Town) || !db.User.Allows(v)))
            problems.Add(new("care.region", "Regions", $"{v} 不是您辖区内的村或乡镇"));
        var towns = regions.Where(v => RegionCodes.LevelOf(v) == RegionLevel.Town).ToList();
        var villages = regions.Where(v => RegionCodes.LevelOf(v) == RegionLevel.Village).ToList();
        if (towns.Count > 0)
            villages.AddRange(await db.Regions.AsNoTracking().Where(r => towns.Contains(r.ParentCode!) && r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct));
        var named = await db.Cadres.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.RegionCode, x.Status }).ToListAsync(ct);
        foreach (var id in ids.Where(id => named.All(n => n.Id != id)))
            problems.Add(new("care.cadre", "CadreIds", $"未找到编号为 {id} 的干部（或不在您的管辖范围内）"));
        foreach (var n in named.Where(n => n.Status != CadreStatus.InOffice))
            problems.Add(new("care.cadre_left", "CadreIds", $"{n.Name} 已不在任，不能投保"));
        var ofVillages = villages.Count == 0 ? [] : await db.Cadres.AsNoTracking().Where(x => villages.Contains(x.RegionCode) && x.Status == CadreStatus.InOffice)
            .OrderBy(x => x.Id).Select(x => new { x.Id, x.Name, x.RegionCode, x.Status }).ToListAsync(ct);
        var insured = named.Where(n => n.Status == CadreStatus.InOffice).Concat(ofVillages).DistinctBy(x => x.Id).ToList();
        problems.AddRange(CareRules.PolicyProblems(c.Insurer, c.PolicyNumber, c.FromDate, c.ToDate, insured.Count));
        RuleException.ThrowIfAny(problems);

        var insurer = c.Insurer!.Trim();
        var number = c.PolicyNumber!.Trim();
        var policy = new InsurancePolicy
        {
            RegionCode = region, Insurer = insurer, PolicyNumber = number, FromDate = c.FromDate, ToDate = c.ToDate,
            CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Insured = insured.Select(i => new InsuredCadre { CadreId = i.Id, RegionCode = i.RegionCode, FromDate = c.FromDate, ToDate = c.ToDate }).ToList(),
        };
        db.Add(policy);
        var summary = new { policy.Insurer, policy.PolicyNumber, policy.FromDate, policy.ToDate, Insured = insured.Count, Villages = insured.GroupBy(i => i.RegionCode).ToDictionary(g => g.Key, g => g.Count()) };
        db.RecordEvent("InsuranceCovered", nameof(InsuredCadre), $"{insurer} {number}", region, JsonSerializer.Serialize(summary, AuditCapture.Json));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("care.number_taken", "PolicyNumber", TakenMessage);
        }
        return (await GetAsync(policy.Id, ct))!;
    }

    private const string TakenMessage = "该保险公司的这个保单号已登记过";
}
