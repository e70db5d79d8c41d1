using Cunzhi.Data;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A nomination as listed, with its Chinese names and version (for the outcome).</summary>
public sealed record NominationView(long Id, long CadreId, string CadreName, string VillageCode, NominationKind Kind, string KindName, NominationLevel Level, string LevelName,
    int TermFrom, int TermTo, NominationStatus Status, string StatusName, string RecordedBy, string? DecidedBy, int Version) : IVersionedView
{
    /// <summary>The cadre page's line.</summary>
    public string Line => NominationRules.Line(Kind, Level, TermFrom, TermTo, Status);
}

/// <summary>Filter of the county's nominations: region in scope, kind, level, status, cadre.</summary>
public sealed record NominationFilter(string? Region, NominationKind? Kind, NominationLevel? Level, NominationStatus? Status, long? CadreId = null);

/// <summary>Records a recommendation (or, for a past term, its outcome at once: <see cref="Status"/> 当选/未当选).</summary>
public sealed record RecordNomination(long CadreId, NominationKind Kind, NominationLevel Level, int TermFrom, int TermTo, NominationStatus? Status);

/// <summary>Sets the outcome (当选 or 未当选) of a recommendation at <see cref="Version"/>.</summary>
public sealed record DecideNomination(NominationStatus Status) : IVersionedCommand
{
    /// <summary>The nomination's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class RecordNominationValidator : AbstractValidator<RecordNomination>
{
    public RecordNominationValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择类别（党代表、人大代表、政协委员）");
        RuleFor(c => c.Level).IsInEnum().WithMessage("请选择级别（县级、市级、省级）");
        RuleFor(c => c.Status).IsInEnum().When(c => c.Status is not null).WithMessage("请选择状态（推荐、当选、未当选）");
    }
}

public sealed class DecideNominationValidator : AbstractValidator<DecideNomination>
{
    public DecideNominationValidator()
    {
        RuleFor(c => c.Status).Must(s => s is NominationStatus.Elected or NominationStatus.NotElected).WithMessage("请选择结果：当选或未当选");
    }
}

/// <summary>
/// 两代表一委员: a county or town records its cadres' recommendations as Party congress delegates, people's congress deputies
/// or CPPCC members (level, term) and their outcome; the county's list filters by kind, level and status. One per cadre,
/// kind, level and term start (also a unique index: of two simultaneous requests one wins). Scope and audit are the context's.
/// </summary>
public sealed class Nominations(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该干部或推荐记录（或不在您的管辖范围内）";

    /// <summary>The nominations in scope, latest term first (paged).</summary>
    public async Task<Paged<NominationView>> ListAsync(NominationFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<Nomination>().AsNoTracking();
        if (f.CadreId is { } id) q = q.Where(n => n.CadreId == id);
        if (f.Kind is { } kind) q = q.Where(n => n.Kind == kind);
        if (f.Level is { } level) q = q.Where(n => n.Level == level);
        if (f.Status is { } status) q = q.Where(n => n.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(n => n.RegionCode.StartsWith(prefix));
        }
        var paged = await q.OrderByDescending(n => n.TermFrom).ThenBy(n => n.RegionCode).ThenBy(n => n.Id)
            .Select(n => new NominationView(n.Id, n.CadreId, db.Cadres.Where(c => c.Id == n.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", n.RegionCode,
                n.Kind, "", n.Level, "", n.TermFrom, n.TermTo, n.Status, "", n.RecordedBy, n.DecidedBy, n.RowVersion))
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(Named).ToList() };
    }

    /// <summary>Records a nomination of a cadre in scope (null when not found); refused with every problem, or when the same term is already recorded.</summary>
    public async Task<NominationView?> RecordAsync(RecordNomination c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) is not (RegionLevel.County or RegionLevel.Town))
            throw new RuleException("两代表一委员推荐由县或乡镇登记，请使用县级或乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var status = c.Status ?? NominationStatus.Recommended;
        RuleException.ThrowIfAny(NominationRules.Problems(c.Kind, c.Level, c.TermFrom, c.TermTo, status));
        if (await db.Set<Nomination>().AnyAsync(n => n.CadreId == cadre.Id && n.Kind == c.Kind && n.Level == c.Level && n.TermFrom == c.TermFrom, ct))
            throw new RuleException("care.nomination_taken", "TermFrom", Taken(cadre.Name, c));
        var now = clock.GetUtcNow().UtcDateTime;
        var nomination = new Nomination
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Kind = c.Kind, Level = c.Level, TermFrom = c.TermFrom, TermTo = c.TermTo, Status = status,
            RecordedBy = db.User.UserName, RecordedAtUtc = now,
            DecidedBy = status == NominationStatus.Recommended ? null : db.User.UserName, DecidedAtUtc = status == NominationStatus.Recommended ? null : now,
        };
        db.Add(nomination);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("care.nomination_taken", "TermFrom", Taken(cadre.Name, c));
        }
        return View(nomination, cadre.Name);
    }

    /// <summary>Sets the outcome of a recommendation in scope at the version the caller read (stale: 409); null when not found.</summary>
    public async Task<NominationView?> DecideAsync(long id, DecideNomination c, CancellationToken ct = default)
    {
        var nomination = await db.Set<Nomination>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (nomination is null) return null;
        db.ExpectVersion(nomination, c.Version);
        nomination.Decide(c.Status, db.User.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var name = await db.Cadres.Where(x => x.Id == nomination.CadreId).Select(x => x.Name).FirstAsync(ct);
        return View(nomination, name);
    }

    private static string Taken(string name, RecordNomination c) =>
        $"{name} 已登记过 {c.TermFrom} 年起的{NominationRules.LevelName(c.Level)}{NominationRules.KindName(c.Kind)}推荐";

    private static NominationView Named(NominationView v) =>
        v with { KindName = NominationRules.KindName(v.Kind), LevelName = NominationRules.LevelName(v.Level), StatusName = NominationRules.StatusName(v.Status) };

    private static NominationView View(Nomination n, string name) => Named(new(n.Id, n.CadreId, name, n.RegionCode, n.Kind, "", n.Level, "", n.TermFrom, n.TermTo,
        n.Status, "", n.RecordedBy, n.DecidedBy, n.RowVersion));
}
