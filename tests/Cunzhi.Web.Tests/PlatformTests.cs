using System.Net;
using System.Text.Json;
using Cunzhi.Web.Infrastructure.Cli;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>Health, the API document, language, the CLI verbs and the demo generator.</summary>
public abstract class PlatformTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await f.Anonymous().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("healthy");
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        using var doc = JsonDocument.Parse(await f.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldContain("/api/v1/me");
        paths.ShouldContain("/api/v1/regions/{code}/children");
        paths.ShouldContain("/api/v1/households/{id}");
        paths.ShouldContain("/api/v1/audit/verify");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme()
    {
        using var doc = JsonDocument.Parse(await f.Anonymous().GetStringAsync("/openapi/v1.json"));
        doc.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_docs_page_is_served() =>
        (await f.Anonymous().GetAsync("/api-docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Errors_are_problem_details_with_Chinese_titles()
    {
        var api = await f.ApiAs("county.admin");
        var missing = await api.GetAsync("/api/v1/regions/360922999999");
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var doc = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
        doc.RootElement.GetProperty("title").GetString().ShouldBe("未找到");
    }

    [Fact]
    public async Task Denials_are_problem_details_too()
    {
        var unauthenticated = await f.Anonymous().GetAsync("/api/v1/regions");
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unauthenticated.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await unauthenticated.Content.ReadAsStringAsync()).ShouldContain("请先登录");
        var forbidden = await (await f.ApiAs("village.naoping")).GetAsync("/api/v1/audit");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await forbidden.Content.ReadAsStringAsync()).ShouldContain("无权访问");
    }

    [Fact]
    public async Task Pages_speak_Chinese_by_default()
    {
        var client = await f.PagesAs("county.admin");
        (await client.GetStringAsync("/")).ShouldContain("区划与农户");
    }

    [Fact]
    public async Task Pages_speak_English_when_chosen()
    {
        var client = await f.PagesAs("county.admin");
        var english = await client.GetStringAsync("/?culture=en");
        english.ShouldContain("Regions &amp; households");
        english.ShouldContain("lang=\"en\"");
    }

    [Fact]
    public async Task Unknown_pages_show_the_Chinese_error_page()
    {
        var client = await f.PagesAs("county.admin");
        var response = await client.GetAsync("/no-such-page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("未找到");
    }

    private async Task<(int Code, string Output)> Verb(params string[] args)
    {
        var output = new StringWriter();
        var code = await CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<IConfiguration>(), args[0], args, output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Create_admin_binds_a_county_admin_to_a_county()
    {
        await CreateCountyAdminAsync();
    }

    /// <summary>A county admin made by create-admin (password Strong-pass-2026), who can sign in.</summary>
    private async Task<string> CreateCountyAdminAsync()
    {
        var name = $"admin{Guid.NewGuid():N}"[..14];
        var ok = await Verb("create-admin", "--user", name, "--password", "Strong-pass-2026", "--region", Demo.County, "--name", "县管理员");
        ok.Code.ShouldBe(0, ok.Output);
        await f.PagesAs(name, "Strong-pass-2026");
        return name;
    }

    [Fact]
    public async Task Create_admin_with_role_province_binds_a_statistics_reader_to_a_province()
    {
        var name = $"prov{Guid.NewGuid():N}"[..14];
        var ok = await Verb("create-admin", "--role", "province", "--user", name, "--password", "Strong-pass-2026", "--region", "360000000000", "--name", "省统计");
        ok.Code.ShouldBe(0, ok.Output);
        ok.Output.ShouldContain("江西省");
        var client = await f.PagesAs(name, "Strong-pass-2026");
        (await client.GetAsync("/Matters/Stats")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var county = await Verb("create-admin", "--role", "province", "--user", name + "x", "--password", "Strong-pass-2026", "--region", Demo.County);
        county.Output.ShouldContain("只能绑定到省(自治区、直辖市)");
        var empty = await Verb("create-admin", "--role", "province", "--user", name + "y", "--password", "Strong-pass-2026", "--region", "430000000000");
        empty.Output.ShouldContain("湖南省还没有任何县的区划");
        (await Verb("create-admin", "--role", "town", "--user", name + "z", "--password", "Strong-pass-2026", "--region", Demo.County)).Output.ShouldContain("--role 只能是");
    }

    [Fact]
    public async Task Create_admin_refuses_anything_but_a_new_county_admin_with_a_good_password()
    {
        var name = await CreateCountyAdminAsync();
        var town = await Verb("create-admin", "--user", name + "x", "--password", "Strong-pass-2026", "--region", Demo.Sanxing);
        town.Code.ShouldBe(1);
        town.Output.ShouldContain("只能绑定到县(区)");
        var weak = await Verb("create-admin", "--user", name + "y", "--password", "weak", "--region", Demo.County);
        weak.Code.ShouldBe(1);
        weak.Output.ShouldContain("密码至少需要 10 个字符");
        var duplicate = await Verb("create-admin", "--user", name, "--password", "Strong-pass-2026", "--region", Demo.County);
        duplicate.Output.ShouldContain("已存在");
        (await Verb("create-admin", "--user", "only")).Output.ShouldContain("需要 --user、--password 和 --region");
        var missingRegion = await Verb("create-admin", "--user", name + "z", "--password", "Strong-pass-2026", "--region", "430102000000");
        missingRegion.Output.ShouldContain("不存在");
    }

    [Fact]
    public async Task Migrate_and_seed_demo_are_idempotent()
    {
        var regions = await f.WithSystemDb(db => db.Regions.CountAsync());
        (await Verb("migrate")).Code.ShouldBe(0);
        var seed = await Verb("seed-demo");
        seed.Code.ShouldBe(0);
        seed.Output.ShouldContain("跳过");
        (await f.WithSystemDb(db => db.Regions.CountAsync())).ShouldBe(regions);
        (await f.WithSystemDb(db => db.ReferenceItems.CountAsync())).ShouldBe(Domain.Common.ReferenceData.All.Count());
        (await f.WithSystemDb(db => db.Roles.CountAsync())).ShouldBe(Domain.Accounts.Roles.All.Count);
    }

    [Fact]
    public async Task Demo_county_is_the_real_Wanzai_with_every_demo_account_bound_to_its_region()
    {
        var towns = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.Level == Domain.Regions.RegionLevel.Town));
        var villages = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.Level == Domain.Regions.RegionLevel.Village));
        (towns, villages).ShouldBe((18, 208));
        await using var scope = f.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Cunzhi.Data.Security.AppUser>>();
        foreach (var a in DemoSeeder.DemoAccounts)
        {
            var user = await users.FindByNameAsync(a.UserName);
            user.ShouldNotBeNull(a.UserName);
            user.RegionCode.ShouldBe(a.RegionCode);
            (await users.GetRolesAsync(user)).ShouldBe([a.Role]);
        }
    }
}

