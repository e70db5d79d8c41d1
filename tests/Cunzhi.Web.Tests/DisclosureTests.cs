using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Tests.Infrastructure;
using Cunzhi.Domain.Burden;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 村务公开 through the API: every way a personal number could reach the public page is refused naming where, without
/// echoing the number, with nothing written (table-driven); an image needs the 「不含个人信息」 confirmation, recorded;
/// another village's posting is not found; a period is posted once until withdrawn; and the public portal shows a posting
/// (and drops a withdrawn one) at once although its pages are output-cached. The county has no catalogue of its own in
/// the test template, so the default catalogue applies (version 0). Each test arranges its own village in 三兴镇.
/// </summary>
public abstract class DisclosureTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 700;

    /// <summary>Last quarter's first day: a quarterly period that has ended.</summary>
    private static DateOnly LastQuarter => DisclosureRules.QuarterStart(China.Today).AddMonths(-3);

    private async Task<string> VillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"公开测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    private Task<int> PostingCountAsync(string village) => f.WithSystemDb(db => db.Set<VillageDisclosure>().CountAsync(d => d.RegionCode == village));
    private Task<int> FileCountAsync(string village) => f.WithSystemDb(db => db.Set<DisclosureAttachment>().CountAsync(a => a.RegionCode == village));

    /// <summary>A posting of C01 (quarterly) for last quarter, with the given parts.</summary>
    internal static Task<HttpResponseMessage> PostAsync(HttpClient api, string village, string title = "村民代表会议决定事项", string body = "本季度召开村民代表会议两次。",
        string? table = null, (byte[] Bytes, string Name)[]? files = null, bool confirmImages = false, string item = "C01", DateOnly? periodStart = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(item), "itemCode" },
            { new StringContent((periodStart ?? LastQuarter).ToString("yyyy-MM-dd")), "periodStart" },
            { new StringContent(title), "title" },
            { new StringContent(body), "body" },
        };
        if (table is not null) form.Add(new StringContent(table), "table");
        if (confirmImages) form.Add(new StringContent("true"), "imagesHaveNoPersonalData");
        foreach (var (bytes, name) in files ?? [])
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return api.PostAsync($"/api/v1/disclosure/villages/{village}/postings", form);
    }

    /// <summary>A 16-digit bank card number passing the Luhn check.</summary>
    private static string BankCard()
    {
        const string body = "621700001001234";
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /// <summary>A PDF whose pages hold the given lines of text (an empty array: a page without text, like a scan).</summary>
    private static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = 0; i < lines.Length; i++) page.AddText(lines[i], 12, new PdfPoint(40, 780 - 20 * i), font);
        }
        return builder.Build();
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4];

    public static TheoryData<string> Refusals => ["id-in-text", "id-in-table-cell", "id-in-xlsx-cell", "mobile-in-text", "bank-card-in-table", "mobile-in-pdf", "image-unconfirmed"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_posting_holding_personal_data_is_refused_naming_where_without_the_number(string kind)
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var id = ImportFiles.NewId();
        var bank = BankCard();
        var (response, number, where) = kind switch
        {
            "id-in-text" => (await PostAsync(api, village, body: $"低保对象张三，身份证号 {id}，按月发放。"), id, "正文第 1 行"),
            "id-in-table-cell" => (await PostAsync(api, village, table: $$"""{"headers":["姓名","身份证号"],"rows":[["张三","已核"],["李四","{{id}}"]]}"""), id, "第 2 行 第 2 列「身份证号」"),
            "id-in-xlsx-cell" => (await PostAsync(api, village, files: [(await ImportFiles.Sheet(["姓名", "身份证号"], ["张三", "已核"], ["李四", id]), "名单.xlsx")]), id, "附件「名单.xlsx」"),
            "mobile-in-text" => (await PostAsync(api, village, body: "联系人王五，电话 13812345678。"), "13812345678", "正文第 1 行"),
            "bank-card-in-table" => (await PostAsync(api, village, table: $$"""{"headers":["户名","卡号"],"rows":[["赵六","{{bank}}"]]}"""), bank, "第 1 行 第 2 列「卡号」"),
            "mobile-in-pdf" => (await PostAsync(api, village, files: [(Pdf(["Income 1200"], ["Budget", "Contact 13812345678"]), "report.pdf")]), "13812345678",
                "附件「report.pdf」第 2 页 第 2 行"),
            _ => (await PostAsync(api, village, files: [(Png, "现场.png")]), "现场.png-unconfirmed", "不含个人信息"),
        };
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain(where);
        text.ShouldNotContain(number);
        (await PostingCountAsync(village)).ShouldBe(0);
        (await FileCountAsync(village)).ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_xlsx_names_its_sheet_row_and_column()
    {
        var village = await VillageAsync();
        var id = ImportFiles.NewId();
        var r = await PostAsync(await f.ApiAs(Town), village, files: [(await ImportFiles.Sheet(["姓名", "身份证号"], ["张三", "已核"], ["李四", id]), "名单.xlsx")]);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("附件「名单.xlsx」工作表「村干部」第 3 行 第 2 列「身份证号」含完整身份证号码");
    }

    [Fact]
    public async Task A_pdf_page_without_text_is_refused_naming_the_page()
    {
        var village = await VillageAsync();
        var r = await PostAsync(await f.ApiAs(Town), village, files: [(Pdf(["Income 1200"], []), "scan.pdf")]);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("附件「scan.pdf」第 2 页没有可读取的文字");
        (await PostingCountAsync(village)).ShouldBe(0);
    }

    [Fact]
    public async Task A_clean_pdf_is_posted()
    {
        var village = await VillageAsync();
        var r = await PostAsync(await f.ApiAs(Town), village, files: [(Pdf(["Income 1200", "Expense 800"]), "report.pdf")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<DisclosureAttachment>().SingleAsync(a => a.RegionCode == village))).ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task An_image_with_the_confirmation_is_posted_with_who_confirmed()
    {
        var village = await VillageAsync();
        var r = await PostAsync(await f.ApiAs(Town), village, files: [(Png, "现场.png")], confirmImages: true);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var file = await f.WithSystemDb(db => db.Set<DisclosureAttachment>().SingleAsync(a => a.RegionCode == village));
        file.ContentType.ShouldBe("image/png");
        file.NoPersonalDataConfirmedBy.ShouldBe(Town);
        file.NoPersonalDataConfirmedAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_clean_xlsx_is_posted_as_a_workbook()
    {
        var village = await VillageAsync();
        var r = await PostAsync(await f.ApiAs(Town), village, files: [(await ImportFiles.Sheet(["科目", "金额"], ["办公经费", "1200"]), "收支.xlsx")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<DisclosureAttachment>().SingleAsync(a => a.RegionCode == village))).ContentType.ShouldEndWith("spreadsheetml.sheet");
    }

    [Fact]
    public async Task A_village_cadre_posting_for_another_village_gets_not_found()
    {
        var r = await PostAsync(await f.ApiAs("village.naoping"), Demo.Sanxingcun);
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound, await r.Content.ReadAsStringAsync());
        (await PostingCountAsync(Demo.Sanxingcun)).ShouldBe(0);
    }

    [Fact]
    public async Task A_period_already_posted_is_refused()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        (await PostAsync(api, village)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await PostAsync(api, village, title: "再次发布");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已公开");
        (await PostingCountAsync(village)).ShouldBe(1);
    }

    [Fact]
    public async Task A_withdrawn_period_may_be_posted_again()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var first = (await (await PostAsync(api, village)).Content.ReadFromJsonAsync<DisclosureView>(CunzhiFactory.Json))!;
        var w = await api.PostAsJsonAsync($"/api/v1/disclosure/postings/{first.Id}/withdraw", new { reason = "金额有误", version = first.Version });
        w.StatusCode.ShouldBe(HttpStatusCode.OK, await w.Content.ReadAsStringAsync());
        var again = await PostAsync(api, village, title: "更正后重新公开");
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        (await PostingCountAsync(village)).ShouldBe(2);
    }

    [Fact]
    public async Task A_period_still_running_is_refused()
    {
        var village = await VillageAsync();
        var r = await PostAsync(await f.ApiAs(Town), village, periodStart: DisclosureRules.QuarterStart(China.Today).AddMonths(3));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("才结束");
    }

    [Fact]
    public async Task The_public_page_shows_a_new_posting_at_once_although_cached()
    {
        var village = await VillageAsync();
        var visitor = f.Anonymous();
        // Twice: the second answer comes from the output cache (it carries an Age header).
        (await (await visitor.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync()).ShouldContain("暂无公开");
        var cached = await visitor.GetAsync($"/Gongkai/{village}");
        cached.Headers.Age.ShouldNotBeNull("第二次请求应由输出缓存应答");
        (await cached.Content.ReadAsStringAsync()).ShouldContain("暂无公开");
        (await PostAsync(await f.ApiAs(Town), village, title: "第三季度村民代表会议决定")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var html = await (await visitor.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync();
        html.ShouldContain("第三季度村民代表会议决定");
    }

    [Fact]
    public async Task The_public_page_drops_a_withdrawn_posting_at_once()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var posted = (await (await PostAsync(api, village, title: "待撤回的公开")).Content.ReadFromJsonAsync<DisclosureView>(CunzhiFactory.Json))!;
        var visitor = f.Anonymous();
        (await (await visitor.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync()).ShouldContain("待撤回的公开");
        (await api.PostAsJsonAsync($"/api/v1/disclosure/postings/{posted.Id}/withdraw", new { reason = "内容有误", version = posted.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await visitor.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync()).ShouldNotContain("待撤回的公开");
    }

    [Fact]
    public async Task The_town_page_lists_its_villages_without_an_account()
    {
        var village = await VillageAsync();
        var r = await f.Anonymous().GetAsync($"/Gongkai/{Demo.Sanxing}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldContain($"/Gongkai/{village}");
    }

    [Fact]
    public async Task A_village_with_owed_disclosures_is_reminded_once_a_week()
    {
        var village = await VillageAsync();
        await using (var scope = f.SystemScope(out var db))
        {
            var county = RegionCodes.CountyOf(village)!;
            if (!await db.Set<DisclosurePolicy>().AnyAsync(p => p.CountyCode == county && p.IsPublished))
            {
                var p = DisclosurePolicy.Default(county);
                (p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc) = (1, DisclosureRules.QuarterStart(China.Today), true, "test", DateTime.UtcNow);
                db.Add(p);
                await db.SaveChangesAsync();
            }
        }
        Task<int> RunAsync() => new DisclosureReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<DisclosureReminderService>.Instance).RunOnceAsync(CancellationToken.None);
        Task<List<Reminder>> RemindersAsync() => f.WithSystemDb(db => db.Set<Reminder>().Where(r => r.RegionCode == village
            && (r.Kind == ReminderKind.DisclosureDueSoon || r.Kind == ReminderKind.DisclosureOverdue)).ToListAsync());
        (await RunAsync()).ShouldBeGreaterThan(0);
        var made = await RemindersAsync();
        made.ShouldNotBeEmpty();
        made.ShouldAllBe(r => r.Link.StartsWith("/Disclosure/Calendar"));
        await RunAsync();
        (await RemindersAsync()).Count.ShouldBe(made.Count);
    }

    [Fact]
    public async Task The_calendar_shows_an_unposted_quarter_as_overdue_once_due()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var r = await api.GetAsync($"/api/v1/disclosure/calendar?region={village}&from={LastQuarter:yyyy-MM-dd}&to={LastQuarter.AddMonths(3).AddDays(-1):yyyy-MM-dd}&pageSize=200");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var view = (await r.Content.ReadFromJsonAsync<DisclosureCalendarView>(CunzhiFactory.Json))!;
        var c01 = view.Items.Items.Single(d => d.ItemCode == "C01");
        c01.State.ShouldBe(c01.DueOn < China.Today ? DisclosureState.Overdue : DisclosureState.Pending);
        (await PostAsync(api, village)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = (await (await api.GetAsync($"/api/v1/disclosure/calendar?region={village}&from={LastQuarter:yyyy-MM-dd}&to={LastQuarter.AddMonths(3).AddDays(-1):yyyy-MM-dd}&pageSize=200"))
            .Content.ReadFromJsonAsync<DisclosureCalendarView>(CunzhiFactory.Json))!;
        after.Items.Items.Single(d => d.ItemCode == "C01").State.ShouldBe(DisclosureState.Done);
    }
}

public sealed class DisclosureTests_Sqlite(SqliteFactory f) : DisclosureTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DisclosureTests_Postgres(PostgresFactory f) : DisclosureTests<PostgresFactory>(f);
