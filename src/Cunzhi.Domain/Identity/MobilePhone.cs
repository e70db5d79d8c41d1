using System.Text;

namespace Cunzhi.Domain.Identity;

/// <summary>
/// Mainland China mobile numbers: 11 digits, the first <c>1</c> and the second <c>3</c>–<c>9</c>
/// (the numbering plan's mobile segments). Typed numbers may carry spaces, dashes and a leading
/// <c>+86</c>, <c>0086</c> or <c>86</c>; they are stored without them.
/// </summary>
public static class MobilePhone
{
    /// <summary>Digits in a number.</summary>
    public const int Length = 11;

    /// <summary>Checks a typed number and returns the 11 digits or every problem found.</summary>
    public static MobilePhoneCheck Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return new(null, ["请填写手机号"]);

        var sb = new StringBuilder(input.Length);
        foreach (var c in input)
            if (!char.IsWhiteSpace(c) && c is not ('-' or '－')) sb.Append(c);
        var s = sb.ToString();

        // A bare 86 is only a country code when 11 digits follow it; no 11-digit mobile number begins with 8.
        if (s.StartsWith("+86", StringComparison.Ordinal)) s = s[3..];
        else if (s.StartsWith("0086", StringComparison.Ordinal) && s.Length == 4 + Length) s = s[4..];
        else if (s.StartsWith("86", StringComparison.Ordinal) && s.Length == 2 + Length) s = s[2..];

        var errors = new List<string>();
        if (s.StartsWith('+'))
        {
            errors.Add("只支持中国大陆手机号（+86）");
            return new(null, errors);
        }
        var allDigits = !s.AsSpan().ContainsAnyExceptInRange('0', '9');
        if (!allDigits) errors.Add("手机号只能包含数字、空格和连字符");
        if (s.Length != Length) errors.Add($"手机号应为 11 位，当前为 {s.Length} 位");
        // Positions mean nothing once a stray character has shifted them.
        if (allDigits && s.Length >= 1 && s[0] != '1') errors.Add("手机号应以 1 开头");
        if (allDigits && s.Length >= 2 && s[1] is (< '3' or > '9')) errors.Add("手机号第 2 位应为 3–9");
        return errors.Count > 0 ? new(null, errors) : new(s, []);
    }

    /// <summary>
    /// The number for display: the first 3 and last 4 digits, the rest as <c>*</c> (<c>138****5678</c>).
    /// Pass the normalized number; a value too short to mask is starred entirely.
    /// </summary>
    public static string Mask(string normalized) => Masking.KeepEnds(normalized, 3, 4);
}
