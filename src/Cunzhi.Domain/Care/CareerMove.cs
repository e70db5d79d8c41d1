using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>职业发展: where a cadre's career went.</summary>
public enum CareerMoveKind
{
    /// <summary>专业化管理村党组织书记 — stays in village office.</summary>
    ProfessionalSecretary = 1,
    /// <summary>考录乡镇公务员 — leaves village office.</summary>
    TownCivilServant = 2,
    /// <summary>招聘乡镇事业编 — leaves village office.</summary>
    TownInstitution = 3,
    /// <summary>其他事业单位 — leaves village office.</summary>
    PublicInstitution = 4,
    /// <summary>其他: leaving office or not, as entered.</summary>
    Other = 5,
}

/// <summary>
/// 职业发展: a cadre's move — to 专业化管理村党组织书记, a town post (公务员/事业编), a public-institution post or other —
/// with date, kind and destination, shown in the cadre's history next to the posts. A move that takes the cadre out of
/// village office (<see cref="LeftOffice"/>) ended the current post through the registry's departure in the same save.
/// </summary>
public sealed class CareerMove : IRegionScoped
{
    /// <summary>Longest destination text.</summary>
    public const int MaxDestination = 100;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>Kind of move.</summary>
    public CareerMoveKind Kind { get; set; }
    /// <summary>Date of the move.</summary>
    public DateOnly Date { get; set; }
    /// <summary>去向, e.g. 三兴镇人民政府 (乡镇公务员).</summary>
    public required string Destination { get; set; }
    /// <summary>The move took the cadre out of village office (the departure was recorded with it).</summary>
    public bool LeftOffice { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>Pure rules of career moves: which leave office, which need office, and every refusal.</summary>
public static class CareerRules
{
    /// <summary>Whether a move of <paramref name="kind"/> takes the cadre out of village office (for 其他, as entered).</summary>
    public static bool LeavesOffice(CareerMoveKind kind, bool otherLeavesOffice) => kind switch
    {
        CareerMoveKind.TownCivilServant or CareerMoveKind.TownInstitution or CareerMoveKind.PublicInstitution => true,
        CareerMoveKind.Other => otherLeavesOffice,
        _ => false,
    };

    /// <summary>Whether the move needs a cadre in office: every move that leaves office, and 专业化管理村党组织书记.</summary>
    public static bool RequiresOffice(CareerMoveKind kind, bool leavesOffice) => leavesOffice || kind == CareerMoveKind.ProfessionalSecretary;

    /// <summary>Posts whose holder may become a 专业化管理村党组织书记 (the Party organisation's secretary).</summary>
    public static readonly IReadOnlyList<string> SecretaryPosts = ["secretary", "secretary-director"];

    /// <summary>
    /// Every problem of a move: kind, destination, a date after today, a cadre out of office for a move that needs office,
    /// a date before the current post began, a professional secretary who is not the secretary or already is one.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Problems(CareerMoveKind kind, bool otherLeavesOffice, DateOnly date, string? destination, CadreStatus status,
        DateOnly? postStart, string postCode, bool isProfessionalSecretary, DateOnly today, string cadreName)
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add(new("care.career_kind", "Kind", "请选择去向类别"));
            return problems;
        }
        if (string.IsNullOrWhiteSpace(destination)) problems.Add(new("care.career_destination", "Destination", "请填写去向（单位或岗位）"));
        else if (destination.Trim().Length > CareerMove.MaxDestination) problems.Add(new("care.career_destination", "Destination", $"去向不能超过 {CareerMove.MaxDestination} 个字"));
        if (date > today) problems.Add(new("care.career_date", "Date", "日期不能晚于今天"));
        var leaves = LeavesOffice(kind, otherLeavesOffice);
        if (RequiresOffice(kind, leaves) && status != CadreStatus.InOffice)
            problems.Add(new("care.career_left", "CadreId", $"{cadreName} 已离任，不能登记{KindName(kind)}"));
        else if (status == CadreStatus.InOffice && postStart is { } start && date < start)
            problems.Add(new("care.career_date", "Date", $"日期不能早于现任职务的起始日期（{start:yyyy-MM-dd}）"));
        if (kind == CareerMoveKind.ProfessionalSecretary && status == CadreStatus.InOffice)
        {
            if (isProfessionalSecretary) problems.Add(new("care.career_already", "Kind", $"{cadreName} 已是专业化管理村党组织书记"));
            else if (!SecretaryPosts.Contains(postCode)) problems.Add(new("care.career_post", "Kind", "只有村党组织书记（含一肩挑）可以转为专业化管理村党组织书记"));
        }
        return problems;
    }

    /// <summary>The departure reason the registry records for a move that leaves office.</summary>
    public static string DepartureReason(CareerMoveKind kind, string destination) => $"职业发展：{KindName(kind)}（{destination.Trim()}）";

    /// <summary>The kind's Chinese name.</summary>
    public static string KindName(CareerMoveKind k) => k switch
    {
        CareerMoveKind.ProfessionalSecretary => "专业化管理村党组织书记",
        CareerMoveKind.TownCivilServant => "乡镇公务员",
        CareerMoveKind.TownInstitution => "乡镇事业编",
        CareerMoveKind.PublicInstitution => "事业单位",
        CareerMoveKind.Other => "其他",
        _ => "未知",
    };
}
