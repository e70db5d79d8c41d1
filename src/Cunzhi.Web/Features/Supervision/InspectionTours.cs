using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>A village a tour covers.</summary>
public sealed record TourVillage(string Code, string Name);

/// <summary>A tour as listed and shown.</summary>
public sealed record TourView(long Id, string TownCode, string TownName, string Name, IReadOnlyList<TourVillage> Villages, DateOnly From, DateOnly To, string Team,
    int Findings, int OpenFindings, string RecordedBy, int Version) : IVersionedView;

/// <summary>Plans a tour of some of a town's villages.</summary>
public sealed record PlanTour(string? Town, string? Name, IReadOnlyList<string>? Villages, DateOnly? From, DateOnly? To, string? Team);

public sealed class PlanTourValidator : AbstractValidator<PlanTour>
{
    public PlanTourValidator()
    {
        RuleFor(c => c.Town).Must(t => RegionCodes.LevelOf(t?.Trim()) == RegionLevel.Town).WithMessage("请选择乡镇");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写巡察名称").MaximumLength(InspectionTour.MaxName).WithMessage($"巡察名称不能超过 {InspectionTour.MaxName} 个字");
        RuleFor(c => c.Villages).Must(v => v is { Count: > 0 }).WithMessage("请选择巡察的村");
        RuleFor(c => c.From).NotNull().WithMessage("请填写开始日期").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.To).NotNull().WithMessage("请填写结束日期").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.Team).NotEmpty().WithMessage("请填写巡察组成员").MaximumLength(InspectionTour.MaxTeam).WithMessage($"巡察组成员不能超过 {InspectionTour.MaxTeam} 个字");
    }
}

/// <summary>
/// 巡察: the county or discipline inspection plans a tour of villages of one town (each village of that town, refused
/// otherwise); the town reads its tours. Findings are recorded on a tour by <see cref="SupervisionFindings"/>.
/// </summary>
public sealed class InspectionTours(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该巡察或乡镇（或不在您的管辖范围内）";

    /// <summary>The tours in scope (a town or the county), latest first (paged).</summary>
    public async Task<Paged<TourView>> ListAsync(string? town, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<InspectionTour>().AsNoTracking();
        if (RegionCodes.LevelOf(town?.Trim()) is RegionLevel.Town or RegionLevel.County)
        {
            var prefix = RegionCodes.ScopePrefix(town!.Trim());
            q = q.Where(t => t.RegionCode.StartsWith(prefix));
        }
        var rows = await q.OrderByDescending(t => t.From).ThenByDescending(t => t.Id).ToPagedAsync(page, ct);
        return new(await ViewsAsync(rows.Items, ct), rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>One tour in scope, or null.</summary>
    public async Task<TourView?> GetAsync(long id, CancellationToken ct = default) =>
        await db.Set<InspectionTour>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } tour ? (await ViewsAsync([tour], ct))[0] : null;

    private async Task<IReadOnlyList<TourView>> ViewsAsync(IReadOnlyList<InspectionTour> tours, CancellationToken ct)
    {
        if (tours.Count == 0) return [];
        var codes = tours.SelectMany(t => t.VillageCodes).Concat(tours.Select(t => t.RegionCode)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var ids = tours.Select(t => t.Id).ToList();
        var counts = await db.Set<SupervisionFinding>().AsNoTracking().Where(f => f.TourId != null && ids.Contains(f.TourId.Value))
            .GroupBy(f => f.TourId!.Value).Select(g => new { g.Key, All = g.Count(), Open = g.Count(f => f.State != FindingState.Closed) })
            .ToDictionaryAsync(g => g.Key, ct);
        return tours.Select(t => new TourView(t.Id, t.RegionCode, names.GetValueOrDefault(t.RegionCode, t.RegionCode), t.Name,
            t.VillageCodes.Select(v => new TourVillage(v, names.GetValueOrDefault(v, v))).ToList(), t.From, t.To, t.Team,
            counts.TryGetValue(t.Id, out var c) ? c.All : 0, counts.TryGetValue(t.Id, out var o) ? o.Open : 0, t.RecordedBy, t.RowVersion)).ToList();
    }

    /// <summary>Plans a tour of a town in scope (null when the town is not found); refused for a village outside the town.</summary>
    public async Task<TourView?> PlanAsync(PlanTour c, CancellationToken ct = default)
    {
        var townCode = c.Town!.Trim();
        var town = await db.Regions.AsNoTracking().Where(r => r.Code == townCode && r.Level == RegionLevel.Town).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (town is null) return null;
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town.Code && r.Level == RegionLevel.Village)
            .Select(r => new { r.Code, r.Name }).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var chosen = (c.Villages ?? []).Select(v => v?.Trim() ?? "").ToList();
        RuleException.ThrowIfAny(SupervisionRules.TourProblems(c.Name, town.Name, villages, chosen, c.From!.Value, c.To!.Value, c.Team));
        var tour = new InspectionTour
        {
            RegionCode = town.Code, Name = c.Name!.Trim(), Villages = string.Join(',', chosen.Order(StringComparer.Ordinal)), From = c.From.Value, To = c.To.Value,
            Team = c.Team!.Trim(), RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(tour);
        await db.SaveChangesAsync(ct);
        return await GetAsync(tour.Id, ct);
    }

    /// <summary>The towns in scope, for the planning form.</summary>
    public async Task<IReadOnlyList<TourVillage>> TownsAsync(CancellationToken ct = default) =>
        await db.Regions.AsNoTracking().Towns().Take(200).Select(r => new TourVillage(r.Code, r.Name)).ToListAsync(ct);

    /// <summary>The villages of a town in scope, for the planning form.</summary>
    public async Task<IReadOnlyList<TourVillage>> VillagesAsync(string? town, CancellationToken ct = default) =>
        RegionCodes.LevelOf(town?.Trim()) != RegionLevel.Town ? []
        : await db.Regions.AsNoTracking().Where(r => r.ParentCode == town!.Trim() && r.Level == RegionLevel.Village).OrderBy(r => r.Code).Take(500)
            .Select(r => new TourVillage(r.Code, r.Name)).ToListAsync(ct);
}
