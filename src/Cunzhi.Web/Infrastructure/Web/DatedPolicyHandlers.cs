using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>The save command of a policy whose draft carries the date it comes into force.</summary>
public interface IDatedPolicyCommand : IVersionedCommand
{
    /// <summary>The first day the version applies once published.</summary>
    DateOnly EffectiveFrom { get; }
}

/// <summary>
/// The versioned-policy handler (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>) of a
/// policy whose draft carries its effective date and is published as it stands (<see cref="IPublishedAsDrafted"/>),
/// written once for 办理时限, 学历提升报销办法 and 小微权力清单:
/// <list type="bullet">
/// <item>a county's first draft starts from the version in force today, else the newest published one, else the defaults;</item>
/// <item>saving and publishing refuse an effective date before today or not after the newest published version's;</item>
/// <item>a save sets the date, then the policy's own numbers (<see cref="Change"/>), then refuses the policy's problems;</item>
/// <item>until a county publishes, the defaults apply (<see cref="InForceOrDefaultAsync"/>).</item>
/// </list>
/// A policy's handler says only how a version is shown, what its defaults are, the rule code of its date refusals and
/// how a save changes its numbers.
/// </summary>
public abstract class DatedPolicyHandlers<TPolicy, TView, TOverview, TSave>(AppDbContext db, UserContext user, TimeProvider clock)
    : VersionedPolicyHandlers<TPolicy, TView, TOverview, TSave, NoCommand>(db, user, clock)
    where TPolicy : VersionedPolicy<TPolicy>, IPublishedAsDrafted
    where TView : class
    where TOverview : notnull
    where TSave : class, IDatedPolicyCommand
{
    /// <summary>The rule code under which a bad effective date is refused (<c>sla.effective</c>).</summary>
    protected abstract string EffectiveDateRule { get; }

    /// <summary>The policy's defaults for <paramref name="county"/>, in force until the county publishes its own.</summary>
    protected abstract TPolicy Defaults(string county);

    /// <summary>Sets the draft's own numbers from the save (the effective date is set already; problems are checked after).</summary>
    protected abstract void Change(TPolicy draft, TSave command);

    protected sealed override TPolicy NewDraft(IReadOnlyList<TPolicy> versions, string county, int version, TSave command)
    {
        var from = VersionedPolicy<TPolicy>.InForce(versions, Today) ?? VersionedPolicy<TPolicy>.LatestPublished(versions) ?? Defaults(county);
        var draft = from.NewDraft(version, command.EffectiveFrom);
        draft.CountyCode = county;
        return draft;
    }

    protected sealed override void Apply(TPolicy draft, IReadOnlyList<TPolicy> versions, TSave command)
    {
        CheckEffectiveFrom(EffectiveDateRule, command.EffectiveFrom, versions);
        draft.EffectiveFrom = command.EffectiveFrom;
        Change(draft, command);
        if (draft.Problems() is { Count: > 0 } p) throw RuleException.Of(p);
    }

    protected sealed override void Publish(TPolicy draft, IReadOnlyList<TPolicy> versions, NoCommand command)
    {
        CheckEffectiveFrom(EffectiveDateRule, draft.EffectiveFrom, versions);
        var (by, atUtc) = Publisher;
        draft.Publish(by, atUtc);
    }

    /// <summary>Publishes the draft; null when there is none.</summary>
    public Task<TView?> PublishAsync(CancellationToken ct = default) => PublishAsync(NoCommand.Instance, ct);

    /// <summary>The version of <paramref name="county"/> in force on <paramref name="date"/>, the defaults while none is published.</summary>
    public async Task<TPolicy> InForceOrDefaultAsync(string county, DateOnly date, CancellationToken ct = default) =>
        await InForceAsync(county, date, ct) ?? Defaults(county);
}
