using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Data;

/// <summary>What a failed save means, on either provider.</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE (extended code of SQLITE_CONSTRAINT, 19)

    /// <summary>
    /// The database was too busy to answer in time, not a fault of the request: SQLite's writer lock not granted within
    /// the busy timeout (SQLITE_BUSY 5, SQLITE_LOCKED 6 — its lock has no fair queue, so under many waiters one can be
    /// passed over), PostgreSQL's lock not available (55P03), a serialization failure (40001), a deadlock (40P01) or a
    /// statement cancelled by its timeout (57014). Looked for anywhere in the exception's chain (EF wraps it). Retrying
    /// later is the remedy, so the web layer answers 503 with Retry-After, never 500.
    /// </summary>
    public static bool IsBusy(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } || e is PostgresException { SqlState: "55P03" or "40001" or "40P01" or "57014" })
                return true;
        return false;
    }

    /// <summary>
    /// The save broke a unique index: usually a concurrent request inserted the same key between our check and our insert.
    /// SQLite reports SQLITE_CONSTRAINT_UNIQUE, PostgreSQL SQLSTATE 23505.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The save would put a second Party secretary or committee director in office in a village (the unique indexes of
    /// <see cref="Configurations.CadrePostSlots"/>): PostgreSQL names the index; SQLite names the table and column, and
    /// CadrePosts has no other unique index on RegionCode alone.
    /// </summary>
    public static bool IsPostSlotViolation(this DbUpdateException e) => e.IsUniqueViolation() && e.InnerException switch
    {
        SqliteException s => s.Message.Contains("CadrePosts.RegionCode", StringComparison.Ordinal),
        PostgresException p => p.ConstraintName is Configurations.CadrePostSlots.SecretaryIndex or Configurations.CadrePostSlots.DirectorIndex,
        _ => false,
    };

    /// <summary>What the loser of a race for a leading post is told.</summary>
    public const string PostSlotTakenMessage = "该村的党组织书记或村委会主任职务已有人在任（可能刚被他人任用），不能再任用；请刷新后查看空缺情况";
}
