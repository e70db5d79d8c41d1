using System.Text;

namespace Cunzhi.Domain.Tasks;

/// <summary>
/// How a request's text relates to one list item: <paramref name="Decisive"/> when it names the item (its title, or every
/// part of one of its keywords, a part matching through the item's synonyms), else only near it; the reasons in Chinese.
/// </summary>
/// <param name="Item">The list item.</param>
/// <param name="Score">Higher is nearer; 0 means unrelated.</param>
/// <param name="Decisive">Whether the request names the item (for a cancelled item: refused at once).</param>
/// <param name="Reasons">Why it matched, e.g. 命中识别词“代收+水电费”（请求中为“代收”“水电费”）.</param>
public sealed record ItemMatch(ResponsibilityItem Item, int Score, bool Decisive, IReadOnlyList<string> Reasons);

/// <summary>
/// 准入识别: recognises a list item in a request by meaning, not only by exact wording. Pure.
/// <list type="bullet">
/// <item>Text is compared after dropping spaces, punctuation and symbols (full-width folded, Latin lower-cased).</item>
/// <item>An item's <b>keywords</b> (<see cref="ResponsibilityItem.Keywords"/>, separated by 、 , ， ; ；) are phrases; a phrase written
/// with + (代收+水电费) matches when every part appears anywhere in the text, in any order.</item>
/// <item>An item's <b>synonyms</b> (<see cref="ResponsibilityItem.Synonyms"/>: groups separated by ; or ；, words of a group by 、 , ， or /)
/// let a keyword part match through any word of its group (代收 → 代缴、代为收取; 水电费 → 电费、水费).</item>
/// <item>A keyword part or synonym shorter than two characters never matches on its own.</item>
/// </list>
/// The text names an item when it contains the item's title or matches one of its keywords completely; otherwise it is near
/// the item when some keyword parts match or the titles share at least <see cref="MinSharedPairs"/> two-character pairs that
/// are not generic list wording (要求村级组织, 协助开展 …).
/// </summary>
public static class ItemMatching
{
    /// <summary>Fewest shared title pairs for an item to count as near by its name alone.</summary>
    public const int MinSharedPairs = 2;

    private const int DecisiveScore = 100;
    private const int PartScore = 3;

    // Wording every list item shares; pairs from these say nothing about meaning.
    private static readonly HashSet<string> GenericPairs = new(
        new[] { "要求村级组织", "协助开展", "要求村干部", "村级组织", "开展", "村级", "各村", "本村", "工作", "情况", "要求", "组织", "请各", "以村" }
            .SelectMany(p => Pairs(Normalize(p))), StringComparer.Ordinal);

    /// <summary>Text as compared: no spaces, punctuation or symbols; full-width folded to half-width; Latin lower-cased.</summary>
    public static string Normalize(string? text)
    {
        var sb = new StringBuilder((text ?? "").Length);
        foreach (var raw in text ?? "")
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The synonym groups of an item, each normalised, without words shorter than two characters.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SynonymGroups(string? synonyms) =>
        (synonyms ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries)
            .Select(g => (IReadOnlyList<string>)g.Split(['、', ',', '，', '/', '／'], StringSplitOptions.RemoveEmptyEntries)
                .Select(Normalize).Where(w => w.Length >= 2).Distinct().ToList())
            .Where(g => g.Count > 0).ToList();

    /// <summary>The parts of a keyword phrase (split on + or ＋), normalised.</summary>
    public static IReadOnlyList<string> KeywordParts(string keyword) =>
        keyword.Split(['+', '＋'], StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(p => p.Length > 0).ToList();

    /// <summary>How <paramref name="text"/> (a request's title and requirement) relates to <paramref name="item"/>.</summary>
    public static ItemMatch Match(string text, ResponsibilityItem item)
    {
        var t = Normalize(text);
        var groups = SynonymGroups(item.Synonyms);
        var reasons = new List<string>();
        var score = 0;
        var decisive = false;

        var title = Normalize(item.Title);
        if (title.Length >= 2 && t.Contains(title, StringComparison.Ordinal))
        {
            decisive = true;
            reasons.Add($"含有事项名称“{item.Title}”");
        }
        foreach (var keyword in item.KeywordList())
        {
            var parts = KeywordParts(keyword);
            if (parts.Count == 0) continue;
            var hits = parts.Select(p => Hit(t, p, groups)).ToList();
            var found = hits.Where(h => h is not null).Select(h => h!).ToList();
            if (found.Count == parts.Count)
            {
                decisive = true;
                var wording = found.SequenceEqual(parts) ? "" : $"（请求中为{string.Join("", found.Select(h => $"“{h}”"))}）";
                reasons.Add($"命中识别词“{keyword}”{wording}");
            }
            else if (found.Count > 0)
            {
                score += PartScore * found.Count;
                var missing = parts.Where((_, i) => hits[i] is null);
                reasons.Add($"部分命中识别词“{keyword}”：含{string.Join("", found.Select(h => $"“{h}”"))}，缺{string.Join("", missing.Select(m => $"“{m}”"))}");
            }
        }
        var shared = Pairs(title).Where(p => !GenericPairs.Contains(p)).Distinct().Where(p => t.Contains(p, StringComparison.Ordinal)).ToList();
        if (shared.Count >= MinSharedPairs)
        {
            score += shared.Count;
            if (!decisive) reasons.Add($"名称相近：都含{string.Join("", shared.Select(p => $"“{p}”"))}");
        }
        if (decisive) score += DecisiveScore;
        return new(item, score, decisive, reasons);
    }

    /// <summary>The first cancelled item (in list order) that <paramref name="text"/> names, or null.</summary>
    public static ItemMatch? Cancelled(string text, ResponsibilityList list) =>
        list.Items.Where(i => i.Category == ItemCategory.Cancelled).OrderBy(i => i.SortOrder)
            .Select(i => Match(text, i)).FirstOrDefault(m => m.Decisive);

    /// <summary>
    /// The items of every category nearest to <paramref name="text"/>, nearest first (ties in list order), at most
    /// <paramref name="take"/>, each with why it matched; unrelated items are left out.
    /// </summary>
    public static IReadOnlyList<ItemMatch> Nearest(string text, ResponsibilityList list, int take = 3) =>
        list.Items.OrderBy(i => i.SortOrder).Select(i => Match(text, i)).Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Item.SortOrder).Take(take).ToList();

    // The word that makes a keyword part match: the part itself, or a synonym of its group; null when none appears.
    private static string? Hit(string text, string part, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        if (part.Length >= 2 && text.Contains(part, StringComparison.Ordinal)) return part;
        return groups.Where(g => g.Contains(part)).SelectMany(g => g).FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Pairs(string s)
    {
        for (var i = 0; i + 1 < s.Length; i++) yield return s.Substring(i, 2);
    }
}
