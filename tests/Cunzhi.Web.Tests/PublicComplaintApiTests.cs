using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Features.Complaints;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 信访举报的公开接口 (/api/v1/public/complaints, no account): filing answers the receipt code once and the code (in the
/// body) opens the progress; a flood of filings and guessing codes are refused with the pages' own limits, counted together
/// with the pages; bad JSON and missing fields are 400 in Chinese; a village outside the chosen town is refused.
/// </summary>
public abstract class PublicComplaintApiTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/public/complaints";

    private HttpClient Reporter()
    {
        f.Services.GetRequiredService<ComplaintFilingGuard>().Reset();
        f.Services.GetRequiredService<BallotGuard>().Reset();
        return f.Anonymous();
    }

    private static Task<HttpResponseMessage> FileAsync(HttpClient client, string subject, string region = Demo.Naoping, string? town = null) =>
        client.PostAsJsonAsync(Url, new { town, region, category = "WorkStyle", subject });

    private static async Task<string> CodeAsync(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PublicComplaintFiled>(CunzhiFactory.Json))!.ReceiptCode;
    }

    [Fact]
    public async Task An_anonymous_filing_is_stored_without_a_reporter()
    {
        await CodeAsync(await FileAsync(Reporter(), "接口匿名举报测试"));
        var stored = await f.WithSystemDb(db => db.Set<Complaint>().SingleAsync(c => c.Subject == "接口匿名举报测试"));
        (stored.RegionCode, stored.Anonymous).ShouldBe((Demo.Naoping, true));
    }

    [Fact]
    public async Task The_receipt_code_opens_the_progress()
    {
        var client = Reporter();
        var code = await CodeAsync(await FileAsync(client, "接口进度查询测试"));
        var r = await client.PostAsJsonAsync($"{Url}/progress", new { code });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var progress = (await r.Content.ReadFromJsonAsync<ComplaintProgress>(CunzhiFactory.Json))!;
        (progress.Subject, progress.State).ShouldBe(("接口进度查询测试", ComplaintState.Received));
    }

    [Fact]
    public async Task A_wrong_code_is_not_found_in_chinese()
    {
        var r = await Reporter().PostAsJsonAsync($"{Url}/progress", new { code = "2222-2222-2222" });
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await r.Content.ReadAsStringAsync()).ShouldContain("回执码无效");
    }

    [Fact]
    public async Task Guessing_codes_locks_the_address_out()
    {
        var client = Reporter();
        for (var i = 0; i < 10; i++) await client.PostAsJsonAsync($"{Url}/progress", new { code = $"2222-2222-22A{"ABCDEFGHJK"[i]}" });
        var r = await client.PostAsJsonAsync($"{Url}/progress", new { code = "3333-3333-3333" });
        r.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await r.Content.ReadAsStringAsync()).ShouldContain("输错回执码的次数过多");
    }

    [Fact]
    public async Task A_flood_of_filings_from_one_address_is_refused()
    {
        var client = Reporter();
        for (var i = 0; i < 5; i++) await CodeAsync(await FileAsync(client, $"接口同一地址第 {i} 次举报"));
        var r = await FileAsync(client, "接口同一地址第 6 次举报");
        r.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await r.Content.ReadAsStringAsync()).ShouldContain("提交举报过于频繁");
    }

    [Fact]
    public async Task Filings_on_the_page_count_against_the_api()
    {
        var client = Reporter();
        for (var i = 0; i < 5; i++)
            (await CunzhiFactory.PostFormAsync(client, "/Jubao", new() { ["Region"] = Demo.Naoping, ["Category"] = "WorkStyle", ["Subject"] = $"网页第 {i} 次举报", ["Anonymous"] = "true" },
                "handler=File")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FileAsync(client, "网页之后的接口举报")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_in_chinese()
    {
        var r = await Reporter().PostAsync(Url, new StringContent("{\"region\": ", System.Text.Encoding.UTF8, "application/json"));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldMatch(@"[\u4e00-\u9fff]");
    }

    [Fact]
    public async Task A_filing_without_a_subject_is_a_400_in_chinese()
    {
        var r = await Reporter().PostAsJsonAsync(Url, new { region = Demo.Naoping, category = "WorkStyle" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写举报内容");
    }

    [Fact]
    public async Task A_progress_request_without_a_code_is_a_400_in_chinese()
    {
        var r = await Reporter().PostAsJsonAsync($"{Url}/progress", new { });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写回执码");
    }

    [Fact]
    public async Task A_village_outside_the_chosen_town_is_refused()
    {
        var r = await FileAsync(Reporter(), "接口跨乡镇举报", region: Demo.Dongxi, town: Demo.Sanxing);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("所选的村不在所选的乡镇");
    }
}

public sealed class PublicComplaintApiTests_Sqlite(SqliteFactory f) : PublicComplaintApiTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PublicComplaintApiTests_Postgres(PostgresFactory f) : PublicComplaintApiTests<PostgresFactory>(f);
