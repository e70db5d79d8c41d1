namespace Cunzhi.Data.Jobs;

/// <summary>
/// Who may run a periodic job now, across every node on the database (README "Running several nodes"). A node takes the
/// lease for one tick with a single conditional upsert, renews <see cref="ExpiresAtUtc"/> while it works, and on success
/// records the tick in <see cref="LastTickUtc"/>, so the same tick never runs twice; a node that dies stops renewing and,
/// once the lease has expired, another node takes the unfinished tick over. Not region data and not audited.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? LastTickUtc { get; set; }
}
