using Cunzhi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cunzhi.Data;

/// <summary>
/// Optimistic concurrency for every <see cref="IVersioned"/> aggregate, in one place. The data context makes
/// <see cref="IVersioned.RowVersion"/> a concurrency token (in the WHERE of every UPDATE and DELETE) and
/// <see cref="Advance"/> adds one to it on each save that modifies the row. A handler that applies an edit made
/// from version n calls <see cref="ExpectVersion{T}"/>: a row already past n is refused at once, and a row changed
/// between the read and the write fails in the database (<see cref="DbUpdateConcurrencyException"/>, answered 409).
/// </summary>
public static class ConcurrencyVersions
{
    /// <summary>What the user is told, on pages and in the API's ProblemDetails.</summary>
    public const string StaleMessage = "数据已被他人修改，请刷新后重试";

    /// <summary>
    /// Adds one to the version of every modified versioned row; the WHERE keeps the version it was read at. A new row
    /// starts at 1, so 0 can stand for "none yet": a client that read no draft and sends version 0 is refused once
    /// someone else has created one, instead of overwriting it.
    /// </summary>
    internal static void Advance(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<IVersioned>())
        {
            if (e.State == EntityState.Added && e.Entity.RowVersion == 0) e.Entity.RowVersion = 1;
            if (e.State != EntityState.Modified) continue;
            var version = e.Property(v => v.RowVersion);
            // Once per save: a retried save (or one the handler bumped itself) does not count twice.
            if (version.CurrentValue == version.OriginalValue) version.CurrentValue = version.OriginalValue + 1;
        }
    }

    /// <summary>
    /// The edit was made from <paramref name="version"/>: refuse it when the row has moved on. Null (an internal caller
    /// with no version) skips the check; the API refuses a PUT without one (428) and pages always send it.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int? version) where T : class, IVersioned
    {
        if (version is not { } expected) return;
        if (entity.RowVersion != expected) throw new DbUpdateConcurrencyException(StaleMessage);
        db.Entry(entity).Property(v => v.RowVersion).OriginalValue = expected;
    }

    /// <summary>
    /// The edit was made when no row existed yet (a draft not started): version 0. Anything else means the client read
    /// a row that is gone now (the draft was published or withdrawn meanwhile) and is refused as stale.
    /// </summary>
    public static void ExpectNone(int? version)
    {
        if (version is { } v && v != 0) throw new DbUpdateConcurrencyException(StaleMessage);
    }

    /// <summary>
    /// Saves a row created because none existed (a county's first draft or settings, made from version 0). Two such
    /// requests at once both see no row: the table's unique index (county, version number; or county) refuses the second
    /// insert, and that lost race is answered like any stale edit instead of a 500.
    /// </summary>
    public static async Task SaveCreatedAsync(this AppDbContext db, CancellationToken ct = default)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new DbUpdateConcurrencyException(StaleMessage, e);
        }
    }

    /// <summary>
    /// The concurrency version a new draft starts at: past every version row of the same policy, so a client still holding
    /// the version of a draft that was published meanwhile cannot match the next draft (which would otherwise start at 1 again).
    /// </summary>
    public static int FirstVersionAfter(IEnumerable<IVersioned> earlier) => earlier.Select(e => e.RowVersion).DefaultIfEmpty().Max() + 1;

    /// <summary>
    /// Marks the row changed although none of its own columns did (a review added to a reserve, a resident to a household):
    /// the save then checks and advances its version, so two such edits made at once cannot both succeed.
    /// </summary>
    public static void Touch<T>(this AppDbContext db, T entity) where T : class, IVersioned
        => db.Entry(entity).Property(v => v.RowVersion).IsModified = true;
}
