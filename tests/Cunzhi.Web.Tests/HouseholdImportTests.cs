using System.Net;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>Household import and export: the same all-or-nothing job as cadres, with groups and grids placed in the row's village.</summary>
public abstract class HouseholdImportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/households/import";

    private Task<(int Households, int Audit)> CountsAsync() =>
        f.WithSystemDb(async db => (await db.Households.CountAsync(), await db.AuditEntries.CountAsync()));

    private Task<List<Region>> PartsOfAsync(string village) =>
        f.WithSystemDb(db => db.Regions.Where(r => r.ParentCode == village).OrderBy(r => r.Code).ToListAsync());

    [Fact]
    public async Task A_valid_file_imports_households_into_their_villages_groups_and_grids()
    {
        var api = await f.ApiAs("town.sanxing");
        var parts = await PartsOfAsync(Demo.Naoping);
        var group = parts.First(p => p.Level == RegionLevel.VillagerGroup);
        var grid = parts.Last(p => p.Level == RegionLevel.Grid);
        var other = (await PartsOfAsync(Demo.Sanxingcun)).First(p => p.Level == RegionLevel.VillagerGroup);
        var file = await Sheet(HouseholdHeaders,
            ["H-101", "钟大伯", Demo.Naoping, group.Name, grid.Name, "上屋 1 号"],
            ["H-102", "钟二伯", "三兴镇/闹坪村", group.Code, grid.Code, null],
            ["H-101", "钟三伯", "三兴村", other.Name, null, null]);
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Completed);
        job.Written.ShouldBe(3);
        var stored = await f.WithSystemDb(db => db.Households.Where(h => h.Number.StartsWith("H-10")).OrderBy(h => h.Id).ToListAsync());
        stored.Select(h => (h.RegionCode, h.Number, h.HeadName, h.GroupCode, h.GridCode, h.Address)).ShouldBe(
        [
            (Demo.Naoping, "H-101", "钟大伯", group.Code, grid.Code, "上屋 1 号"),
            (Demo.Naoping, "H-102", "钟二伯", group.Code, grid.Code, ""),
            (Demo.Sanxingcun, "H-101", "钟三伯", other.Code, null, ""),
        ]);
        var after = await CountsAsync();
        (after.Households - before.Households, after.Audit - before.Audit).ShouldBe((3, 3));
    }

    [Fact]
    public async Task Every_error_of_an_invalid_file_is_returned_with_nothing_imported()
    {
        var api = await f.ApiAs("town.sanxing");
        var existing = await f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == Demo.Naoping).Select(h => h.Number).FirstAsync());
        var otherGroup = (await PartsOfAsync(Demo.Sanxingcun)).First(p => p.Level == RegionLevel.VillagerGroup);
        var file = await Sheet(HouseholdHeaders,
            ["E-1", "钟甲", Demo.Naoping, null, null, null],
            ["E-1", "钟乙", Demo.Naoping, null, null, null],
            [existing, "钟丙", Demo.Naoping, null, null, null],
            ["E-2", null, Demo.Naoping, otherGroup.Code, "第九十九网格", null],
            ["E-3", "钟丁", "东溪村", null, null, new string('长', 101)],
            [new string('9', 21), "钟戊", Demo.Naoping, null, null, null]);
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe(
        [
            (2, "户号"), (3, "户号"), (4, "户号"), (5, "户主"), (5, "村民小组"), (5, "网格"), (6, "所在村（社区）"), (6, "地址"), (7, "户号"),
        ], string.Join("\n", job.Errors));
        string Message(int row, string column) => job.Errors.Single(e => e.Row == row && e.Column == column).Message;
        Message(2, "户号").ShouldBe("与第 3 行的户号重复（同一村内户号不能相同）");
        Message(4, "户号").ShouldBe($"户号 {existing} 在三兴镇/闹坪村已存在");
        Message(5, "户主").ShouldBe("不能为空");
        Message(5, "村民小组").ShouldStartWith($"三兴镇/闹坪村没有“{otherGroup.Code}”这个村民小组");
        Message(6, "所在村（社区）").ShouldContain("不在您的管辖范围内");
        Message(6, "地址").ShouldBe("地址不能超过 100 个字");
        Message(7, "户号").ShouldBe("户号不能超过 20 个字符");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_villages_households_export_with_the_template_columns()
    {
        var (_, count, file) = await ExportSanxingcun();
        var rows = Rows(file);
        Enumerable.Range(0, rows[0].ColumnCount).Select(rows[0].GetString).ShouldBe(["户号", "户主", "所在村（社区）", "村民小组", "网格", "地址", "人数"]);
        rows.Count.ShouldBe(count + 1);
        rows.Skip(1).ShouldAllBe(r => r.GetString(2) == "三兴镇/三兴村");
    }

    [Fact]
    public async Task An_exported_file_re_imports_as_duplicates()
    {
        var (api, count, file) = await ExportSanxingcun();
        var again = await api.ImportAsync(Url, file);
        again.ShouldHaveFinished(ImportState.Invalid);
        again.Errors.Count.ShouldBe(count);
        again.Errors.ShouldAllBe(e => e.Column == "户号" && e.Message.EndsWith("在三兴镇/三兴村已存在"));
    }

    /// <summary>Sanxingcun's households exported through the API by the Sanxing town admin, with the number of households at export time.</summary>
    private async Task<(HttpClient Api, int Count, byte[] File)> ExportSanxingcun()
    {
        var api = await f.ApiAs("town.sanxing");
        var count = await f.WithSystemDb(db => db.Households.CountAsync(h => h.RegionCode == Demo.Sanxingcun));
        var response = await api.GetAsync($"/api/v1/regions/{Demo.Sanxingcun}/households/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (api, count, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Households_export_only_within_the_accounts_region()
    {
        var pages = await f.PagesAs("village.naoping");
        (await pages.GetAsync($"/Households/Export?code={Demo.Naoping}")).Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        (await pages.GetAsync($"/Households/Export?code={Demo.Sanxingcun}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.ApiAs("town.sanxing")).GetAsync($"/api/v1/regions/{Demo.Dongxi}/households/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_template_has_the_import_headers()
    {
        var api = await f.ApiAs("town.sanxing");
        var template = Rows(await api.GetByteArrayAsync("/api/v1/households/import/template")).Single();
        Enumerable.Range(0, template.ColumnCount).Select(template.GetString).ShouldBe(HouseholdHeaders);
    }

    [Fact]
    public async Task A_village_cadre_may_not_import_households()
    {
        var village = await f.ApiAs("village.naoping");
        (await village.UploadAsync(Url, await Sheet(HouseholdHeaders, ["X-1", "钟", Demo.Naoping, null, null, null]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.PagesAs("village.naoping")).GetAsync("/Households/Import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_households_list_leads_to_the_import_page_which_offers_the_template()
    {
        var page = await f.PagesAs("town.sanxing");
        var households = await CunzhiFactory.Html(await page.GetAsync($"/Regions/Households?code={Demo.Naoping}"));
        households.QuerySelector("[data-testid=import-link]")!.GetAttribute("href").ShouldBe($"/Households/Import?code={Demo.Naoping}");
        var import = await CunzhiFactory.Html(await page.GetAsync($"/Households/Import?code={Demo.Naoping}"));
        import.QuerySelector("[data-testid=template-link]")!.GetAttribute("href").ShouldBe($"/Households/Import?code={Demo.Naoping}&handler=Template");
    }
}

public sealed class HouseholdImportTests_Sqlite(SqliteFactory f) : HouseholdImportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class HouseholdImportTests_Postgres(PostgresFactory f) : HouseholdImportTests<PostgresFactory>(f);
