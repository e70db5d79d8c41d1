using System.Text;

namespace Cunzhi.Domain.Forms;

/// <summary>How a field repeats what is already asked or held.</summary>
public enum DuplicateKind
{
    /// <summary>Another field asks the same thing (same meaning once labels are normalised).</summary>
    SameMeaning = 1,
    /// <summary>Another field is bound to the same platform source.</summary>
    SameBinding = 2,
    /// <summary>The platform already holds this number: bind it instead of asking villages.</summary>
    Bindable = 3,
}

/// <summary>A field as duplicate detection sees it.</summary>
/// <param name="FormId">Form.</param>
/// <param name="FormTitle">Form title, named in warnings.</param>
/// <param name="FieldId">Field.</param>
/// <param name="Label">Label as written.</param>
/// <param name="Binding">Source key when bound.</param>
public sealed record FieldRef(long FormId, string FormTitle, long FieldId, string Label, string? Binding);

/// <summary>One finding: <paramref name="Field"/> of the form checked repeats <paramref name="Other"/> (a field of another form, or of the
/// same form) or, for <see cref="DuplicateKind.Bindable"/>, the platform source <paramref name="Source"/>.</summary>
/// <param name="Field">The field checked.</param>
/// <param name="Kind">How it repeats.</param>
/// <param name="Other">The other field, when the duplicate is a field.</param>
/// <param name="Source">The source, when the duplicate is a source (bindable or same binding).</param>
/// <param name="Message">Chinese message naming the other form or the source.</param>
public sealed record DuplicateFinding(FieldRef Field, DuplicateKind Kind, FieldRef? Other, BindableSource? Source, string Message);

/// <summary>
/// 重复指标识别 (SPEC §4: duplicate fields across forms are detected; Jiangxi cut indicators from 1,849 to 904).
/// Two fields mean the same when their labels normalise to the same key, or they are bound to the same source.
/// A label normalises by: full-width to half-width, Latin letters lower-cased, a leading 其中 dropped, a bracketed
/// unit or short note dropped ("户数（户）"), a trailing unit after a slash dropped ("人口数/人"), spaces and
/// punctuation removed, and finally the synonyms table (户数/农户数/总户数 …; each source's aliases) mapping wordings
/// to one key.
/// </summary>
public static class FieldDuplicates
{
    // Bracketed text up to this length is a unit or a short note, not part of the meaning.
    private const int ShortNote = 6;

    private static readonly string[] Units = ["户", "人", "个", "岁", "名", "件", "次", "元", "万元", "亩", "平方米", "公里", "%", "％", "人次", "项", "座", "处"];

    /// <summary>Extra synonyms, beyond the sources' aliases: canonical wording → other wordings.</summary>
    private static readonly (string Canonical, string[] Others)[] Synonyms =
    [
        ("耕地面积", ["耕地总面积", "耕地亩数"]),
        ("集体经济收入", ["村集体经济收入", "集体经营性收入", "村集体经营性收入"]),
        ("脱贫户数", ["脱贫户户数", "脱贫人口户数"]),
        ("低保户数", ["低保户户数", "最低生活保障户数"]),
        ("外出务工人数", ["外出务工人员数", "外出务工人口"]),
    ];

    private static readonly Dictionary<string, string> Canonical = BuildCanonical();

