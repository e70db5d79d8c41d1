using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Ranks;

/// <summary>Why a cadre's rank changed.</summary>
public enum RankChangeKind
{
    /// <summary>定级 — the rank recorded when the ladder started for this cadre (or on appointment).</summary>
    Initial = 1,
    /// <summary>晋升 — one rank up, approved by the county.</summary>
    Promotion = 2,
    /// <summary>降级 — one rank down for 不称职 or a veto reason.</summary>
    Demotion = 3,
}

/// <summary>
/// One step in a cadre's rank history (职级变动记录). Every change takes effect on the first day of a month
/// (<see cref="EffectiveFrom"/>); a change approved in month M takes effect on the first day of month M+1
/// (<see cref="RankHistory.EffectiveFromApproval"/>). Rows are never edited: a mistake is corrected by a later change.
/// <para>This is the contract between rank decisions and payroll: pay for a month uses
/// <see cref="RankHistory.RankInForce"/> over these rows.</para>
/// </summary>
public sealed class RankChange : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Rank before the change (equal to <see cref="ToRank"/> for <see cref="RankChangeKind.Initial"/>).</summary>
    public int FromRank { get; set; }
    /// <summary>Rank from <see cref="EffectiveFrom"/> on: 13 (entry) … 1 (highest).</summary>
    public int ToRank { get; set; }
    /// <summary>First day the new rank is in force; always the first day of a month.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Promotion, demotion or initial grading.</summary>
    public RankChangeKind Kind { get; set; }
    /// <summary>Why, in Chinese, as shown in the history (e.g. "2026 年度考核不称职").</summary>
    public required string Reason { get; set; }
    /// <summary>The promotion or demotion proposal this change carries out, if any.</summary>
    public long? ProposalId { get; set; }
    /// <summary>Account that approved the change.</summary>
    public required string DecidedBy { get; set; }
    /// <summary>When it was approved (UTC).</summary>
    public DateTime DecidedAtUtc { get; set; }
}

/// <summary>Pure rules over a cadre's rank history.</summary>
public static class RankHistory
{
    /// <summary>Lowest rank (entry).</summary>
    public const int EntryRank = 13;
    /// <summary>Highest rank.</summary>
    public const int TopRank = 1;

    /// <summary>The first day of the month after <paramref name="approvedOn"/>: 31 December 2026 → 1 January 2027.</summary>
    public static DateOnly EffectiveFromApproval(DateOnly approvedOn) => new DateOnly(approvedOn.Year, approvedOn.Month, 1).AddMonths(1);

    /// <summary>
    /// The rank in force on <paramref name="date"/>: the <see cref="RankChange.ToRank"/> of the latest change effective on
    /// or before the date; before the first change, that change's <see cref="RankChange.FromRank"/>; with no change at all,
    /// <paramref name="currentRank"/> (the cadre record's rank, which always equals the latest change's
    /// <see cref="RankChange.ToRank"/>, even before that change takes effect).
    /// </summary>
    public static int RankInForce(IEnumerable<RankChange> changes, int currentRank, DateOnly date)
    {
        RankChange? latest = null, earliest = null;
        foreach (var c in changes)
        {
            if (c.EffectiveFrom <= date && (latest is null || c.EffectiveFrom > latest.EffectiveFrom || (c.EffectiveFrom == latest.EffectiveFrom && c.Id > latest.Id))) latest = c;
            if (earliest is null || c.EffectiveFrom < earliest.EffectiveFrom || (c.EffectiveFrom == earliest.EffectiveFrom && c.Id < earliest.Id)) earliest = c;
        }
        return latest?.ToRank ?? earliest?.FromRank ?? currentRank;
    }

    /// <summary>Monthly rank allowance in fen: (13 − rank) × step (SPEC §2); rank 13 earns none.</summary>
    public static long AllowanceFen(int rank, long stepFen)
    {
        if (rank is < TopRank or > EntryRank) throw new ArgumentOutOfRangeException(nameof(rank), rank, "职级应在 1 至 13 之间");
        if (stepFen < 0) throw new ArgumentOutOfRangeException(nameof(stepFen), stepFen, "职级补贴级差不能为负");
        return (EntryRank - rank) * stepFen;
    }
}
