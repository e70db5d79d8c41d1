using Cunzhi.Data;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// Finds a named proposer on the net (<see cref="PointsProposers"/>): a grid member's post (<see cref="GridMember"/> id)
/// current today for the grid of the household's villager group, or a Party member (resident id) whose link to the
/// household is current today. Region scope is the data context's: only the village's own net is read.
/// </summary>
public sealed class PointsProposerCheck(AppDbContext db)
{
    /// <summary>The proposer's kind, id and name for an entry; refused (409) when the net does not hold them for the household.</summary>
    public async Task<(PointsProposer Kind, long? Id, string? Name)> ResolveAsync(PointsProposer? kind, long? id, PointsHolderKind holderKind, long holderId,
        DateOnly today, CancellationToken ct = default)
    {
        var k = kind ?? PointsProposer.VillageCadre;
        if (k == PointsProposer.VillageCadre || id is null || holderKind != PointsHolderKind.Household)
        {
            PointsProposers.Check(k, id, holderKind, true);
            return (k, null, null);
        }
        var (name, onNet) = k == PointsProposer.GridMember ? await GridMemberAsync(id.Value, holderId, today, ct) : await LinkedMemberAsync(id.Value, holderId, today, ct);
        PointsProposers.Check(k, id, holderKind, name is null ? null : onNet);
        return (k, id, name);
    }

    private async Task<(string? Name, bool OnNet)> GridMemberAsync(long postId, long householdId, DateOnly today, CancellationToken ct)
    {
        var post = await db.Set<GridMember>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == postId, ct);
        if (post is null) return (null, false);
        var name = post.CadreId is { } cid
            ? await db.Cadres.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : await db.Residents.AsNoTracking().Where(r => r.Id == post.ResidentId).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var group = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.GroupCode).FirstOrDefaultAsync(ct);
        var grid = group is null ? null : await db.Set<GridGroup>().AsNoTracking().Where(g => g.GroupCode == group).Select(g => g.GridCode).FirstOrDefaultAsync(ct);
        return (name ?? "网格员", grid == post.GridCode && NetLinkDates.HoldsOn(post.FromDate, post.ToDate, today));
    }

    private async Task<(string? Name, bool OnNet)> LinkedMemberAsync(long residentId, long householdId, DateOnly today, CancellationToken ct)
    {
        var name = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.IsPartyMember).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null) return (null, false);
        var links = await db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => l.ResidentId == residentId && l.HouseholdId == householdId).ToListAsync(ct);
        return (name, links.Any(l => NetLinkDates.HoldsOn(l.FromDate, l.ToDate, today)));
    }
}
