using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>Where a ledger entry stands.</summary>
public enum PointsEntryState
{
    /// <summary>待审核: proposed, waiting for the village committee.</summary>
    Proposed = 1,
    /// <summary>未通过: the committee refused it.</summary>
    Rejected = 2,
    /// <summary>公示中: approved and posted; villagers may object until the last day.</summary>
    Publicity = 3,
    /// <summary>已生效: counted in the balance.</summary>
    InForce = 4,
    /// <summary>已作废: an objection was upheld.</summary>
    Void = 5,
}

/// <summary>
/// Who proposed an entry: the village cadre entering it, or a grid member or linked Party member (一网三联) on whose
/// behalf a village cadre enters it (<see cref="PointsEntry.ProposerRefId"/>, checked against the net).
/// </summary>
public enum PointsProposer
{
    /// <summary>村干部 (an account of the village).</summary>
    VillageCadre = 1,
    /// <summary>网格员 (with the grids).</summary>
    GridMember = 2,
    /// <summary>联户党员 (with the member ↔ household links).</summary>
    LinkedPartyMember = 3,
}

/// <summary>
/// One entry of the points ledger (积分台账). Never edited after it is in force and never deleted: a correction is a
/// reversal entry (<see cref="ReversesId"/>) that moves the opposite points with a reason. An entry keeps the catalogue
/// version (or village item) it was made under, so publishing a new catalogue never changes it.
/// <para>States: 待审核 → 公示中 (approved by a committee member other than the proposer) or 未通过; 公示中 → 已生效 when
/// the 公示 period has ended with no objection pending, or 已作废 when an objection is upheld. A reversal is made by the
/// committee in force at once.</para>
/// </summary>
public sealed class PointsEntry : Regions.IRegionScoped, IVersioned
{
    /// <summary>Longest reason, note or evidence text.</summary>
    public const int MaxText = 500;

    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Household or Party member.</summary>
    public PointsHolderKind HolderKind { get; set; }
    /// <summary>The household's id, or the resident's (a Party member).</summary>
    public long HolderId { get; set; }
    /// <summary>The holder's name when proposed (the household head's, or the member's).</summary>
    public required string HolderName { get; set; }
    /// <summary>The year the points count toward: the year of <see cref="Date"/> (caps count per this year).</summary>
    public int Year { get; set; }
    /// <summary>The day of the deed (China date), not after the proposal.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The county catalogue version of the item (null for a village item).</summary>
    public int? PolicyVersion { get; set; }
    /// <summary>The county item's code, or the village item's.</summary>
    public required string ItemCode { get; set; }
    /// <summary>The village item, when it is one.</summary>
    public long? VillageItemId { get; set; }
    /// <summary>The points store's item, for a redemption (兑换: a spend, in force at once; <see cref="StoreRules"/>).</summary>
    public long? StoreItemId { get; set; }
    /// <summary>The item's name when proposed.</summary>
    public required string ItemName { get; set; }
    /// <summary>Signed points: positive earns, negative deducts.</summary>
    public int Points { get; set; }
    /// <summary>Signed points actually counted when it came into force (a deduction stops at zero unless the county allows negative balances).</summary>
    public int? AppliedPoints { get; set; }
    /// <summary>What happened (one line).</summary>
    public string Note { get; set; } = "";
    /// <summary>Evidence (where the rule requires it: what and where it is kept).</summary>
    public string? Evidence { get; set; }
    /// <summary>State.</summary>
    public PointsEntryState State { get; set; }
    /// <summary>Who proposed it (kind).</summary>
    public PointsProposer ProposerKind { get; set; }
    /// <summary>
    /// The named proposer when not the entering account's own proposal: the grid member's post (<see cref="Grid.GridMember"/> id)
    /// or the linked Party member's resident id; null for <see cref="PointsProposer.VillageCadre"/>.
    /// </summary>
    public long? ProposerRefId { get; set; }
    /// <summary>The named proposer's name when proposed (null for the entering cadre's own proposal).</summary>
    public string? ProposerName { get; set; }
    /// <summary>The account that entered it (a village cadre, also when proposing on a grid member's or linked member's behalf).</summary>
    public required string ProposedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime ProposedAtUtc { get; set; }
    /// <summary>The committee member who approved or refused it.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>Why it was refused.</summary>
    public string? RejectReason { get; set; }
    /// <summary>First day of 公示 (the approval day).</summary>
    public DateOnly? PublicityFrom { get; set; }
    /// <summary>Last day of 公示 (inclusive): objections are taken up to and including this day.</summary>
    public DateOnly? PublicityUntil { get; set; }
    /// <summary>The day it came into force.</summary>
    public DateOnly? InForceOn { get; set; }
    /// <summary>The entry this one reverses (更正冲销).</summary>
    public long? ReversesId { get; set; }
    /// <summary>Why (a reversal's reason).</summary>
    public string? ReversalReason { get; set; }
    /// <summary>Whether a reversal of this entry exists (read with the entry, not stored: the entry itself never changes once in force).</summary>
    public bool IsReversed { get; set; }
    /// <summary>Objections not yet reviewed (an entry cannot come into force while any is pending).</summary>
    public int PendingObjections { get; set; }

