using System.Text.RegularExpressions;
using Cunzhi.Domain.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Auditing;

/// <summary>
/// Which columns are secrets, marked in the EF model so the audit capture never writes their values (only
/// <see cref="AuditRedaction.Hidden"/> / <see cref="AuditRedaction.Changed"/>). Structural, not a list to keep up:
/// every column whose name ends like a secret (<see cref="SecretName"/>: …Cipher, …Hash, …Secret, …Key, …Token,
/// …Stamp, …Protected, …Password) is a secret unless its configuration says why it is not
/// (<see cref="IsNotAuditSecret{T}"/>); a secret with an innocent name is marked in its configuration
/// (<see cref="IsAuditSecret{T}"/>), as Identity's token <c>Value</c> (authenticator key, recovery codes) is here.
/// </summary>
public static partial class AuditSecrets
{
    public const string SecretAnnotation = "Cunzhi:AuditSecret";
    public const string NotSecretAnnotation = "Cunzhi:AuditNotSecret";

    /// <summary>Column names that are secrets by convention.</summary>
    [GeneratedRegex("(Cipher|Hash|Secret|Key|Token|Stamp|Protected|Password)$")]
    public static partial Regex SecretName();

    /// <summary>The column's value is a secret: the audit log records only that it was set or changed.</summary>
    public static PropertyBuilder<T> IsAuditSecret<T>(this PropertyBuilder<T> property)
    {
        property.HasAnnotation(SecretAnnotation, true);
        return property;
    }

    /// <summary>The column's name looks like a secret but its value is not one (say why); the audit log shows it.</summary>
    public static PropertyBuilder<T> IsNotAuditSecret<T>(this PropertyBuilder<T> property, string why)
    {
        property.HasAnnotation(NotSecretAnnotation, why);
        return property;
    }

    /// <summary>Marks Identity's secret columns and every column named like a secret (run after all configurations).</summary>
    public static void Apply(ModelBuilder b)
    {
        // Authenticator key, recovery codes and any other token Identity stores: all in one column named Value.
        b.Entity<IdentityUserToken<string>>().Property(t => t.Value).IsAuditSecret();
        foreach (var type in b.Model.GetEntityTypes())
        {
            if (AuditCapture.Unaudited.Contains(type.ClrType)) continue; // the log itself, the key ring and the leases are never captured
            foreach (var p in type.GetProperties())
                if (SecretName().IsMatch(p.Name) && p.FindAnnotation(NotSecretAnnotation) is null)
                    p.SetAnnotation(SecretAnnotation, true);
        }
    }

    public static bool IsSecret(this IReadOnlyProperty property) => property.FindAnnotation(SecretAnnotation)?.Value is true;

    /// <summary>Secret column names per audited entity name (the CLR type name the log records), for redacting old entries.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByEntityName(IModel model)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in model.GetEntityTypes())
        {
            var secrets = type.GetProperties().Where(p => p.IsSecret()).Select(p => p.Name).ToList();
            if (secrets.Count == 0) continue;
            var name = type.ClrType.Name;
            if (!map.TryGetValue(name, out var set)) map[name] = set = new(StringComparer.Ordinal);
            set.UnionWith(secrets);
        }
        return map.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
    }
}
