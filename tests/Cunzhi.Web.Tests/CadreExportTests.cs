using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Identity;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>Export of the filtered cadre registry: masked numbers, full ones only with the reveal permission and audited.</summary>
public abstract partial class CadreExportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [GeneratedRegex("1[3-9][0-9]{9}")]
    private static partial Regex FullPhone();

    private Task<int> ExportEventsAsync() => f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export));

    private async Task<string> ImportOneAsync(string name, string phone)
    {
        var id = NewId();
        var job = await (await f.ApiAs("town.sanxing")).ImportAsync("/api/v1/cadres/import",
            await Sheet(CadreHeaders, Cadre(name, id, Demo.Naoping, post: "党组织副书记", phone: phone)));
        job.ShouldHaveFinished(ImportState.Completed);
        return id;
    }

    [Fact]
    public async Task A_town_admin_exports_the_filtered_list_with_numbers_masked()
    {
        var id = await ImportOneAsync("钟导出", "13907952001");
        var api = await f.ApiAs("town.sanxing");
        var list = await api.GetFromJsonAsync<Paged<CadreRow>>($"/api/v1/cadres?region={Demo.Naoping}&pageSize=200", CunzhiFactory.Json);

        var response = await api.GetAsync($"/api/v1/cadres/export?region={Demo.Naoping}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var file = await response.Content.ReadAsByteArrayAsync();
        var rows = Rows(file);
        rows[0].GetString(0).ShouldBe("姓名");
        rows.Count.ShouldBe((int)list!.Total + 1);
        rows.Skip(1).Select(r => r.GetString(0)).ShouldBe(list.Items.Select(c => c.Name));
        var mine = rows.Single(r => r.GetString(0) == "钟导出");
        (mine.GetString(3), mine.GetString(4), mine.GetString(6), mine.GetString(7)).ShouldBe((NationalId.Mask(id), "139****2001", "闹坪村", "党组织副书记"));
        var text = AllText(file);
        NationalId.FindAllValidIn(text).ShouldBeEmpty();
        FullPhone().IsMatch(text).ShouldBeFalse();

        // The page: the list's filters and its default (in office), through the form on the list page.
        var pages = await f.PagesAs("town.sanxing");
        var index = await CunzhiFactory.Html(await pages.GetAsync($"/Cadres?region={Demo.Naoping}&post=deputy-secretary"));
        var form = index.QuerySelector("[data-testid=export-form]")!;
        form.QuerySelector("input[name=full]").ShouldBeNull();
        var query = string.Join("&", form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={Uri.EscapeDataString(i.GetAttribute("value") ?? "")}"));
        var fromPage = await pages.GetAsync($"{form.GetAttribute("action")}?{query}");
        fromPage.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("村干部名册-闹坪村-");
        var pageRows = Rows(await fromPage.Content.ReadAsByteArrayAsync()).Skip(1).ToList();
        var secretaries = await api.GetFromJsonAsync<Paged<CadreRow>>($"/api/v1/cadres?region={Demo.Naoping}&post=deputy-secretary&status=InOffice&pageSize=200", CunzhiFactory.Json);
        pageRows.Select(r => r.GetString(0)).ShouldBe(secretaries!.Items.Select(c => c.Name));
        pageRows.ShouldContain(r => r.GetString(0) == "钟导出");
        pageRows.ShouldAllBe(r => r.GetString(7) == "党组织副书记" && r.GetString(16) == "在任");
    }

    [Fact]
    public async Task Full_numbers_are_exported_only_with_the_reveal_permission()
    {
        var id = await ImportOneAsync("钟全号", "13907952002");
        var town = await f.ApiAs("town.sanxing");
        var refused = await town.GetAsync("/api/v1/cadres/export?full=true");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("授权");
        (await (await f.PagesAs("town.sanxing")).GetAsync("/Cadres/Export?full=true")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var county = await f.ApiAs("county.admin");
        var masked = AllText(await county.GetByteArrayAsync($"/api/v1/cadres/export?region={Demo.Naoping}"));
        NationalId.FindAllValidIn(masked).ShouldBeEmpty();

        var full = await county.PostAsJsonAsync("/api/v1/cadres/export", new { region = Demo.Naoping, q = id, full = true });
        full.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = Rows(await full.Content.ReadAsByteArrayAsync());
        rows.Count.ShouldBe(2);
        (rows[1].GetString(0), rows[1].GetString(3), rows[1].GetString(4)).ShouldBe(("钟全号", id, "13907952002"));

        // The page offers the option only to the account that may use it.
        var countyPage = await f.PagesAs("county.admin");
        (await CunzhiFactory.Html(await countyPage.GetAsync("/Cadres"))).QuerySelector("[data-testid=export-form] input[name=full]").ShouldNotBeNull();
        var fromPage = await CunzhiFactory.PostFormAsync(countyPage, "/Cadres", new() { ["region"] = Demo.Naoping, ["status"] = "", ["q"] = id, ["full"] = "true" }, formAction: "/Cadres/Export");
        Rows(await fromPage.Content.ReadAsByteArrayAsync())[1].GetString(3).ShouldBe(id);
    }

    [Fact]
    public async Task Each_full_number_export_is_audited()
    {
        var id = await ImportOneAsync("钟审号", "13907952003");
        var before = await ExportEventsAsync();
        var county = await f.ApiAs("county.admin");
        await county.GetByteArrayAsync($"/api/v1/cadres/export?region={Demo.Naoping}");
        (await ExportEventsAsync()).ShouldBe(before);

        var full = await county.PostAsJsonAsync("/api/v1/cadres/export", new { region = Demo.Naoping, q = id, full = true });
        full.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Sequence).ToListAsync());
        audit.Count.ShouldBe(before + 1);
        var entry = audit[^1];
        (entry.UserName, entry.Entity, entry.RegionCode).ShouldBe(("county.admin", "Cadre", Demo.Naoping));
        var detail = entry.After!;
        detail.ShouldContain("\"rows\":1");
        detail.ShouldContain("\"fullNumbers\":true");
        // The searched number is logged masked.
        NationalId.FindAllValidIn(detail).ShouldBeEmpty();
        detail.ShouldContain(NationalId.Mask(id));

        var countyPage = await f.PagesAs("county.admin");
        await CunzhiFactory.PostFormAsync(countyPage, "/Cadres", new() { ["region"] = Demo.Naoping, ["status"] = "", ["q"] = id, ["full"] = "true" }, formAction: "/Cadres/Export");
        (await ExportEventsAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task Another_towns_cadres_cannot_be_exported()
    {
        var api = await f.ApiAs("town.sanxing");
        (await api.GetAsync($"/api/v1/cadres/export?region={Demo.Efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.PagesAs("town.sanxing")).GetAsync($"/Cadres/Export?region={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = Rows(await api.GetByteArrayAsync("/api/v1/cadres/export"));
        all.Skip(1).ShouldAllBe(r => r.GetString(5) == "三兴镇");
        (await (await f.ApiAs("dept.agri")).GetAsync("/api/v1/cadres/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class CadreExportTests_Sqlite(SqliteFactory f) : CadreExportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CadreExportTests_Postgres(PostgresFactory f) : CadreExportTests<PostgresFactory>(f);
