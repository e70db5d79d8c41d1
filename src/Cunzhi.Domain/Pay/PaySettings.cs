using System.Globalization;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Pay;

/// <summary>One row of the score → coefficient table: from <see cref="MinScore"/> (inclusive) the coefficient is <see cref="Permille"/> ‰.</summary>
/// <param name="MinScore">Lowest monthly score (0–100) the row applies to.</param>
/// <param name="Permille">Coefficient in thousandths: 1200 = 1.2. Integers keep the pay arithmetic exact.</param>
public sealed record CoefficientStep(decimal MinScore, int Permille);

/// <summary>
/// 报酬标准: one county's pay settings, versioned like the rank policy. A version is in force from its
/// <see cref="VersionedPolicy{TSelf}.EffectiveFrom"/> (the first day of a month) until the next published version's; a payroll month uses the
/// version in force on its first day (<see cref="VersionedPolicy{TSelf}.InForce"/>) and records its number on every line, so old runs stay
/// reproducible. A published version is never changed (<see cref="VersionedPolicy{TSelf}.EnsureDraft"/>): editing makes a new draft.
/// <para>Defaults (the county edits all of them; the pilot article gives only the allowance step and the 好支书 and 20%
/// figures, the rest are illustrative): chief base 3,000 CNY a month for 党组织书记 and 书记、主任（一肩挑）; 村委会主任
/// 100% (a 主职 post); deputies (副书记, 副主任) 85%; 委员 70%; 驻村第一书记 0% — paid by the sending unit, the line says so.
/// Performance base 800 CNY a month × coefficient (≥90 → 1.2, ≥80 → 1.0, ≥70 → 0.8, ≥60 → 0.6, else 0). 好支书 award
/// 10,000 CNY, paid in December by default. Retirement allowance 20 CNY a month per full year of service, from age 60.
/// Income-increment reward at most 20% of a positive increment, shared by post weights 书记/一肩挑 30, 主任 25,
/// 副职 15, 委员 10, 第一书记 0.</para>
/// </summary>
public sealed class PaySettings : VersionedPolicy<PaySettings>, IPublishedAsDrafted
{
    /// <summary>The posts paid as chiefs when a county has not said otherwise.</summary>
    public const string DefaultPostShares = "secretary=100;secretary-director=100;director=100;deputy-secretary=85;deputy-director=85;committee-member=70;first-secretary=0";
    /// <summary>Default coefficient table.</summary>
    public const string DefaultCoefficients = "90=1.2;80=1.0;70=0.8;60=0.6";
    /// <summary>Default weights for sharing an income-increment reward.</summary>
    public const string DefaultIncrementShares = "secretary=30;secretary-director=30;director=25;deputy-secretary=15;deputy-director=15;committee-member=10;first-secretary=0";

    // Id, CountyCode, Version, EffectiveFrom (always the first day of a month here), IsPublished, PublishedBy/At: VersionedPolicy.

    /// <inheritdoc/>
    protected override string PolicyName => "报酬标准";
    /// <summary>Monthly base pay of a chief (党组织书记, 一肩挑), fen.</summary>
    public long ChiefBaseFen { get; set; } = 3_000_00;
    /// <summary>Base pay of each post as a percentage of the chief's, <c>post=percent;…</c> (<see cref="DefaultPostShares"/>).</summary>
    public string PostShares { get; set; } = DefaultPostShares;
    /// <summary>Monthly performance-pay base, fen; performance pay = base × coefficient(score).</summary>
    public long PerformanceBaseFen { get; set; } = 800_00;
    /// <summary>Score → coefficient table, <c>minScore=coefficient;…</c> (<see cref="DefaultCoefficients"/>); below the lowest row 0.</summary>
    public string Coefficients { get; set; } = DefaultCoefficients;
    /// <summary>担当作为好支书 award, fen (default 10,000 CNY).</summary>
    public long GoodSecretaryAwardFen { get; set; } = 10_000_00;
    /// <summary>Month (1–12) the award is paid in by default.</summary>
    public int GoodSecretaryPayMonth { get; set; } = 12;
    /// <summary>Retirement allowance per month per full year of service, fen (default 20 CNY).</summary>
    public long RetirementFenPerYear { get; set; } = 20_00;
    /// <summary>Age from which the retirement allowance is paid (default 60).</summary>
    public int RetirementAge { get; set; } = 60;
    /// <summary>Income-increment reward cap, percent of the increment (default 20).</summary>
    public int IncrementCapPercent { get; set; } = 20;
    /// <summary>Default weights by post for sharing an income-increment reward, <c>post=weight;…</c>.</summary>
    public string IncrementShares { get; set; } = DefaultIncrementShares;

