using System.Globalization;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;

namespace Cunzhi.Domain.Privacy;

/// <summary>
/// 个人信息防泄露: finds full personal numbers in what is about to be published (a disclosure's text, its table cells,
/// the text the PDF/Excel extractors take out of an uploaded file) so the posting can be refused naming where each one
/// is. A real county once leaked 77 full ID numbers on a disclosure page; this is what makes that impossible here.
/// <para>What counts, after full-width characters (<c>０-９</c>, <c>Ｘ</c>, the wide space, <c>－</c>) are read as plain:</para>
/// <list type="bullet">
/// <item>a 公民身份号码 that passes every rule of <see cref="NationalId.Parse"/> (region, real birth date, GB 11643-1999
/// check character) whether typed whole or in groups (<c>360922 19850615 1232</c>, <c>3609-2219-8506-1512-32</c>): the
/// check is strong enough (about 1 random 18-digit run in 50,000 passes) that any grouping is taken;</item>
/// <item>a first-generation 15-digit number typed whole, with a known province, prefecture and county other than 00 and
/// a real birth date 19yyMMdd. Kept because it is not harmless: adding 19 and a check character gives the person's
/// 18-digit number, and such numbers live on in old rolls (land contracts, relief lists) that get copied into
/// disclosures. It has no check digit, so only the unbroken form is taken;</item>
/// <item>a mobile number: <c>1[3-9]</c> and 9 more digits typed whole, as 3-4-4 or 3-8 groups, or whole after <c>86</c>
/// or <c>0086</c> (<c>+86 138 1234 5678</c> is found at the <c>138</c>);</item>
/// <item>a bank card: 16–19 digits not starting with 0 and passing the Luhn check, typed whole or in groups of four (the
/// last 1–4 digits), as printed on cards. An ID number is reported once, as an ID number, though it may pass Luhn.</item>
/// </list>
/// <para>Separators are one space or hyphen between digits; a longer run of digits is never cut to fit (a 20-digit run
/// is not an ID number). A number's characters may sit next to letters or punctuation: <c>13812345678.00</c> is found —
/// an amount of thirteen billion yuan does not occur in a village's accounts, and refusing it costs nothing, while a
/// phone number followed by a full stop must not slip through. Masked forms (<c>3609**********1234</c>,
/// <c>138****5678</c>) are not found: the stars break the run. The scan is one pass over the text.</para>
/// </summary>
public static class PersonalDataGuard
{
    /// <summary>Problem code of a refused posting.</summary>
    public const string ProblemCode = "privacy.personal_data";

    /// <summary>Most places listed in a refusal; the rest are counted (<c>另有 12 处</c>).</summary>
    public const int MaxListed = 20;

    private const int MaxDigits = 19;

    /// <summary>Every personal number in <paramref name="text"/>, with its line and character (1-based).</summary>
    /// <param name="text">The text as posted; null reads as empty.</param>
    /// <param name="field">The form field it came from (<c>标题</c>, <c>正文</c>), prefixed to each place, or null.</param>
    public static IReadOnlyList<PersonalDataHit> ScanText(string? text, string? field = null)
    {
        var hits = new List<PersonalDataHit>();
        if (string.IsNullOrEmpty(text)) return hits;
        var found = Find(text);
        if (found.Count == 0) return hits;
        var lines = new LineCounter(text);
        foreach (var (kind, index, _) in found)
        {
            var (line, ch) = lines.At(index);
            hits.Add(new(kind, $"{field}第 {line} 行 第 {ch} 个字处", field, null, null, null, null, line, ch));
        }
        return hits;
    }

    /// <summary>
    /// Every personal number in the cells of a table, each with its row and column (<c>第 3 行 第 2 列「身份证号」</c>), and in
    /// its headings (<c>表头第 2 列</c>), which are published too.
    /// </summary>
    /// <param name="rows">The rows of cells; a null cell reads as empty.</param>
    /// <param name="headers">The column headings, to name a column; missing or blank ones are left out.</param>
    /// <param name="firstRowNumber">The number the user sees on the first of <paramref name="rows"/> (2 for an Excel sheet's data under a heading row).</param>
    public static IReadOnlyList<PersonalDataHit> ScanTable(IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<string?>? headers = null, int firstRowNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var hits = new List<PersonalDataHit>();
        for (var c = 0; headers is not null && c < headers.Count; c++)
            if (!string.IsNullOrEmpty(headers[c]))
                foreach (var (kind, _, _) in Find(headers[c]!))
                    hits.Add(new(kind, $"表头第 {c + 1} 列", null, null, null, c + 1, null, null, null));
        var row = firstRowNumber;
        foreach (var cells in rows)
        {
            for (var c = 0; c < cells.Count; c++)
            {
                if (string.IsNullOrEmpty(cells[c])) continue;
                var found = Find(cells[c]!);
                if (found.Count == 0) continue;
                var name = headers is not null && c < headers.Count && !string.IsNullOrWhiteSpace(headers[c]) ? headers[c]!.Trim() : null;
                var where = name is null ? $"第 {row} 行 第 {c + 1} 列" : $"第 {row} 行 第 {c + 1} 列「{name}」";
                foreach (var (kind, _, _) in found)
                    hits.Add(new(kind, where, null, null, row, c + 1, name, null, null));
            }
            row++;
        }
        return hits;
    }

