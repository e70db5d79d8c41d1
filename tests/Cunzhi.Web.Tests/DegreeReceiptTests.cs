using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Care;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 学历提升 files and settings through the page and the API: a tuition claim's receipt (a real jpg/png/pdf by its first
/// bytes, at most 5 MB, else refused in Chinese and nothing kept) and the county publishing the reimbursement policy on
/// <c>/Care/DegreeSettings</c>. Each test arranges its own village and claim in 三兴镇.
/// </summary>
public abstract class DegreeReceiptTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private const string Url = "/api/v1/care/degrees";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static DateOnly Today => China.Today;

    /// <summary>A pending tuition claim of a new programme of a cadre of a fresh village.</summary>
    private async Task<ClaimView> ClaimAsync(HttpClient api)
    {
        var (_, serving, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var enrolled = await api.PostAsJsonAsync(Url, new { cadreId = serving, school = "江西广播电视大学", levelCode = "bachelor", major = "行政管理", startDate = Today.AddYears(-1), endDate = Today.AddYears(2) });
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Created, await enrolled.Content.ReadAsStringAsync());
        var programme = (await enrolled.Content.ReadFromJsonAsync<DegreeView>(CunzhiFactory.Json))!;
        var filed = await api.PostAsJsonAsync($"{Url}/claims", new { programmeId = programme.Id, year = Today.Year, term = "第一学期", tuitionFen = 300_000L });
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        return (await filed.Content.ReadFromJsonAsync<ClaimView>(CunzhiFactory.Json))!;
    }

    private static byte[] TooBig()
    {
        var big = new byte[EvidenceRules.MaxBytes + 1];
        Png.CopyTo(big, 0);
        return big;
    }

    private static ByteArrayContent File(byte[] bytes) => new(bytes);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, long claim, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent { { File(bytes), "file", name } };
        return api.PostAsync($"{Url}/claims/{claim}/receipts", form);
    }

    /// <summary>Posts the file as the claims tab's receipt form does (its antiforgery token, the claim's id).</summary>
    private static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient pages, long claim, byte[] bytes, string name)
    {
        var doc = await CunzhiFactory.Html(await pages.GetAsync("/Care/Degrees?tab=claims"));
        var token = doc.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("学历提升页没有表单");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("claims"), "tab" }, { new StringContent(claim.ToString()), "Id" }, { File(bytes), "file", name },
        };
        return await pages.PostAsync("/Care/Degrees?handler=Receipt", form);
    }

    private Task<List<TuitionReceipt>> ReceiptsAsync(long claim) => f.WithSystemDb(db => db.Set<TuitionReceipt>().AsNoTracking().Where(r => r.ClaimId == claim).ToListAsync());

    [Fact]
    public async Task A_png_receipt_uploaded_through_the_api_is_kept_with_its_sniffed_type()
    {
        var api = await f.ApiAs(Town);
        var claim = await ClaimAsync(api);
        var r = await UploadAsync(api, claim.Id, Png, "学费发票.png");
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        (await ReceiptsAsync(claim.Id)).Single().ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task A_receipt_that_is_not_an_image_or_pdf_by_its_content_is_refused_through_the_api()
    {
        var api = await f.ApiAs(Town);
        var claim = await ClaimAsync(api);
        var r = await UploadAsync(api, claim.Id, "这不是发票"u8.ToArray(), "发票.pdf");
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是 jpg、png 或 pdf");
        (await ReceiptsAsync(claim.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receipt_over_five_megabytes_is_refused_through_the_api()
    {
        var api = await f.ApiAs(Town);
        var claim = await ClaimAsync(api);
        var r = await UploadAsync(api, claim.Id, TooBig(), "大发票.png");
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("超过 5 MB");
        (await ReceiptsAsync(claim.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_png_receipt_uploaded_on_the_page_is_kept()
    {
        var claim = await ClaimAsync(await f.ApiAs(Town));
        var r = await UploadOnPageAsync(await f.PagesAs(Town), claim.Id, Png, "学费发票.png");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await ReceiptsAsync(claim.Id)).Single().FileName.ShouldBe("学费发票.png");
    }

    [Fact]
    public async Task A_receipt_that_is_not_an_image_or_pdf_by_its_content_is_refused_on_the_page()
    {
        var claim = await ClaimAsync(await f.ApiAs(Town));
        var r = await UploadOnPageAsync(await f.PagesAs(Town), claim.Id, "这不是发票"u8.ToArray(), "发票.jpg");
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是 jpg、png 或 pdf");
        (await ReceiptsAsync(claim.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receipt_over_five_megabytes_is_refused_on_the_page()
    {
        var claim = await ClaimAsync(await f.ApiAs(Town));
        var r = await UploadOnPageAsync(await f.PagesAs(Town), claim.Id, TooBig(), "大发票.png");
        (await r.Content.ReadAsStringAsync()).ShouldContain("超过 5 MB");
        (await ReceiptsAsync(claim.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_county_publishes_the_reimbursement_policy_on_the_settings_page()
    {
        var pages = await f.PagesAs(County);
        var from = Today.AddYears(3);
        var saved = await CunzhiFactory.PostFormAsync(pages, "/Care/DegreeSettings", new()
        {
            ["EffectiveFrom"] = from.ToString("yyyy-MM-dd"), ["SharePercent"] = "61", ["CapPerYearYuan"] = "4000", ["CapPerProgrammeYuan"] = "12000",
        }, formAction: "handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var published = await CunzhiFactory.PostFormAsync(pages, "/Care/DegreeSettings", [], formAction: "handler=Publish");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        var overview = (await (await f.ApiAs(County)).GetFromJsonAsync<DegreePolicyOverview>($"{Url}/policy", CunzhiFactory.Json))!;
        overview.Versions.Single(v => v.EffectiveFrom == from).ShouldSatisfyAllConditions(v => v.IsPublished.ShouldBeTrue(), v => v.SharePercent.ShouldBe(61));
    }
}

public sealed class DegreeReceiptTests_Sqlite(SqliteFactory f) : DegreeReceiptTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DegreeReceiptTests_Postgres(PostgresFactory f) : DegreeReceiptTests<PostgresFactory>(f);
