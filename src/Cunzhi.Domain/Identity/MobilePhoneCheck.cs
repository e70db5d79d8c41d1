namespace Cunzhi.Domain.Identity;

/// <summary>
/// The outcome of <see cref="MobilePhone.Parse"/>: either the normalized 11-digit number or every
/// problem found, as Chinese messages. Only <see cref="MobilePhone.Parse"/> creates one.
/// </summary>
public sealed record MobilePhoneCheck
{
    internal MobilePhoneCheck(string? normalized, IReadOnlyList<string> errors)
    {
        Normalized = normalized;
        Errors = errors;
    }

    /// <summary>True when the number passed every rule; <see cref="Errors"/> is then empty.</summary>
    public bool IsValid => Normalized is not null;
    /// <summary>The 11 digits, without separators or country code; null when invalid.</summary>
    public string? Normalized { get; }
    /// <summary>Every problem found, as Chinese messages; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; }
}