    /// <summary>
    /// Every personal number in a document given as the text of its pages (what the PDF and Excel extractors give), each
    /// with its page and the line on that page (<c>第 2 页 第 14 行</c>).
    /// </summary>
    /// <param name="pages">Each page's text in order; null reads as empty.</param>
    /// <param name="fileName">The file's name, prefixed to each place (<c>附件「收支明细.pdf」</c>), or null.</param>
    public static IReadOnlyList<PersonalDataHit> ScanPages(IEnumerable<string?> pages, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var prefix = string.IsNullOrWhiteSpace(fileName) ? "" : $"附件「{fileName.Trim()}」";
        var field = prefix.Length == 0 ? null : prefix;
        var hits = new List<PersonalDataHit>();
        var page = 0;
        foreach (var text in pages)
        {
            page++;
            if (string.IsNullOrEmpty(text)) continue;
            var found = Find(text);
            if (found.Count == 0) continue;
            var lines = new LineCounter(text);
            foreach (var (kind, index, _) in found)
            {
                var (line, _) = lines.At(index);
                hits.Add(new(kind, $"{prefix}第 {page} 页 第 {line} 行", field, page, null, null, null, line, null));
            }
        }
        return hits;
    }

    /// <summary>
    /// Refuses a posting with hits: a <see cref="RuleException"/> with one problem per place (up to
    /// <see cref="MaxListed"/>, then one counting the rest), code <see cref="ProblemCode"/>. Does nothing when there are none.
    /// </summary>
    public static void EnsureNone(IReadOnlyList<PersonalDataHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0) return;
        var problems = hits.Take(MaxListed).Select(h => new RuleProblem(ProblemCode, h.Field, h.Message)).ToList();
        if (hits.Count > MaxListed)
            problems.Add(new(ProblemCode, null, $"另有 {hits.Count - MaxListed} 处含完整个人号码，未逐一列出"));
        problems.Add(new(ProblemCode, null, "公开内容不能含完整的身份证号、手机号或银行卡号，请删除或打码（如 138****5678）后再提交"));
        throw new RuleException(problems);
    }

    /// <summary>
    /// <paramref name="text"/> with every personal number this guard finds replaced by its masked form (ID numbers
    /// <c>360***********1232</c>, mobile numbers <c>138****5678</c>, bank cards <c>6217 **** **** 7893</c>) — for showing
    /// what was recorded in the village (a power exercise's decisions) on the public portal. The result passes the guard.
    /// </summary>
    public static string MaskAll(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var found = Find(text);
        if (found.Count == 0) return text;
        var plain = HalfWidth.Of(text);
        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var (kind, index, end) in found)
        {
            sb.Append(text, at, index - at);
            var digits = string.Concat(plain.AsSpan(index, end - index).ToArray().Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x')).ToUpperInvariant();
            sb.Append(kind switch
            {
                PersonalDataKind.NationalId => NationalId.Mask(digits),
                PersonalDataKind.MobilePhone => MobilePhone.Mask(digits[^MobilePhone.Length..]),
                PersonalDataKind.BankCard => BankAccount.Mask(digits),
                _ => Masking.KeepEnds(digits, 3, 4),
            });
            at = end;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>The personal numbers in <paramref name="text"/>: kind, first character and end.</summary>
    private static List<Found> Find(string text)
    {
        var found = new List<Found>();
        var t = HalfWidth.Of(text); // one character for one, so indexes still point into the original
        var groups = new List<Group>();
        var i = 0;
        while (i < t.Length)
        {
            if (!char.IsAsciiDigit(t[i])) { i++; continue; }
            groups.Clear();
            while (true)
            {
                var start = i;
                while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
                var x = i < t.Length && t[i] is 'X' or 'x';
                groups.Add(new(start, i - start, x));
                if (x) { i++; break; }
                if (i + 1 < t.Length && t[i] is ' ' or '-' && char.IsAsciiDigit(t[i + 1])) { i++; continue; }
                break;
            }
            Examine(t, groups, found);
        }
        return found;
    }

    private readonly record struct Group(int Start, int Length, bool TrailingX);

    // A number found: its kind and where it starts and ends (exclusive) in the text.
    private readonly record struct Found(PersonalDataKind Kind, int Index, int End);

    // From each group in turn, tries the spans of whole groups that start there: an ID number first, then a bank card,
    // then a mobile number; a hit moves the start past it, so no digit is reported twice.
    private static void Examine(string t, List<Group> groups, List<Found> found)
    {
        Span<char> digits = stackalloc char[MaxDigits + 1];
        var a = 0;
        while (a < groups.Count)
        {
            int idEnd = -1, legacyEnd = -1, bankEnd = -1, phoneEnd = -1;
            var n = 0;
            for (var b = a; b < groups.Count; b++)
            {
                var g = groups[b];
                if (n + g.Length > MaxDigits) break;
                t.AsSpan(g.Start, g.Length).CopyTo(digits[n..]);
                n += g.Length;
                var whole = a == b;
                var span = digits[..n];
                if (idEnd < 0 && IsNationalId(span, g.TrailingX)) { idEnd = b; break; }
                if (g.TrailingX) break;
                if (legacyEnd < 0 && whole && IsLegacyNationalId(span)) legacyEnd = b;
                if (IsBankCard(span, groups, a, b)) bankEnd = b; // the longest grouping that passes
                if (phoneEnd < 0 && IsMobile(span, groups, a, b)) phoneEnd = b;
            }
            var (kind, end) = idEnd >= 0 ? (PersonalDataKind.NationalId, idEnd)
                : legacyEnd >= 0 ? (PersonalDataKind.LegacyNationalId, legacyEnd)
                : bankEnd >= 0 ? (PersonalDataKind.BankCard, bankEnd)
                : phoneEnd >= 0 ? (PersonalDataKind.MobilePhone, phoneEnd)
                : (default(PersonalDataKind), -1);
            if (end < 0) { a++; continue; }
            var last = groups[end];
            found.Add(new(kind, groups[a].Start, last.Start + last.Length + (last.TrailingX && kind == PersonalDataKind.NationalId ? 1 : 0)));
            a = end + 1;
        }
    }

    private static bool IsNationalId(ReadOnlySpan<char> digits, bool trailingX)
    {
        var candidate = trailingX ? digits.Length == NationalId.BodyLength : digits.Length == NationalId.Length;
        if (!candidate) return false;
        var number = trailingX ? string.Concat(digits, "X") : digits.ToString();
        return NationalId.Parse(number, DateOnly.MaxValue).IsValid;
    }

    private static readonly HashSet<string> Provinces = [.. NationalId.ProvinceCodes];

    private static bool IsLegacyNationalId(ReadOnlySpan<char> d) =>
        d.Length == 15
        && Provinces.Contains(d[..2].ToString())
        && !d.Slice(2, 2).SequenceEqual("00") && !d.Slice(4, 2).SequenceEqual("00")
        && DateOnly.TryParseExact(string.Concat("19", d.Slice(6, 6)), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsMobile(ReadOnlySpan<char> d, List<Group> groups, int a, int b)
    {
        if (a == b)
        {
            if (d.Length == 13 && d.StartsWith("86")) d = d[2..];
            else if (d.Length == 15 && d.StartsWith("0086")) d = d[4..];
        }
        if (d.Length != MobilePhone.Length || d[0] != '1' || d[1] is < '3' or > '9') return false;
        // Whole, 3-4-4 or 3-8: how numbers are written; other groupings are more likely neighbouring figures.
        return (b - a) switch
        {
            0 => true,
            1 => groups[a].Length == 3,
            2 => groups[a].Length == 3 && groups[a + 1].Length == 4,
            _ => false,
        };
    }

    private static bool IsBankCard(ReadOnlySpan<char> d, List<Group> groups, int a, int b)
    {
        if (d.Length is < 16 or > MaxDigits || d[0] == '0') return false;
        if (a != b)
        {
            for (var k = a; k < b; k++)
                if (groups[k].Length != 4) return false;
            if (groups[b].Length > 4) return false;
        }
        return PassesLuhn(d);
    }

    /// <summary>The Luhn (mod 10) check of a card number: from the right, every second digit doubled (less 9 when above 9); the sum ends in 0.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0) return false;
        var sum = 0;
        var doubled = false;
        for (var k = digits.Length - 1; k >= 0; k--)
        {
            var v = digits[k] - '0';
            if (v is < 0 or > 9) return false;
            if (doubled && (v *= 2) > 9) v -= 9;
            sum += v;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    // Maps indexes, asked in increasing order, to 1-based line and character; \r\n, \n and \r end a line.
    private sealed class LineCounter(string text)
    {
        private int pos, line = 1, lineStart;

        public (int Line, int Char) At(int index)
        {
            for (; pos < index; pos++)
            {
                if (text[pos] == '\n' || (text[pos] == '\r' && (pos + 1 >= text.Length || text[pos + 1] != '\n')))
                {
                    line++;
                    lineStart = pos + 1;
                }
            }
            return (line, index - lineStart + 1);
        }
    }
}
