using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>诉求统计 (/Matters/Stats?region=&amp;from=&amp;to=&amp;preset=): Zibo's six figures per child region with drill-down, time to close, overdue share, Excel.</summary>
[Authorize(Policy = Permissions.MatterStatsRead)]
public sealed class StatsModel(MatterStats stats) : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Preset { get; set; }
    // From the query only: the route value "page" is the page path.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public MatterStatsReport? Report { get; private set; }
    public string? Error { get; private set; }

    private MatterStatsQuery Query => new(Region, From, To, Preset);

    /// <summary>Chart data for matter-stats.js: one bar group per child region (click drills down), and time to close by kind.</summary>
    public string ChartsJson => Report is not { } r ? "{}" : JsonSerializer.Serialize(new
    {
        regions = new
        {
            codes = r.Rows.Items.Select(x => x.Code).ToList(),
            labels = r.Rows.Items.Select(x => x.Name).ToList(),
            links = r.Rows.Items.Select(x => Link(x.Code)).ToList(),
            series = MatterStatistics.Figures.Select(f => new { name = f.Name, values = r.Rows.Items.Select(x => x.Figures.Of(f.Figure)).ToList() }).ToList(),
        },
    }, ChartJson);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Report = await stats.ReportAsync(Query, new PageRequest(PageNumber, 50), ct);
        }
        catch (BadInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The same workbook as <c>GET /api/v1/matters/stats/export</c>, for the signed-in page (the API takes bearer tokens only).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => await stats.ExportAsync(Query, ct);

    /// <summary>This page for another region, same period.</summary>
    public string Link(string code) => Report is { } r ? $"/Matters/Stats?region={code}&from={r.From:yyyy-MM-dd}&to={r.To:yyyy-MM-dd}" : $"/Matters/Stats?region={code}";

    public string ExportLink => Report is { } r ? $"/Matters/Stats?handler=Export&region={r.RegionCode}&from={r.From:yyyy-MM-dd}&to={r.To:yyyy-MM-dd}" : "";

    /// <summary>The parent region's link when the reader may see it (a county's parent is its province, which only a province account reads).</summary>
    public string? UpLink => Report is { } r && (r.ParentCode ?? (r.Level == RegionLevel.County ? ProvinceNames.CodeOf(r.RegionCode) : null)) is { } parent
        && User.FindFirst(Data.Security.CunzhiClaims.Region)?.Value is { } own && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)
            ? Link(parent) : null;

    public static string Percent(double? p) => p is { } v ? v.ToString("0.#") + "%" : "—";
    public static string Days(double? d) => d is { } v ? v.ToString("0.#") : "—";
}
