using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>
/// 监督总览 (/Supervision/Overview?region=&amp;period=): 村务公开 on time, 信访举报 by age and outcome (discipline only), 发现问题 by state
/// and overdue, per town (county) or village (town), drill-down, ECharts bars, Excel. Each part only for who may read it.
/// </summary>
[Authorize(Policy = Permissions.SupervisionOverview)]
public sealed class OverviewModel(SupervisionOverview overview) : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    // From the query only: the route value "page" is the page path.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public OverviewReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (await overview.ReportAsync(Region, Period, OverviewSections.Of(User), new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
            Report = report;
        }
        catch (BadInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The same workbook as <c>GET /api/v1/supervision/overview/export</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await overview.ExportAsync(Region, Period, OverviewSections.Of(User), ct) is { } file ? file : NotFound();

    /// <summary>This page for another region and the same period.</summary>
    public string Link(string code, string? period = null) => $"/Supervision/Overview?region={code}&period={period ?? Report?.Period}";

    public string ExportLink => Report is { } r ? $"/Supervision/Overview?handler=Export&region={r.Code}&period={r.Period}" : "";

    /// <summary>The parent region's link when the reader may see it.</summary>
    public string? UpLink => Report is { ParentCode: { } parent, Level: not RegionLevel.County } && User.FindFirst(CunzhiClaims.Region)?.Value is { } own
        && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own) ? Link(parent) : null;

    private OverviewPeriod? Shown => Report is { } r ? SupervisionOverviewRules.Period(r.Period, r.Today).Period : null;

    /// <summary>The period before the one shown.</summary>
    public string? PreviousPeriod => Shown?.Previous.Key;

    /// <summary>The period after the one shown, when it has begun.</summary>
    public string? NextPeriod => Shown?.Next is { } next && Report is { } r && next.From <= r.Today ? next.Key : null;

    public static string Percent(double? p) => p is { } v ? v.ToString("0.#") + "%" : "—";

    /// <summary>Chart data for supervision-overview.js: per part, one bar series per figure over the lines (a click drills down).</summary>
    public string ChartsJson => Report is not { } r ? "{}" : JsonSerializer.Serialize(new
    {
        labels = r.Rows.Items.Select(x => x.Name).ToList(),
        links = r.Rows.Items.Select(x => Link(x.Code)).ToList(),
        disclosure = !r.Sections.Disclosure ? null : new[]
        {
            new { name = "按时公开", values = r.Rows.Items.Select(x => x.Disclosure!.OnTime).ToList() },
            new { name = "逾期公开", values = r.Rows.Items.Select(x => x.Disclosure!.Late).ToList() },
            new { name = "逾期未公开", values = r.Rows.Items.Select(x => x.Disclosure!.Overdue).ToList() },
        },
        complaints = !r.Sections.Complaints ? null : r.AgeBands.Select((b, i) => new { name = "未办结 " + b, values = r.Rows.Items.Select(x => x.Complaints!.OpenByAge[i]).ToList() }).ToArray(),
        findings = !r.Sections.Findings ? null : new[]
        {
            new { name = "待整改", values = r.Rows.Items.Select(x => x.Findings!.Open).ToList() },
            new { name = "整改中", values = r.Rows.Items.Select(x => x.Findings!.Rectifying).ToList() },
            new { name = "已整改待销号", values = r.Rows.Items.Select(x => x.Findings!.Rectified).ToList() },
            new { name = "逾期", values = r.Rows.Items.Select(x => x.Findings!.Overdue).ToList() },
        },
    }, ChartJson);
}
