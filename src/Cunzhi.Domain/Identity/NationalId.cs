using System.Globalization;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Identity;

/// <summary>
/// 公民身份号码 after GB 11643-1999: an 18-character number made of the six-digit administrative
/// division code where it was first issued (GB/T 2260), the birth date as <c>yyyyMMdd</c>, a
/// three-digit sequence whose last digit is odd for men and even for women, and a check character
/// by ISO 7064 MOD 11-2 (<c>0</c>–<c>9</c> or <c>X</c>). The 15-digit numbers of the first
/// generation are no longer accepted. Checks are pure: the date they are judged against is passed in.
/// </summary>
public static class NationalId
{
    /// <summary>Characters in a number.</summary>
    public const int Length = 18;

    /// <summary>Characters covered by the check character.</summary>
    public const int BodyLength = 17;

    /// <summary>The earliest birth date accepted; older dates are taken as typing errors.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// The 34 provincial-level codes of GB/T 2260 that may open a number: 11–15, 21–23, 31–37,
    /// 41–46, 50–54, 61–65, 71 (台湾), 81 (香港), 82 (澳门).
    /// </summary>
    public static IReadOnlyList<string> ProvinceCodes { get; } =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private static readonly HashSet<string> Provinces = [.. ProvinceCodes];

    // ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the remainder of the weighted sum
    // indexes the check character.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Message for a first-generation 15-digit number.</summary>
    public const string LegacyNumberMessage = "15 位旧身份证号已停止使用，请填写 18 位号码";

