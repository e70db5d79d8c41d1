using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Care;

/// <summary>A share of cadres: covered ÷ in office.</summary>
public sealed record CareCoverage(int InOffice, int Covered)
{
    /// <summary>Percent, one decimal; 0 when nobody is in office.</summary>
    public decimal Percent => InOffice == 0 ? 0m : Math.Round(Covered * 100m / InOffice, 1);
}

/// <summary>Pure rules of 关爱: what a policy and a health check must be, when a policy counts as expiring.</summary>
public static class CareRules
{
    /// <summary>Days before its last day that a policy is flagged on the home page.</summary>
    public const int ExpiryWarningDays = 30;
    /// <summary>Longest policy period (days, inclusive).</summary>
    public const int MaxPolicyDays = 3 * 366;
    /// <summary>Most cadres on one policy.</summary>
    public const int MaxInsured = 5000;

    /// <summary>Every problem of a policy as entered (an empty list when it may be saved).</summary>
    public static IReadOnlyList<RuleProblem> PolicyProblems(string? insurer, string? number, DateOnly from, DateOnly to, int insured)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(insurer)) problems.Add(new("care.insurer", "Insurer", "请填写保险公司"));
        else if (insurer.Trim().Length > InsurancePolicy.MaxInsurer) problems.Add(new("care.insurer", "Insurer", $"保险公司名称不能超过 {InsurancePolicy.MaxInsurer} 个字"));
        if (string.IsNullOrWhiteSpace(number)) problems.Add(new("care.number", "PolicyNumber", "请填写保单号"));
        else if (number.Trim().Length > InsurancePolicy.MaxNumber) problems.Add(new("care.number", "PolicyNumber", $"保单号不能超过 {InsurancePolicy.MaxNumber} 个字符"));
        if (to < from) problems.Add(new("care.period", "ToDate", "保险止期不能早于起期"));
        else if (to.DayNumber - from.DayNumber + 1 > MaxPolicyDays) problems.Add(new("care.period", "ToDate", "保险期限不能超过三年"));
        if (insured == 0) problems.Add(new("care.insured", "CadreIds", "请至少选择一名被保险的干部"));
        else if (insured > MaxInsured) problems.Add(new("care.insured", "CadreIds", $"一份保单最多 {MaxInsured} 人"));
        return problems;
    }

    /// <summary>Whether a policy covers <paramref name="day"/>.</summary>
    public static bool Covers(DateOnly from, DateOnly to, DateOnly day) => from <= day && day <= to;

    /// <summary>Whether a policy still in force on <paramref name="today"/> ends within <see cref="ExpiryWarningDays"/> days (today counts).</summary>
    public static bool ExpiresSoon(DateOnly to, DateOnly today) => to >= today && to.DayNumber - today.DayNumber < ExpiryWarningDays;

    /// <summary>The first day of the warning window: a policy in force whose last day is before this one is flagged.</summary>
    public static DateOnly WarningEnd(DateOnly today) => today.AddDays(ExpiryWarningDays);

    /// <summary>Every problem of a health check as entered.</summary>
    public static IReadOnlyList<RuleProblem> HealthCheckProblems(DateOnly date, string? organiser, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (date > today) problems.Add(new("care.check_date", "Date", "体检日期不能晚于今天"));
        if (string.IsNullOrWhiteSpace(organiser)) problems.Add(new("care.organiser", "Organiser", "请填写组织单位"));
        else if (organiser.Trim().Length > HealthCheck.MaxOrganiser) problems.Add(new("care.organiser", "Organiser", $"组织单位不能超过 {HealthCheck.MaxOrganiser} 个字"));
        return problems;
    }
}