public sealed class PlatformTests_Sqlite(SqliteFactory f) : PlatformTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PlatformTests_Postgres(PostgresFactory f) : PlatformTests<PostgresFactory>(f);

/// <summary>The generator alone (no database): fixed seed, same data.</summary>
public sealed class DemoGeneratorTests
{
    private static DemoGenerator Generator(int households = 20) =>
        new(new DemoOptions { HouseholdsPerVillage = households }, Divisions.Wanzai().ToList());

    [Fact]
    public void The_same_options_give_the_same_people()
    {
        var a = Generator().Households(1, 1).Take(500).SelectMany(h => h.Residents.Select(r => (h.Number, h.HeadName, r.Name, r.BirthDate))).ToList();
        var b = Generator().Households(1, 1).Take(500).SelectMany(h => h.Residents.Select(r => (h.Number, h.HeadName, r.Name, r.BirthDate))).ToList();
        a.ShouldBe(b);
        Generator().Cadres(1).Select(c => (c.Cadre.Name, c.NationalId)).ShouldBe(Generator().Cadres(1).Select(c => (c.Cadre.Name, c.NationalId)));
    }

    [Fact]
    public void Villages_get_about_seven_cadres_each_led_by_a_secretary()
    {
        var all = Generator().Cadres(1).ToList();
        var byVillage = all.Select(g => g.Cadre).Where(c => c.Origin == Domain.Cadres.CadreOrigin.Elected).GroupBy(c => c.RegionCode).ToList();
        byVillage.Count.ShouldBe(208);
        byVillage.Average(g => g.Count()).ShouldBeInRange(6.0, 8.0);
        byVillage.ShouldAllBe(g => g.Count(c => c.PostCode == "secretary" || c.PostCode == "secretary-director") == 1);
        all.Count(g => g.Cadre.PostCode == "first-secretary").ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Generated_cadres_carry_unique_id_numbers() =>
        Generator().Cadres(1).Select(g => g.NationalId).ShouldBeUnique();

    [Fact]
    public void Generated_cadres_pass_the_registrys_own_checks()
    {
        var all = Generator().Cadres(1).ToList();
        foreach (var g in all)
        {
            var check = Domain.Identity.NationalId.Parse(g.NationalId, new DateOnly(2026, 11, 21));
            check.IsValid.ShouldBeTrue(string.Join(",", check.Errors));
            Domain.Identity.NationalId.AgreesWith(check, g.Cadre.BirthDate, g.Cadre.Gender).ShouldBeEmpty();
            Domain.Identity.MobilePhone.Parse(g.Phone).IsValid.ShouldBeTrue(g.Phone);
            g.Cadre.Posts.Single().PostCode.ShouldBe(g.Cadre.PostCode);
        }
    }

    [Fact]
    public void Generated_households_stay_within_their_village()
    {
        var households = Generator().Households(100, 1000).ToList();
        households.ShouldAllBe(h => h.GroupCode!.StartsWith(h.RegionCode) && h.GridCode!.StartsWith(h.RegionCode));
        households.Select(h => h.Id).ShouldBeUnique();
    }

    [Fact]
    public void Generated_members_point_at_their_household()
    {
        var households = Generator().Households(100, 1000).ToList();
        households.Average(h => h.Residents.Count).ShouldBeInRange(2.5, 4.5);
        households.SelectMany(h => h.Residents.Select(r => r.HouseholdId == h.Id)).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Committee_suffixes_are_dropped_from_statistical_names()
    {
        Divisions.ShortName("闹坪村委会").ShouldBe("闹坪村");
        Divisions.ShortName("西门社区居委会").ShouldBe("西门社区");
        Divisions.ShortName("东溪村民委员会").ShouldBe("东溪村");
        Divisions.ShortName("工业园区虚拟社区").ShouldBe("工业园区虚拟社区");
    }
}
