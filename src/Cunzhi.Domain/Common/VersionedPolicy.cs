namespace Cunzhi.Domain.Common;

/// <summary>
/// A county's versioned policy (报酬标准, 晋升办法, and next 积分规则, 时限设置, 培训计划, 公开规则): numbered versions
/// 1, 2, … per county; at most one unpublished draft; a published version never changes (<see cref="EnsureDraft"/>) and
/// is in force from its <see cref="EffectiveFrom"/> until the next published version's (<see cref="InForce"/>), so an
/// answer for a past date is computed under the rules of that date.
/// <para>A policy type derives from this, adds its numbers as properties, names itself (<see cref="PolicyName"/>) and
/// lists what is wrong with its numbers (<see cref="Problems"/>); <see cref="NewDraft"/> copies every property, so only
/// a list or other mutable member needs <see cref="CopyMutableMembers"/>. The web side is one generic handler and one
/// route table (<c>VersionedPolicyHandlers</c>, <c>PolicyEndpoints</c>).</para>
/// </summary>
/// <typeparam name="TSelf">The policy type itself.</typeparam>
public abstract class VersionedPolicy<TSelf> : IVersioned where TSelf : VersionedPolicy<TSelf>
{
    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code (12 digits). Policies are county-wide rows read by every town, not region-scoped.</summary>
    public required string CountyCode { get; set; }
    /// <summary>Version number 1, 2, … per county (第 n 版).</summary>
    public int Version { get; set; }
    /// <summary>First day this version applies.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>True once published; a published version is never edited (a new draft is made instead).</summary>
    public bool IsPublished { get; set; }
    /// <summary>Account that published it.</summary>
    public string? PublishedBy { get; set; }
    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The policy's Chinese name in messages (第 2 版<c>报酬标准</c>已发布…).</summary>
    protected abstract string PolicyName { get; }

    /// <summary>Every problem with the numbers of this version, in Chinese; empty when it may be published.</summary>
    public abstract IReadOnlyList<string> Problems();

    /// <summary>The published version in force on <paramref name="date"/> (latest effective date on or before it, highest version on a tie); null when none.</summary>
    public static TSelf? InForce(IEnumerable<TSelf> versions, DateOnly date) =>
        versions.Where(v => v.IsPublished && v.EffectiveFrom <= date)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();

    /// <summary>The first published version that comes into force after <paramref name="date"/> (highest version on a tie), or null.</summary>
    public static TSelf? NextInForce(IEnumerable<TSelf> versions, DateOnly date) =>
        versions.Where(v => v.IsPublished && v.EffectiveFrom > date).OrderBy(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();

    /// <summary>The published version with the latest effective date (what a new version must start after), or null.</summary>
    public static TSelf? LatestPublished(IEnumerable<TSelf> versions) =>
        versions.Where(v => v.IsPublished).OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();

    /// <summary>The unpublished draft among <paramref name="versions"/>, or null.</summary>
    public static TSelf? DraftOf(IEnumerable<TSelf> versions) => versions.FirstOrDefault(v => !v.IsPublished);

    /// <summary>The number the next version gets: one past the highest, 1 for a county's first.</summary>
    public static int NextVersion(IEnumerable<TSelf> versions) => versions.Select(v => v.Version).DefaultIfEmpty().Max() + 1;

    /// <summary>Refuses any change to a published version.</summary>
    public void EnsureDraft()
    {
        if (IsPublished) throw new RuleException($"第 {Version} 版{PolicyName}已发布，不能修改；请新建草稿");
    }

    /// <summary>
    /// A new draft numbered <paramref name="version"/>, in force from <paramref name="effectiveFrom"/> once published,
    /// with this version's numbers (this may be a published version, a draft or a policy holding the defaults). Not
    /// saved, not published, concurrency version 0.
    /// </summary>
    public TSelf NewDraft(int version, DateOnly effectiveFrom)
    {
        var draft = (TSelf)MemberwiseClone();
        (draft.Id, draft.RowVersion, draft.Version, draft.EffectiveFrom) = (0, 0, version, effectiveFrom);
        (draft.IsPublished, draft.PublishedBy, draft.PublishedAtUtc) = (false, null, null);
        draft.CopyMutableMembers();
        return draft;
    }

    /// <summary>
    /// Called on a copy made by <see cref="NewDraft"/>: replace each list (or other mutable member) shared with the
    /// original by a copy of it, so editing the draft cannot change a published version.
    /// </summary>
    protected virtual void CopyMutableMembers() { }

    /// <summary>
    /// Publishes this draft: refused when it is published already or has <see cref="Problems"/>. A policy with further
    /// conditions (dates) checks them before calling this.
    /// </summary>
    protected void MarkPublished(string by, DateTime atUtc)
    {
        EnsureDraft();
        if (Problems() is { Count: > 0 } p) throw RuleException.Of(p);
        (IsPublished, PublishedBy, PublishedAtUtc) = (true, by, atUtc);
    }
}

/// <summary>
/// A policy whose draft carries the date it comes into force, and is published as it stands (no date is chosen at
/// publishing): 办理时限, 学历提升报销办法, 小微权力清单, 报酬标准.
/// </summary>
public interface IPublishedAsDrafted
{
    /// <summary>Publishes the draft (refused with its problems).</summary>
    void Publish(string by, DateTime atUtc);
}
