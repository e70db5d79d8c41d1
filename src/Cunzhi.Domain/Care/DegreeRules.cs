using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;

namespace Cunzhi.Domain.Care;

/// <summary>Pure rules of 学历提升 and 困难帮扶: what an enrolment, a claim and an application must be; the reimbursement within the caps; when a degree raises the registry's education.</summary>
public static class DegreeRules
{
    /// <summary>Largest amount of money taken from input (fen): 1,000,000 yuan.</summary>
    public const long MaxAmountFen = 1_000_000L * 100;
    /// <summary>Longest programme (days).</summary>
    public const int MaxProgrammeDays = 8 * 366;
    /// <summary>Education codes a degree programme may lead to.</summary>
    public static readonly string[] Levels = ["college", "bachelor", "postgraduate"];

    /// <summary>The rank of an education code in the registry's list (1 = 小学 … 6 = 研究生), 0 when unknown.</summary>
    public static int Rank(string? code) => ReferenceData.EducationLevels.FirstOrDefault(e => e.Code == code)?.SortOrder ?? 0;

    /// <summary>The Chinese name of an education code (the code itself when unknown).</summary>
    public static string LevelName(string? code) => ReferenceData.EducationLevels.FirstOrDefault(e => e.Code == code)?.Name ?? code ?? "";

    /// <summary>Chinese name of a status.</summary>
    public static string StatusName(DegreeStatus s) => s switch { DegreeStatus.Graduated => "毕业", DegreeStatus.DroppedOut => "退学", _ => "在读" };

    /// <summary>Chinese name of a claim status.</summary>
    public static string ClaimStatusName(ClaimStatus s) => s switch { ClaimStatus.Approved => "已报销", ClaimStatus.Rejected => "未通过", _ => "待审批" };

