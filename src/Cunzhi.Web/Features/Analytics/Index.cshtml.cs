using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Analytics;

/// <summary>One chart's data as analytics.js reads it: a bar or pie of named values.</summary>
public sealed record ChartData(string Type, IReadOnlyList<string> Labels, IReadOnlyList<int> Values);

/// <summary>班子结构分析: headline cards, charts, and a drill-down county → town → village.</summary>
public sealed class IndexModel(StructureHandlers handlers) : PageModel
{
    // The JSON sits in a <script type="application/json">: the encoder escapes <, > and & so it
    // cannot close the element; Chinese stays readable.
    private static readonly JsonSerializerOptions ChartJsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public StructureReport Report { get; private set; } = null!;

    public bool IsVillage => Report.Region.Level == RegionLevel.Village;

    /// <summary>Chart key → data; the page's containers carry the keys in <c>data-chart</c>.</summary>
    public string ChartsJson => JsonSerializer.Serialize(new Dictionary<string, ChartData>
    {
        ["ageBands"] = new("bar", Report.Figures.AgeBands.Select(b => b.Label).ToList(), Report.Figures.AgeBands.Select(b => b.Count).ToList()),
        ["education"] = new("pie", Report.Figures.Education.Select(e => e.Name).ToList(), Report.Figures.Education.Select(e => e.Count).ToList()),
        ["ranks"] = new("bar", Report.Figures.Ranks.Select(r => $"{r.Rank}级").ToList(), Report.Figures.Ranks.Select(r => r.Count).ToList()),
        ["vacancies"] = new("bar", ["缺党组织书记", "缺村（居）委会主任"], [Report.Figures.VillagesWithoutSecretary, Report.Figures.VillagesWithoutDirector]),
    }, ChartJsonOptions);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await handlers.GetAsync(Code, ct) is not { } report) return NotFound();
        Report = report;
        return Page();
    }
}

/// <summary>How the page shows the figures.</summary>
public static class StructureFormat
{
    /// <summary>A percentage: one decimal, e.g. 70.2%.</summary>
    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An age with one decimal; a dash when there is nobody to average.</summary>
    public static string Age(decimal value, int people) => people == 0 ? "—" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