    /// <summary>True for an entry counted in the balance.</summary>
    public bool Counts => State == PointsEntryState.InForce;
}

/// <summary>Outcome of an objection.</summary>
public enum ObjectionOutcome
{
    /// <summary>待复核.</summary>
    Pending = 1,
    /// <summary>成立: the entry is void.</summary>
    Upheld = 2,
    /// <summary>不成立: the entry continues.</summary>
    Dismissed = 3,
}

/// <summary>A villager's objection (异议) to an entry during its 公示, as recorded by the village, and its review.</summary>
public sealed class PointsObjection : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The entry.</summary>
    public long EntryId { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Who objects (name as given; may be 匿名).</summary>
    public required string ObjectorName { get; set; }
    /// <summary>The objection.</summary>
    public required string Reason { get; set; }
    /// <summary>The China date it was raised (within the 公示 period).</summary>
    public DateOnly RaisedOn { get; set; }
    /// <summary>The account that recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Outcome.</summary>
    public ObjectionOutcome Outcome { get; set; } = ObjectionOutcome.Pending;
    /// <summary>The review's note.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>The reviewing account.</summary>
    public string? ReviewedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? ReviewedAtUtc { get; set; }
}

/// <summary>
/// The running balance of one holder in one year (年度积分余额): updated in the same transaction as an entry comes into
/// force or is reversed, never summed from the ledger on read. Unique per holder and year; Earned and Deducted never go
/// below zero (database checks); a concurrency version refuses a write made from a stale reading (409, nothing written). The balance shown adds what carries over from earlier years (<see cref="PointsRules.Statement"/>).
/// </summary>
public sealed class PointsBalance : Regions.IRegionScoped, IVersioned
{
    /// <summary>Concurrency version: two transactions moving the same row cannot both write from the same reading.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Household or Party member.</summary>
    public PointsHolderKind HolderKind { get; set; }
    /// <summary>The household's or resident's id.</summary>
    public long HolderId { get; set; }
    /// <summary>The year.</summary>
    public int Year { get; set; }
    /// <summary>Points earned in force this year (net of reversals of earnings).</summary>
    public int Earned { get; set; }
    /// <summary>Points deducted in force this year, as a positive number (net of reversals of deductions).</summary>
    public int Deducted { get; set; }
    /// <summary>Points spent in the points store this year (积分超市兑换), as a positive number (never below zero, a database check).</summary>
    public int Spent { get; set; }
    /// <summary>Entries in force counted here (reversals and redemptions included).</summary>
    public int Entries { get; set; }

    /// <summary>This year's own movement.</summary>
    public int Net => Earned - Deducted - Spent;
}
