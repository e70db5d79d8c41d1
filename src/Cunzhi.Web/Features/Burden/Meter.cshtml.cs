using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Burden;

/// <summary>负担监测: a month's load per town (county) or village (town), or a village's year of months; who pushes it.</summary>
[Authorize(Policy = Permissions.BurdenMeterRead)]
public sealed class MeterModel(MeterHandlers meter, TownLoads towns) : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    /// <summary>yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public MeterReport Report { get; private set; } = null!;
    public bool IsVillage => Report.Level == RegionLevel.Village;
    /// <summary>乡镇工作量 on a town's page: its visits and matters escalated to it, twelve months (not part of any village's load).</summary>
    public IReadOnlyList<TownLoadMonth> TownLoad { get; private set; } = [];

    /// <summary>Chart data for burden.js: departments (stacked bars) and, for a village, its months.</summary>
    public string ChartsJson => JsonSerializer.Serialize(new
    {
        departments = new
        {
            labels = Report.Departments.Take(15).Select(d => d.Department).ToList(),
            series = new object[]
            {
                new { name = "任务事项", values = Report.Departments.Take(15).Select(d => d.TaskItems).ToList() },
                new { name = "会议", values = Report.Departments.Take(15).Select(d => d.Meetings).ToList() },
                new { name = "检查", values = Report.Departments.Take(15).Select(d => d.Inspections).ToList() },
            },
        },
        months = IsVillage ? new
        {
            labels = Report.History.Select(h => h.Name).ToList(),
            totals = Report.History.Select(h => h.Total).ToList(),
            baseline = Report.History.Select(h => h.Baseline).ToList(),
        } : null,
    }, ChartJson);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        DateOnly? month = DateOnly.TryParseExact((Month ?? "") + "-01", "yyyy-MM-dd", out var m) ? m : null;
        if (await meter.ReportAsync(Region, month, new PageRequest(PageNumber, 20), ct) is not { } report) return NotFound();
        Report = report;
        if (report.Level == RegionLevel.Town) TownLoad = await towns.MonthsAsync(report.RegionCode, report.Month, ct);
        return Page();
    }

    public string Link(string code) => $"/Burden/Meter?region={code}&month={Report.Month:yyyy-MM}";

    public static string Change(double? percent) => percent is { } p ? (p > 0 ? "+" : "") + p.ToString("0.#") + "%" : "—";
    public static string ChangeCss(double? percent) => percent switch { > 0 => "text-danger", < 0 => "text-success", _ => "text-muted" };
}
