using System.Globalization;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Assessment;

/// <summary>
/// The monthly and quarterly total. With indicator i scored sᵢ out of full marks maxᵢ and weighted wᵢ percent
/// (Σ wᵢ = 100):
/// <code>total = Σ wᵢ × sᵢ / maxᵢ</code>
/// so a cadre with full marks everywhere scores 100, and the total is always on a 0–100 scale whatever each
/// indicator's range. The result is rounded half away from zero to 2 decimals.
/// Example: 政治表现 18/20 (w 20) + 工作实绩 70/80 (w 80) → 20×0.9 + 80×0.875 = 88.00.
/// </summary>
public static class ReviewScoring
{
    /// <summary>Most decimals a score may have.</summary>
    public const int Decimals = 2;

    /// <summary>Every problem of one cadre's scores against the indicators: each indicator scored once, within its range, at most 2 decimals, no unknown codes.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<IndicatorSpec> indicators, IReadOnlyDictionary<string, decimal?> scores)
    {
        var p = new List<string>();
        foreach (var i in indicators)
        {
            if (!scores.TryGetValue(i.Code, out var s) || s is null) { p.Add($"“{i.Name}”未评分"); continue; }
            if (s < i.MinScore || s > i.MaxScore) p.Add($"“{i.Name}”的得分 {s.Value.ToString(CultureInfo.InvariantCulture)} 超出范围 {Fmt(i.MinScore)}–{Fmt(i.MaxScore)}");
            else if (decimal.Round(s.Value, Decimals) != s.Value) p.Add($"“{i.Name}”的得分最多保留 {Decimals} 位小数");
        }
        foreach (var code in scores.Keys.Where(k => indicators.All(i => !string.Equals(i.Code, k, StringComparison.Ordinal))))
            p.Add($"模板中没有指标 {code}");
        return p;
    }

    /// <summary>The weighted total (see the type's formula); throws with every problem when the scores are not valid.</summary>
    public static decimal Total(IReadOnlyList<IndicatorSpec> indicators, IReadOnlyDictionary<string, decimal?> scores)
    {
        var problems = Problems(indicators, scores);
        if (problems.Count > 0) throw RuleException.Of(problems);
        var total = indicators.Sum(i => i.Weight * scores[i.Code]!.Value / i.MaxScore);
        return decimal.Round(total, Decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Scores as stored with a review: <c>CODE=value;CODE=value</c> in grid order, invariant culture.</summary>
    public static string Format(IReadOnlyList<IndicatorSpec> indicators, IReadOnlyDictionary<string, decimal?> scores) =>
        string.Join(";", indicators.Select(i => $"{i.Code}={scores[i.Code]!.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The inverse of <see cref="Format"/>.</summary>
    public static IReadOnlyDictionary<string, decimal> Parse(string stored) =>
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => decimal.Parse(p[1], NumberStyles.Number, CultureInfo.InvariantCulture));

    /// <summary>Arithmetic mean rounded to 2 decimals, or null for no values.</summary>
    public static decimal? Average(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : decimal.Round(list.Sum() / list.Count, Decimals, MidpointRounding.AwayFromZero);
    }

    private static string Fmt(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
