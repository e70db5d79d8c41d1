using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>One ledger entry as shown. <see cref="Reversed"/>: a reversal of it exists. <see cref="Version"/>: its data version.</summary>
public sealed record PointsEntryView(long Id, string VillageCode, PointsHolderKind HolderKind, long HolderId, string HolderName, int Year, DateOnly Date,
    int? PolicyVersion, string ItemCode, string ItemName, int Points, int? AppliedPoints, string Note, string? Evidence, PointsEntryState State, string StateName,
    string ProposedBy, DateTime ProposedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? RejectReason, DateOnly? PublicityFrom, DateOnly? PublicityUntil,
    DateOnly? InForceOn, long? ReversesId, string? ReversalReason, bool Reversed, int PendingObjections, int Version,
    PointsProposer ProposerKind = PointsProposer.VillageCadre, long? ProposerId = null, string? ProposerName = null);

/// <summary>Filter of the ledger: state, holder, year, village (a region code in scope).</summary>
public sealed record PointsFilter(PointsEntryState? State = null, PointsHolderKind? HolderKind = null, long? HolderId = null, int? Year = null, string? Region = null);

/// <summary>
/// Proposes an entry: for whom (<see cref="HolderKind"/> and the household's or Party member's id), under which item
/// (a county item's code or the village's own), the deed's date (default today), what happened, and evidence where the
/// item requires it. <see cref="Points"/> may be left out: the item fixes it; if sent it must be that positive whole number.
/// <see cref="ProposerKind"/> and <see cref="ProposerId"/> name a grid member (their grid post's id) or the household's linked
/// Party member (resident id) on whose behalf the village cadre enters it (<see cref="PointsProposerCheck"/>); left out, the cadre proposes.
/// </summary>
public sealed record ProposePoints(PointsHolderKind HolderKind, long HolderId, string? ItemCode, decimal? Points, DateOnly? Date, string? Note, string? Evidence,
    PointsProposer? ProposerKind = null, long? ProposerId = null);

/// <summary>Refuses (不通过) a pending entry, with the reason.</summary>
public sealed record RejectPoints(string? Reason);

/// <summary>Reverses (冲销) an entry in force, with the reason.</summary>
public sealed record ReversePoints(string? Reason);

/// <summary>A villager's objection during 公示, as the village records it.</summary>
public sealed record ObjectPoints(string? ObjectorName, string? Reason);

/// <summary>The review of an objection: upheld (成立, the entry is void) or dismissed (不成立, it continues).</summary>
public sealed record ReviewObjection(bool? Upheld, string? Note);

/// <summary>An objection as shown.</summary>
public sealed record ObjectionView(long Id, long EntryId, string ObjectorName, string Reason, DateOnly RaisedOn, string RecordedBy, ObjectionOutcome Outcome,
    string? ReviewNote, string? ReviewedBy, DateTime? ReviewedAtUtc);

/// <summary>A holder (household or Party member) the village may propose for.</summary>
public sealed record PointsHolder(PointsHolderKind Kind, long Id, string Name, string VillageCode, string Label);

/// <summary>A holder's statement: yearly balances (with carry-over), the balance now, and one page of their entries.</summary>
public sealed record PointsStatement(PointsHolder Holder, int Balance, IReadOnlyList<YearBalance> Years, Paged<PointsEntryView> Entries);

public sealed class ProposePointsValidator : AbstractValidator<ProposePoints>
{
    public ProposePointsValidator()
    {
        RuleFor(c => c.HolderKind).IsInEnum().WithMessage("请选择农户或党员");
        RuleFor(c => c.HolderId).GreaterThan(0).WithMessage("请选择农户或党员");
        RuleFor(c => c.ItemCode).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请选择积分条目").MaximumLength(PointsRules.MaxCode).WithMessage("积分条目编号有误");
        RuleFor(c => c.Note).MaximumLength(PointsEntry.MaxText).WithMessage($"情况说明不能超过 {PointsEntry.MaxText} 个字");
        RuleFor(c => c.Evidence).MaximumLength(PointsEntry.MaxText).WithMessage($"佐证说明不能超过 {PointsEntry.MaxText} 个字");
    }
}

public sealed class RejectPointsValidator : AbstractValidator<RejectPoints>
{
    public RejectPointsValidator() => RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写不通过的理由")
        .MaximumLength(PointsEntry.MaxText).WithMessage($"理由不能超过 {PointsEntry.MaxText} 个字");
}

