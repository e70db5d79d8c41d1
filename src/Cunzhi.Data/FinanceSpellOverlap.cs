using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Data;

/// <summary>
/// The database's own guarantee that a village's busy-finance spells (VillageFinanceSpells) never share a day, whatever
/// slips past the handler's check (two requests that both read "no overlap" and then both insert). PostgreSQL: an
/// exclusion constraint over the village and the closed date range (a null "Until" is an unbounded upper end, so an open
/// spell lasts for ever), needing btree_gist for the equality on the text column. SQLite: triggers that abort an insert
/// or a change meeting another spell of the village; SQLite runs one writer at a time, so the trigger's look sees every
/// committed spell. Created by the FinanceSpellNoOverlap migrations of both providers.
/// </summary>
public static class FinanceSpellOverlap
{
    public const string Table = "VillageFinanceSpells";

    /// <summary>The PostgreSQL exclusion constraint's name (what <see cref="PostgresException.ConstraintName"/> reports).</summary>
    public const string Constraint = "EX_VillageFinanceSpells_NoOverlap";

    /// <summary>The text the SQLite triggers abort with (found in <see cref="SqliteException.Message"/>).</summary>
    public const string TriggerMessage = "EX_VillageFinanceSpells_NoOverlap: spells of a village overlap";

    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT: what RAISE(ABORT, …) in a trigger reports

    // Both "From" values and both "Until" values are ISO dates (yyyy-MM-dd) on SQLite, so text order is date order.
    private const string SqliteOverlap = $"""
        "RegionCode" = NEW."RegionCode" AND "From" <= COALESCE(NEW."Until", '9999-12-31') AND NEW."From" <= COALESCE("Until", '9999-12-31')
        """;

    /// <summary>The statements creating the guarantee.</summary>
    public static IReadOnlyList<string> UpSql(bool postgres) => postgres
        ? ["CREATE EXTENSION IF NOT EXISTS btree_gist",
           $"""ALTER TABLE "{Table}" ADD CONSTRAINT "{Constraint}" EXCLUDE USING gist ("RegionCode" WITH =, daterange("From", "Until", '[]') WITH &&)"""]
        : [$"""
            CREATE TRIGGER "TR_{Table}_NoOverlap_Insert" BEFORE INSERT ON "{Table}"
            WHEN EXISTS (SELECT 1 FROM "{Table}" WHERE {SqliteOverlap})
            BEGIN SELECT RAISE(ABORT, '{TriggerMessage}'); END
            """,
           $"""
            CREATE TRIGGER "TR_{Table}_NoOverlap_Update" BEFORE UPDATE OF "RegionCode", "From", "Until" ON "{Table}"
            WHEN EXISTS (SELECT 1 FROM "{Table}" WHERE "Id" <> NEW."Id" AND {SqliteOverlap})
            BEGIN SELECT RAISE(ABORT, '{TriggerMessage}'); END
            """];

    /// <summary>The statements removing it (the extension stays: other objects may use it).</summary>
    public static IReadOnlyList<string> DownSql(bool postgres) => postgres
        ? [$"""ALTER TABLE "{Table}" DROP CONSTRAINT "{Constraint}" """]
        : [$"""DROP TRIGGER "TR_{Table}_NoOverlap_Insert" """, $"""DROP TRIGGER "TR_{Table}_NoOverlap_Update" """];

    /// <summary>The save was refused because a spell would overlap another of its village (PostgreSQL 23P01 on the constraint; SQLite the trigger's abort).</summary>
    public static bool IsViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.Message.Contains(TriggerMessage, StringComparison.Ordinal),
        PostgresException p => p.SqlState == PostgresErrorCodes.ExclusionViolation && p.ConstraintName == Constraint,
        _ => false,
    };
}
