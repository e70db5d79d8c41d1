using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A career move as listed.</summary>
public sealed record CareerMoveView(long Id, long CadreId, string CadreName, string VillageCode, CareerMoveKind Kind, string KindName, DateOnly Date, string Destination,
    bool LeftOffice, string RecordedBy);

/// <summary>Filter of career moves: region in scope, kind, cadre.</summary>
public sealed record CareerMoveFilter(string? Region, CareerMoveKind? Kind, long? CadreId = null);

/// <summary>Records a move; <see cref="LeavesOffice"/> is read for 其他 only (the other kinds decide it).</summary>
public sealed record RecordCareerMove(long CadreId, CareerMoveKind Kind, DateOnly? Date, string? Destination, bool? LeavesOffice);

public sealed class RecordCareerMoveValidator : AbstractValidator<RecordCareerMove>
{
    public RecordCareerMoveValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择去向类别");
        RuleFor(c => c.Date).NotNull().WithMessage("请填写日期")
            .Must(d => d is null || d.Value.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"日期应在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
        RuleFor(c => c.Destination).NotEmpty().WithMessage("请填写去向（单位或岗位）");
    }
}

/// <summary>
/// 职业发展: a county or town records a cadre's move — to 专业化管理村党组织书记 (the cadre stays in office and is marked so
/// in the registry), to a town post (乡镇公务员/事业编), to a public institution, or other. A move that takes the cadre out of
/// village office ends the current post through the registry's departure path (<see cref="CadreHandlers.DepartTrackedAsync"/>)
/// in the same save as the move; every change is audited by the data context.
/// </summary>
public sealed class CareerMoves(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该干部（或不在您的管辖范围内）";

    /// <summary>Moves in scope, latest first (paged).</summary>
    public async Task<Paged<CareerMoveView>> ListAsync(CareerMoveFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<CareerMove>().AsNoTracking();
        if (f.CadreId is { } id) q = q.Where(m => m.CadreId == id);
        if (f.Kind is { } kind) q = q.Where(m => m.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(m => m.RegionCode.StartsWith(prefix));
        }
        var paged = await q.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new CareerMoveView(m.Id, m.CadreId, db.Cadres.Where(c => c.Id == m.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", m.RegionCode,
                m.Kind, "", m.Date, m.Destination, m.LeftOffice, m.RecordedBy))
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(v => v with { KindName = CareerRules.KindName(v.Kind) }).ToList() };
    }

    /// <summary>
    /// Records a move of a cadre in scope (null when not found). Refused, nothing written: a date after today or before the
    /// current post began, a cadre out of office for a move that needs office, a professional secretary who is not the
    /// secretary or already one. One save holds the move, the departure (when it leaves office) and the registry's flag.
    /// </summary>
    public async Task<CareerMoveView?> RecordAsync(RecordCareerMove c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) is not (RegionLevel.County or RegionLevel.Town))
            throw new RuleException("职业发展由县或乡镇登记，请使用县级或乡镇账号");
        var cadre = await db.Cadres.Include(x => x.Posts).FirstOrDefaultAsync(x => x.Id == c.CadreId, ct);
        if (cadre is null) return null;
        var today = clock.Today();
        var date = c.Date ?? today;
        var open = cadre.Posts.Where(p => p.EndDate is null).Select(p => (DateOnly?)p.StartDate).FirstOrDefault() ?? cadre.StartDate;
        RuleException.ThrowIfAny(CareerRules.Problems(c.Kind, c.LeavesOffice == true, date, c.Destination, cadre.Status, open, cadre.PostCode,
            cadre.IsProfessionalSecretary, today, cadre.Name));
        var destination = c.Destination!.Trim();
        var leaves = CareerRules.LeavesOffice(c.Kind, c.LeavesOffice == true);
        if (leaves)
            await CadreHandlers.DepartTrackedAsync(db, cadre, new CadreDeparture(CadreStatus.DepartedNormally, date, CareerRules.DepartureReason(c.Kind, destination)), ct);
        if (c.Kind == CareerMoveKind.ProfessionalSecretary) cadre.IsProfessionalSecretary = true;
        var move = new CareerMove
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Kind = c.Kind, Date = date, Destination = destination, LeftOffice = leaves,
            RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(move);
        await db.SaveChangesAsync(ct);
        return new(move.Id, cadre.Id, cadre.Name, cadre.RegionCode, move.Kind, CareerRules.KindName(move.Kind), move.Date, move.Destination, move.LeftOffice, move.RecordedBy);
    }
}