    /// <summary>Every problem of an enrolment as entered.</summary>
    public static IReadOnlyList<RuleProblem> ProgrammeProblems(string? school, string? level, string? major, DateOnly start, DateOnly end)
    {
        var p = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(school)) p.Add(new("degree.school", "School", "请填写学校"));
        else if (school.Trim().Length > DegreeProgramme.MaxSchool) p.Add(new("degree.school", "School", $"学校名称不能超过 {DegreeProgramme.MaxSchool} 个字"));
        if (!Levels.Contains(level)) p.Add(new("degree.level", "LevelCode", "层次须为大专、本科或研究生"));
        if (string.IsNullOrWhiteSpace(major)) p.Add(new("degree.major", "Major", "请填写专业"));
        else if (major.Trim().Length > DegreeProgramme.MaxMajor) p.Add(new("degree.major", "Major", $"专业不能超过 {DegreeProgramme.MaxMajor} 个字"));
        if (end <= start) p.Add(new("degree.dates", "EndDate", "预计毕业日期须晚于入学日期"));
        else if (end.DayNumber - start.DayNumber > MaxProgrammeDays) p.Add(new("degree.dates", "EndDate", "学制不能超过八年"));
        return p;
    }

    /// <summary>Every problem of an amount of money as entered (more than 0, at most 1,000,000 yuan).</summary>
    public static IReadOnlyList<RuleProblem> AmountProblems(long fen, string field, string what)
    {
        if (fen <= 0) return [new("money.amount", field, $"{what}须大于 0")];
        if (fen > MaxAmountFen) return [new("money.amount", field, $"{what}不能超过 1,000,000.00 元")];
        return [];
    }

    /// <summary>Refuses finishing a programme that is not 在读, or on a day before it started or after today.</summary>
    public static void EnsureCanFinish(DegreeProgramme p, DegreeStatus to, DateOnly on, DateOnly today)
    {
        if (p.Status != DegreeStatus.Studying) throw new RuleException("degree.finished", "Status", $"该学历项目已{StatusName(p.Status)}，不能再变更");
        if (to == DegreeStatus.Studying) throw new RuleException("degree.status", "Status", "请选择毕业或退学");
        if (on < p.StartDate) throw new RuleException("degree.finish_date", "On", "毕业或退学日期不能早于入学日期");
        if (on > today) throw new RuleException("degree.finish_date", "On", "毕业或退学日期不能晚于今天");
    }

    /// <summary>Whether graduating at <paramref name="level"/> raises a cadre whose education is <paramref name="current"/>.</summary>
    public static bool Raises(string? current, string level) => Rank(level) > Rank(current);

    /// <summary>Every problem of a tuition claim as entered: the term named, the year within the programme's years, the tuition within range.</summary>
    public static IReadOnlyList<RuleProblem> ClaimProblems(DegreeProgramme p, int year, string? term, long tuitionFen)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(term)) problems.Add(new("degree.term", "Term", "请填写学期"));
        else if (term.Trim().Length > TuitionClaim.MaxTerm) problems.Add(new("degree.term", "Term", $"学期不能超过 {TuitionClaim.MaxTerm} 个字"));
        var last = (p.FinishedOn ?? p.EndDate).Year;
        if (year < p.StartDate.Year || year > last) problems.Add(new("degree.year", "Year", $"学费所属年度须在 {p.StartDate.Year}–{last} 年之间"));
        problems.AddRange(AmountProblems(tuitionFen, "TuitionFen", "学费金额"));
        return problems;
    }

    /// <summary>Refuses a claim on a programme the cadre dropped out of (a graduate may still claim a term paid before graduating).</summary>
    public static void EnsureClaimable(DegreeProgramme p)
    {
        if (p.Status == DegreeStatus.DroppedOut) throw new RuleException("degree.dropped", "ProgrammeId", "该学历项目已退学，不能申请学费报销");
    }

    /// <summary>
    /// The amount reimbursed for <paramref name="tuitionFen"/> under <paramref name="policy"/>: the share (rounded to the fen,
    /// half away from zero), refused when it would pass the yearly cap (after <paramref name="yearSoFarFen"/>) or the
    /// programme's (after <paramref name="programmeSoFarFen"/>), naming the amount still available.
    /// </summary>
    public static long Reimbursement(DegreeSupportPolicy policy, long tuitionFen, long yearSoFarFen, long programmeSoFarFen)
    {
        var amount = (long)Math.Round(tuitionFen * (decimal)policy.SharePercent / 100m, MidpointRounding.AwayFromZero);
        if (policy.CapPerYearYuan > 0)
        {
            var left = Math.Max(0, policy.CapPerYearYuan * 100L - yearSoFarFen);
            if (amount > left) throw new RuleException("degree.cap_year", "TuitionFen", $"超出报销上限，本年度剩余可报销 {PayRules.Yuan(left)} 元");
        }
        if (policy.CapPerProgrammeYuan > 0)
        {
            var left = Math.Max(0, policy.CapPerProgrammeYuan * 100L - programmeSoFarFen);
            if (amount > left) throw new RuleException("degree.cap_programme", "TuitionFen", $"超出报销上限，该学历项目剩余可报销 {PayRules.Yuan(left)} 元");
        }
        return amount;
    }

    /// <summary>Chinese name of a reason category.</summary>
    public static string ReasonName(AssistanceReason r) => r switch
    {
        AssistanceReason.Illness => "因病", AssistanceReason.Disaster => "因灾", AssistanceReason.Accident => "意外事故",
        AssistanceReason.FamilyHardship => "家庭困难", _ => "其他",
    };

    /// <summary>Chinese name of an application's state.</summary>
    public static string AssistanceStatusName(AssistanceStatus s) => s switch
    {
        AssistanceStatus.Approved => "已批准", AssistanceStatus.Rejected => "未批准", _ => "待县审批",
    };

    /// <summary>Every problem of an assistance application as entered.</summary>
    public static IReadOnlyList<RuleProblem> AssistanceProblems(string? description, long requestedFen)
    {
        var p = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(description)) p.Add(new("assist.description", "Description", "请简要说明困难情况"));
        else if (description.Trim().Length > HardshipAssistance.MaxDescription) p.Add(new("assist.description", "Description", $"简要说明不能超过 {HardshipAssistance.MaxDescription} 个字"));
        p.AddRange(AmountProblems(requestedFen, "RequestedFen", "申请金额"));
        return p;
    }

    /// <summary>The county's decision: approve with 0 &lt; granted ≤ requested, or reject with a reason; only a recommended application.</summary>
    public static void Decide(HardshipAssistance a, bool approve, long? grantedFen, string? reason, string by, DateTime atUtc)
    {
        if (a.Status != AssistanceStatus.Recommended) throw new RuleException("assist.decided", null, $"该申请已{AssistanceStatusName(a.Status)}，不能再审批");
        if (approve)
        {
            if (grantedFen is not { } g || g <= 0) throw new RuleException("assist.granted", "GrantedFen", "批准金额须大于 0");
            if (g > a.RequestedFen) throw new RuleException("assist.granted", "GrantedFen", $"批准金额不能超过申请金额 {PayRules.Yuan(a.RequestedFen)} 元");
            (a.Status, a.GrantedFen) = (AssistanceStatus.Approved, g);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("assist.reason", "Reason", "请填写不予批准的理由");
            if (reason.Trim().Length > HardshipAssistance.MaxReason) throw new RuleException("assist.reason", "Reason", $"理由不能超过 {HardshipAssistance.MaxReason} 个字");
            (a.Status, a.RejectReason) = (AssistanceStatus.Rejected, reason.Trim());
        }
        (a.DecidedBy, a.DecidedAtUtc) = (by, atUtc);
    }
}
