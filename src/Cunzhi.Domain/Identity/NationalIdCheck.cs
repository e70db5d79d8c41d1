using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Identity;

/// <summary>
/// The outcome of <see cref="NationalId.Parse"/>: either a valid number with what it encodes,
/// or every problem found, each as a Chinese message for the page. Only <see cref="NationalId.Parse"/>
/// creates one, so a check that says <see cref="IsValid"/> cannot be forged by a caller.
/// </summary>
public sealed record NationalIdCheck
{
    internal NationalIdCheck(bool isValid, string? normalized, DateOnly? birthDate, Gender? gender, string? regionPrefix, IReadOnlyList<string> errors)
    {
        IsValid = isValid;
        Normalized = normalized;
        BirthDate = birthDate;
        Gender = gender;
        RegionPrefix = regionPrefix;
        Errors = errors;
    }

    internal static NationalIdCheck Invalid(IReadOnlyList<string> errors) => new(false, null, null, null, null, errors);

    /// <summary>True when the number passed every rule; <see cref="Errors"/> is then empty.</summary>
    public bool IsValid { get; }
    /// <summary>The 18-character number, trimmed and with an upper-case X; null when invalid.</summary>
    public string? Normalized { get; }
    /// <summary>The birth date encoded in digits 7–14; null when invalid.</summary>
    public DateOnly? BirthDate { get; }
    /// <summary>The gender encoded by the 17th digit (odd: male, even: female); null when invalid.</summary>
    public Gender? Gender { get; }
    /// <summary>The six-digit administrative division code of first issue (GB/T 2260); null when invalid.</summary>
    public string? RegionPrefix { get; }
    /// <summary>Every problem found, as Chinese messages; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; }
}