    /// <summary>A new draft of <paramref name="county"/> copying <paramref name="from"/> (or the defaults), numbered <paramref name="version"/>.</summary>
    public static PaySettings DraftFrom(PaySettings? from, string county, int version, DateOnly effectiveFrom)
    {
        var draft = (from ?? new PaySettings { CountyCode = county }).NewDraft(version, effectiveFrom);
        draft.CountyCode = county;
        return draft;
    }

    /// <summary>Publishes the draft; its effective date must be the first day of a month.</summary>
    public void Publish(string by, DateTime atUtc) => MarkPublished(by, atUtc);

    /// <summary>Every problem with the numbers, in Chinese.</summary>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (EffectiveFrom.Day != 1) p.Add("生效日期须为某月 1 日");
        if (ChiefBaseFen < 0 || PerformanceBaseFen < 0 || GoodSecretaryAwardFen < 0 || RetirementFenPerYear < 0) p.Add("金额不能为负");
        if (GoodSecretaryPayMonth is < 1 or > 12) p.Add("好支书奖励发放月份须为 1–12");
        if (RetirementAge is < 40 or > 80) p.Add("生活补贴起发年龄须在 40–80 岁之间");
        if (IncrementCapPercent is < 0 or > 100) p.Add("增量奖励比例上限须在 0–100% 之间");
        p.AddRange(PostTableProblems(PostShares, "基本报酬比例", 0, 100));
        p.AddRange(PostTableProblems(IncrementShares, "增量奖励分配权重", 0, 1000));
        if (TryParseCoefficients(Coefficients, out _) is { } c) p.Add(c);
        return p;
    }

    /// <summary>Base pay percentages by post code.</summary>
    public IReadOnlyDictionary<string, int> PostShareTable => ParsePostTable(PostShares);
    /// <summary>Increment-reward weights by post code.</summary>
    public IReadOnlyDictionary<string, int> IncrementShareTable => ParsePostTable(IncrementShares);
    /// <summary>The coefficient table, highest threshold first.</summary>
    public IReadOnlyList<CoefficientStep> CoefficientTable => TryParseCoefficients(Coefficients, out var t) is null ? t : [];

    /// <summary>Monthly base pay of a post for a full month: chief base × percent ÷ 100, rounded half-up to the fen; a post missing from the table earns 0.</summary>
    public long BaseFenFor(string postCode) =>
        PayRules.RoundHalfUp(ChiefBaseFen * PostShareTable.GetValueOrDefault(postCode), 100);

    /// <summary>Parses <c>code=int;…</c>.</summary>
    public static IReadOnlyDictionary<string, int> ParsePostTable(string text)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) d[kv[0]] = v;
        }
        return d;
    }

    /// <summary>Formats a post table in a stable order.</summary>
    public static string FormatPostTable(IEnumerable<KeyValuePair<string, int>> table) =>
        string.Join(";", table.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static IEnumerable<string> PostTableProblems(string text, string label, int min, int max)
    {
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) { yield return $"{label}格式有误：{part}"; continue; }
            if (v < min || v > max) yield return $"{label}须在 {min}–{max} 之间：{part}";
        }
    }

    /// <summary>Parses the coefficient table (<c>90=1.2;80=1.0</c>); returns a Chinese problem, or null and the table highest first.</summary>
    public static string? TryParseCoefficients(string text, out IReadOnlyList<CoefficientStep> table)
    {
        var steps = new List<CoefficientStep>();
        table = steps;
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !decimal.TryParse(kv[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var min)
                || !decimal.TryParse(kv[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var coef))
                return $"绩效系数表格式有误：{part}（应为 分数=系数，如 90=1.2）";
            if (min is < 0 or > 100) return $"绩效系数表的分数须在 0–100 之间：{part}";
            if (coef is < 0 or > 5 || decimal.Round(coef, 3) != coef) return $"绩效系数须在 0–5 之间，至多三位小数：{part}";
            steps.Add(new(min, (int)(coef * 1000)));
        }
        if (steps.Select(s => s.MinScore).Distinct().Count() != steps.Count) return "绩效系数表中有重复的分数线";
        table = steps.OrderByDescending(s => s.MinScore).ToList();
        return null;
    }

    /// <summary>Formats a coefficient table, highest threshold first.</summary>
    public static string FormatCoefficients(IEnumerable<CoefficientStep> steps) =>
        string.Join(";", steps.OrderByDescending(s => s.MinScore)
            .Select(s => $"{s.MinScore.ToString("0.##", CultureInfo.InvariantCulture)}={(s.Permille / 1000m).ToString("0.0##", CultureInfo.InvariantCulture)}"));
}
