using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>Issue #15 item 5, case by case: what used to be a 500 or an English/wrong answer is a Chinese 400/415.</summary>
public abstract class MalformedInputTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Monday = China.Today.AddDays(-(((int)China.Today.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    [Theory]
    [InlineData("village.naoping", "PUT", "/api/v1/tasks/weekly", """{"week":"{monday}","items":[null]}""", "items")]
    [InlineData("county.admin", "POST", "/api/v1/ranks/grading", """{"effectiveFrom":"2026-01-01","reason":"定级","items":[null]}""", "items")]
    [InlineData("town.sanxing", "PUT", "/api/v1/assessment/annual/2025/ratings", """{"items":[null]}""", "items")]
    [InlineData("town.sanxing", "PUT", "/api/v1/assessment/reviews", """{"kind":"Monthly","year":2025,"period":1,"rows":[null]}""", "rows")]
    [InlineData("county.admin", "PUT", "/api/v1/assessment/templates/draft", """{"kind":"Monthly","title":"月度","indicators":[null]}""", "indicators")]
    [InlineData("town.sanxing", "PUT", "/api/v1/pay/rewards/income/1/shares", """{"items":[null]}""", "items")]
    [InlineData("county.admin", "PUT", "/api/v1/ranks/policy/draft", """{"allowanceStepFen":10000,"minimumRating":"Competent","pointsSteps":[null],"vetoReasons":["履职不力",null]}""", "pointsSteps")]
    public async Task A_null_element_in_a_list_body_is_refused_with_400_naming_the_field(string user, string method, string url, string body, string field)
    {
        var api = await f.ApiAs(user);
        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body.Replace("{monday}", Monday)) });
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe($"字段 {field} 的第 1 项为空（null），请删除或填写该项");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/v1/burden/meter?month=9999-12", "月份须在 2000-01 至 2100-12 之间")]
    [InlineData("/api/v1/burden/meter?month=0001-01-01", "月份须在 2000-01 至 2100-12 之间")]
    [InlineData("/api/v1/assessment/reviews/Monthly?year=99999&period=1", "年份须在 2000 至 2100 之间")]
    [InlineData("/api/v1/assessment/reviews/Monthly?year=2025&period=13", "月份须在 1 至 12 之间")]
    [InlineData("/api/v1/assessment/reviews/Quarterly?year=2025&period=5", "季度须在 1 至 4 之间")]
    [InlineData("/api/v1/forms/counts?village=" + Demo.Naoping + "&month=9999-12", "月份须在 2000-01 至 2100-12 之间")]
    [InlineData("/api/v1/tasks/weekly?week=0001-01-01", "日期须在 2000-01-01 至 2100-12-31 之间")]
    [InlineData("/api/v1/tasks/board?week=9999-12-31", "日期须在 2000-01-01 至 2100-12-31 之间")]
    [InlineData("/api/v1/audit?from=0001-01-01", "日期须在 2000-01-01 至 2100-12-31 之间")]
    public async Task A_year_month_week_or_period_out_of_range_is_400_with_the_range(string url, string message)
    {
        var api = await f.ApiAs("county.admin");
        var problem = await Problem(await api.GetAsync(url), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe(message);
        problem.GetProperty("title").GetString().ShouldBe("提交的数据有误");
    }

    [Fact]
    public async Task A_bad_query_value_is_400_naming_the_parameter_not_the_framework_message()
    {
        var api = await f.ApiAs("county.admin");
        var problem = await Problem(await api.GetAsync($"/api/v1/regions/{Demo.Naoping}/children?page=abc"), HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("提交的数据有误");
        problem.GetProperty("detail").GetString().ShouldBe("参数 page 的值无效");
    }

    [Fact]
    public async Task Bad_json_is_400_in_Chinese()
    {
        var api = await f.ApiAs("county.admin");
        var bad = await Problem(await api.PostAsync($"/api/v1/regions/{Demo.Naoping}/households", Json("{\"number\": ")), HttpStatusCode.BadRequest);
        bad.GetProperty("title").GetString().ShouldBe("请求有误");
        bad.GetProperty("detail").GetString()!.ShouldStartWith("请求体不是有效的 JSON");
    }

    [Fact]
    public async Task A_missing_body_is_400_in_Chinese()
    {
        var api = await f.ApiAs("county.admin");
        var none = await Problem(await api.PostAsync($"/api/v1/regions/{Demo.Naoping}/households", null), HttpStatusCode.BadRequest);
        none.GetProperty("detail").GetString().ShouldBe("缺少请求体：请以 JSON 提交");
    }

    [Fact]
    public async Task The_wrong_content_type_is_415_with_a_Chinese_title()
    {
        var api = await f.ApiAs("county.admin");
        var problem = await Problem(await api.PostAsync($"/api/v1/regions/{Demo.Naoping}/households", Json("{}", "text/plain")), HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("title").GetString().ShouldBe("不支持的内容类型");
        problem.GetProperty("detail").GetString().ShouldBe("不支持此内容类型（Content-Type）：请以 application/json 提交");
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"Nope\"")]
    public async Task An_enum_value_outside_the_enum_is_refused_with_400(string origin)
    {
        var api = await f.ApiAs("county.admin");
        var before = await f.WithSystemDb(db => db.Cadres.CountAsync());
        var body = $$"""{"regionCode":"{{Demo.Naoping}}","name":"枚举测试","nationalId":"","educationCode":"senior","isPartyMember":true,"postCode":"member","startDate":"2024-01-01","origin":{{origin}},"isProfessionalSecretary":false}""";
        var problem = await Problem(await api.PostAsync("/api/v1/cadres", Json(body)), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldMatch("^(字段 origin 的取值无效|请求体不是有效的 JSON)");
        (await f.WithSystemDb(db => db.Cadres.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("张\u202E三")]
    [InlineData("张\u0000三")]
    [InlineData("张\u0007三")]
    public async Task Control_or_bidi_characters_in_a_name_are_refused_on_the_api(string name)
    {
        var api = await f.ApiAs("county.admin");
        var number = "CTRL" + Guid.NewGuid().ToString("N")[..8];
        var household = await Problem(await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/households", new { number, headName = name }),
            HttpStatusCode.BadRequest);
        household.GetProperty("detail").GetString().ShouldBe("字段 headName 含有不允许的控制字符或文字方向控制符，请删除后重试");
        var cadre = await Problem(await api.PostAsJsonAsync("/api/v1/cadres", new { regionCode = Demo.Naoping, name, postCode = "member", startDate = "2024-01-01" }),
            HttpStatusCode.BadRequest);
        cadre.GetProperty("detail").GetString().ShouldBe("字段 name 含有不允许的控制字符或文字方向控制符，请删除后重试");
        (await f.WithSystemDb(db => db.Households.CountAsync(h => h.Number == number))).ShouldBe(0);
    }

    [Fact]
    public async Task A_control_character_in_a_search_is_400_on_the_api()
    {
        var api = await f.ApiAs("county.admin");
        var problem = await Problem(await api.GetAsync("/api/v1/cadres?q=%E5%BC%A0%00"), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe("参数 q 含有不允许的控制字符或文字方向控制符，请删除后重试");
    }

    [Fact]
    public async Task A_control_character_in_a_search_is_400_on_the_page()
    {
        var pages = await f.PagesAs("county.admin");
        var page = await pages.GetAsync("/Cadres?q=%E5%BC%A0%00");
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("请求有误");
    }

    [Fact]
    public async Task A_sign_in_with_a_100000_character_user_name_is_refused_as_a_failed_sign_in()
    {
        var response = await f.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = new string('长', 100_000), password = "x" });
        var problem = await Problem(response, HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().ShouldBe("账号或密码错误");
    }

    [Fact]
    public async Task A_page_number_past_the_last_row_offset_answers_an_empty_page()
    {
        var api = await f.ApiAs("county.admin");
        var response = await api.GetAsync("/api/v1/assessment/ledger?page=2147483647");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_still_accepted_in_text()
    {
        var api = await f.ApiAs("county.admin");
        var response = await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/households",
            new { number = "T" + Guid.NewGuid().ToString("N")[..8], headName = "李四", address = "一组\r\n二号\t门" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bidi_override_in_a_household_name_is_refused_on_the_page()
    {
        var client = await f.PagesAs("town.sanxing");
        var number = "P" + Guid.NewGuid().ToString("N")[..8];
        var response = await CunzhiFactory.PostFormAsync(client, $"/Regions/HouseholdCreate?code={Demo.Naoping}",
            new() { ["Number"] = number, ["HeadName"] = "王\u202E五" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("含有不允许的控制字符或文字方向控制符");
        (await f.WithSystemDb(db => db.Households.CountAsync(h => h.Number == number))).ShouldBe(0);
    }

    [Fact]
    public async Task A_broken_multipart_body_on_the_ledger_upload_is_400()
    {
        var api = await f.ApiAs("town.sanxing");
        var content = new StringContent("--XYZ\r\nContent-Disposition: form-data; name=\"cadreId\"\r\n\r\n1\r\n--XYZ\r\nContent-Disposition: form-da", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
        var problem = await Problem(await api.PostAsync("/api/v1/assessment/ledger", content), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe("表单数据格式有误，请重新上传");
    }

    [Theory]
    [InlineData("/Burden/Meter?month=9999-12")]
    [InlineData("/Tasks/Weekly?week=0001-01-01")]
    [InlineData("/Tasks/Board?week=0001-01-01")]
    [InlineData("/Audit?from=0001-01-01&to=9999-12-31")]
    public async Task A_page_with_an_out_of_range_query_value_answers_400_not_500(string url)
    {
        var client = await f.PagesAs("county.admin");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请求有误");
    }
}

public sealed class MalformedInputTests_Sqlite(SqliteFactory f) : MalformedInputTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MalformedInputTests_Postgres(PostgresFactory f) : MalformedInputTests<PostgresFactory>(f);

/// <summary>Production answers binding failures the same way (its default would be a bare 400 without detail).</summary>
public sealed class MalformedInputTests_SqliteProduction(SqliteProductionFactory f) : MalformedInputTests<SqliteProductionFactory>(f);
