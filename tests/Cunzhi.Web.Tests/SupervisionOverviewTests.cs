using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Features.Supervision;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 监督总览: the figures per town (county) and village (town) against the data, the disclosure part against the calendar,
/// scope, who sees which part (complaints: discipline only), the period picker's refusals, the workbook and who may open it.
/// Tests add their own complaints and findings in 三兴镇 and compare with counts read straight from the database.
/// </summary>
public abstract class SupervisionOverviewTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/supervision/overview";
    private const string Discipline = "discipline", County = "county.admin", Village = "village.naoping", Town = "town.sanxing";
    private static DateOnly Today => China.Today;

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private async Task<OverviewReport> OverviewAsync(string user, string query = "") =>
        await Read<OverviewReport>(await (await f.ApiAs(user)).GetAsync($"{Api}?pageSize=100{query}"), HttpStatusCode.OK);

    /// <summary>A complaint about <paramref name="region"/> filed <paramref name="daysAgo"/> days ago, written straight (the filing itself is ComplaintTests').</summary>
    private async Task<long> ComplaintAsync(string region, int daysAgo, Action<Complaint>? then = null) => await f.WithSystemDb(async db =>
    {
        var (c, _) = Complaint.File(region, ComplaintCategory.WorkStyle, $"总览测试 {Guid.NewGuid():N}", null, true, null, null,
            $"{Guid.NewGuid():N}{Guid.NewGuid():N}", s => s, Today.AddDays(-daysAgo), DateTime.UtcNow);
        then?.Invoke(c);
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    private static DateOnly Weekday(int days)
    {
        var d = Today.AddDays(days);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private static async Task FindingAsync(HttpClient discipline, string village)
    {
        var tour = await Read<TourView>(await discipline.PostAsJsonAsync("/api/v1/supervision/tours", new
        {
            town = Demo.Sanxing, name = "总览测试巡察", villages = new[] { village }, from = Today.AddDays(-10), to = Today, team = "组长：测试",
        }), HttpStatusCode.Created);
        (await discipline.PostAsJsonAsync("/api/v1/supervision/findings", new
        {
            tourId = tour.Id, village, text = "账目不清", category = FindingCategory.Finance, severity = FindingSeverity.Minor, remedy = "补齐凭证", deadline = Weekday(7),
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static bool Open(ComplaintState s) => s is ComplaintState.Received or ComplaintState.Accepted or ComplaintState.Investigating;

    [Fact]
    public async Task The_county_line_of_a_town_counts_its_open_complaints_by_age_band()
    {
        await ComplaintAsync(Demo.Naoping, 20);
        var filed = await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.RegionCode.StartsWith("360922106"))
            .Select(c => new { c.State, c.FiledOn }).ToListAsync());
        var expected = Enumerable.Range(0, 4).Select(band => filed.Count(c => Open(c.State) && SupervisionOverviewRules.ComplaintAgeBand(c.FiledOn, Today) == band)).ToList();
        var report = await OverviewAsync(Discipline);
        report.Rows.Items.Single(l => l.Code == Demo.Sanxing).Complaints!.OpenByAge.ShouldBe(expected);
        expected[1].ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_county_line_of_a_town_counts_complaints_closed_in_the_period_by_outcome()
    {
        await ComplaintAsync(Demo.Naoping, 40, c => (c.State, c.Outcome, c.Findings, c.ConcludedOn) = (ComplaintState.Concluded, ComplaintOutcome.PartlyVerified, "部分属实", Today));
        await ComplaintAsync(Demo.Sanxingcun, 40, c => (c.State, c.Outcome, c.Findings, c.ConcludedOn) = (ComplaintState.Concluded, ComplaintOutcome.Verified, "属实", Today.AddYears(-2)));
        var year = new DateOnly(Today.Year, 1, 1);
        var all = await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.RegionCode.StartsWith("360922106"))
            .Select(c => new { c.State, c.Outcome, c.ConcludedOn, c.DecidedOn }).ToListAsync());
        int Closed(ComplaintOutcome o) => all.Count(c => c.State == ComplaintState.Concluded && c.Outcome == o && c.ConcludedOn >= year && c.ConcludedOn <= Today);
        var line = (await OverviewAsync(Discipline, "&period=year")).Rows.Items.Single(l => l.Code == Demo.Sanxing).Complaints!;
        line.Verified.ShouldBe(Closed(ComplaintOutcome.Verified));
        line.PartlyVerified.ShouldBe(Closed(ComplaintOutcome.PartlyVerified));
        line.Unfounded.ShouldBe(Closed(ComplaintOutcome.Unfounded));
        line.Refused.ShouldBe(all.Count(c => c.State == ComplaintState.Refused && c.DecidedOn >= year && c.DecidedOn <= Today));
        line.PartlyVerified.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_town_line_of_a_village_counts_its_findings_by_state()
    {
        await FindingAsync(await f.ApiAs(Discipline), Demo.Naoping);
        var findings = await f.WithSystemDb(db => db.Set<SupervisionFinding>().Where(x => x.RegionCode == Demo.Naoping).Select(x => new { x.State, x.Deadline }).ToListAsync());
        var line = (await OverviewAsync(Town)).Rows.Items.Single(l => l.Code == Demo.Naoping).Findings!;
        line.Open.ShouldBe(findings.Count(x => x.State == FindingState.Open));
        line.Rectifying.ShouldBe(findings.Count(x => x.State == FindingState.Rectifying));
        line.Rectified.ShouldBe(findings.Count(x => x.State == FindingState.Rectified));
        line.Overdue.ShouldBe(findings.Count(x => SupervisionRules.Overdue(x.State, x.Deadline, Today)));
        line.Open.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_town_lines_of_disclosure_match_each_villages_calendar()
    {
        var report = await OverviewAsync(Town, "&period=quarter");
        var calendar = await Read<DisclosureCalendarView>(await (await f.ApiAs(Town)).GetAsync(
            $"/api/v1/disclosure/calendar?from={report.From:yyyy-MM-dd}&to={report.To:yyyy-MM-dd}&pageSize=1"), HttpStatusCode.OK);
        report.Rows.Items.Select(l => $"{l.Code} {l.Disclosure!.Due} {l.Disclosure.OnTime} {l.Disclosure.Late} {l.Disclosure.Overdue} {l.Disclosure.Pending}")
            .ShouldBe(calendar.Villages.Select(v => $"{v.Code} {v.Pending + v.Overdue + v.Done} {v.Done - v.DoneLate} {v.DoneLate} {v.Overdue} {v.Pending}"));
        report.Total.Disclosure!.Due.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_county_line_of_a_town_sums_its_villages_disclosure()
    {
        var report = await OverviewAsync(County, "&period=month");
        var calendar = await Read<DisclosureCalendarView>(await (await f.ApiAs(County)).GetAsync(
            $"/api/v1/disclosure/calendar?region={Demo.Sanxing}&from={report.From:yyyy-MM-dd}&to={report.To:yyyy-MM-dd}&pageSize=1"), HttpStatusCode.OK);
        var line = report.Rows.Items.Single(l => l.Code == Demo.Sanxing).Disclosure!;
        line.Due.ShouldBe(calendar.Villages.Sum(v => v.Pending + v.Overdue + v.Done));
        line.Overdue.ShouldBe(calendar.Villages.Sum(v => v.Overdue));
        line.Late.ShouldBe(calendar.Villages.Sum(v => v.DoneLate));
        line.Due.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_town_sees_only_its_villages()
    {
        var report = await OverviewAsync(Town);
        report.Rows.Items.ShouldNotBeEmpty();
        report.Rows.Items.ShouldAllBe(l => l.Code.StartsWith("360922106"));
        (await (await f.ApiAs(Town)).GetAsync($"{Api}?region={Demo.Efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.ApiAs(Town)).GetAsync($"{Api}?region={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_county_drills_down_to_a_towns_villages()
    {
        var report = await OverviewAsync(County, $"&region={Demo.Sanxing}");
        report.Level.ShouldBe(Domain.Regions.RegionLevel.Town);
        report.Rows.Items.Select(l => l.Code).ShouldContain(Demo.Naoping);
        report.Rows.Items.ShouldAllBe(l => l.Code.StartsWith("360922106"));
    }

    [Theory]
    [InlineData(County)]
    [InlineData(Town)]
    [InlineData(Village)]
    public async Task Complaints_stay_hidden_from_all_but_discipline(string user)
    {
        var report = await OverviewAsync(user);
        report.Sections.Complaints.ShouldBeFalse();
        report.Total.Complaints.ShouldBeNull();
        report.Rows.Items.ShouldAllBe(l => l.Complaints == null);
        var html = await CunzhiFactory.Html(await (await f.PagesAs(user)).GetAsync("/Supervision/Overview"));
        html.QuerySelector("[data-testid=complaints]").ShouldBeNull();
    }

    [Fact]
    public async Task The_discipline_inspector_sees_every_part()
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs(Discipline)).GetAsync("/Supervision/Overview"));
        html.QuerySelector("[data-testid=disclosure]").ShouldNotBeNull();
        html.QuerySelector("[data-testid=complaints]").ShouldNotBeNull();
        html.QuerySelector("[data-testid=findings]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_village_sees_its_own_disclosure_without_findings()
    {
        var report = await OverviewAsync(Village);
        report.Code.ShouldBe(Demo.Naoping);
        report.Rows.Items.ShouldBeEmpty();
        report.Total.Disclosure.ShouldNotBeNull();
        report.Total.Findings.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("abc")]
    [InlineData("1999")]
    public async Task A_bad_period_is_refused_in_chinese(string period)
    {
        var r = await (await f.ApiAs(County)).GetAsync($"{Api}?period={Uri.EscapeDataString(period)}");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain(SupervisionOverviewRules.PeriodFormat);
    }

    [Fact]
    public async Task A_period_not_yet_begun_is_refused_on_the_page()
    {
        var r = await (await f.PagesAs(County)).GetAsync($"/Supervision/Overview?period={Today.Year + 1}");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CunzhiFactory.Html(r)).QuerySelector("[data-testid=error]")!.TextContent.ShouldContain(SupervisionOverviewRules.PeriodFuture);
    }

    [Fact]
    public async Task The_workbook_has_the_reports_numbers()
    {
        var report = await OverviewAsync(Discipline, "&period=year");
        var r = await (await f.PagesAs(Discipline)).GetAsync("/Supervision/Overview?handler=Export&period=year");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Features.Imports.XlsxDownload.ContentType);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
            doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["村务公开", "信访举报", "发现问题"]);
        var rows = XlsxFiles.Read(bytes);
        rows.Skip(1).Select(row => $"{row.GetString(0)} {Int(row, 1)} {Int(row, 2)} {Int(row, 3)} {Int(row, 4)}")
            .ShouldBe(report.Rows.Items.Append(report.Total with { Name = "合计" })
                .Select(l => $"{l.Name} {l.Disclosure!.Due} {l.Disclosure.OnTime} {l.Disclosure.Late} {l.Disclosure.Overdue}"));
    }

    private static int Int(XlsxRow row, int column) => row.TryGetInt(column, out var n) ? n : -1;

    [Theory]
    [InlineData(County, HttpStatusCode.OK)]
    [InlineData(Town, HttpStatusCode.OK)]
    [InlineData(Village, HttpStatusCode.OK)]
    [InlineData(Discipline, HttpStatusCode.OK)]
    [InlineData("coord.office", HttpStatusCode.Forbidden)]
    public async Task Who_may_read_the_overview(string user, HttpStatusCode expected)
    {
        (await (await f.ApiAs(user)).GetAsync(Api)).StatusCode.ShouldBe(expected);
        (await (await f.ApiAs(user)).GetAsync($"{Api}/export")).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData(County, true)]
    [InlineData(Town, true)]
    [InlineData(Village, true)]
    [InlineData(Discipline, true)]
    [InlineData("coord.office", false)]
    public async Task The_navigation_links_the_overview_for_whom_may_read_it(string user, bool linked)
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs(user)).GetAsync("/"));
        (html.QuerySelector("a[href='/Supervision/Overview']") is not null).ShouldBe(linked);
    }
}

public sealed class SupervisionOverviewTests_Sqlite(SqliteFactory f) : SupervisionOverviewTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SupervisionOverviewTests_Postgres(PostgresFactory f) : SupervisionOverviewTests<PostgresFactory>(f);
