using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>
/// The use cases every county policy versioned by <see cref="VersionedPolicy{TSelf}"/> shares, written once: the
/// overview (in force today, draft, every version), one version by number, saving the draft (made from an earlier
/// version when there is none), publishing it and discarding it, all for the acting account's county. Policies are
/// county-wide rows read by every town (not region-scoped), so every query names the county.
/// <para>A policy's handler derives from this and says only what is its own: how a version is shown
/// (<see cref="View"/>, <see cref="Overview"/>), where a new draft starts (<see cref="NewDraft"/>), how the command
/// changes it (<see cref="Apply"/>) and what publishing checks (<see cref="Publish(TPolicy, IReadOnlyList{TPolicy}, TPublish)"/>).
/// Its endpoints are one call to <see cref="PolicyEndpoints{THandlers, TPolicy, TView, TOverview, TSave, TPublish}.Map"/>.</para>
/// <para>A policy whose draft carries its effective date and is published as it stands derives from
/// <see cref="DatedPolicyHandlers{TPolicy, TView, TOverview, TSave}"/> instead, which writes the draft, date checks and publishing once.</para>
/// <para>Drafts carry optimistic concurrency (<see cref="ConcurrencyVersions"/>): a save names the draft's data version
/// (0 when there was no draft), a stale or lost-race save answers 409.</para>
/// </summary>
/// <typeparam name="TPolicy">The policy.</typeparam>
/// <typeparam name="TView">One version as shown.</typeparam>
/// <typeparam name="TOverview">The overview; its data version (the draft's, 0 without one) is the ETag.</typeparam>
/// <typeparam name="TSave">The command saving the draft.</typeparam>
/// <typeparam name="TPublish">The command publishing it (<see cref="NoCommand"/> when publishing takes no input).</typeparam>
public abstract class VersionedPolicyHandlers<TPolicy, TView, TOverview, TSave, TPublish>(AppDbContext db, UserContext user, TimeProvider clock)
    where TPolicy : VersionedPolicy<TPolicy>
    where TView : class
    where TOverview : notnull
    where TSave : class, IVersionedCommand
    where TPublish : class
{
    /// <summary>The data context.</summary>
    protected AppDbContext Db => db;

    /// <summary>The county of the acting account.</summary>
    public string County => RegionCodes.CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    /// <summary>Today in China.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>One version as shown; <paramref name="inForce"/> is the version in force today (or null).</summary>
    protected abstract TView View(TPolicy policy, TPolicy? inForce);

    /// <summary>The overview of a county's versions (newest first) as shown.</summary>
    protected abstract TOverview Overview(string county, DateOnly today, TView? inForce, TView? draft, IReadOnlyList<TView> versions);

    /// <summary>
    /// The draft started by a save when the county has none: numbered <paramref name="version"/>, usually a
    /// <see cref="VersionedPolicy{TSelf}.NewDraft"/> of the version in force or the newest, or the defaults.
    /// </summary>
    protected abstract TPolicy NewDraft(IReadOnlyList<TPolicy> versions, string county, int version, TSave command);

    /// <summary>Applies a save to the draft (the draft is known to be unpublished), refusing what the rules forbid.</summary>
    protected abstract void Apply(TPolicy draft, IReadOnlyList<TPolicy> versions, TSave command);

    /// <summary>Publishes the draft (<paramref name="versions"/>: every version of the county, the draft among them).</summary>
    protected abstract void Publish(TPolicy draft, IReadOnlyList<TPolicy> versions, TPublish command);

    /// <summary>
    /// Refuses, in Chinese under <paramref name="code"/>, an effective date before today or not after the latest published
    /// version's: such a policy starts on a later date and never rewrites what was decided under an earlier one.
    /// </summary>
    protected void CheckEffectiveFrom(string code, DateOnly from, IReadOnlyList<TPolicy> versions)
    {
        if (from < Today) throw new RuleException(code, "effectiveFrom", $"生效日期不能早于今天（{Today:yyyy-MM-dd}）");
        if (VersionedPolicy<TPolicy>.LatestPublished(versions) is { } latest && from <= latest.EffectiveFrom)
            throw new RuleException(code, "effectiveFrom", $"生效日期须晚于已发布版本的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）");
    }

    private string UserName => user.UserName;

    private Task<List<TPolicy>> Tracked(string county, CancellationToken ct) => db.Set<TPolicy>().Where(p => p.CountyCode == county).ToListAsync(ct);

    /// <summary>Every version of a county, any state, newest first (not tracked).</summary>
    public Task<List<TPolicy>> VersionsOfAsync(string county, CancellationToken ct = default) =>
        db.Set<TPolicy>().AsNoTracking().Where(p => p.CountyCode == county).OrderByDescending(p => p.Version).ToListAsync(ct);

    /// <summary>The version of <paramref name="county"/> in force on <paramref name="date"/>, or null.</summary>
    public async Task<TPolicy?> InForceAsync(string county, DateOnly date, CancellationToken ct = default) =>
        VersionedPolicy<TPolicy>.InForce(await VersionsOfAsync(county, ct), date);

    /// <summary>The version in force today, the draft, and every version of the account's county.</summary>
    public async Task<TOverview> OverviewAsync(CancellationToken ct = default)
    {
        var county = County;
        var today = Today;
        var versions = await VersionsOfAsync(county, ct);
        var inForce = VersionedPolicy<TPolicy>.InForce(versions, today);
        var draft = VersionedPolicy<TPolicy>.DraftOf(versions);
        return Overview(county, today, inForce is null ? null : View(inForce, inForce), draft is null ? null : View(draft, inForce),
            versions.Select(v => View(v, inForce)).ToList());
    }

    /// <summary>Version number <paramref name="version"/> of the account's county, or null.</summary>
    public async Task<TView?> GetAsync(int version, CancellationToken ct = default)
    {
        var versions = await VersionsOfAsync(County, ct);
        return versions.FirstOrDefault(v => v.Version == version) is { } p ? View(p, VersionedPolicy<TPolicy>.InForce(versions, Today)) : null;
    }

    /// <summary>Saves the draft, creating it (<see cref="NewDraft"/>) when there is none.</summary>
    public async Task<TView> SaveDraftAsync(TSave command, CancellationToken ct = default)
    {
        var county = County;
        var versions = await Tracked(county, ct);
        var draft = db.OpenDraft(VersionedPolicy<TPolicy>.DraftOf(versions), command.Version, versions,
            () => NewDraft(versions, county, VersionedPolicy<TPolicy>.NextVersion(versions), command), out var created);
        draft.EnsureDraft();
        Apply(draft, versions, command);
        await db.SaveDraftAsync(created, ct);
        return View(draft, VersionedPolicy<TPolicy>.InForce(versions, Today));
    }

    /// <summary>Publishes the draft; null when there is none.</summary>
    public async Task<TView?> PublishAsync(TPublish command, CancellationToken ct = default)
    {
        var versions = await Tracked(County, ct);
        if (VersionedPolicy<TPolicy>.DraftOf(versions) is not { } draft) return null;
        Publish(draft, versions, command);
        await db.SaveChangesAsync(ct);
        return View(draft, VersionedPolicy<TPolicy>.InForce(versions, Today));
    }

    /// <summary>Discards the draft; false when there is none.</summary>
    public async Task<bool> DiscardDraftAsync(CancellationToken ct = default)
    {
        var county = County;
        var draft = await db.Set<TPolicy>().FirstOrDefaultAsync(p => p.CountyCode == county && !p.IsPublished, ct);
        if (draft is null) return false;
        db.Remove(draft);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Maps the policy's endpoints (<see cref="PolicyEndpoints{THandlers, TPolicy, TView, TOverview, TSave, TPublish}"/>)
    /// under <paramref name="parent"/> at <paramref name="path"/>, served by <typeparamref name="THandlers"/> (the derived handler).
    /// </summary>
    public static RouteGroupBuilder MapEndpoints<THandlers>(RouteGroupBuilder parent, string path, PolicyRoutes routes)
        where THandlers : VersionedPolicyHandlers<TPolicy, TView, TOverview, TSave, TPublish>
        => PolicyEndpoints<THandlers, TPolicy, TView, TOverview, TSave, TPublish>.Map(parent, path, routes);

    /// <summary>The account publishing and the instant, for <see cref="Publish(TPolicy, IReadOnlyList{TPolicy}, TPublish)"/>.</summary>
    protected (string By, DateTime AtUtc) Publisher => (UserName, clock.GetUtcNow().UtcDateTime);
}

/// <summary>The publish command of a policy whose publishing takes no input (its endpoint reads no body).</summary>
public sealed record NoCommand
{
    public static readonly NoCommand Instance = new();
}

/// <summary>
/// The concurrency steps of editing a county's draft (a versioned policy, an indicator template), written once.
/// </summary>
public static class DraftEdits
{
    /// <summary>
    /// Opens <paramref name="draft"/> for an edit made from data version <paramref name="rowVersion"/>: it must still be
    /// at that version, and it is marked changed so the save checks and advances its version even when only child rows
    /// change. When there is no draft the edit must have been made from 0 (none): <paramref name="create"/> makes one,
    /// starting past every <paramref name="earlier"/> row's version, added to the context.
    /// </summary>
    public static T OpenDraft<T>(this AppDbContext db, T? draft, int? rowVersion, IEnumerable<IVersioned> earlier, Func<T> create, out bool created)
        where T : class, IVersioned
    {
        created = draft is null;
        if (draft is null)
        {
            ConcurrencyVersions.ExpectNone(rowVersion);
            draft = create();
            draft.RowVersion = ConcurrencyVersions.FirstVersionAfter(earlier);
            db.Add(draft);
        }
        else
        {
            db.ExpectVersion(draft, rowVersion);
            db.Touch(draft);
        }
        return draft;
    }

    /// <summary>Saves an opened draft; a created one that lost the race to another (unique index) is a stale edit (409).</summary>
    public static Task SaveDraftAsync(this AppDbContext db, bool created, CancellationToken ct = default) =>
        created ? db.SaveCreatedAsync(ct) : db.SaveChangesAsync(ct);
}
