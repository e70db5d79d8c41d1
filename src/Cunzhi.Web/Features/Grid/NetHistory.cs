using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

/// <summary>Which past links: a group's cadre (干部联村组), a household's Party member (党员联农户), a grid's member (网格员).</summary>
public enum NetHistoryKind
{
    Groups = 1,
    Households = 2,
    Grids = 3,
}

/// <summary>
/// One ended link: what was held (group, household or grid), who held it, from and to (inclusive), and why it ended where
/// the registers record it (a cadre's departure on the link's last day: 离任 with the departure reason); null otherwise.
/// </summary>
public sealed record NetHistoryRow(long Id, string Subject, string Holder, DateOnly FromDate, DateOnly ToDate, string? Why);

/// <summary>
/// 联系历史: a village's ended links of one kind, the latest ended first (paged), in scope. Links are never deleted: ending
/// one sets its last day, so the history is the links with an end date.
/// </summary>
public sealed class NetHistory(AppDbContext db)
{
    /// <summary>The ended links of <paramref name="kind"/> in <paramref name="village"/>; null when the village is not in scope.</summary>
    public async Task<Paged<NetHistoryRow>?> EndedAsync(string village, NetHistoryKind kind, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == village && r.Level == RegionLevel.Village, ct)) return null;
        var rows = kind switch
        {
            NetHistoryKind.Groups => await db.Set<CadreGroupLink>().AsNoTracking().Where(l => l.RegionCode == village && l.ToDate != null)
                .OrderByDescending(l => l.ToDate).ThenByDescending(l => l.Id)
                .Select(l => new Raw(l.Id, db.Regions.Where(r => r.Code == l.GroupCode).Select(r => r.Name).FirstOrDefault() ?? l.GroupCode,
                    db.Cadres.Where(c => c.Id == l.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", l.FromDate, l.ToDate!.Value,
                    db.Cadres.Any(c => c.Id == l.CadreId && c.DepartureDate == l.ToDate),
                    db.Cadres.Where(c => c.Id == l.CadreId && c.DepartureDate == l.ToDate).Select(c => c.DepartureReason).FirstOrDefault()))
                .ToPagedAsync(page, ct),
            NetHistoryKind.Households => await db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => l.RegionCode == village && l.ToDate != null)
                .OrderByDescending(l => l.ToDate).ThenByDescending(l => l.Id)
                .Select(l => new Raw(l.Id, db.Households.Where(h => h.Id == l.HouseholdId).Select(h => h.Number + " " + h.HeadName).FirstOrDefault() ?? "",
                    db.Residents.Where(r => r.Id == l.ResidentId).Select(r => r.Name).FirstOrDefault() ?? "", l.FromDate, l.ToDate!.Value, false, null))
                .ToPagedAsync(page, ct),
            NetHistoryKind.Grids => await db.Set<GridMember>().AsNoTracking().Where(m => m.RegionCode == village && m.ToDate != null)
                .OrderByDescending(m => m.ToDate).ThenByDescending(m => m.Id)
                .Select(m => new Raw(m.Id, db.Regions.Where(r => r.Code == m.GridCode).Select(r => r.Name).FirstOrDefault() ?? m.GridCode,
                    (m.CadreId != null ? db.Cadres.Where(c => c.Id == m.CadreId).Select(c => c.Name).FirstOrDefault()
                        : db.Residents.Where(r => r.Id == m.ResidentId).Select(r => r.Name).FirstOrDefault()) ?? "", m.FromDate, m.ToDate!.Value,
                    m.CadreId != null && db.Cadres.Any(c => c.Id == m.CadreId && c.DepartureDate == m.ToDate),
                    db.Cadres.Where(c => c.Id == m.CadreId && c.DepartureDate == m.ToDate).Select(c => c.DepartureReason).FirstOrDefault()))
                .ToPagedAsync(page, ct),
            _ => null,
        };
        if (rows is null) return null;
        return new(rows.Items.Select(r => new NetHistoryRow(r.Id, r.Subject, r.Holder, r.FromDate, r.ToDate, Why(r))).ToList(), rows.Total, rows.Page, rows.PageSize);
    }

    private static string? Why(Raw r) => !r.Departed ? null : string.IsNullOrWhiteSpace(r.DepartureReason) ? "干部离任" : $"干部离任（{r.DepartureReason}）";

    private sealed record Raw(long Id, string Subject, string Holder, DateOnly FromDate, DateOnly ToDate, bool Departed, string? DepartureReason);
}
