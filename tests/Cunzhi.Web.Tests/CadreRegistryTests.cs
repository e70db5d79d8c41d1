using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The cadre registry: registration from an ID number, history, departure, search, and personal-data protection.</summary>
public abstract class CadreRegistryTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static int _sequence = 100;

    /// <summary>A valid, unused ID number (sequence numbers above the generator's reach are avoided by a fixed 1950s birth year).</summary>
    private static string NewId(Gender g = Gender.Female) =>
        NationalId.Compose("360922", new DateOnly(1958, 4, 1).AddDays(Interlocked.Increment(ref _sequence)), 500, g);

    private static object NewCadre(string id, string village = Demo.Naoping, string name = "钟秀英", string? phone = "13907951234", string? birth = null, string? gender = null) => new
    {
        regionCode = village, name, nationalId = id, birthDate = birth, gender, phone, educationCode = "college", isPartyMember = true,
        postCode = "committee-member", startDate = "2024-03-01", term = 12, origin = "Elected",
    };

    private async Task<CadreDetail> Register(HttpClient api, string id, string village = Demo.Naoping)
    {
        var response = await api.PostAsJsonAsync("/api/v1/cadres", NewCadre(id, village));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json))!;
    }

    [Fact]
    public async Task Birth_date_and_gender_come_from_the_id_number()
    {
        var api = await f.ApiAs("town.sanxing");
        var id = NewId(Gender.Female);
        var cadre = await Register(api, id);
        cadre.Cadre.Gender.ShouldBe(Gender.Female);
        cadre.Cadre.BirthDate.ShouldBe(NationalId.Parse(id, new DateOnly(2026, 1, 1)).BirthDate!.Value);
        cadre.Cadre.NationalIdMasked.ShouldBe(NationalId.Mask(id));
        cadre.Cadre.PhoneMasked.ShouldBe("139****1234");
        cadre.Posts.Single().EndDate.ShouldBeNull();
    }

    [Fact]
    public async Task The_id_number_is_stored_only_encrypted()
    {
        var api = await f.ApiAs("town.sanxing");
        var id = NewId(Gender.Female);
        var cadre = await Register(api, id);
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == cadre.Cadre.Id));
        stored.NationalIdCipher.ShouldNotBeNull();
        stored.NationalIdCipher.ShouldNotContain(id);
        stored.NationalIdHash!.Length.ShouldBe(64);
        var audit = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == "Cadre" && a.EntityKey == cadre.Cadre.Id.ToString()).Select(a => a.After).ToListAsync());
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(a => NationalId.FindAllValidIn(a!).Count == 0 && !a!.Contains("13907951234"));
    }

    [Fact]
    public async Task Every_bad_number_or_disagreement_is_reported_in_Chinese()
    {
        var api = await f.ApiAs("town.sanxing");
        var good = NewId(Gender.Male);
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var cases = new (object Body, string[] Expected)[]
        {
            (NewCadre(wrongCheck), ["校验"]),
            (NewCadre("360922580401123"), ["15 位旧身份证号已停止使用"]),
            (NewCadre(good, birth: "1960-01-01", gender: "Female"), ["出生日期与身份证号不符", "性别与身份证号不符"]),
            (NewCadre(good, phone: "12345"), ["\"phone\""]),
            (NewCadre(good, name: ""), ["请填写姓名"]),
        };
        foreach (var (body, expected) in cases)
        {
            var response = await api.PostAsJsonAsync("/api/v1/cadres", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var e in expected) text.ShouldContain(e);
        }
    }

    [Fact]
    public async Task A_registered_id_number_cannot_be_registered_again()
    {
        var api = await f.ApiAs("town.sanxing");
        var good = NewId(Gender.Male);
        await Register(api, good);
        var duplicate = await api.PostAsJsonAsync("/api/v1/cadres", NewCadre(good, Demo.Sanxingcun));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("已在干部档案中登记");
    }

    [Fact]
    public async Task A_new_post_ends_the_previous_one_the_day_before()
    {
        var api = await f.ApiAs("town.sanxing");
        await RegisterAndMove(api);
    }

    [Fact]
    public async Task A_new_post_cannot_start_before_the_current_one()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await RegisterAndMove(api);
        var early = await api.PostAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}/posts", new { postCode = "director", from = "2024-06-01" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("必须晚于");
    }

    /// <summary>Registers a committee member from 2024-03-01 and moves it to deputy director from 2025-01-01.</summary>
    private async Task<CadreDetail> RegisterAndMove(HttpClient api)
    {
        var cadre = await Register(api, NewId());
        var moved = await (await api.PostAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}/posts", new { postCode = "deputy-director", from = "2025-01-01" }))
            .Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json);
        moved!.Posts.Count.ShouldBe(2);
        moved.Posts.Single(p => p.PostCode == "committee-member").EndDate.ShouldBe(new DateOnly(2024, 12, 31));
        return cadre;
    }

    [Fact]
    public async Task A_departed_cadre_leaves_office_with_every_post_ended()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await RegisterAndMove(api);
        var gone = await (await api.PostAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}/departure", new { status = "Removed", date = "2026-06-30", reason = "年度考核不称职" }))
            .Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json);
        gone!.Cadre.Status.ShouldBe(CadreStatus.Removed);
        gone.Posts.ShouldAllBe(p => p.EndDate != null);
        var inOffice = await api.GetFromJsonAsync<Paged<CadreRow>>($"/api/v1/cadres?region={Demo.Naoping}&status=InOffice&pageSize=200", CunzhiFactory.Json);
        inOffice!.Items.ShouldNotContain(c => c.Id == cadre.Cadre.Id);
    }

    [Fact]
    public async Task A_full_id_number_never_travels_in_a_url()
    {
        var api = await f.ApiAs("county.admin");
        var id = NewId();
        var cadre = await Register(api, id);

        // API: GET with an ID-shaped q is refused in Chinese (also an invalid number, also the export); POST searches.
        foreach (var url in new[] { $"/api/v1/cadres?q={id}", $"/api/v1/cadres?q={id[..17]}0", $"/api/v1/cadres/export?region={Demo.Naoping}&q={id}" })
        {
            var refused = await api.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("POST");
        }
        var found = await api.PostAsJsonAsync("/api/v1/cadres/search", new { q = id, region = Demo.Naoping });
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadFromJsonAsync<Paged<CadreRow>>(CunzhiFactory.Json))!.Items.Select(c => c.Id).ShouldBe([cadre.Cadre.Id]);
        var exported = await api.PostAsJsonAsync("/api/v1/cadres/export", new { q = id, region = Demo.Naoping });
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Page: the search form posts with an antiforgery token; the answer is given without a redirect carrying the number.
        var pages = await f.PagesAs("county.admin");
        var list = await CunzhiFactory.Html(await pages.GetAsync("/Cadres"));
        var form = list.QuerySelector("form[data-testid=search-form]").ShouldNotBeNull();
        form.GetAttribute("method").ShouldBe("post");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        list.QuerySelector("form[data-testid=export-form]")!.GetAttribute("method").ShouldBe("post");
        var posted = await CunzhiFactory.PostFormAsync(pages, "/Cadres", new() { ["region"] = Demo.Naoping, ["status"] = "", ["q"] = id }, formAction: "handler=Search");
        (posted.Headers.Location?.ToString() ?? "").ShouldNotContain(id);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await CunzhiFactory.Html(posted)).QuerySelectorAll("[data-testid=cadres] tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        rows.ShouldBe([$"/Cadres/Detail?id={cadre.Cadre.Id}"]);
        // A name goes back to the GET list (names are not ID numbers).
        var byName = await CunzhiFactory.PostFormAsync(pages, "/Cadres", new() { ["region"] = Demo.Naoping, ["q"] = "钟秀英" }, formAction: "handler=Search");
        byName.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        byName.Headers.Location!.ToString().ShouldContain("q=");

        // GET with the number in the URL: 400 and no search; the page export refuses it too.
        var get = await pages.GetAsync($"/Cadres?region={Demo.Naoping}&q={id}");
        get.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await CunzhiFactory.Html(get);
        html.QuerySelector("[data-testid=search-refused]")!.TextContent.ShouldContain("POST");
        html.QuerySelector("input[name=q]")!.GetAttribute("value").ShouldBeNullOrEmpty();
        (await pages.GetAsync($"/Cadres/Export?region={Demo.Naoping}&q={id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Signed out, such a link is sent to the login page without the number: the return address keeps the page only.
        var anonymous = await f.Anonymous().GetAsync($"/Cadres?region={Demo.Naoping}&q={id}");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = Uri.UnescapeDataString(anonymous.Headers.Location!.ToString());
        login.ShouldContain("/Account/Login");
        login.ShouldContain("ReturnUrl=/Cadres");
        login.ShouldNotContain(id);
        login.ShouldNotContain(id[..15]);
        // Any other return address keeps its query.
        var byNameLink = await f.Anonymous().GetAsync($"/Cadres?region={Demo.Naoping}&q=%E9%92%9F");
        Uri.UnescapeDataString(Uri.UnescapeDataString(byNameLink.Headers.Location!.ToString())).ShouldContain($"region={Demo.Naoping}&q=钟");
    }

    [Fact]
    public async Task The_registry_is_searchable_by_name_or_full_id_number()
    {
        var api = await f.ApiAs("town.sanxing");
        var id = NewId();
        var cadre = await Register(api, id);
        var byId = await (await api.PostAsJsonAsync("/api/v1/cadres/search", new { q = id })).Content.ReadFromJsonAsync<Paged<CadreRow>>(CunzhiFactory.Json);
        byId!.Items.Select(c => c.Id).ShouldBe([cadre.Cadre.Id]);
        var byName = await api.GetFromJsonAsync<Paged<CadreRow>>($"/api/v1/cadres?q={Uri.EscapeDataString("钟秀")}&pageSize=200", CunzhiFactory.Json);
        byName!.Items.ShouldContain(c => c.Id == cadre.Cadre.Id);
        var secretaries = await api.GetFromJsonAsync<Paged<CadreRow>>("/api/v1/cadres?post=secretary-director&pageSize=200", CunzhiFactory.Json);
        secretaries!.Items.ShouldAllBe(c => c.PostCode == "secretary-director" && c.RegionCode.StartsWith("360922106"));
    }

    [Fact]
    public async Task Full_numbers_are_revealed_only_with_the_permission()
    {
        var (id, cadre) = await RegisterAndReveal();
        var page = await f.PagesAs("county.admin");
        var shown = await CunzhiFactory.PostFormAsync(page, $"/Cadres/Detail?id={cadre.Cadre.Id}", [], formAction: "Reveal");
        (await CunzhiFactory.Html(shown)).QuerySelector("[data-testid=national-id]")!.TextContent.ShouldBe(id);
        var townPage = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Cadres/Detail?id={cadre.Cadre.Id}"));
        townPage.QuerySelector("form[action*=Reveal]").ShouldBeNull();
    }

    [Fact]
    public async Task Each_reveal_is_audited()
    {
        var (_, cadre) = await RegisterAndReveal();
        var reveals = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Action == AuditActions.Reveal && a.EntityKey == cadre.Cadre.Id.ToString()).ToListAsync());
        reveals.Single().UserName.ShouldBe("county.admin");
    }

    /// <summary>A cadre registered by the Sanxing town admin, who may not reveal its numbers; the county admin then reveals them once through the API.</summary>
    private async Task<(string Id, CadreDetail Cadre)> RegisterAndReveal()
    {
        var town = await f.ApiAs("town.sanxing");
        var id = NewId();
        var cadre = await Register(town, id);
        (await town.PostAsync($"/api/v1/cadres/{cadre.Cadre.Id}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var county = await f.ApiAs("county.admin");
        var revealed = await (await county.PostAsync($"/api/v1/cadres/{cadre.Cadre.Id}/reveal", null)).Content.ReadFromJsonAsync<RevealedNumbers>(CunzhiFactory.Json);
        revealed!.NationalId.ShouldBe(id);
        revealed.Phone.ShouldBe("13907951234");
        return (id, cadre);
    }

    [Theory]
    [InlineData("town.sanxing")]
    [InlineData("village.naoping")]
    [InlineData("county.admin")]
    [InlineData("discipline")]
    public async Task No_page_or_api_answer_leaks_a_full_id_number(string user)
    {
        var api = await f.ApiAs(user);
        var pages = await f.PagesAs(user);
        var list = await api.GetFromJsonAsync<Paged<CadreRow>>("/api/v1/cadres?pageSize=200", CunzhiFactory.Json);
        var someId = list!.Items[0].Id;
        var bodies = new List<(string Where, string Body)>
        {
            ("api list", await api.GetStringAsync("/api/v1/cadres?pageSize=200")),
            ("api detail", await api.GetStringAsync($"/api/v1/cadres/{someId}")),
            ("page list", await pages.GetStringAsync("/Cadres")),
            ("page list all", await pages.GetStringAsync("/Cadres?status=")),
            ("page detail", await pages.GetStringAsync($"/Cadres/Detail?id={someId}")),
        };
        if (user is "county.admin" or "discipline")
        {
            bodies.Add(("audit page", await pages.GetStringAsync("/Audit")));
            bodies.Add(("audit api", await api.GetStringAsync("/api/v1/audit?pageSize=200")));
        }
        if (user is "county.admin" or "town.sanxing")
            bodies.Add(("edit page", await pages.GetStringAsync($"/Cadres/Edit?id={someId}")));
        foreach (var (where, body) in bodies)
            NationalId.FindAllValidIn(body).ShouldBeEmpty($"{user} {where}");
        // The check itself can fail: a revealed number is found.
        var revealed = NationalId.Compose("360922", new DateOnly(1980, 1, 1), 123, Gender.Male);
        NationalId.FindAllValidIn($"<td>{revealed}</td>").ShouldBe([revealed]);
    }

    [Fact]
    public async Task Cadres_of_another_town_are_out_of_reach_on_every_endpoint_and_page()
    {
        var county = await f.ApiAs("county.admin");
        var other = (await Register(county, NewId(), Demo.Dongxi)).Cadre.Id;
        var api = await f.ApiAs("town.sanxing");
        (await api.GetAsync($"/api/v1/cadres/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutAsJsonAsync($"/api/v1/cadres/{other}", new { name = "越权", educationCode = "college", origin = "Elected", version = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync($"/api/v1/cadres/{other}/posts", new { postCode = "director", from = "2026-01-01" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync($"/api/v1/cadres/{other}/departure", new { status = "Removed", date = "2026-06-30", reason = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync("/api/v1/cadres", NewCadre(NewId(), Demo.Dongxi))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await api.GetFromJsonAsync<Paged<CadreRow>>($"/api/v1/cadres?region={Demo.Dongxi}", CunzhiFactory.Json);
        list!.Total.ShouldBe(0);
        var pages = await f.PagesAs("town.sanxing");
        (await pages.GetAsync($"/Cadres/Detail?id={other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Cadres/Edit?id={other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Cadres/Create?village={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Cadres?region={Demo.Efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_without_registry_rights_are_refused_with_403()
    {
        foreach (var user in new[] { "coord.office", "dept.agri" })
            (await (await f.ApiAs(user)).GetAsync("/api/v1/cadres")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        (await (await f.ApiAs("village.naoping")).PostAsJsonAsync("/api/v1/cadres", NewCadre(NewId()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_create_page_refuses_a_missing_name_or_a_short_id_number()
    {
        var client = await f.PagesAs("town.sanxing");
        var bad = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Create?village={Demo.Naoping}",
            new() { ["Form.Name"] = "", ["Form.NationalId"] = "123", ["Form.StartDate"] = "2024-01-01" });
        var errors = (await CunzhiFactory.Html(bad)).QuerySelector("[data-testid=errors]")!.TextContent;
        errors.ShouldContain("请填写姓名");
        errors.ShouldContain("18");
    }

    [Fact]
    public async Task The_edit_page_keeps_the_numbers_registered_on_the_create_page_without_retyping()
    {
        var client = await f.PagesAs("town.sanxing");
        var id = NewId(Gender.Male);
        var ok = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Create?village={Demo.Naoping}", new()
        {
            ["Form.Name"] = "曾德福", ["Form.NationalId"] = id, ["Form.Phone"] = "138 0795 6789", ["Form.EducationCode"] = "bachelor",
            ["Form.PostCode"] = "deputy-secretary", ["Form.StartDate"] = "2024-01-01", ["Form.Origin"] = "Elected", ["Form.IsPartyMember"] = "true",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailUrl = ok.Headers.Location!.ToString();
        var cadreId = long.Parse(detailUrl.Split('=')[1]);
        var edit = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Edit?id={cadreId}", new()
        {
            ["Form.Name"] = "曾德富", ["Form.NationalId"] = "", ["Form.Phone"] = "", ["Form.EducationCode"] = "postgraduate", ["Form.Origin"] = "Elected",
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == cadreId));
        (stored.Name, stored.EducationCode, stored.NationalIdMasked, stored.PhoneMasked).ShouldBe(("曾德富", "postgraduate", NationalId.Mask(id), "138****6789"));
        var detail = await CunzhiFactory.Html(await client.GetAsync(detailUrl));
        detail.QuerySelectorAll("[data-testid=posts] tbody tr").Length.ShouldBe(1);
    }
}

public sealed class CadreRegistryTests_Sqlite(SqliteFactory f) : CadreRegistryTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CadreRegistryTests_Postgres(PostgresFactory f) : CadreRegistryTests<PostgresFactory>(f);
