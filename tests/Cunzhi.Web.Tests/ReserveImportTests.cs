using System.Net;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>Reserve pool import and export: the same all-or-nothing job as households, into village or town pools.</summary>
public abstract class ReserveImportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/reserves/import";

    private static readonly string[] ReserveHeaders =
        ["姓名*", "性别*", "出生日期*", "学历*", "政治面貌", "所在村（社区）*", "来源*", "推荐渠道*", "推荐人*", "推荐日期*", "培养岗位", "跟岗实训说明"];

    private static object?[] Reserve(string name, string pool, string? gender = "男", string? birth = "1995-06-01", string? education = "大专",
        string? party = null, string? source = "大学生", string? channel = "领导署名推荐", string? recommender = "三兴镇党委", string? recommended = "2025-03-01",
        string? placement = null, string? note = null) =>
        [name, gender, birth, education, party, pool, source, channel, recommender, recommended, placement, note];

    private Task<(int Reserves, int Audit)> CountsAsync() =>
        f.WithSystemDb(async db => (await db.Set<ReserveCadre>().CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task A_valid_file_imports_candidates_into_village_and_town_pools()
    {
        var api = await f.ApiAs("town.sanxing");
        var file = await Sheet(ReserveHeaders,
            Reserve("钟导甲", Demo.Naoping, party: "中共党员", placement: "村（居）委会主任", note: "跟村主任实训"),
            Reserve("钟导乙", "三兴镇", gender: "女", birth: "1990-01-02", education: "本科", source: "返乡青年", channel: "组织部推荐", recommender: "县委组织部"),
            Reserve("钟导丙", "三兴镇/三兴村", source: "退役军人", channel: "单位党组织推荐", recommended: "2024-12-01"));
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Completed);
        job.Written.ShouldBe(3);
        var stored = await f.WithSystemDb(db => db.Set<ReserveCadre>().Where(r => r.Name.StartsWith("钟导")).OrderBy(r => r.Id).ToListAsync());
        stored.Select(r => (r.RegionCode, r.Name, r.Gender, r.BirthDate, r.EducationCode, r.IsPartyMember, r.Source, r.Channel, r.Recommender, r.RecommendedDate,
            r.PlacementPostCode, r.TrainingNote, r.Status)).ShouldBe(
        [
            (Demo.Naoping, "钟导甲", Gender.Male, new DateOnly(1995, 6, 1), "college", true, ReserveSource.CollegeGraduate, RecommendationChannel.LeaderSigned,
                "三兴镇党委", new DateOnly(2025, 3, 1), "director", "跟村主任实训", ReserveStatus.Active),
            (Demo.Sanxing, "钟导乙", Gender.Female, new DateOnly(1990, 1, 2), "bachelor", false, ReserveSource.ReturningYouth,
                RecommendationChannel.OrganizationDepartment, "县委组织部", new DateOnly(2025, 3, 1), null, null, ReserveStatus.Active),
            (Demo.Sanxingcun, "钟导丙", Gender.Male, new DateOnly(1995, 6, 1), "college", false, ReserveSource.Veteran, RecommendationChannel.UnitParty,
                "三兴镇党委", new DateOnly(2024, 12, 1), null, null, ReserveStatus.Active),
        ]);
        var after = await CountsAsync();
        (after.Reserves - before.Reserves).ShouldBe(3);
        (after.Audit - before.Audit).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Every_error_of_an_invalid_file_is_returned_with_nothing_imported()
    {
        var api = await f.ApiAs("town.sanxing");
        // The demo seeds candidates in most pools: take one in 三兴镇 to import again.
        var existing = await f.WithSystemDb(db => db.Set<ReserveCadre>()
            .Where(r => r.RegionCode.StartsWith("360922106") && r.Status == ReserveStatus.Active).OrderBy(r => r.Id).FirstAsync());
        var file = await Sheet(ReserveHeaders,
            Reserve("钟重复", Demo.Naoping),
            Reserve("钟重复", "三兴镇/闹坪村"),
            Reserve(existing.Name, existing.RegionCode, birth: existing.BirthDate.ToString("yyyy-MM-dd")),
            Reserve("钟错一", Demo.Naoping, gender: "未知", birth: "2020-01-01"),
            Reserve("钟错二", Demo.Dongxi, source: "学生"),
            Reserve("钟错三", Demo.Naoping, recommender: null, note: new string('长', 201), recommended: "2099-01-01"));
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe(
        [
            (2, "姓名"), (3, "姓名"), (4, "姓名"), (5, "性别"), (5, "出生日期"), (6, "所在村（社区）"), (6, "来源"), (7, "推荐人"), (7, "推荐日期"), (7, "跟岗实训说明"),
        ], ignoreOrder: true, string.Join("\n", job.Errors));
        string Message(int row, string column) => job.Errors.Single(e => e.Row == row && e.Column == column).Message;
        Message(2, "姓名").ShouldStartWith("与第 3 行是同一人");
        Message(3, "姓名").ShouldStartWith("与第 2 行是同一人");
        Message(4, "姓名").ShouldContain($"{existing.Name}（{existing.BirthDate:yyyy-MM-dd} 出生）已在");
        Message(5, "出生日期").ShouldBe("推荐时须年满 18 周岁");
        Message(6, "所在村（社区）").ShouldContain("不在您的管辖范围内");
        Message(7, "推荐人").ShouldBe("不能为空");
        Message(7, "推荐日期").ShouldBe("推荐日期不合理");
        Message(7, "跟岗实训说明").ShouldBe("跟岗实训安排不能超过 200 个字");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_town_admin_cannot_import_into_another_towns_village()
    {
        var api = await f.ApiAs("town.sanxing");
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, await Sheet(ReserveHeaders, Reserve("钟越界", Demo.Dongxi), Reserve("钟越界二", "鹅峰乡/东溪村")));

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "所在村（社区）"), (3, "所在村（社区）")]);
        job.Errors.ShouldAllBe(e => e.Message.Contains("不在您的管辖范围内"));
        (await CountsAsync()).ShouldBe(before);
        (await f.WithSystemDb(db => db.Set<ReserveCadre>().CountAsync(r => r.RegionCode == Demo.Dongxi && r.Name.StartsWith("钟越界")))).ShouldBe(0);
    }

    [Fact]
    public async Task A_bad_ID_number_in_the_column_is_refused_for_its_row()
    {
        var api = await f.ApiAs("town.sanxing");
        var number = TestIds.Next(new DateOnly(1995, 6, 1), Gender.Male);
        var bad = await api.ImportAsync(Url, await Sheet(WithIdNumber,
            [.. Reserve("钟证甲", Demo.Naoping), number[..17] + (number[17] == '0' ? "1" : "0")],
            [.. Reserve("钟证乙", Demo.Naoping), TestIds.Next(new DateOnly(1995, 6, 1), Gender.Female)]));
        bad.ShouldHaveFinished(ImportState.Invalid);
        bad.Errors.ShouldContain(e => e.Row == 2 && e.Column == "身份证号" && e.Message.Contains("身份证号"));
        bad.Errors.ShouldContain(e => e.Row == 3 && e.Message.Contains("性别与身份证号不符"));
    }

    [Fact]
    public async Task An_imported_ID_number_is_stored_encrypted()
    {
        var (_, number) = await ImportWithIdNumber("钟证丙");
        var stored = await f.WithSystemDb(db => db.Set<ReserveCadre>().SingleAsync(r => r.Name == "钟证丙"));
        stored.NationalIdMasked.ShouldBe(Domain.Identity.NationalId.Mask(number));
        stored.NationalIdCipher.ShouldNotBeNull().ShouldNotContain(number);
    }

    [Fact]
    public async Task An_imported_ID_number_is_exported_masked()
    {
        var (api, number) = await ImportWithIdNumber("钟证丁");
        var export = Rows(await (await api.GetAsync($"/api/v1/reserves/export?code={Demo.Naoping}&q=钟证丁")).Content.ReadAsByteArrayAsync());
        export[1].GetString(13).ShouldBe(Domain.Identity.NationalId.Mask(number));
        Enumerable.Range(0, export[1].ColumnCount).Select(export[1].GetString).ShouldNotContain(number);
    }

    private static readonly string[] WithIdNumber = [.. ReserveHeaders, "身份证号"];

    /// <summary>Imports one Naoping candidate called <paramref name="name"/> with a valid ID number; returns the importing client and the number.</summary>
    private async Task<(HttpClient Api, string Number)> ImportWithIdNumber(string name)
    {
        var api = await f.ApiAs("town.sanxing");
        var number = TestIds.Next(new DateOnly(1995, 6, 1), Gender.Male);
        var ok = await api.ImportAsync(Url, await Sheet(WithIdNumber, [.. Reserve(name, Demo.Naoping), number]));
        ok.ShouldHaveFinished(ImportState.Completed);
        return (api, number);
    }

    [Fact]
    public async Task A_towns_pool_exports_with_the_template_columns()
    {
        var (_, count, file) = await ExportSanxingPool();
        var rows = Rows(file);
        Enumerable.Range(0, rows[0].ColumnCount).Select(rows[0].GetString).ShouldBe(
            ["姓名", "性别", "出生日期", "学历", "政治面貌", "所在村（社区）", "来源", "推荐渠道", "推荐人", "推荐日期", "培养岗位", "跟岗实训说明", "状态", "身份证号（掩码）"]);
        rows.Count.ShouldBe(count + 1);
        rows.Skip(1).ShouldAllBe(r => r.GetString(5)!.StartsWith("三兴镇") && r.GetString(12) == "在库");
    }

    [Fact]
    public async Task An_exported_pool_re_imports_as_duplicates()
    {
        var (api, count, file) = await ExportSanxingPool();
        var again = await api.ImportAsync(Url, file);
        again.ShouldHaveFinished(ImportState.Invalid);
        again.Errors.Count.ShouldBe(count, string.Join("\n", again.Errors.Take(10)));
        again.Errors.ShouldAllBe(e => e.Column == "姓名" && e.Message.Contains("后备干部库中"));
    }

    /// <summary>Sanxing's active pool exported through the API by its town admin, with the number of active candidates at export time.</summary>
    private async Task<(HttpClient Api, int Count, byte[] File)> ExportSanxingPool()
    {
        var api = await f.ApiAs("town.sanxing");
        var count = await f.WithSystemDb(db => db.Set<ReserveCadre>().CountAsync(r => r.RegionCode.StartsWith("360922106") && r.Status == ReserveStatus.Active));
        count.ShouldBeGreaterThan(0);
        var response = await api.GetAsync($"/api/v1/reserves/export?code={Demo.Sanxing}&status=Active");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        return (api, count, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Reserves_export_only_within_the_accounts_region()
    {
        var api = await f.ApiAs("town.sanxing");
        (await api.GetAsync($"/api/v1/reserves/export?code={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pages = await f.PagesAs("village.naoping");
        (await pages.GetAsync($"/Reserves/Export?code={Demo.Naoping}")).Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        (await pages.GetAsync($"/Reserves/Export?code={Demo.Sanxingcun}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_template_has_the_import_headers_with_the_ID_number()
    {
        var api = await f.ApiAs("town.sanxing");
        var template = Rows(await api.GetByteArrayAsync("/api/v1/reserves/import/template")).Single();
        Enumerable.Range(0, template.ColumnCount).Select(template.GetString).ShouldBe([.. ReserveHeaders, "身份证号"]);
    }

    [Fact]
    public async Task A_village_cadre_may_not_import_reserves()
    {
        var village = await f.ApiAs("village.naoping");
        (await village.UploadAsync(Url, await Sheet(ReserveHeaders, Reserve("钟无权", Demo.Naoping)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await village.GetAsync("/api/v1/reserves/import/template")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.PagesAs("village.naoping")).GetAsync("/Reserves/Import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var own = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync($"/Reserves?code={Demo.Naoping}"));
        own.QuerySelector("[data-testid=import-link]").ShouldBeNull();
    }

    [Fact]
    public async Task The_town_reserves_list_links_to_importing_exporting_with_a_template()
    {
        var page = await f.PagesAs("town.sanxing");
        var list = await CunzhiFactory.Html(await page.GetAsync($"/Reserves?code={Demo.Naoping}"));
        list.QuerySelector("[data-testid=import-link]")!.GetAttribute("href").ShouldBe($"/Reserves/Import?code={Demo.Naoping}");
        list.QuerySelector("[data-testid=export-link]")!.GetAttribute("href").ShouldBe($"/Reserves/Export?code={Demo.Naoping}");
        var import = await CunzhiFactory.Html(await page.GetAsync($"/Reserves/Import?code={Demo.Naoping}"));
        import.QuerySelector("[data-testid=template-link]")!.GetAttribute("href").ShouldBe($"/Reserves/Import?code={Demo.Naoping}&handler=Template");
    }
}

public sealed class ReserveImportTests_Sqlite(SqliteFactory f) : ReserveImportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ReserveImportTests_Postgres(PostgresFactory f) : ReserveImportTests<PostgresFactory>(f);
