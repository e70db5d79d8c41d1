using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Region scope on every endpoint and page built so far: a TownAdmin of 三兴镇 reaches its own
/// town's rows and gets 403/404 for 鹅峰乡's, reading and writing. Each case runs against both towns,
/// so a broken route cannot pass as "denied".
/// </summary>
public abstract class ScopeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    public sealed record Case(string Name, HttpMethod Method, string Url, object? Body = null);

    /// <summary>
    /// {village}, {town}, {household} and {resident} are filled with the own town's or the other town's rows; {villageVersion},
    /// {householdVersion} and {residentVersion} with those rows' current versions (a PUT must send the version it edits).
    /// </summary>
    public static TheoryData<string> ApiCases => new(ApiTable.Select(c => c.Name));

    private static readonly Case[] ApiTable =
    [
        new("region", HttpMethod.Get, "/api/v1/regions/{town}"),
        new("village", HttpMethod.Get, "/api/v1/regions/{village}"),
        new("children", HttpMethod.Get, "/api/v1/regions/{town}/children"),
        new("stats", HttpMethod.Get, "/api/v1/regions/{village}/stats"),
        new("households", HttpMethod.Get, "/api/v1/regions/{village}/households"),
        new("household", HttpMethod.Get, "/api/v1/households/{household}"),
        new("rename", HttpMethod.Put, "/api/v1/regions/{village}", new { name = "测试改名村", version = "{villageVersion}" }),
        new("create-group", HttpMethod.Post, "/api/v1/regions/{village}/children", new { level = "VillagerGroup", name = "测试组" }),
        new("update-household", HttpMethod.Put, "/api/v1/households/{household}", new { headName = "测试户主", address = "测试地址", version = "{householdVersion}" }),
        new("create-household", HttpMethod.Post, "/api/v1/regions/{village}/households", new { number = "{unique}", headName = "新户主" }),
        new("add-resident", HttpMethod.Post, "/api/v1/households/{household}/residents", new { name = "新成员", gender = "Female", birthDate = "1990-05-01", relation = "女" }),
        new("update-resident", HttpMethod.Put, "/api/v1/residents/{resident}", new { name = "改名成员", gender = "Male", birthDate = "1980-01-01", relation = "户主", version = "{residentVersion}" }),
        new("delete-resident", HttpMethod.Delete, "/api/v1/residents/{resident}"),
    ];

    private async Task<string> Fill(string url, bool own)
    {
        var village = own ? Demo.Sanxingcun : Demo.Dongxi;
        var town = own ? Demo.Sanxing : Demo.Efeng;
        var household = await f.FirstHouseholdAsync(village);
        var resident = await f.WithSystemDb(db => db.Residents.Where(r => r.RegionCode == village).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        foreach (var (name, version) in new[]
                 {
                     ("villageVersion", await f.WithSystemDb(db => db.Regions.Where(r => r.Code == village).Select(r => r.RowVersion).SingleAsync())),
                     ("householdVersion", await f.WithSystemDb(db => db.Households.Where(h => h.Id == household).Select(h => h.RowVersion).SingleAsync())),
                     ("residentVersion", await f.WithSystemDb(db => db.Residents.Where(r => r.Id == resident).Select(r => r.RowVersion).SingleAsync())),
                 })
            url = url.Replace($"\"{{{name}}}\"", version.ToString()).Replace($"{{{name}}}", version.ToString()); // a JSON number, or a form value
        return url.Replace("{village}", village).Replace("{town}", town).Replace("{household}", household.ToString()).Replace("{resident}", resident.ToString())
            .Replace("{unique}", Guid.NewGuid().ToString("N")[..8]);
    }

    [Theory, MemberData(nameof(ApiCases))]
    public async Task Api_town_admin_is_confined_to_own_town(string name)
    {
        var c = ApiTable.Single(x => x.Name == name);
        var api = await f.ApiAs("town.sanxing");
        foreach (var own in new[] { true, false })
        {
            var request = new HttpRequestMessage(c.Method, await Fill(c.Url, own));
            if (c.Body is not null) request.Content = new StringContent(await Fill(System.Text.Json.JsonSerializer.Serialize(c.Body), own), System.Text.Encoding.UTF8, "application/json");
            var response = await api.SendAsync(request);
            if (own) ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{name} 本镇应可访问：{await response.Content.ReadAsStringAsync()}");
            else
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{name} 外镇应被拒绝");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }
        }
    }

    public static TheoryData<string> PageCases => new(PageTable.Select(c => c.Name));

    private static readonly (string Name, string Url, Dictionary<string, string>? Form)[] PageTable =
    [
        ("region", "/Regions?code={town}", null),
        ("village", "/Regions?code={village}", null),
        ("households", "/Regions/Households?code={village}", null),
        ("household", "/Regions/Household?id={household}", null),
        ("edit", "/Regions/Edit?code={village}", null),
        ("create", "/Regions/Create?parent={village}", null),
        ("edit-post", "/Regions/Edit?code={village}", new() { ["Name"] = "测试改名村", ["Version"] = "{villageVersion}" }),
        ("create-post", "/Regions/Create?parent={village}", new() { ["Level"] = "Grid", ["Name"] = "测试网格" }),
        ("household-post", "/Regions/Household?id={household}", new() { ["HeadName"] = "测试户主", ["Version"] = "{householdVersion}" }),
        ("household-create", "/Regions/HouseholdCreate?code={village}", null),
        ("household-create-post", "/Regions/HouseholdCreate?code={village}", new() { ["Number"] = "{unique}", ["HeadName"] = "新户主" }),
        ("add-resident-post", "/Regions/Household?id={household}&handler=AddResident", new() { ["NewMember.Name"] = "新成员", ["NewMember.Gender"] = "Female", ["NewMember.BirthDate"] = "1990-05-01" }),
        ("resident", "/Regions/Resident?id={resident}", null),
        ("resident-post", "/Regions/Resident?id={resident}", new() { ["Member.Name"] = "改名成员", ["Member.Gender"] = "Male", ["Member.BirthDate"] = "1980-01-01", ["Member.Version"] = "{residentVersion}" }),
        ("resident-remove", "/Regions/Resident?id={resident}&handler=Remove", new() { }),
    ];

    [Theory, MemberData(nameof(PageCases))]
    public async Task Page_town_admin_is_confined_to_own_town(string name)
    {
        var (_, url, form) = PageTable.Single(x => x.Name == name);
        var client = await f.PagesAs("town.sanxing");
        // An antiforgery token from a page the account may see, used against both towns.
        var tokenPage = await CunzhiFactory.Html(await client.GetAsync($"/Regions/Edit?code={Demo.Sanxingcun}"));
        var token = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var own in new[] { true, false })
        {
            var target = await Fill(url, own);
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
            foreach (var (key, value) in form ?? []) fields[key] = await Fill(value, own);
            var response = form is null ? await client.GetAsync(target) : await client.PostAsync(target, new FormUrlEncodedContent(fields));
            if (own) ((int)response.StatusCode).ShouldBeOneOf([200, 302], $"{name} 本镇应可访问");
            else
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{name} 外镇应被拒绝");
                (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=error-page]").ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public async Task Lists_show_only_the_accounts_region()
    {
        var api = await f.ApiAs("town.sanxing");
        var root = await api.GetFromJsonAsync<Features.Regions.RegionView>("/api/v1/regions", CunzhiFactory.Json);
        root!.Code.ShouldBe(Demo.Sanxing);
        var html = await (await f.PagesAs("town.sanxing")).GetStringAsync($"/Regions?code={Demo.Sanxing}");
        html.ShouldContain("闹坪村");
        html.ShouldNotContain("东溪村");
        var audit = await (await f.ApiAs("discipline")).GetStringAsync("/api/v1/audit?pageSize=200");
        audit.ShouldContain("\"total\"");
    }

    [Fact]
    public async Task Village_cadre_sees_only_own_village()
    {
        var api = await f.ApiAs("village.naoping");
        (await api.GetAsync($"/api/v1/regions/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/regions/{Demo.Sanxingcun}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/regions/{Demo.Sanxing}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Data_context_refuses_to_write_a_row_outside_scope_even_when_loaded_around_the_filters()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "t"), new Claim(ClaimTypes.Name, "t"), new Claim(CunzhiClaims.Region, Demo.Sanxing)], "test")),
        };
        var db = scope.ServiceProvider.GetRequiredService<Cunzhi.Data.AppDbContext>();
        (await db.Regions.AnyAsync(r => r.Code == Demo.Dongxi)).ShouldBeFalse("外镇的村不应被读到");
        var other = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == Demo.Dongxi);
        other.Name = "越权修改";
        await Should.ThrowAsync<RegionScopeViolationException>(() => db.SaveChangesAsync());
        http.HttpContext = null;
    }
}

public sealed class ScopeTests_Sqlite(SqliteFactory f) : ScopeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ScopeTests_Postgres(PostgresFactory f) : ScopeTests<PostgresFactory>(f);
