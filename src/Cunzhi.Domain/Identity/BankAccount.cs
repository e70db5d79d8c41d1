using System.Text;

namespace Cunzhi.Domain.Identity;

/// <summary>
/// A bank account number (银行账号) that a town finance office (乡镇财政所) pays a cadre's remuneration into: 12–30
/// digits (debit cards are 16–19, passbook and old accounts run longer). Typed numbers may carry spaces and dashes,
/// as printed on cards; they are stored without them. Checks are pure.
/// </summary>
public static class BankAccount
{
    /// <summary>Fewest digits accepted.</summary>
    public const int MinLength = 12;

    /// <summary>Most digits accepted.</summary>
    public const int MaxLength = 30;

    /// <summary>Checks a typed number and returns the digits or every problem found.</summary>
    public static BankAccountCheck Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return new(null, ["请填写银行账号"]);
        var sb = new StringBuilder(input.Length);
        foreach (var c in input)
            if (!char.IsWhiteSpace(c) && c is not ('-' or '－')) sb.Append(c);
        var s = sb.ToString();
        var errors = new List<string>();
        if (s.AsSpan().ContainsAnyExceptInRange('0', '9')) errors.Add("银行账号只能包含数字、空格和连字符");
        if (s.Length is < MinLength or > MaxLength) errors.Add($"银行账号应为 {MinLength}–{MaxLength} 位数字，当前为 {s.Length} 位");
        return errors.Count > 0 ? new(null, errors) : new(s, []);
    }

    /// <summary>
    /// The number for display: the first 4 and last 4 digits around two starred groups (<c>6217 **** **** 1234</c>),
    /// the same whatever the length, so the mask does not tell the length either. Pass the normalized number; a value
    /// too short to mask is starred entirely.
    /// </summary>
    public static string Mask(string normalized)
    {
        if (string.IsNullOrEmpty(normalized)) return "";
        if (normalized.Length < MinLength) return new string('*', normalized.Length);
        return $"{normalized[..4]} **** **** {normalized[^4..]}";
    }
}

/// <summary>
/// The outcome of <see cref="BankAccount.Parse"/>: either the normalized digits or every problem found, as Chinese
/// messages. Only <see cref="BankAccount.Parse"/> creates one.
/// </summary>
public sealed record BankAccountCheck
{
    internal BankAccountCheck(string? normalized, IReadOnlyList<string> errors)
    {
        Normalized = normalized;
        Errors = errors;
    }

    /// <summary>True when the number passed every rule; <see cref="Errors"/> is then empty.</summary>
    public bool IsValid => Normalized is not null;
    /// <summary>The digits without separators; null when invalid.</summary>
    public string? Normalized { get; }
    /// <summary>Every problem found, as Chinese messages; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; }
}
