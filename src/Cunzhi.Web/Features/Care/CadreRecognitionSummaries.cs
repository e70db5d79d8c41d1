using Cunzhi.Data;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Ranks;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>An honour line on the cadre page.</summary>
public sealed record CadreHonourLine(DateOnly Date, string LevelName, string Title, string AwardedBy, bool Counted);

/// <summary>A career move in the cadre page's history, next to the posts.</summary>
public sealed record CadreCareerLine(DateOnly Date, string KindName, string Destination, bool LeftOffice);

/// <summary>The cadre page's 荣誉 and 两代表一委员 lines and 职业发展 rows (standing honours only; at most 20 of each).</summary>
public sealed record CadreRecognition(IReadOnlyList<CadreHonourLine> Honours, IReadOnlyList<string> Nominations, IReadOnlyList<CadreCareerLine> Careers);

/// <summary>荣誉表彰, 两代表一委员 and 职业发展 of one cadre, for the cadre page (rows in scope only).</summary>
public sealed class CadreRecognitionSummaries(AppDbContext db)
{
    private const int Most = 20;

    public async Task<CadreRecognition> ForCadreAsync(long cadreId, CancellationToken ct = default)
    {
        var honours = (await db.Set<Honour>().AsNoTracking().Where(h => h.CadreId == cadreId && h.WithdrawnAtUtc == null)
                .OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).Take(Most)
                .Select(h => new { h.Date, h.Level, h.Title, h.AwardedBy, h.ConductRecordId }).ToListAsync(ct))
            .Select(h => new CadreHonourLine(h.Date, ConductNames.Level(h.Level), h.Title, h.AwardedBy, h.ConductRecordId is not null)).ToList();
        var nominations = (await db.Set<Nomination>().AsNoTracking().Where(n => n.CadreId == cadreId)
                .OrderByDescending(n => n.TermFrom).ThenBy(n => n.Id).Take(Most)
                .Select(n => new { n.Kind, n.Level, n.TermFrom, n.TermTo, n.Status }).ToListAsync(ct))
            .Select(n => NominationRules.Line(n.Kind, n.Level, n.TermFrom, n.TermTo, n.Status)).ToList();
        var careers = (await db.Set<CareerMove>().AsNoTracking().Where(m => m.CadreId == cadreId)
                .OrderBy(m => m.Date).ThenBy(m => m.Id).Take(Most)
                .Select(m => new { m.Date, m.Kind, m.Destination, m.LeftOffice }).ToListAsync(ct))
            .Select(m => new CadreCareerLine(m.Date, CareerRules.KindName(m.Kind), m.Destination, m.LeftOffice)).ToList();
        return new(honours, nominations, careers);
    }
}