    private static Dictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in BindableSources.All)
        {
            var key = Strip(s.Name);
            map[key] = key;
            foreach (var a in s.Aliases) map[Strip(a)] = key;
        }
        foreach (var (canonical, others) in Synonyms)
        {
            var key = Strip(canonical);
            map[key] = key;
            foreach (var o in others) map[Strip(o)] = key;
        }
        return map;
    }

    /// <summary>The meaning key of a label: two labels with the same key ask the same thing.</summary>
    public static string Normalize(string label)
    {
        var key = Strip(label);
        return Canonical.GetValueOrDefault(key, key);
    }

    private static string Strip(string label)
    {
        var text = ToHalfWidth(label ?? "").Trim();
        text = DropBrackets(text);
        var slash = text.LastIndexOf('/');
        if (slash > 0 && Units.Contains(text[(slash + 1)..].Trim())) text = text[..slash];
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
                sb.Append(char.ToLowerInvariant(c));
        var key = sb.ToString();
        if (key.StartsWith("其中", StringComparison.Ordinal) && key.Length > 2) key = key[2..];
        return key;
    }

    private static string DropBrackets(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] switch { '(' => ')', '[' => ']', '（' => '）', '【' => '】', _ => '\0' };
            if (close != '\0')
            {
                var end = text.IndexOf(close, i + 1);
                if (end > i && end - i - 1 <= ShortNote)
                {
                    i = end;
                    continue;
                }
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static string ToHalfWidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' when chars[i] is not ('（' or '）') => (char)(chars[i] - 0xFEE0),
                '\u3000' or '\u00A0' => ' ',
                _ => chars[i],
            };
        return new string(chars);
    }

    /// <summary>
    /// Every finding for the fields of one form (<paramref name="form"/>) against each other and against
    /// <paramref name="others"/> (fields of the other forms in the registry): same meaning, same binding, and unbound
    /// fields that ask for a number the platform holds. Ordered by the form's field order.
    /// </summary>
    public static IReadOnlyList<DuplicateFinding> Find(IReadOnlyList<FieldRef> form, IReadOnlyList<FieldRef> others)
    {
        var findings = new List<DuplicateFinding>();
        var sourceByMeaning = BindableSources.All.ToDictionary(s => Normalize(s.Name));
        var otherKeys = others.Select(o => (Field: o, Key: Normalize(o.Label))).ToList();
        for (var i = 0; i < form.Count; i++)
        {
            var f = form[i];
            var key = Normalize(f.Label);
            // Within the form: report the later field of a pair only.
            foreach (var earlier in form.Take(i))
            {
                if (earlier.Binding is not null && earlier.Binding == f.Binding)
                    findings.Add(new(f, DuplicateKind.SameBinding, earlier, BindableSources.Find(f.Binding), $"本表“{earlier.Label}”已绑定同一数据来源"));
                else if (Normalize(earlier.Label) == key)
                    findings.Add(new(f, DuplicateKind.SameMeaning, earlier, null, $"与本表“{earlier.Label}”重复"));
            }
            foreach (var (o, oKey) in otherKeys)
            {
                if (f.Binding is not null && o.Binding == f.Binding)
                    findings.Add(new(f, DuplicateKind.SameBinding, o, BindableSources.Find(f.Binding), $"《{o.FormTitle}》的“{o.Label}”已绑定同一数据来源"));
                else if (oKey == key)
                    findings.Add(new(f, DuplicateKind.SameMeaning, o, null, $"与《{o.FormTitle}》的“{o.Label}”重复"));
            }
            if (f.Binding is null && sourceByMeaning.TryGetValue(key, out var source))
                findings.Add(new(f, DuplicateKind.Bindable, null, source,
                    $"这个数平台已有，可绑定自动填写：{source.Name}（来自{source.Origin}）"));
        }
        return findings;
    }

    /// <summary>
    /// The findings that stop a form at the admission gate: a field villages would type (unbound) that another form already
    /// asks (<see cref="DuplicateKind.SameMeaning"/> across forms) or that the platform already holds (<see cref="DuplicateKind.Bindable"/>).
    /// Bound fields cost villages nothing and repeats within one form are the department's own concern, so neither holds it.
    /// </summary>
    public static IReadOnlyList<DuplicateFinding> Holding(IReadOnlyList<DuplicateFinding> findings) =>
        findings.Where(d => d.Field.Binding is null
                            && (d.Kind == DuplicateKind.Bindable || d.Kind == DuplicateKind.SameMeaning && d.Other is not null && d.Other.FormId != d.Field.FormId))
            .ToList();

    /// <summary>Why the gate holds a form, one Chinese line per finding (which form and field, or which platform number); empty when nothing holds it.</summary>
    public static IReadOnlyList<string> HoldReasons(IReadOnlyList<DuplicateFinding> findings) =>
        Holding(findings).Select(d => d.Kind == DuplicateKind.Bindable
                ? $"指标“{d.Field.Label}”平台已有数据（{d.Source!.Name}），应绑定自动填写"
                : $"指标“{d.Field.Label}”与《{d.Other!.FormTitle}》的“{d.Other.Label}”重复")
            .ToList();
}
