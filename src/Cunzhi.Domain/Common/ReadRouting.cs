using System.Globalization;

namespace Cunzhi.Domain.Common;

/// <summary>Which server answered a read that may be served by the standby.</summary>
public enum ReadServer
{
    /// <summary>The standby, which has replayed everything this reader wrote.</summary>
    Standby,
    /// <summary>The read connection reached a primary (no standby up: <c>prefer-standby</c> fell back); read there.</summary>
    PrimaryNoStandby,
    /// <summary>The standby has not yet replayed this reader's last write: read on the primary (read-your-own-writes).</summary>
    PrimaryUntilReplayed,
}

/// <summary>
/// Read-your-own-writes with a streaming standby (README "A cluster on one machine"). After a write the reader's browser
/// keeps the primary's WAL position (<c>pg_current_wal_lsn()</c> after the commit) in a cookie; a report that may read on
/// the standby reads there only once the standby's replay position (<c>pg_last_wal_replay_lsn()</c>) has reached it.
/// </summary>
public static class ReadRouting
{
    /// <summary>
    /// Parses a PostgreSQL <c>pg_lsn</c> text ("16/B374D848": high and low 32 bits in hexadecimal) into its 64-bit
    /// position; false for anything else.
    /// </summary>
    public static bool TryParseLsn(string? text, out ulong lsn)
    {
        lsn = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 17) return false;
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1 || slash > 8 || text.Length - slash - 1 > 8) return false;
        if (!uint.TryParse(text.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !uint.TryParse(text.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)) return false;
        lsn = ((ulong)high << 32) | low;
        return true;
    }

    /// <summary>
    /// Where a read goes. <paramref name="inRecovery"/>: the read connection's server is a standby;
    /// <paramref name="replayed"/>: its <c>pg_last_wal_replay_lsn()</c> (null when unknown); <paramref name="wrote"/>: the
    /// reader's last write position from the cookie (null or empty: no recent write). A cookie that is not an LSN counts as
    /// a write not yet replayed: the primary is always right, only slower.
    /// </summary>
    public static ReadServer Choose(bool inRecovery, string? replayed, string? wrote)
    {
        if (!inRecovery) return ReadServer.PrimaryNoStandby;
        if (string.IsNullOrEmpty(wrote)) return ReadServer.Standby;
        return TryParseLsn(wrote, out var mine) && TryParseLsn(replayed, out var done) && done >= mine
            ? ReadServer.Standby
            : ReadServer.PrimaryUntilReplayed;
    }
}
