using Cunzhi.Domain.Auditing;

namespace Cunzhi.Data.Auditing;

/// <summary>
/// Seals and verifies the audit chain with HMAC-SHA256 under a key that is not in the database: derived from
/// <c>PersonalData:Key</c> (config or environment; in Development the generated key file) with its own label
/// (<c>PersonalDataProtector.AuditChainKey</c>, passed in by DataSetup). Whoever can write the database but lacks the key cannot re-seal
/// a rewritten entry. Losing the personal-data key loses the ability to verify the chain (as it loses the ID numbers).
/// </summary>
public sealed class AuditSeal(byte[] key)
{
    public string Hash(AuditLink link) => AuditChain.ComputeHash(link, key);

    public AuditVerification Verify(IEnumerable<StoredAuditLink> entriesInOrder, (long Sequence, string Hash)? expectedHead = null)
        => AuditChain.Verify(entriesInOrder, key, expectedHead);

    /// <summary>The entries after a checkpoint verified earlier (see <see cref="AuditChain.VerifyAfter"/>).</summary>
    public AuditVerification VerifyAfter(IEnumerable<StoredAuditLink> entriesAfter, (long Sequence, string Hash) after, (long Sequence, string Hash)? expectedHead = null)
        => AuditChain.VerifyAfter(entriesAfter, key, after, expectedHead);
}
