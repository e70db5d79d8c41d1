using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Duty;

/// <summary>
/// 村委会办公室: a village's office phone, the number the public duty board shows (never a cadre's own mobile). One row per
/// village (unique), versioned.
/// </summary>
public sealed class VillageOffice : IRegionScoped, IVersioned
{
    /// <summary>Longest phone number as typed (0795-1234567 转 801).</summary>
    public const int MaxPhone = 30;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The office phone (a landline or the office's own mobile), as typed.</summary>
    public required string Phone { get; set; }

    /// <summary>Why a phone number is not an office phone: empty, too long, or holding anything but digits, spaces, - + ( ) and 转.</summary>
    public static IReadOnlyList<RuleProblem> PhoneProblems(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return [new("duty.office_phone", "Phone", "请填写村委会办公电话")];
        var p = phone.Trim();
        if (p.Length > MaxPhone) return [new("duty.office_phone", "Phone", $"办公电话不能超过 {MaxPhone} 个字符")];
        if (p.Count(char.IsAsciiDigit) < 7 || p.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')' or '转')))
            return [new("duty.office_phone", "Phone", "办公电话格式不正确（如 0795-8812345）")];
        return [];
    }
}
