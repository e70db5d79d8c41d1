using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Features.Powers;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 权力运行附件 through the API: 闹坪村 records step 1 of an exercise and uploads its evidence. A good PDF is stored with its
/// SHA-256 and downloads as sent; a file whose content is no PDF/XLSX/JPG/PNG, one over 10 MB and a workbook holding an ID
/// number are refused in Chinese with nothing written (the number never echoed); a step not yet recorded and the town's
/// upload to a village step are refused; the public page never shows a file.
/// </summary>
public abstract class PowerStepFileTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Village = "village.naoping", Town = "town.sanxing";
    private const string Url = "/api/v1/powers";

    private static async Task<PowerExerciseView> RecordedExerciseAsync(HttpClient api)
    {
        var r = await api.PostAsJsonAsync(Url, new { itemCode = "MS02", title = "宅基地申请", subject = "王建国", startedOn = China.Today });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var e = (await r.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
        var s = await api.PostAsJsonAsync($"{Url}/{e.Id}/steps", new { step = 1, on = China.Today, decision = "收到申请", rejected = false, version = e.Version });
        s.StatusCode.ShouldBe(HttpStatusCode.OK, await s.Content.ReadAsStringAsync());
        return (await s.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, long id, int step, params (byte[] Bytes, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return api.PostAsync($"{Url}/{id}/steps/{step}/files", form);
    }

    /// <summary>Posts the detail page's file form of <paramref name="step"/> as a browser does (its antiforgery token and hidden step, the file).</summary>
    private static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient pages, long id, int step, byte[] bytes, string name)
    {
        var doc = await CunzhiFactory.Html(await pages.GetAsync($"/Powers/{id}"));
        var form = doc.QuerySelectorAll("form[data-testid=file-form]")
                       .FirstOrDefault(f => f.QuerySelector("input[name=FileStep]")?.GetAttribute("value") == step.ToString())
                   ?? throw new InvalidOperationException($"第 {step} 步没有上传附件的表单");
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "files", name);
        return await pages.PostAsync(form.GetAttribute("action"), content);
    }

    private Task<int> FileCountAsync(long id) => f.WithSystemDb(db => db.Set<PowerStepFile>().CountAsync(a => a.ExerciseId == id));

    private static byte[] Pdf(string line)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(line, 12, new PdfPoint(40, 780), font);
        return builder.Build();
    }

    [Fact]
    public async Task A_good_pdf_is_stored_on_the_step_with_its_sha256()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var pdf = Pdf("Application received 2026");
        var r = await UploadAsync(api, e.Id, 1, (pdf, "申请书.pdf"));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var file = (await r.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!.Steps.Single(s => s.Number == 1).Files.Single();
        (file.FileName, file.ContentType, file.Size, file.Sha256)
            .ShouldBe(("申请书.pdf", "application/pdf", (long)pdf.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
    }

    [Fact]
    public async Task A_stored_file_downloads_as_sent()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var pdf = Pdf("Minutes of the meeting");
        var view = (await (await UploadAsync(api, e.Id, 1, (pdf, "纪要.pdf"))).Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
        var id = view.Steps.Single(s => s.Number == 1).Files.Single().Id;
        (await (await f.ApiAs(Town)).GetByteArrayAsync($"{Url}/{e.Id}/files/{id}")).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_file_whose_content_is_no_allowed_type_is_refused_with_nothing_written()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var r = await UploadAsync(api, e.Id, 1, ("MZ this is a program"u8.ToArray(), "申请书.pdf"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("附件「申请书.pdf」不是 PDF、Excel（.xlsx）、JPG 或 PNG 文件");
        (await FileCountAsync(e.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_over_10_mb_is_refused_with_nothing_written()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var big = new byte[PowerStepFile.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(big);
        var r = await UploadAsync(api, e.Id, 1, (big, "扫描件.pdf"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("附件「扫描件.pdf」超过 10 MB");
        (await FileCountAsync(e.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_workbook_holding_an_id_number_is_refused_without_echoing_it()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var id = ImportFiles.NewId();
        var r = await UploadAsync(api, e.Id, 1, (await ImportFiles.Sheet(["姓名", "身份证号"], ["张三", "已核"], ["李四", id]), "名单.xlsx"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var text = await r.Content.ReadAsStringAsync();
        text.ShouldContain("附件「名单.xlsx」工作表「村干部」第 3 行 第 2 列「身份证号」");
        text.ShouldNotContain(id);
    }

    [Fact]
    public async Task A_workbook_holding_an_id_number_writes_nothing()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        (await UploadAsync(api, e.Id, 1, (await ImportFiles.Sheet(["姓名", "身份证号"], ["李四", ImportFiles.NewId()]), "名单.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await FileCountAsync(e.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_image_without_the_confirmation_is_refused()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4];
        var r = await UploadAsync(api, e.Id, 1, (png, "现场.png"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不含个人信息");
    }

    [Fact]
    public async Task A_step_not_yet_recorded_takes_no_file()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var r = await UploadAsync(api, e.Id, 2, (Pdf("Draft"), "草稿.pdf"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("第 2 步尚未记录");
    }

    [Fact]
    public async Task The_town_may_not_upload_to_a_village_step()
    {
        var e = await RecordedExerciseAsync(await f.ApiAs(Village));
        var r = await UploadAsync(await f.ApiAs(Town), e.Id, 1, (Pdf("Town note"), "乡镇.pdf"));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该步骤由村记录");
    }

    [Fact]
    public async Task The_public_page_shows_no_step_file()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        (await UploadAsync(api, e.Id, 1, (Pdf("Evidence"), "公开页不应出现的附件.pdf"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await f.Anonymous().GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        html.ShouldContain("收到申请");
        html.ShouldNotContain("公开页不应出现的附件");
    }

    [Fact]
    public async Task The_detail_page_links_the_file()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedExerciseAsync(api);
        var view = (await (await UploadAsync(api, e.Id, 1, (Pdf("Evidence"), "会议纪要.pdf"))).Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
        var html = await (await f.PagesAs(Village)).GetStringAsync($"/Powers/{e.Id}");
        html.ShouldContain($"/api/v1/powers/{e.Id}/files/{view.Steps[0].Files.Single().Id}");
    }

    [Fact]
    public async Task A_good_pdf_posted_on_the_detail_page_is_stored_and_never_shown_publicly()
    {
        var e = await RecordedExerciseAsync(await f.ApiAs(Village));
        var pages = await f.PagesAs(Village);
        var r = await UploadOnPageAsync(pages, e.Id, 1, Pdf("Page upload"), "页面上传的申请书.pdf");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        r.Headers.Location!.OriginalString.ShouldBe($"/Powers/{e.Id}");
        (await FileCountAsync(e.Id)).ShouldBe(1);
        (await pages.GetStringAsync($"/Powers/{e.Id}")).ShouldContain("页面上传的申请书.pdf");
        var html = await f.Anonymous().GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        html.ShouldContain("宅基地申请");
        html.ShouldNotContain("页面上传的申请书");
    }

    [Fact]
    public async Task A_workbook_holding_an_id_number_posted_on_the_detail_page_is_refused_naming_where()
    {
        var e = await RecordedExerciseAsync(await f.ApiAs(Village));
        var pages = await f.PagesAs(Village);
        var id = ImportFiles.NewId();
        var r = await UploadOnPageAsync(pages, e.Id, 1, await ImportFiles.Sheet(["姓名", "身份证号"], ["张三", "已核"], ["李四", id]), "页面上传的名单.xlsx");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raw = await r.Content.ReadAsStringAsync();
        var text = (await CunzhiFactory.Html(r)).Body!.TextContent;
        text.ShouldContain("附件「页面上传的名单.xlsx」工作表「村干部」第 3 行 第 2 列「身份证号」");
        raw.ShouldNotContain(id);
        (await FileCountAsync(e.Id)).ShouldBe(0);
        (await f.Anonymous().GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli")).ShouldNotContain("页面上传的名单");
    }
}

public sealed class PowerStepFileTests_Sqlite(SqliteFactory f) : PowerStepFileTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PowerStepFileTests_Postgres(PostgresFactory f) : PowerStepFileTests<PostgresFactory>(f);
