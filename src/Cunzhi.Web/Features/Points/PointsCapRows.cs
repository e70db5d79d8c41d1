using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// The cap per rule per year held by the database (<see cref="PointsCapUsage"/>): an approval takes the entry's points
/// on the holder's row for the item and year, an upheld objection or a reversal gives them back, in the same save as the
/// entry. The row's CHECK (<c>Used ≤ Cap</c>) and concurrency version refuse what the handler's reading could not see: of
/// several approvals at once, those the cap allows go through, a write from a stale reading answers 409 and nothing is
/// written, and none can pass the cap. A row is made on the first approval under the item, counting the approved entries
/// already in the ledger (posted or in force, not reversed), so entries approved before the row existed count too.
/// </summary>
public sealed class PointsCapRows(AppDbContext db, PointsBalances balances)
{
    private const int SqliteConstraintCheck = 275; // SQLITE_CONSTRAINT_CHECK

    /// <summary>True once a row was added in this request (a lost race on its unique index then answers 409).</summary>
    public bool Created { get; private set; }

    /// <summary>The item an entry was made under: the county item of its catalogue version, or the village's own item.</summary>
    public async Task<PointsItem?> ItemAsync(PointsEntry e, CancellationToken ct = default)
    {
        if (e.VillageItemId is { } vid)
            return (await db.Set<VillagePointsItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == vid, ct))?.AsItem();
        var versions = await balances.PoliciesAsync(e.RegionCode, ct);
        return versions.FirstOrDefault(v => v.Version == e.PolicyVersion)?.Item(e.ItemCode);
    }

    /// <summary>Counts an approval of <paramref name="e"/> against its item's yearly cap (nothing for an item without one); refused past the cap.</summary>
    public async Task TakeAsync(PointsEntry e, CancellationToken ct = default)
    {
        if (await ItemAsync(e, ct) is not { YearCap: not null } item) return;
        PointsCaps.Take(await RowAsync(e, item.YearCap.Value, ct), item, e.Points);
    }

    /// <summary>Gives back what an approved entry took (voided, or reversed); nothing when its item has no row.</summary>
    public async Task GiveBackAsync(PointsEntry e, CancellationToken ct = default)
    {
        var row = await db.Set<PointsCapUsage>().FirstOrDefaultAsync(r => r.HolderKind == e.HolderKind && r.HolderId == e.HolderId && r.Year == e.Year && r.ItemCode == e.ItemCode, ct);
        if (row is not null) PointsCaps.GiveBack(row, e.Points);
    }

    private async Task<PointsCapUsage> RowAsync(PointsEntry e, int cap, CancellationToken ct)
    {
        var row = await db.Set<PointsCapUsage>().FirstOrDefaultAsync(r => r.HolderKind == e.HolderKind && r.HolderId == e.HolderId && r.Year == e.Year && r.ItemCode == e.ItemCode, ct);
        if (row is not null) return row;
        var approved = await db.Set<PointsEntry>().AsNoTracking()
            .Where(x => x.HolderKind == e.HolderKind && x.HolderId == e.HolderId && x.Year == e.Year && x.ItemCode == e.ItemCode && x.Id != e.Id && x.ReversesId == null
                && (x.State == PointsEntryState.Publicity || x.State == PointsEntryState.InForce) && !db.Set<PointsEntry>().Any(r => r.ReversesId == x.Id))
            .Select(x => x.Points).ToListAsync(ct);
        row = new PointsCapUsage { RegionCode = e.RegionCode, HolderKind = e.HolderKind, HolderId = e.HolderId, Year = e.Year, ItemCode = e.ItemCode, Cap = cap, Used = approved.Sum(Math.Abs) };
        db.Add(row);
        Created = true;
        return row;
    }

    /// <summary>
    /// Saves the entry with its rows: a lost race on a new row (unique) or on a changed one (version) answers 409; a write
    /// the database's cap check refuses answers the cap in Chinese (409). Nothing is written either way.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        try
        {
            if (Created || balances.Created) await db.SaveCreatedAsync(ct);
            else await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && IsCapViolation(e))
        {
            throw new RuleException("points.cap", "itemCode", "该条目本年度审核通过的分值已达上限，不能再通过");
        }
    }

    private static bool IsCapViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == SqliteConstraintCheck && s.Message.Contains("CK_PointsCapUsages_Used", StringComparison.Ordinal),
        PostgresException p => p.SqlState == PostgresErrorCodes.CheckViolation && p.ConstraintName == "CK_PointsCapUsages_Used",
        _ => false,
    };
}
