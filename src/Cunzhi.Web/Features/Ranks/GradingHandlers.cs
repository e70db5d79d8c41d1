using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>A serving cadre not yet on the ladder.</summary>
public sealed record UngradedCadre(long Id, string Name, string VillageCode, string VillageName, string PostCode, string PostName, DateOnly StartDate,
    DateOnly FirstEffectiveDate);

/// <summary>The ungraded cadres of a region (paged) and how many serving cadres there are graded and not.</summary>
public sealed record GradingList(string Region, string RegionName, int Graded, int Ungraded, DateOnly LatestEffectiveDate, Paged<UngradedCadre> Rows);

public sealed record GradeItem(long CadreId, int Rank);

/// <summary>定级 of a batch: every cadre at its rank from <see cref="EffectiveFrom"/> (a 1st), all or none.</summary>
public sealed record GradeCadres(DateOnly? EffectiveFrom, string? Reason, List<GradeItem>? Items);

public sealed record GradeResult(int Graded, DateOnly EffectiveFrom);

public sealed class GradeCadresValidator : AbstractValidator<GradeCadres>
{
    public GradeCadresValidator()
    {
        RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效月份");
        RuleFor(c => c.Items).NotEmpty().WithMessage("请选择要定级的干部");
        RuleFor(c => c.Items).Must(l => l!.Count <= PageRequest.MaxSize).When(c => c.Items is not null).WithMessage($"一次最多定级 {PageRequest.MaxSize} 人");
        RuleFor(c => c.Items).Must(l => l!.Select(i => i.CadreId).Distinct().Count() == l!.Count).When(c => c.Items is not null).WithMessage("同一干部不能重复出现");
        RuleFor(c => c.Reason).MaximumLength(200).WithMessage("依据不能超过 200 个字");
    }
}

/// <summary>
/// 定级 (<see cref="RankGrading"/>): the county places serving cadres on the ladder once; the towns and discipline see who
/// is not yet placed. Region scope and audit are the data context's.
/// </summary>
public sealed class GradingHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该干部（或不在您的管辖范围内）";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The serving cadres of <paramref name="region"/> (default: the account's) with no rank change yet; null when the region is not in scope.</summary>
    public async Task<GradingList?> ListAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? user.RegionCode : region.Trim();
        var scope = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (scope is null || RegionCodes.LevelOf(scope.Code) is null) return null;
        var serving = db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice).WhereCodeStartsWith(c => c.RegionCode, RegionCodes.ScopePrefix(scope.Code));
        var ungraded = serving.Where(c => !db.Set<RankChange>().Any(r => r.CadreId == c.Id));
        var total = await serving.CountAsync(ct);
        var rows = await ungraded.OrderBy(c => c.RegionCode).ThenBy(c => c.Id)
            .Select(c => new UngradedCadre(c.Id, c.Name, c.RegionCode, db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault() ?? "",
                c.PostCode, "", c.StartDate, c.StartDate))
            .ToPagedAsync(page, ct);
        rows = rows with { Items = rows.Items.Select(r => r with { PostName = CadreNames.Post(r.PostCode), FirstEffectiveDate = RankGrading.FirstEffectiveDate(r.StartDate) }).ToList() };
        return new GradingList(scope.Code, scope.Name, total - (int)rows.Total, (int)rows.Total, RankGrading.LatestEffectiveDate(Today), rows);
    }

    /// <summary>
    /// Grades the batch: one <see cref="RankChange"/> of kind Initial per cadre and <c>Cadre.Rank</c> set, in one save.
    /// Null when a cadre is not found in scope; refused (409) with every cadre's every problem when any has one.
    /// </summary>
    public async Task<GradeResult?> GradeAsync(GradeCadres c, CancellationToken ct = default)
    {
        var items = c.Items!;
        var effective = c.EffectiveFrom!.Value;
        var ids = items.Select(i => i.CadreId).ToList();
        var cadres = await db.Cadres.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        if (cadres.Count != ids.Count) return null;
        var graded = (await db.Set<RankChange>().AsNoTracking().Where(r => ids.Contains(r.CadreId)).Select(r => r.CadreId).Distinct().ToListAsync(ct)).ToHashSet();
        var today = Today;
        var refused = items
            .Select(i => (Cadre: cadres[i.CadreId], Problems: RankGrading.Check(cadres[i.CadreId].Status == CadreStatus.InOffice, graded.Contains(i.CadreId),
                cadres[i.CadreId].StartDate, i.Rank, effective, today)))
            .Where(x => x.Problems.Count > 0)
            .Select(x => $"{x.Cadre.Name}：{string.Join("；", x.Problems)}")
            .ToList();
        if (refused.Count > 0) throw RuleException.Of(refused, separator: "\n");

        var reason = string.IsNullOrWhiteSpace(c.Reason) ? RankGrading.DefaultReason : c.Reason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var i in items)
        {
            var cadre = cadres[i.CadreId];
            db.Add(new RankChange
            {
                CadreId = cadre.Id, RegionCode = cadre.RegionCode, FromRank = i.Rank, ToRank = i.Rank, EffectiveFrom = effective,
                Kind = RankChangeKind.Initial, Reason = reason, DecidedBy = user.UserName, DecidedAtUtc = now,
            });
            cadre.Rank = i.Rank;
        }
        await db.SaveChangesAsync(ct);
        return new GradeResult(items.Count, effective);
    }
}
