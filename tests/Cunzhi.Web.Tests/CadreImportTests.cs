using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Cadre import from Excel: template, all-or-nothing checks with every error by row and column, duplicates, scope,
/// the background job and who may see it, through the API and the page.
/// </summary>
public abstract class CadreImportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/cadres/import";

    [Fact]
    public async Task An_import_may_not_add_a_second_director_to_a_village()
    {
        var api = await f.ApiAs("town.sanxing");
        var before = await CountsAsync();
        // 闹坪村 has a director (or a 一肩挑 secretary-director) in office.
        var job = await api.ImportAsync(Url, await Sheet(CadreHeaders,
            Cadre("钟主任", TestIds.Next(new DateOnly(1980, 3, 4), Gender.Male), Demo.Naoping, post: "村（居）委会主任")));
        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.ShouldContain(e => e.Row == 2 && e.Column == "职务" && e.Message.Contains("主任职务不空缺"));
        (await CountsAsync()).ShouldBe(before);
    }

    private Task<(int Cadres, int Posts, int Audit)> CountsAsync() => f.WithSystemDb(async db =>
        (await db.Cadres.CountAsync(), await db.CadrePosts.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task A_valid_file_imports_every_row_in_full()
    {
        var api = await f.ApiAs("town.sanxing");
        var ids = new[] { NewId(Gender.Female), NewId(Gender.Male), NewId(Gender.Male) };
        var file = await Sheet(CadreHeaders,
            Cadre("钟一英", ids[0], Demo.Naoping, phone: "13907951001", professional: "否"),
            Cadre("钟二福", ids[1], "三兴镇/三兴村", post: "党组织副书记", start: "2023-01-15", education: "本科", party: "群众", term: null),
            Cadre("钟三明", ids[2], "闹坪村", post: "驻村第一书记", phone: "139 0795 1003", start: "2025/6/1", education: "研究生", origin: "上级选派",
                assignedFrom: "县农业农村局", professional: "是"));
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Completed);
        (job.Total, job.Checked, job.Written, job.ErrorCount, job.StateName).ShouldBe((3, 3, 3, 0, "完成"));
        var protector = f.Services.GetRequiredService<PersonalDataProtector>();
        var hashes = ids.Select(protector.Hash).ToList();
        var stored = await f.WithSystemDb(db => db.Cadres.Include(c => c.Posts).Where(c => hashes.Contains(c.NationalIdHash!)).ToListAsync());
        stored.Count.ShouldBe(3);
        var one = stored.Single(c => c.Name == "钟一英");
        (one.RegionCode, one.Gender, one.PostCode, one.EducationCode, one.IsPartyMember, one.Term, one.Origin, one.Status)
            .ShouldBe((Demo.Naoping, Gender.Female, "committee-member", "college", true, (int?)12, CadreOrigin.Elected, CadreStatus.InOffice));
        one.BirthDate.ShouldBe(NationalId.Parse(ids[0], new DateOnly(2026, 1, 1)).BirthDate!.Value);
        one.NationalIdCipher!.ShouldNotContain(ids[0]);
        protector.Unprotect(one.NationalIdCipher!).ShouldBe(ids[0]);
        (one.NationalIdMasked, one.PhoneMasked).ShouldBe((NationalId.Mask(ids[0]), "139****1001"));
        one.Posts.Single().ShouldSatisfyAllConditions(p => p.StartDate.ShouldBe(new DateOnly(2024, 3, 1)), p => p.EndDate.ShouldBeNull(), p => p.Term.ShouldBe(12));
        var two = stored.Single(c => c.Name == "钟二福");
        (two.RegionCode, two.PostCode, two.IsPartyMember, two.PhoneCipher, two.Term).ShouldBe((Demo.Sanxingcun, "deputy-secretary", false, (string?)null, (int?)null));
        var three = stored.Single(c => c.Name == "钟三明");
        (three.Origin, three.AssignedFrom, three.IsProfessionalSecretary, three.StartDate).ShouldBe((CadreOrigin.Assigned, "县农业农村局", true, new DateOnly(2025, 6, 1)));
        protector.Unprotect(three.PhoneCipher!).ShouldBe("13907951003");

        // One audit entry per written row (cadre and its post), in the uploader's name, and the chain still verifies.
        var after = await CountsAsync();
        (after.Cadres - before.Cadres, after.Posts - before.Posts, after.Audit - before.Audit).ShouldBe((3, 3, 6));
        var keys = stored.Select(c => c.Id.ToString()).ToList();
        var audit = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == nameof(Cadre) && keys.Contains(a.EntityKey)).ToListAsync());
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(a => a.Action == AuditActions.Insert && a.UserName == "town.sanxing" && a.RegionCode.StartsWith("360922106"));
        audit.ShouldAllBe(a => NationalId.FindAllValidIn(a.After!).Count == 0);
        (await f.WithSystemDb(db => AuditVerifier.VerifyAsync(db))).Intact.ShouldBeTrue();

        // The new cadres are in the registry like any other.
        var found = await (await api.PostAsJsonAsync("/api/v1/cadres/search", new { q = ids[2] })).Content.ReadFromJsonAsync<Features.Paged<Features.Cadres.CadreRow>>(CunzhiFactory.Json);
        found!.Items.Single().Name.ShouldBe("钟三明");
    }

    [Fact]
    public async Task The_template_has_the_headers()
    {
        var file = await Template();
        var header = Rows(file).Single();
        Enumerable.Range(0, header.ColumnCount).Select(header.GetString).ShouldBe(CadreTemplateHeaders);
        var page = await f.PagesAs("town.sanxing");
        var fromPage = await page.GetAsync("/Cadres/Import?handler=Template");
        fromPage.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
    }

    [Fact]
    public async Task The_template_lists_the_allowed_values()
    {
        var file = await Template();
        using var zip = new ZipArchive(new MemoryStream(file));
        var instructions = new StreamReader(zip.GetEntry("xl/worksheets/sheet2.xml")!.Open()).ReadToEnd();
        foreach (var value in new[] { "党组织书记", "书记、主任（一肩挑）", "驻村第一书记", "高中/中专", "研究生", "中共党员", "群众", "本村产生", "上级选派", "是、否", "乡镇名/村名" })
            instructions.ShouldContain(value);
    }

    /// <summary>The import template as the API serves it: an .xlsx download named 村干部导入模板.xlsx.</summary>
    private async Task<byte[]> Template()
    {
        var api = await f.ApiAs("town.sanxing");
        var response = await api.GetAsync("/api/v1/cadres/import/template");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("村干部导入模板.xlsx");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static TheoryData<string> BadFiles => new(["not-xlsx", "empty", "header-only", "missing-column", "too-large"]);

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_clear_message(string kind)
    {
        var api = await f.ApiAs("town.sanxing");
        var (file, expected) = kind switch
        {
            "not-xlsx" => (Encoding.UTF8.GetBytes($"姓名,身份证号\n张三,{NewId()}\n"), "不是 .xlsx 工作簿"),
            "empty" => ([], "文件是空的"),
            "header-only" => (await Sheet(CadreHeaders), "表格只有表头，没有数据行"),
            "missing-column" => (await Sheet([.. CadreHeaders.Where(h => h != "身份证号*" && h != "职务*")], ["张三", null, Demo.Naoping, "2024-03-01", "大专", null, null, null, null, null]),
                "缺少列：身份证号"),
            _ => (TooLarge(), "超过了 20 MB 的上限"),
        };
        var before = await CountsAsync();

        var response = await api.UploadAsync(Url, file);
        string message;
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var job = await api.WaitAsync((await response.Content.ReadFromJsonAsync<ImportJobView>(CunzhiFactory.Json))!.Id);
            job.ShouldHaveFinished(ImportState.Invalid);
            message = job.FileError ?? string.Join("；", job.Errors);
            if (kind == "missing-column")
                job.Errors.Select(e => e.Column).ShouldBe(["身份证号", "职务"]);
        }
        else
        {
            // Told from the size alone, before anything is queued.
            kind.ShouldBeOneOf("empty", "too-large");
            response.StatusCode.ShouldBe(kind == "empty" ? HttpStatusCode.BadRequest : HttpStatusCode.RequestEntityTooLarge);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            message = await response.Content.ReadAsStringAsync();
        }

        message.ShouldContain(expected);
        (await CountsAsync()).ShouldBe(before);
    }

    /// <summary>Over the 20 MB limit; the start of a zip, so only the size is wrong.</summary>
    private static byte[] TooLarge()
    {
        var file = new byte[21 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(file);
        return file;
    }

    [Fact]
    public async Task Every_error_is_returned_at_its_cell_with_nothing_imported()
    {
        var api = await f.ApiAs("town.sanxing");
        var good = NewId(Gender.Male);
        var body = NewId()[..17];
        var wrongCheck = body + (NationalId.CheckDigit(body) == '1' ? '2' : '1');
        var file = await Sheet(CadreHeaders,
            Cadre("钟好", good, Demo.Naoping),
            Cadre("钟坏", wrongCheck, Demo.Naoping, phone: "1390795"),
            Cadre("", NewId(), Demo.Naoping, post: "村长", start: "2024-02-30"),
            Cadre("钟派", NewId(), Demo.Naoping, term: 200, origin: "上级选派"),
            Cadre("钟旧", "360922580401123", Demo.Naoping, education: "大学", party: "党员", professional: "也许"),
            Cadre("钟数", "3.60922199001011E+17", Demo.Naoping, start: "1949-12-31"));
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.StateName.ShouldBe("有错误");
        var errors = job.Errors.Select(e => (e.Row, e.Column)).ToList();
        errors.ShouldBe(
        [
            (3, "身份证号"), (3, "手机号"),
            (4, "姓名"), (4, "职务"), (4, "任职日期"),
            (5, "届次"), (5, "派出单位"),
            (6, "身份证号"), (6, "学历"), (6, "政治面貌"), (6, "专业化管理书记"),
            (7, "身份证号"), (7, "任职日期"),
        ], string.Join("\n", job.Errors));
        string Message(int row, string column) => job.Errors.Single(e => e.Row == row && e.Column == column).Message;
        Message(3, "身份证号").ShouldContain("校验位");
        Message(3, "手机号").ShouldContain("11 位");
        Message(4, "姓名").ShouldBe("不能为空");
        Message(4, "职务").ShouldContain("不是可选的值");
        Message(4, "任职日期").ShouldContain("不是有效的日期");
        Message(5, "届次").ShouldBe("届次应为 1–99");
        Message(5, "派出单位").ShouldBe("上级选派的干部请填写派出单位");
        Message(6, "身份证号").ShouldBe(NationalId.LegacyNumberMessage);
        Message(7, "身份证号").ShouldContain("文本");
        Message(7, "任职日期").ShouldBe("任职日期不合理");
        (job.ErrorCount, job.ErrorRows, job.ErrorsTruncated).ShouldBe((13, 5, false));
        job.Message!.ShouldContain("没有导入任何数据");
        (await CountsAsync()).ShouldBe(before);

        // The full list, as a workbook.
        var list = await api.GetAsync(job.ErrorsUrl);
        list.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxDownload.ContentType);
        var rows = Rows(await list.Content.ReadAsByteArrayAsync());
        rows.Count.ShouldBe(14);
        (rows[1].GetString(0), rows[1].GetString(1)).ShouldBe(("3", "身份证号"));
    }

    [Fact]
    public async Task The_same_id_twice_in_the_file_or_already_registered_is_refused_naming_the_rows()
    {
        var api = await f.ApiAs("town.sanxing");
        var twice = NewId();
        var registered = NewId(Gender.Male);
        (await api.ImportAsync(Url, await Sheet(CadreHeaders, Cadre("钟已登", registered, Demo.Naoping)))).ShouldHaveFinished(ImportState.Completed);
        var file = await Sheet(CadreHeaders,
            Cadre("钟甲", twice, Demo.Naoping),
            Cadre("钟乙", registered, Demo.Sanxingcun),
            Cadre("钟丙", twice.ToLowerInvariant(), Demo.Sanxingcun),
            Cadre("钟丁", NewId(), Demo.Naoping));
        var before = await CountsAsync();

        var job = await api.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.ShouldBe(
        [
            new CellError(2, "身份证号", "与第 4 行的身份证号重复"),
            new CellError(3, "身份证号", "该身份证号已在干部档案中登记，不能重复登记"),
            new CellError(4, "身份证号", "与第 2 行的身份证号重复"),
        ]);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Villages_are_found_within_scope_by_code_path_or_unique_name_with_every_other_one_explained()
    {
        await AddTwinNaopingAsync();
        var town = await f.ApiAs("town.sanxing");
        var file = await Sheet(CadreHeaders,
            Cadre("钟外一", NewId(), Demo.Dongxi),
            Cadre("钟外二", NewId(), "鹅峰乡/东溪村"),
            Cadre("钟外三", NewId(), "东溪村"),
            Cadre("钟无", NewId(), "无此村"),
            Cadre("钟镇", NewId(), Demo.Sanxing),
            Cadre("钟码", NewId(), "36092210620"),
            Cadre("钟空", NewId(), "360922106999"),
            Cadre("钟内", NewId(), "闹坪村"),
            Cadre("钟全角", NewId(), "三兴镇 ／ 闹坪村"));
        var before = await CountsAsync();

        var job = await town.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.ShouldAllBe(e => e.Column == "所在村（社区）");
        job.Errors.Select(e => e.Row).ShouldBe([2, 3, 4, 5, 6, 7, 8]);
        string Message(int row) => job.Errors.Single(e => e.Row == row).Message;
        Message(2).ShouldBe($"村(社区) {Demo.Dongxi}（鹅峰乡东溪村）不在您的管辖范围内");
        Message(3).ShouldBe("“鹅峰乡/东溪村”不在您的管辖范围内（属于鹅峰乡）");
        Message(4).ShouldBe("“东溪村”不在您的管辖范围内（属于鹅峰乡）");
        Message(5).ShouldStartWith("未找到“无此村”");
        Message(6).ShouldBe($"{Demo.Sanxing} 是乡镇(街道)的代码，请填写村(社区)的 12 位代码");
        Message(7).ShouldStartWith("区划代码“36092210620”应为 12 位数字");
        Message(8).ShouldStartWith("区划代码 360922106999 不存在");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_village_name_shared_by_two_towns_needs_the_town_path()
    {
        await AddTwinNaopingAsync();
        var county = await f.ApiAs("county.admin");
        var ambiguous = await county.ImportAsync(Url, await Sheet(CadreHeaders, Cadre("钟重名", NewId(), "闹坪村")));
        ambiguous.Errors.Single().Message.ShouldBe("本辖区有 2 个名为“闹坪村”的村(社区)，分别在三兴镇、鹅峰乡；请写成“乡镇名/村名”或填写 12 位区划代码");
        var path = await county.ImportAsync(Url, await Sheet(CadreHeaders, Cadre("钟鹅峰", NewId(), "鹅峰乡/闹坪村")));
        path.ShouldHaveFinished(ImportState.Completed);
        (await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Name == "钟鹅峰"))).RegionCode.ShouldBe(Twin);
    }

    /// <summary>A second 闹坪村, in 鹅峰乡: unique within 三兴镇, ambiguous for the county.</summary>
    private const string Twin = "360922200977";

    private Task AddTwinNaopingAsync() => f.WithSystemDb(async db =>
    {
        if (!await db.Regions.AnyAsync(r => r.Code == Twin))
        {
            db.Regions.Add(new Region { Code = Twin, Name = "闹坪村", Level = RegionLevel.Village, ParentCode = Demo.Efeng });
            await db.SaveChangesAsync();
        }
        return 0;
    });

    [Fact]
    public async Task A_job_is_visible_only_to_the_account_that_started_it()
    {
        var owner = await f.ApiAs("town.sanxing");
        var job = await owner.ImportAsync(Url, await Sheet(CadreHeaders, Cadre("", NewId(), Demo.Naoping)));
        job.ErrorsUrl.ShouldNotBeNull();
        (await owner.GetAsync(job.ErrorsUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await f.PagesAs("town.sanxing")).GetAsync($"/Cadres/Import?job={job.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var other in new[] { "town.efeng", "county.admin" })
        {
            var api = await f.ApiAs(other);
            (await api.GetAsync($"/api/v1/imports/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            (await api.GetAsync(job.ErrorsUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            var pages = await f.PagesAs(other);
            (await pages.GetAsync($"/Cadres/Import?job={job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            (await pages.GetAsync($"/Imports/{job.Id}/Status")).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            (await pages.GetAsync($"/Imports/{job.Id}/Errors")).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
        }
    }

    [Fact]
    public async Task Only_county_and_town_admins_may_import()
    {
        var file = await Sheet(CadreHeaders, Cadre("钟村", NewId(), Demo.Naoping));
        foreach (var user in new[] { "village.naoping", "discipline", "dept.agri" })
        {
            var api = await f.ApiAs(user);
            (await api.UploadAsync(Url, file)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await api.GetAsync("/api/v1/cadres/import/template")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
        var page = await f.PagesAs("village.naoping");
        (await page.GetAsync("/Cadres/Import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await page.GetStringAsync("/Cadres")).ShouldNotContain("/Cadres/Import");
        (await (await f.PagesAs("town.sanxing")).GetStringAsync("/Cadres")).ShouldContain("/Cadres/Import");
    }

    [Fact]
    public async Task The_import_page_follows_a_bad_file_to_every_error()
    {
        var client = await f.PagesAs("town.sanxing");
        var bad = await Sheet(CadreHeaders, Cadre("钟页错", "123", Demo.Naoping), Cadre("", NewId(), "东溪村"));
        var location = await PostPageAsync(client, bad);
        location.ShouldStartWith("/Cadres/Import?job=");
        var id = location.Split('=')[1];
        await WaitOnPageAsync(client, id);

        var html = await CunzhiFactory.Html(await client.GetAsync(location));
        html.QuerySelector("[data-testid=import-state]")!.TextContent.ShouldBe("有错误");
        html.QuerySelector("[data-import-job]").ShouldBeNull();
        html.QuerySelector("[data-testid=import-message]")!.TextContent.ShouldContain("没有导入任何数据");
        var cells = html.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(tr => (tr.Children[0].TextContent, tr.Children[1].TextContent)).ToList();
        cells.ShouldBe([("2", "身份证号"), ("3", "姓名"), ("3", "所在村（社区）")]);
        var list = await client.GetAsync(html.QuerySelector("[data-testid=error-list-link]")!.GetAttribute("href"));
        Rows(await list.Content.ReadAsByteArrayAsync()).Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_import_page_brings_a_valid_file_into_the_list()
    {
        var client = await f.PagesAs("town.sanxing");
        var id1 = NewId();
        var ok = await PostPageAsync(client, await Sheet(CadreHeaders, Cadre("钟页导", id1, Demo.Naoping)));
        await WaitOnPageAsync(client, ok.Split('=')[1]);
        var done = await CunzhiFactory.Html(await client.GetAsync(ok));
        done.QuerySelector("[data-testid=import-state]")!.TextContent.ShouldBe("完成");
        done.QuerySelector("[data-testid=import-message]")!.TextContent.ShouldContain("共写入 1 条");
        (await (await CunzhiFactory.PostFormAsync(client, "/Cadres", new() { ["q"] = id1 }, formAction: "handler=Search")).Content.ReadAsStringAsync()).ShouldContain("钟页导");
    }

    [Fact]
    public async Task The_import_page_refuses_an_empty_file_at_once()
    {
        var client = await f.PagesAs("town.sanxing");
        // Refused at once, on the page itself.
        var empty = await CunzhiFactory.Html(await PostPageResponseAsync(client, [], "空.xlsx"));
        empty.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("文件是空的");
    }

    private static async Task<string> PostPageAsync(HttpClient client, byte[] file)
    {
        var response = await PostPageResponseAsync(client, file, "干部.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    private static async Task<HttpResponseMessage> PostPageResponseAsync(HttpClient client, byte[] file, string name)
    {
        var form = (await CunzhiFactory.Html(await client.GetAsync("/Cadres/Import"))).QuerySelector("[data-testid=import-form]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxDownload.ContentType);
        content.Add(part, "Upload", name);
        return await client.PostAsync("/Cadres/Import", content);
    }

    /// <summary>Polls the page's own status endpoint, as wwwroot/js/import.js does.</summary>
    private static async Task WaitOnPageAsync(HttpClient client, string id)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var status = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/Imports/{id}/Status");
            status.GetProperty("stateName").GetString().ShouldNotBeNullOrEmpty();
            if (status.GetProperty("finished").GetBoolean())
                return;
            DateTime.UtcNow.ShouldBeLessThan(until, "导入未在一分钟内结束");
            await Task.Delay(50);
        }
    }
}

public sealed class CadreImportTests_Sqlite(SqliteFactory f) : CadreImportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CadreImportTests_Postgres(PostgresFactory f) : CadreImportTests<PostgresFactory>(f);
