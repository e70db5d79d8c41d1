using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cunzhi.Data.Auditing;

/// <summary>A finished audit record, ready to be chained.</summary>
public sealed record AuditRecord(string Action, string Entity, string Key, string RegionCode, string? Before, string? After);

/// <summary>
/// Captures what a save changes before it happens (original values, deleted rows) and completes
/// the record after it (generated keys, stored values). Also the write half of region scope:
/// a changed row outside the actor's region stops the save.
/// </summary>
public static class AuditCapture
{
    /// <summary>
    /// Rows the audit chain does not record: the chain itself, the data-protection key ring (a key is a secret, and its
    /// XML must never reach the log) and the job leases (a heartbeat renewed every few seconds by whichever node runs
    /// the periodic work; the work it guards audits its own writes) and the cache generations (moved by a save whose change
    /// is audited itself).
    /// </summary>
    public static readonly IReadOnlySet<Type> Unaudited = new HashSet<Type>
    {
        typeof(AuditEntry), typeof(AuditHead), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(Jobs.JobLease),
        typeof(Jobs.CacheGeneration),
    };

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <param name="changedSecrets">Secret columns this update changes, noted before the save (which resets original values).</param>
    public sealed class PendingChange(EntityEntry entry, string action, string? before, IReadOnlySet<string> changedSecrets)
    {
        public AuditRecord Complete(string actorRegion)
        {
            var type = entry.Metadata;
            var key = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
            var after = action == AuditActions.Delete ? null : Snapshot(entry, current: true, changedSecrets);
            var region = entry.Entity is IRegionScoped scoped ? scoped.RegionCode : actorRegion;
            return new(action, type.ClrType.Name, key, region, before, after);
        }
    }

    public static List<PendingChange> Capture(ChangeTracker tracker, UserContext user)
    {
        var list = new List<PendingChange>();
        foreach (var e in tracker.Entries())
        {
            if (Unaudited.Contains(e.Metadata.ClrType)) continue;
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (e.Entity is IRegionScoped scoped)
            {
                // Region scope on writes: the row must be in scope now, and was in scope before (no moving rows out of, or into, another region).
                if (!user.Allows(scoped.RegionCode)) throw new RegionScopeViolationException(scoped.RegionCode);
                if (e.State == EntityState.Modified)
                {
                    var codeProperty = e.Metadata.FindProperty(nameof(IRegionScoped.RegionCode)) ?? e.Metadata.FindProperty(nameof(Region.Code));
                    var original = codeProperty is null ? null : e.OriginalValues[codeProperty] as string;
                    if (original is not null && !user.Allows(original)) throw new RegionScopeViolationException(original);
                }
            }
            if (e.Entity is Domain.Auditing.ISummaryAudited) continue; // scope checked above; its writer records a summary event
            if (e.State == EntityState.Modified && !e.Properties.Any(p => p.IsModified))
                continue; // nothing changed. A change of secrets only (a new security stamp) is recorded: that it changed
            var action = e.State switch
            {
                EntityState.Added => AuditActions.Insert,
                EntityState.Modified => AuditActions.Update,
                _ => AuditActions.Delete,
            };
            var before = e.State == EntityState.Added ? null : Snapshot(e, current: false, NoSecrets);
            var changedSecrets = e.State != EntityState.Modified ? NoSecrets
                : e.Properties.Where(p => p.Metadata.IsSecret() && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            list.Add(new PendingChange(e, action, before, changedSecrets));
        }
        return list;
    }

    private static readonly IReadOnlySet<string> NoSecrets = new HashSet<string>();

    /// <summary>
    /// The row's columns as JSON. A secret column (<see cref="AuditSecrets"/>: keys, tokens, recovery codes, password
    /// hashes, stamps, ciphertexts, keyed hashes) is written only as a marker — set, or changed by this update — never
    /// its value; personal data is logged in its masked columns.
    /// </summary>
    private static string Snapshot(EntityEntry e, bool current, IReadOnlySet<string> changedSecrets)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            var value = current ? p.CurrentValue : p.OriginalValue;
            values[p.Metadata.Name] = p.Metadata.IsSecret()
                ? Domain.Auditing.AuditRedaction.Mark(value, changed: changedSecrets.Contains(p.Metadata.Name))
                : value;
        }
        return JsonSerializer.Serialize(values, Json);
    }
}
