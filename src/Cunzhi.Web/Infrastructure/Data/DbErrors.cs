using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Web.Infrastructure.Data;

/// <summary>What a failed save means, on either provider.</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE (extended code of SQLITE_CONSTRAINT, 19)

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
}