    /// <summary>
    /// Checks a typed number against every rule and returns either the parsed number or all the
    /// problems found. The input is trimmed and a trailing <c>x</c> is upper-cased. Rules: 18
    /// characters, 17 digits and a check character <c>0</c>–<c>9</c> or <c>X</c>; a known
    /// province code and prefecture and county parts other than <c>00</c>; a real birth date
    /// from <see cref="EarliestBirthDate"/> up to <paramref name="asOf"/>; a matching check character.
    /// </summary>
    /// <param name="input">The number as typed or imported.</param>
    /// <param name="asOf">The date the birth date must not be after (normally today, passed in).</param>
    public static NationalIdCheck Parse(string? input, DateOnly asOf)
    {
        var s = input?.Trim() ?? "";
        if (s.Length == 0) return NationalIdCheck.Invalid(["请填写身份证号"]);
        if (s[^1] == 'x') s = string.Concat(s.AsSpan(0, s.Length - 1), "X");
        if (s.Length == 15 && AllDigits(s)) return NationalIdCheck.Invalid([LegacyNumberMessage]);

        var errors = new List<string>();
        if (s.Length != Length)
        {
            errors.Add($"身份证号应为 18 位，当前为 {s.Length} 位");
            var lastAllowed = s[^1] == 'X' ? s.Length - 1 : s.Length;
            if (!AllDigits(s.AsSpan(0, lastAllowed)))
                errors.Add("身份证号只能由数字组成，最后一位可以是 X");
            return NationalIdCheck.Invalid(errors);
        }

        var bodyIsDigits = AllDigits(s.AsSpan(0, BodyLength));
        if (!bodyIsDigits) errors.Add("身份证号前 17 位只能是数字");
        var last = s[BodyLength];
        var lastIsValid = char.IsAsciiDigit(last) || last == 'X';
        if (!lastIsValid) errors.Add("身份证号最后一位只能是数字或 X");

        // Each part is judged when its own characters are digits, so one typo does not hide another problem.
        var prefix = s[..6];
        if (AllDigits(prefix)) AddRegionErrors(prefix, errors);

        DateOnly? birth = null;
        var datePart = s.Substring(6, 8);
        if (AllDigits(datePart))
        {
            if (!DateOnly.TryParseExact(datePart, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add($"身份证号中的出生日期 {datePart} 不是有效日期");
            else if (date < EarliestBirthDate)
                errors.Add($"身份证号中的出生日期 {Format(date)} 早于 {Format(EarliestBirthDate)}");
            else if (date > asOf)
                errors.Add($"身份证号中的出生日期 {Format(date)} 晚于 {Format(asOf)}");
            else
                birth = date;
        }

        // The expected character is deliberately not shown: a wrong check character usually means
        // a mistyped digit elsewhere, and naming it would invite "fixing" the last character instead.
        if (bodyIsDigits && lastIsValid && CheckDigit(s[..BodyLength]) != last)
            errors.Add("身份证号校验位不符，请逐位核对号码");

        if (errors.Count > 0) return NationalIdCheck.Invalid(errors);
        var gender = (s[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return new NationalIdCheck(true, s, birth, gender, prefix, []);
    }

    /// <summary>
    /// Compares what was typed on a form with what a valid number encodes and returns a Chinese
    /// message for each disagreement. An invalid <paramref name="check"/> yields nothing here:
    /// its own <see cref="NationalIdCheck.Errors"/> already explain it.
    /// </summary>
    public static IReadOnlyList<string> AgreesWith(NationalIdCheck check, DateOnly typedBirthDate, Gender typedGender)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsValid) return [];
        var errors = new List<string>();
        if (check.BirthDate != typedBirthDate) errors.Add("出生日期与身份证号不符");
        if (check.Gender != typedGender) errors.Add("性别与身份证号不符");
        return errors;
    }

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character (<c>0</c>–<c>9</c> or <c>X</c>) of the first 17 digits:
    /// the weighted sum with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, modulo 11, indexes
    /// <c>10X98765432</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="first17"/> is not 17 digits.</exception>
    public static char CheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != BodyLength || !AllDigits(first17))
            throw new ArgumentException("校验位须由 17 位数字计算", nameof(first17));
        var sum = 0;
        for (var i = 0; i < BodyLength; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// The number for display: the first 3 and last 4 characters, the rest as <c>*</c>
    /// (<c>430***********1234</c>). A value too short to mask is starred entirely.
    /// </summary>
    public static string Mask(string normalized) => Masking.KeepEnds(normalized, 3, 4);

    /// <summary>
    /// Builds a valid number, for generated demo data. The last digit of <paramref name="sequence3"/>
    /// is moved to the gender's parity (up by one for a man, down by one for a woman), so the
    /// sequence stays within 000–999.
    /// </summary>
    /// <param name="regionPrefix6">A six-digit division code that passes the province, prefecture and county rules.</param>
    /// <param name="birth">Birth date, not before <see cref="EarliestBirthDate"/>.</param>
    /// <param name="sequence3">Sequence number 0–999.</param>
    /// <param name="gender">Gender the 17th digit encodes.</param>
    /// <exception cref="ArgumentException">When an input could not give a valid number.</exception>
    public static string Compose(string regionPrefix6, DateOnly birth, int sequence3, Gender gender)
    {
        ArgumentNullException.ThrowIfNull(regionPrefix6);
        var regionErrors = new List<string>();
        if (regionPrefix6.Length == 6 && AllDigits(regionPrefix6)) AddRegionErrors(regionPrefix6, regionErrors);
        else regionErrors.Add("须为 6 位数字");
        if (regionErrors.Count > 0)
            throw new ArgumentException($"不是有效的身份证号地址码：{regionPrefix6}", nameof(regionPrefix6));
        if (birth < EarliestBirthDate)
            throw new ArgumentOutOfRangeException(nameof(birth), birth, $"出生日期不能早于 {Format(EarliestBirthDate)}");
        if (sequence3 is < 0 or > 999)
            throw new ArgumentOutOfRangeException(nameof(sequence3), sequence3, "顺序码须在 0–999 之间");
        var sequence = gender switch
        {
            Gender.Male => sequence3 | 1,
            Gender.Female => sequence3 & ~1,
            _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, "性别无效"),
        };
        var body = string.Concat(regionPrefix6, birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), sequence.ToString("000", CultureInfo.InvariantCulture));
        return body + CheckDigit(body);
    }

    /// <summary>
    /// Every full, valid number written anywhere in <paramref name="text"/> (a page, an export),
    /// normalized, in order of appearance — to catch numbers that should have been masked.
    /// A candidate is a run of exactly 18 digits, or of exactly 17 digits followed by <c>X</c> or
    /// <c>x</c>; a candidate inside a longer run of digits is not one. Letters and markup around
    /// it do not matter. Candidates must pass every rule of <see cref="Parse"/> except the upper
    /// bound on the birth date, since the scan has no date to judge against.
    /// </summary>
    public static IReadOnlyList<string> FindAllValidIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            var run = i - start;
            var isCandidate = run == Length || (run == BodyLength && i < text.Length && text[i] is ('X' or 'x'));
            if (isCandidate && Parse(text.Substring(start, Length), DateOnly.MaxValue).Normalized is { } number)
                found.Add(number);
        }
        return found;
    }

    private static void AddRegionErrors(string prefix6, List<string> errors)
    {
        var province = prefix6[..2];
        if (!Provinces.Contains(province)) errors.Add($"身份证号前两位 {province} 不是有效的省级代码");
        if (prefix6.Substring(2, 2) == "00") errors.Add("身份证号第 3–4 位（地市代码）不能为 00");
        if (prefix6.Substring(4, 2) == "00") errors.Add("身份证号第 5–6 位（县级代码）不能为 00");
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
