using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Assessment;

/// <summary>Which periodic review a template, or a score, is for.</summary>
public enum ReviewKind
{
    /// <summary>月考评 — each month; drives performance pay.</summary>
    Monthly = 1,
    /// <summary>季度实绩考核 — each quarter.</summary>
    Quarterly = 2,
}

/// <summary>Where a template version stands.</summary>
public enum TemplateStatus
{
    /// <summary>草稿 — being edited by the county, not used for scoring.</summary>
    Draft = 1,
    /// <summary>现行 — the one version scored with now; immutable.</summary>
    Published = 2,
    /// <summary>已停用 — was in force; kept so old scores stay reproducible; immutable.</summary>
    Superseded = 3,
}

/// <summary>The shape of one indicator, as the scoring rule reads it.</summary>
/// <param name="Code">Short code unique in the template, e.g. ZZ.</param>
/// <param name="Name">Chinese name, e.g. 政治表现.</param>
/// <param name="Weight">Weight in percent; a template's weights add up to 100.</param>
/// <param name="MinScore">Lowest score a reviewer may give (≥ 0).</param>
/// <param name="MaxScore">Highest score a reviewer may give (the indicator's full marks).</param>
public sealed record IndicatorSpec(string Code, string Name, int Weight, decimal MinScore, decimal MaxScore);

