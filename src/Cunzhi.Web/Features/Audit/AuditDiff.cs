using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Auditing;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Audit;

/// <summary>One changed field of an entry: Chinese label, value before and after, as a reader sees them.</summary>
public sealed record AuditChange(string Field, string Label, string? Before, string? After);

/// <summary>
/// Before → after of an entry as a list of changed fields in Chinese: an update lists the fields whose value changed, an
/// insert the fields it set, a delete the fields the row had, an event the keys of its detail. Secret columns stay the
/// markers the capture wrote (shown as 已设置/已更改, never a value); times in China time; login names in *By fields as
/// the person's display name; true/false as 是/否; enum columns by their Chinese value names (<see cref="AuditEnumNames"/>).
/// </summary>
public static class AuditDiff
{
    /// <summary>Longest value shown in the diff (the full text is in the raw JSON behind 详情).</summary>
    public const int MaxValueLength = 200;

    public static IReadOnlyList<AuditChange> Of(string entity, string action, string? before, string? after,
        IReadOnlyDictionary<string, PersonName> people, TimeProvider clock)
    {
        var b = Parse(before);
        var a = Parse(after);
        if (b is null && a is null)
        {
            // Not a JSON object (an event's free text): one line, as it is.
            return before is null && after is null ? [] : [new AuditChange("", "内容", Short(before), Short(after))];
        }
        var keys = (b?.Select(p => p.Key) ?? []).Union(a?.Select(p => p.Key) ?? [], StringComparer.Ordinal);
        var changes = new List<AuditChange>();
        foreach (var key in keys)
        {
            var old = b?[key];
            var now = a?[key];
            var oldText = old?.ToJsonString();
            var nowText = now?.ToJsonString();
            if (action == AuditActions.Update && b is not null && a is not null && oldText == nowText) continue;
            if (action != AuditActions.Update && old is null && now is null) continue; // an unset field of a new or deleted row
            changes.Add(new AuditChange(key, AuditNames.Field(entity, key), b is null ? null : Show(entity, key, old, people, clock), a is null ? null : Show(entity, key, now, people, clock)));
        }
        return changes;
    }

    /// <summary>Login names the diff will show as people (values of *By fields), to look up once per page.</summary>
    public static IEnumerable<string> PeopleIn(string? json)
    {
        if (Parse(json) is not { } o) yield break;
        foreach (var (key, value) in o)
            if (key.EndsWith("By", StringComparison.Ordinal) && value is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s))
                yield return s;
    }

    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static string Show(string entity, string key, JsonNode? value, IReadOnlyDictionary<string, PersonName> people, TimeProvider clock)
    {
        if (value is null) return "（空）";
        if (value is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var flag)) return flag ? "是" : "否";
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var number) && AuditEnumNames.Name(entity, key, number) is { } name) return name;
            if (v.TryGetValue<string>(out var s))
            {
                if (s == AuditRedaction.Hidden) return "（已设置，不显示）";
                if (s == AuditRedaction.Changed) return "（已更改，不显示）";
                if (key.EndsWith("By", StringComparison.Ordinal) && people.TryGetValue(s, out var person)) return PersonNames.Label(person);
                if (key.EndsWith("Utc", StringComparison.Ordinal)
                    && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
                    return clock.Show(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "yyyy-MM-dd HH:mm:ss");
                return Short(s)!;
            }
            return Short(v.ToJsonString())!;
        }
        return Short(value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))!;
    }

    private static string? Short(string? s) => s is { Length: > MaxValueLength } ? s[..MaxValueLength] + "…" : s;
}
