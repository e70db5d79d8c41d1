using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Cunzhi.Domain.Auditing;

/// <summary>
/// The audit log records THAT a secret (key, token, recovery codes, password hash, stamp, ciphertext, keyed hash) was set
/// or changed, never its value: in an entry's before/after JSON a secret column holds one of these markers, or null
/// when it had no value.
/// </summary>
public static class AuditRedaction
{
    /// <summary>The column held a value (not shown).</summary>
    public const string Hidden = "***";

    /// <summary>The column's value changed in this update (neither value shown).</summary>
    public const string Changed = "***(已更改)";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = false };

    /// <summary>What a secret column is written as: null stays null, a value becomes <see cref="Hidden"/> or, when it changed, <see cref="Changed"/>.</summary>
    public static string? Mark(object? value, bool changed) => value is null ? null : changed ? Changed : Hidden;

    /// <summary>
    /// Replaces the value of every named secret column in a stored before/after JSON object by <see cref="Hidden"/>
    /// (for entries written before secrets were marked). Returns the JSON unchanged, and false, when it holds no secret
    /// value (absent, null or already a marker) or is not a JSON object.
    /// </summary>
    public static (string? Json, bool Redacted) Redact(string? json, IReadOnlySet<string> secretColumns)
    {
        if (json is null || secretColumns.Count == 0) return (json, false);
        JsonObject? values;
        try { values = JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return (json, false); }
        if (values is null) return (json, false);
        var redacted = false;
        foreach (var name in values.Select(p => p.Key).Where(secretColumns.Contains).ToList())
        {
            var node = values[name];
            if (node is null) continue;
            if (node is JsonValue v && v.TryGetValue<string>(out var s) && s is Hidden or Changed) continue;
            values[name] = Hidden;
            redacted = true;
        }
        return redacted ? (values.ToJsonString(Json), true) : (json, false);
    }
}