public sealed class ReversePointsValidator : AbstractValidator<ReversePoints>
{
    public ReversePointsValidator() => RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写冲销理由")
        .MaximumLength(PointsEntry.MaxText).WithMessage($"理由不能超过 {PointsEntry.MaxText} 个字");
}

public sealed class ObjectPointsValidator : AbstractValidator<ObjectPoints>
{
    public ObjectPointsValidator()
    {
        RuleFor(c => c.ObjectorName).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写提出异议的村民（可填“匿名”）").MaximumLength(50).WithMessage("姓名不能超过 50 个字");
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写异议内容").MaximumLength(PointsEntry.MaxText).WithMessage($"异议内容不能超过 {PointsEntry.MaxText} 个字");
    }
}

public sealed class ReviewObjectionValidator : AbstractValidator<ReviewObjection>
{
    public ReviewObjectionValidator()
    {
        RuleFor(c => c.Upheld).NotNull().WithMessage("请选择异议是否成立");
        RuleFor(c => c.Note).MaximumLength(PointsEntry.MaxText).WithMessage($"复核意见不能超过 {PointsEntry.MaxText} 个字");
    }
}

/// <summary>
/// The points ledger's reads (the list by state, one entry, a holder's statement, the holders a village proposes for)
/// and proposing an entry. Region scope and audit are the data context's: a village account sees and writes only its village.
/// </summary>
public sealed class PointsLedger(AppDbContext db, UserContext user, PointsBalances balances, PointsProposerCheck proposers, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该积分记录（或不在您的管辖范围内）";
    public const string HolderNotFound = "未找到该农户或党员（或不属于本村）";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    internal static IQueryable<PointsEntryView> Views(AppDbContext db, IQueryable<PointsEntry> q) => q.Select(e => new PointsEntryView(e.Id, e.RegionCode, e.HolderKind,
        e.HolderId, e.HolderName, e.Year, e.Date, e.PolicyVersion, e.ItemCode, e.ItemName, e.Points, e.AppliedPoints, e.Note, e.Evidence, e.State, "", e.ProposedBy,
        e.ProposedAtUtc, e.DecidedBy, e.DecidedAtUtc, e.RejectReason, e.PublicityFrom, e.PublicityUntil, e.InForceOn, e.ReversesId, e.ReversalReason,
        db.Set<PointsEntry>().Any(r => r.ReversesId == e.Id), e.PendingObjections, e.RowVersion, e.ProposerKind, e.ProposerRefId, e.ProposerName));

    internal static PointsEntryView Named(PointsEntryView v) => v with { StateName = Name(v.State) };

    /// <summary>The state's label (待审核, 公示中, …).</summary>
    public static string Name(PointsEntryState s) => s switch
    {
        PointsEntryState.Proposed => "待审核",
        PointsEntryState.Rejected => "未通过",
        PointsEntryState.Publicity => "公示中",
        PointsEntryState.InForce => "已生效",
        PointsEntryState.Void => "已作废",
        _ => "",
    };

    /// <summary>The ledger in scope, newest first (paged).</summary>
    public async Task<Paged<PointsEntryView>> ListAsync(PointsFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<PointsEntry>().AsNoTracking();
        if (f.State is { } s) q = q.Where(e => e.State == s);
        if (f.HolderKind is { } k) q = q.Where(e => e.HolderKind == k);
        if (f.HolderId is { } h) q = q.Where(e => e.HolderId == h);
        if (f.Year is { } y) q = q.Where(e => e.Year == y);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(e => e.RegionCode.StartsWith(prefix));
        }
        var paged = await Views(db, q.OrderByDescending(e => e.Id)).ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(Named).ToList() };
    }

    /// <summary>One entry in scope, or null.</summary>
    public async Task<PointsEntryView?> GetAsync(long id, CancellationToken ct = default) =>
        await Views(db, db.Set<PointsEntry>().AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct) is { } v ? Named(v) : null;

    /// <summary>How many entries wait for review in scope (the home's to-do).</summary>
    /// <summary>Entries in scope waiting for review that this user may decide: a proposer never approves their own.</summary>
    public Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        var me = user.UserName;
        return db.Set<PointsEntry>().CountAsync(e => e.State == PointsEntryState.Proposed && e.ProposedBy != me, ct);
    }

    /// <summary>A household or Party member in scope, or null.</summary>
    public async Task<PointsHolder?> HolderAsync(PointsHolderKind kind, long id, CancellationToken ct = default)
    {
        if (kind == PointsHolderKind.Household)
            return await db.Households.AsNoTracking().Where(h => h.Id == id)
                .Select(h => new PointsHolder(PointsHolderKind.Household, h.Id, h.HeadName, h.RegionCode, h.Number + " " + h.HeadName + "户")).FirstOrDefaultAsync(ct);
        if (kind == PointsHolderKind.PartyMember)
            return await db.Residents.AsNoTracking().Where(r => r.Id == id && r.IsPartyMember)
                .Select(r => new PointsHolder(PointsHolderKind.PartyMember, r.Id, r.Name, r.RegionCode, "党员 " + r.Name)).FirstOrDefaultAsync(ct);
        return null;
    }

    /// <summary>Households and Party members in scope whose name contains <paramref name="q"/> (paged; households first).</summary>
    public async Task<Paged<PointsHolder>> HoldersAsync(string? q, PageRequest page, CancellationToken ct = default)
    {
        var name = q?.Trim() ?? "";
        var households = db.Households.AsNoTracking().Where(h => name == "" || h.HeadName.Contains(name))
            .Select(h => new { Kind = PointsHolderKind.Household, h.Id, Name = h.HeadName, h.RegionCode, Label = h.Number + " " + h.HeadName + "户" });
        var members = db.Residents.AsNoTracking().Where(r => r.IsPartyMember && (name == "" || r.Name.Contains(name)))
            .Select(r => new { Kind = PointsHolderKind.PartyMember, r.Id, r.Name, r.RegionCode, Label = "党员 " + r.Name });
        var all = households.Concat(members).OrderBy(x => x.Kind).ThenBy(x => x.RegionCode).ThenBy(x => x.Id);
        var paged = await all.ToPagedAsync(page, ct);
        return new(paged.Items.Select(x => new PointsHolder(x.Kind, x.Id, x.Name, x.RegionCode, x.Label)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>A holder's statement: balance by year (carry-over as the county rules), the balance now, one page of entries; null when not in scope.</summary>
    public async Task<PointsStatement?> StatementAsync(PointsHolderKind kind, long id, PageRequest page, CancellationToken ct = default)
    {
        if (await HolderAsync(kind, id, ct) is not { } holder) return null;
        var years = await balances.StatementAsync(kind, id, holder.VillageCode, ct);
        var entries = await ListAsync(new PointsFilter(HolderKind: kind, HolderId: id), page, ct);
        return new PointsStatement(holder, years.LastOrDefault()?.Balance ?? 0, years, entries);
    }

    /// <summary>The catalogue items a village may use today: the county version in force and the village's own items in use.</summary>
    public async Task<(PointsPolicy? County, IReadOnlyList<VillagePointsItem> Village)> ItemsAsync(CancellationToken ct = default)
    {
        var county = await PointsPolicyFor(user.RegionCode, ct);
        var own = await db.Set<VillagePointsItem>().AsNoTracking().Where(i => i.RetiredAtUtc == null).OrderBy(i => i.Code).ThenBy(i => i.Id).ToListAsync(ct);
        return (county, own);
    }

    private async Task<PointsPolicy?> PointsPolicyFor(string regionCode, CancellationToken ct) =>
        PointsPolicy.InForce(await balances.PoliciesAsync(regionCode, ct), Today);

    /// <summary>
    /// Proposes an entry for a household or Party member of the account's village (null when the holder is not found in
    /// scope — a household of another village is not found). Refused (409) without a catalogue in force, for an unknown or
    /// retired item, an item for the other kind of holder, points other than the rule's, missing evidence the item
    /// requires, a date in the future or before last year, past the item's cap for the year, and a deduction below zero
    /// where the county does not allow it.
    /// </summary>
    public async Task<PointsEntryView?> ProposeAsync(ProposePoints c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.Village) throw new RuleException("积分记录由本村提出，请使用村级账号");
        if (await HolderAsync(c.HolderKind, c.HolderId, ct) is not { } holder) return null;
        var today = Today;
        var versions = await balances.PoliciesAsync(holder.VillageCode, ct);
        var policy = PointsPolicy.InForce(versions, today) ?? throw new RuleException(PointsRulesHandlers.NoRules);
        var code = c.ItemCode!.Trim();
        PointsItem item;
        long? villageItemId = null;
        if (policy.Item(code) is { } countyItem) item = countyItem;
        else if (await db.Set<VillagePointsItem>().AsNoTracking().Where(i => i.RegionCode == holder.VillageCode && i.Code == code && i.RetiredAtUtc == null)
                     .OrderBy(i => i.Id).FirstOrDefaultAsync(ct) is { } own)
            (item, villageItemId) = (own.AsItem(), own.Id);
        else throw new RuleException("points.item", "itemCode", $"积分细则第 {policy.Version} 版和本村自定条目中都没有编号为 {code} 的条目");

        PointsRules.CheckHolder(item, c.HolderKind);
        var points = PointsRules.SignedPoints(item, c.Points);
        if (item.EvidenceRequired && string.IsNullOrWhiteSpace(c.Evidence))
            throw new RuleException("points.evidence", "evidence", $"条目“{item.Name}”须有佐证，请说明佐证材料（如照片、记录存放处）");
        var date = c.Date ?? today;
        if (date > today) throw new RuleException("points.date", "date", "日期不能晚于今天");
        if (date.Year < today.Year - 1) throw new RuleException("points.date", "date", $"只能记 {today.Year - 1} 年以来的积分");

        var used = await db.Set<PointsEntry>().AsNoTracking()
            .Where(e => e.HolderKind == c.HolderKind && e.HolderId == c.HolderId && e.Year == date.Year && e.ItemCode == code && e.ReversesId == null
                && (e.State == PointsEntryState.Proposed || e.State == PointsEntryState.Publicity || e.State == PointsEntryState.InForce)
                && !db.Set<PointsEntry>().Any(r => r.ReversesId == e.Id))
            .Select(e => e.Points).ToListAsync(ct);
        PointsRules.CheckCap(item, used.Sum(Math.Abs), points);
        if (points < 0 && !policy.AllowNegative && await balances.BalanceAsync(c.HolderKind, c.HolderId, holder.VillageCode, ct) is var balance && balance + points < 0)
            throw new RuleException("points.negative", "itemCode", $"{holder.Name}现有 {balance} 分，扣 {-points} 分后将低于零；本县积分细则不允许负分");

        var proposer = await proposers.ResolveAsync(c.ProposerKind, c.ProposerId, c.HolderKind, c.HolderId, today, ct);
        var entry = new PointsEntry
        {
            RegionCode = holder.VillageCode, HolderKind = c.HolderKind, HolderId = c.HolderId, HolderName = holder.Name, Year = date.Year, Date = date,
            PolicyVersion = villageItemId is null ? policy.Version : null, ItemCode = code, VillageItemId = villageItemId, ItemName = item.Name, Points = points,
            Note = c.Note?.Trim() ?? "", Evidence = string.IsNullOrWhiteSpace(c.Evidence) ? null : c.Evidence.Trim(), State = PointsEntryState.Proposed,
            ProposerKind = proposer.Kind, ProposerRefId = proposer.Id, ProposerName = proposer.Name, ProposedBy = user.UserName, ProposedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return await GetAsync(entry.Id, ct);
    }

    /// <summary>The objections to an entry in scope, oldest first.</summary>
    public async Task<IReadOnlyList<ObjectionView>> ObjectionsAsync(long entryId, CancellationToken ct = default) =>
        await db.Set<PointsObjection>().AsNoTracking().Where(o => o.EntryId == entryId).OrderBy(o => o.Id)
            .Select(o => new ObjectionView(o.Id, o.EntryId, o.ObjectorName, o.Reason, o.RaisedOn, o.RecordedBy, o.Outcome, o.ReviewNote, o.ReviewedBy, o.ReviewedAtUtc))
            .ToListAsync(ct);

    /// <summary>The pending objections in scope (paged, oldest first).</summary>
    public Task<Paged<ObjectionView>> PendingObjectionsAsync(PageRequest page, CancellationToken ct = default) =>
        db.Set<PointsObjection>().AsNoTracking().Where(o => o.Outcome == ObjectionOutcome.Pending).OrderBy(o => o.Id)
            .Select(o => new ObjectionView(o.Id, o.EntryId, o.ObjectorName, o.Reason, o.RaisedOn, o.RecordedBy, o.Outcome, o.ReviewNote, o.ReviewedBy, o.ReviewedAtUtc))
            .ToPagedAsync(page, ct);
}