/// <summary>
/// 考核指标模板: one version of a county's indicators for the monthly or the quarterly review. Versioned like the
/// responsibility list: the county edits a draft; publishing it supersedes the version in force; published and
/// superseded versions never change, and every score records the version it was given under, so last year's
/// results can be recomputed exactly.
/// </summary>
public sealed class IndicatorTemplate : Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Most indicators a template may have (one grid row must stay usable on a phone).</summary>
    public const int MaxIndicators = 12;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code (12 digits). Templates are county-wide and read by every town, so they are not region-scoped rows.</summary>
    public required string CountyCode { get; set; }
    /// <summary>Monthly or quarterly.</summary>
    public ReviewKind Kind { get; set; }
    /// <summary>1, 2, 3 … per county and kind.</summary>
    public int Version { get; set; }
    /// <summary>Draft, published or superseded.</summary>
    public TemplateStatus Status { get; set; } = TemplateStatus.Draft;
    /// <summary>Title, e.g. 月度考评指标（2026 年版）.</summary>
    public required string Title { get; set; }
    /// <summary>When the version was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAtUtc { get; set; }
    /// <summary>Account that published it.</summary>
    public string? PublishedBy { get; set; }
    /// <summary>The indicators, in grid order.</summary>
    public List<AssessmentIndicator> Indicators { get; set; } = [];

    /// <summary>The indicators as the scoring rule reads them, in grid order.</summary>
    public IReadOnlyList<IndicatorSpec> Specs => Indicators.OrderBy(i => i.SortOrder).Select(i => i.Spec).ToList();

    /// <summary>A first, published version with the given indicators (a county's defaults).</summary>
    public static IndicatorTemplate Initial(string county, ReviewKind kind, string title, IReadOnlyList<IndicatorSpec> specs, DateTime atUtc)
    {
        var t = new IndicatorTemplate { CountyCode = county, Kind = kind, Version = 1, Title = title, CreatedAtUtc = atUtc };
        t.SetIndicators(title, specs);
        t.Publish(null, "system", atUtc);
        return t;
    }

    /// <summary>A new draft, version <paramref name="version"/>, copying this version's indicators.</summary>
    public IndicatorTemplate NewDraft(int version, DateTime atUtc) => new()
    {
        CountyCode = CountyCode, Kind = Kind, Version = version, Title = Title, CreatedAtUtc = atUtc,
        Indicators = Indicators.OrderBy(i => i.SortOrder).Select((i, n) => AssessmentIndicator.From(i.Spec, n + 1)).ToList(),
    };

    /// <summary>Replaces the draft's title and indicators, after checking them (<see cref="Problems"/>).</summary>
    public void SetIndicators(string title, IReadOnlyList<IndicatorSpec> specs)
    {
        if (Status != TemplateStatus.Draft) throw new RuleException("已发布的指标模板不能修改，请新建草稿版本");
        var problems = Problems(specs);
        if (problems.Count > 0) throw RuleException.Of(problems);
        if (string.IsNullOrWhiteSpace(title)) throw new RuleException("请填写模板名称");
        Title = title.Trim();
        Indicators.Clear();
        Indicators.AddRange(specs.Select((s, n) => AssessmentIndicator.From(s with { Code = s.Code.Trim(), Name = s.Name.Trim() }, n + 1)));
    }

    /// <summary>Puts the draft in force and supersedes <paramref name="current"/>.</summary>
    public void Publish(IndicatorTemplate? current, string by, DateTime atUtc)
    {
        if (Status != TemplateStatus.Draft) throw new RuleException("该版本已发布");
        var problems = Problems(Specs);
        if (problems.Count > 0) throw RuleException.Of(problems);
        if (current is not null)
        {
            if (current.Status != TemplateStatus.Published || current.Kind != Kind || current.CountyCode != CountyCode)
                throw new RuleException("只能替换本县同类的现行模板");
            current.Status = TemplateStatus.Superseded;
        }
        (Status, PublishedAtUtc, PublishedBy) = (TemplateStatus.Published, atUtc, by);
    }

    /// <summary>
    /// Every problem of a set of indicators: at least one and at most <see cref="MaxIndicators"/>; codes and names given
    /// and unique; each weight 1–100 and all weights adding up to exactly 100; 0 ≤ minimum &lt; maximum ≤ 1000.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<IndicatorSpec> specs)
    {
        var p = new List<string>();
        if (specs.Count == 0) { p.Add("至少需要一项指标"); return p; }
        if (specs.Count > MaxIndicators) p.Add($"指标不能超过 {MaxIndicators} 项");
        foreach (var (s, n) in specs.Select((s, n) => (s, n + 1)))
        {
            var label = string.IsNullOrWhiteSpace(s.Name) ? $"第 {n} 项指标" : $"指标“{s.Name.Trim()}”";
            if (string.IsNullOrWhiteSpace(s.Code)) p.Add($"第 {n} 项指标缺少编号");
            if (string.IsNullOrWhiteSpace(s.Name)) p.Add($"第 {n} 项指标缺少名称");
            if (s.Weight is < 1 or > 100) p.Add($"{label}的权重须在 1–100 之间");
            if (s.MinScore < 0 || s.MaxScore > 1000 || s.MinScore >= s.MaxScore) p.Add($"{label}的分值范围须满足 0 ≤ 最低分 < 最高分 ≤ 1000");
        }
        foreach (var dup in specs.Where(s => !string.IsNullOrWhiteSpace(s.Code)).GroupBy(s => s.Code.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            p.Add($"指标编号 {dup.Key} 重复");
        foreach (var dup in specs.Where(s => !string.IsNullOrWhiteSpace(s.Name)).GroupBy(s => s.Name.Trim()).Where(g => g.Count() > 1))
            p.Add($"指标名称“{dup.Key}”重复");
        var sum = specs.Sum(s => s.Weight);
        if (sum != 100) p.Add($"各项指标权重之和须为 100（现为 {sum}）");
        return p;
    }

    /// <summary>The article-style default indicators: 政治表现 20, 工作能力 20, 工作实绩 40, 群众评价 20, each scored 0–100.</summary>
    public static IReadOnlyList<IndicatorSpec> DefaultSpecs { get; } =
    [
        new("ZZ", "政治表现", 20, 0, 100),
        new("NL", "工作能力", 20, 0, 100),
        new("SJ", "工作实绩", 40, 0, 100),
        new("QZ", "群众评价", 20, 0, 100),
    ];
}

/// <summary>One indicator of a template version (考核指标).</summary>
public sealed class AssessmentIndicator
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The template version.</summary>
    public long TemplateId { get; set; }
    /// <summary>Code, unique in the version.</summary>
    public required string Code { get; set; }
    /// <summary>Chinese name.</summary>
    public required string Name { get; set; }
    /// <summary>Weight in percent.</summary>
    public int Weight { get; set; }
    /// <summary>Lowest allowed score.</summary>
    public decimal MinScore { get; set; }
    /// <summary>Highest allowed score (full marks).</summary>
    public decimal MaxScore { get; set; }
    /// <summary>Position in the grid (1-based).</summary>
    public int SortOrder { get; set; }

    /// <summary>As the scoring rule reads it.</summary>
    public IndicatorSpec Spec => new(Code, Name, Weight, MinScore, MaxScore);

    /// <summary>A row for <paramref name="s"/> at position <paramref name="order"/>.</summary>
    public static AssessmentIndicator From(IndicatorSpec s, int order) => new()
    {
        Code = s.Code, Name = s.Name, Weight = s.Weight, MinScore = s.MinScore, MaxScore = s.MaxScore, SortOrder = order,
    };
}
