using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cunzhi.Domain.Auditing;

/// <summary>The fields of one audit entry that its hash covers.</summary>
/// <param name="Sequence">Position in the chain, 1, 2, 3 … without gaps.</param>
/// <param name="AtUtc">When the change was saved (UTC).</param>
/// <param name="UserId">Acting account, or empty for the system.</param>
/// <param name="UserName">Acting account's name at the time.</param>
/// <param name="RegionCode">Region the entry belongs to (for scoped reading).</param>
/// <param name="Action">Insert, Update, Delete, SignIn, SignInFailed, …</param>
/// <param name="Entity">Entity or event name.</param>
/// <param name="EntityKey">Key of the changed row.</param>
/// <param name="Before">Values before the change (JSON), or null.</param>
/// <param name="After">Values after the change (JSON), or null.</param>
/// <param name="PreviousHash">Hash of the entry before this one (empty for the first).</param>
public sealed record AuditLink(
    long Sequence, DateTime AtUtc, string UserId, string UserName, string RegionCode,
    string Action, string Entity, string EntityKey, string? Before, string? After, string PreviousHash);

/// <summary>A stored entry: its content plus the hash that was stored with it.</summary>
public sealed record StoredAuditLink(AuditLink Link, string StoredHash);

/// <summary>The first place a chain fails verification, or none when intact.</summary>
/// <param name="Sequence">Sequence number at which the chain breaks (the row found there, or expected there).</param>
/// <param name="Reason">Chinese explanation for the report.</param>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>Result of verifying a chain.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditBreak? FirstBreak)
{
    /// <summary>True when every entry checked out.</summary>
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Tamper evidence for the audit log: each entry stores the hash of the previous entry and a keyed hash (HMAC-SHA256)
/// over its own content including that previous hash, so altering, removing or reordering any row breaks every link
/// after it. The key lives outside the database: someone who can write the database but does not hold the key cannot
/// recompute the chain after rewriting an entry (with the plain SHA-256 of the first version they could).
/// </summary>
public static class AuditChain
{
    /// <summary>Hash of an entry's content: lower-case hex HMAC-SHA256 under the audit key.</summary>
    public static string ComputeHash(AuditLink link, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Content(link)));

    /// <summary>
    /// The first version's unkeyed SHA-256 of an entry. Only to verify a chain written before keyed sealing, once,
    /// before it is re-sealed with the key; never to seal or to accept an entry.
    /// </summary>
    public static string ComputeUnkeyedHash(AuditLink link) =>
        Convert.ToHexStringLower(SHA256.HashData(Content(link)));

    private static byte[] Content(AuditLink link) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        link.Sequence.ToString(CultureInfo.InvariantCulture),
        link.AtUtc.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        link.UserId, link.UserName, link.RegionCode, link.Action, link.Entity, link.EntityKey,
        link.Before ?? "\u0000", link.After ?? "\u0000", link.PreviousHash));

    /// <summary>
    /// Checks entries in sequence order against the keyed hash. Reports the first gap in sequence numbers (a removed row),
    /// the first previous-hash mismatch, and the first entry whose content no longer matches its hash.
    /// When <paramref name="expectedHead"/> is given (last sequence and hash recorded separately),
    /// a removed tail is reported too.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<StoredAuditLink> entriesInOrder, byte[] key, (long Sequence, string Hash)? expectedHead = null)
        => Verify(entriesInOrder, link => ComputeHash(link, key), expectedHead, (0, string.Empty));

    /// <summary>
    /// The same checks for the entries after a checkpoint verified earlier: <paramref name="entriesAfter"/> must start at
    /// <paramref name="after"/>.Sequence + 1 and link to <paramref name="after"/>.Hash. Cheap, but it trusts the checkpoint:
    /// an entry at or before it altered since it was verified is not found here — only a whole-chain verification finds it.
    /// </summary>
    public static AuditVerification VerifyAfter(IEnumerable<StoredAuditLink> entriesAfter, byte[] key, (long Sequence, string Hash) after,
        (long Sequence, string Hash)? expectedHead = null)
        => Verify(entriesAfter, link => ComputeHash(link, key), expectedHead, after);

    /// <summary>The same checks against the first version's unkeyed hash (see <see cref="ComputeUnkeyedHash"/>).</summary>
    public static AuditVerification VerifyUnkeyed(IEnumerable<StoredAuditLink> entriesInOrder, (long Sequence, string Hash)? expectedHead = null)
        => Verify(entriesInOrder, ComputeUnkeyedHash, expectedHead, (0, string.Empty));

    private static AuditVerification Verify(IEnumerable<StoredAuditLink> entriesInOrder, Func<AuditLink, string> hash, (long Sequence, string Hash)? expectedHead,
        (long Sequence, string Hash) start)
    {
        long checkedCount = 0;
        var expectedSequence = start.Sequence + 1;
        var previousHash = start.Hash;
        foreach (var (link, storedHash) in entriesInOrder)
        {
            if (link.Sequence != expectedSequence)
                return new(checkedCount, new(expectedSequence, link.Sequence > expectedSequence
                    ? $"第 {expectedSequence} 条{(link.Sequence - 1 > expectedSequence ? $"至第 {link.Sequence - 1} 条" : "")}记录缺失（被删除或顺序被改动）"
                    : $"第 {link.Sequence} 条记录序号重复或顺序错乱"));
            if (link.PreviousHash != previousHash)
                return new(checkedCount, new(link.Sequence, $"第 {link.Sequence} 条记录的前序哈希与第 {link.Sequence - 1} 条不符（前一条被改动或删除）"));
            if (!FixedTimeEquals(hash(link), storedHash))
                return new(checkedCount, new(link.Sequence, $"第 {link.Sequence} 条记录的内容与其哈希不符（记录被改动）"));
            previousHash = storedHash;
            expectedSequence++;
            checkedCount++;
        }
        var last = start.Sequence + checkedCount;
        if (expectedHead is { } head)
        {
            if (head.Sequence > last)
                return new(checkedCount, new(last + 1, $"日志应有 {head.Sequence} 条，实际只有 {last} 条（末尾记录被删除）"));
            if (head.Sequence < last)
                return new(checkedCount, new(head.Sequence + 1, $"第 {head.Sequence + 1} 条起的记录未经正常写入（链头只记到第 {head.Sequence} 条）"));
            if (head.Sequence > 0 && head.Hash != previousHash)
                return new(checkedCount, new(last, $"第 {last} 条记录与链头记录的哈希不符"));
        }
        return new(checkedCount, null);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
