using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The payroll file for the town finance office (乡镇财政所): one row per payee with ID number and bank account masked
/// (full only for the reveal right, audited), a 合计 exact to the fen, A4 landscape one page wide with the header
/// repeated and 制表/审核/审批 at the foot; and the cadre's bank account it pays into.
/// </summary>
public abstract class PayExportFileTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static int _accounts;

    /// <summary>A 19-digit account number no other test uses.</summary>
    private static string NewAccount() => "6228480" + (100_000_000_000L + Interlocked.Increment(ref _accounts) * 7_919L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(CadreDetail Cadre, string Id, string Account)> Register(HttpClient api, string name = "钟发放")
    {
        var id = ImportFiles.NewId();
        var account = NewAccount();
        var response = await api.PostAsJsonAsync("/api/v1/cadres", new
        {
            regionCode = Demo.Naoping, name, nationalId = id, phone = "13907951234", educationCode = "college", isPartyMember = true,
            postCode = "committee-member", startDate = "2024-03-01", term = 12, origin = "Elected",
            bankName = "中国农业银行万载县支行", bankAccount = $"{account[..4]} {account[4..8]} {account[8..12]} {account[12..16]} {account[16..]}",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json))!, id, account);
    }

    private static async Task<RunView> Compute(HttpClient town, int year, int month)
    {
        var response = await town.PostAsJsonAsync("/api/v1/pay/runs", new { year, month });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunView>(CunzhiFactory.Json))!;
    }

    private static async Task<byte[]> Export(HttpClient client, long run, bool full = false)
    {
        var response = await client.GetAsync($"/api/v1/pay/runs/{run}/export{(full ? "?full=true" : "")}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every part of the package as text: all sheets, names, headers and footers.</summary>
    private static string PackageText(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        return string.Join("\n", zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    /// <summary>The 发放表 sheet's rows as cell text by column letter, read with the Open XML SDK.</summary>
    private static List<Dictionary<string, string>> PayRows(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var part = PaySheet(document);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]),
            c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""))];
    }

    private static WorksheetPart PaySheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == PayExport.PaySheet);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!);
    }

    private async Task<(RunView Run, byte[] File, string Id, string Account)> ExportedRun(int month)
    {
        var town = await f.ApiAs("town.sanxing");
        var (_, id, account) = await Register(town, $"钟发{month}");
        var run = await Compute(town, 2024, month);
        return (run, await Export(town, run.Id), id, account);
    }

    [Fact]
    public async Task The_bank_account_is_stored_encrypted_and_shown_masked()
    {
        var api = await f.ApiAs("town.sanxing");
        var (cadre, _, account) = await Register(api);
        cadre.Cadre.BankAccountMasked.ShouldBe($"{account[..4]} **** **** {account[^4..]}");
        cadre.Cadre.BankName.ShouldBe("中国农业银行万载县支行");
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == cadre.Cadre.Id));
        stored.BankAccountCipher.ShouldNotBeNull();
        stored.BankAccountCipher.ShouldNotContain(account);
    }

    [Fact]
    public async Task A_bank_account_that_is_not_12_to_30_digits_is_refused_in_Chinese()
    {
        var api = await f.ApiAs("town.sanxing");
        var response = await api.PostAsJsonAsync("/api/v1/cadres", new
        {
            regionCode = Demo.Naoping, name = "钟错号", nationalId = ImportFiles.NewId(), educationCode = "college", postCode = "committee-member",
            startDate = "2024-03-01", origin = "Elected", bankAccount = "62284800",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("银行账号应为 12–30 位数字，当前为 8 位");
    }

    [Fact]
    public async Task The_reveal_gives_the_full_bank_account_and_is_audited()
    {
        var (cadre, _, account) = await Register(await f.ApiAs("town.sanxing"));
        var county = await f.ApiAs("county.admin");
        var revealed = await (await county.PostAsync($"/api/v1/cadres/{cadre.Cadre.Id}/reveal", null)).Content.ReadFromJsonAsync<RevealedNumbers>(CunzhiFactory.Json);
        revealed!.BankAccount.ShouldBe(account);
        (await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Reveal && a.EntityKey == cadre.Cadre.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task Editing_with_the_account_left_empty_keeps_the_stored_one()
    {
        var api = await f.ApiAs("town.sanxing");
        var (cadre, _, account) = await Register(api);
        var response = await api.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", new
        {
            name = "钟改名", educationCode = "college", isPartyMember = true, term = 12, origin = "Elected", version = cadre.Version,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edited = (await response.Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json))!;
        (edited.Cadre.Name, edited.Cadre.BankName, edited.Cadre.BankAccountMasked).ShouldBe(("钟改名", "中国农业银行万载县支行", BankAccount.Mask(account)));
    }

    [Theory]
    [InlineData("town.sanxing")]
    [InlineData("village.naoping")]
    public async Task No_page_api_export_or_audit_entry_shows_a_full_bank_account_without_the_reveal_right(string user)
    {
        var town = await f.ApiAs("town.sanxing");
        var (cadre, _, account) = await Register(town, "钟不露");
        var run = await Compute(town, 2024, user == "town.sanxing" ? 4 : 5);
        var api = await f.ApiAs(user);
        var pages = await f.PagesAs(user);
        var someId = cadre.Cadre.Id;
        var bodies = new List<(string Where, string Body)>
        {
            ("api list", await api.GetStringAsync($"/api/v1/cadres?region={Demo.Naoping}&pageSize=200")),
            ("api detail", await api.GetStringAsync($"/api/v1/cadres/{someId}")),
            ("page list", await pages.GetStringAsync($"/Cadres?region={Demo.Naoping}")),
            ("page detail", await pages.GetStringAsync($"/Cadres/Detail?id={someId}")),
            ("registry export", PackageText(await api.GetByteArrayAsync($"/api/v1/cadres/export?region={Demo.Naoping}"))),
            ("audit entries", string.Join("\n", await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == "Cadre" && a.EntityKey == someId.ToString())
                .Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync()))),
        };
        if (user == "town.sanxing")
        {
            bodies.Add(("page edit", await pages.GetStringAsync($"/Cadres/Edit?id={someId}")));
            bodies.Add(("payroll export", PackageText(await Export(api, run.Id))));
            bodies.Add(("payroll export page", PackageText(await pages.GetByteArrayAsync($"/Pay/Run/{run.Id}?handler=Export"))));
        }
        foreach (var (where, body) in bodies)
            body.ShouldNotContain(account, customMessage: $"{user} {where}");
        // The scan can fail: the masked form is there, on the detail page at least.
        bodies.Single(b => b.Where == "page detail").Body.ShouldContain(BankAccount.Mask(account));
    }

    [Fact]
    public async Task The_payroll_file_has_one_row_per_payee_with_masked_id_and_bank_account()
    {
        var (run, file, id, account) = await ExportedRun(6);
        var lines = await f.WithSystemDb(db => db.Set<PayLine>().Where(l => l.RunId == run.Id).ToListAsync());
        var rows = PayRows(file);
        rows[0]["A"].ShouldBe($"三兴镇2024年6月村干部报酬发放表（草稿，未审批）");
        rows[1].Values.Take(6).ShouldBe(["序号", "姓名", "村（社区）", "身份证号", "开户行", "银行账号"]);
        rows[1].Values.Last().ShouldBe("实发金额");
        var payees = rows.Skip(2).SkipLast(1).ToList();
        payees.Count.ShouldBe(lines.Select(l => l.CadreId).Distinct().Count());
        payees.Select(r => r["A"]).ShouldBe(Enumerable.Range(1, payees.Count).Select(n => n.ToString()));
        var mine = payees.Single(r => r["B"] == "钟发6");
        (mine["D"], mine["E"], mine["F"]).ShouldBe((NationalId.Mask(id), "中国农业银行万载县支行", BankAccount.Mask(account)));
        NationalId.FindAllValidIn(PackageText(file)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_total_row_equals_the_runs_total_to_the_fen()
    {
        var (run, file, _, _) = await ExportedRun(7);
        var rows = PayRows(file);
        var header = rows[1];
        var net = header.Single(c => c.Value == "实发金额").Key;
        var total = rows[^1];
        total["B"].ShouldBe("合计");
        var sum = rows.Skip(2).SkipLast(1).Sum(r => decimal.Parse(r[net], System.Globalization.CultureInfo.InvariantCulture));
        decimal.Parse(total[net], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(run.TotalFen / 100m);
        sum.ShouldBe(run.TotalFen / 100m);
        run.TotalFen.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Only_the_amount_columns_the_run_has_are_shown()
    {
        var (run, file, _, _) = await ExportedRun(8);
        var headers = PayRows(file)[1].Values.ToList();
        headers.ShouldContain("基本报酬");
        // No adjustment is possible in a draft run of its own month, so that column is left out.
        run.Totals.AdjustmentFen.ShouldBe(0);
        headers.ShouldNotContain("调整");
    }

    [Fact]
    public async Task The_payroll_file_passes_the_Open_XML_schema_check()
    {
        var (_, file, _, _) = await ExportedRun(9);
        XlsxFiles.ValidationErrors(file).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_payroll_sheet_prints_on_A4_landscape_one_page_wide()
    {
        var (_, file, _, _) = await ExportedRun(10);
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = PaySheet(document).Worksheet;
        var setup = sheet.GetFirstChild<PageSetup>()!;
        (setup.PaperSize?.Value, setup.Orientation?.Value, setup.FitToWidth?.Value, setup.FitToHeight?.Value)
            .ShouldBe(((uint?)9, (OrientationValues?)OrientationValues.Landscape, (uint?)1, (uint?)0));
        sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue();
    }

    [Fact]
    public async Task The_header_row_is_repeated_on_every_printed_page()
    {
        var (_, file, _, _) = await ExportedRun(11);
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!.Workbook;
        var index = workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList().IndexOf(PayExport.PaySheet);
        var titles = workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        titles.LocalSheetId!.Value.ShouldBe((uint)index);
        titles.Text.ShouldBe($"'{PayExport.PaySheet}'!$2:$2");
        PayRows(file)[1]["A"].ShouldBe("序号");
    }

    [Fact]
    public async Task Every_printed_page_carries_the_signature_footer()
    {
        var (_, file, _, _) = await ExportedRun(12);
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var footer = PaySheet(document).Worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text;
        footer.ShouldBe("&L制表：&C审核：&R审批：");
    }

    [Fact]
    public async Task The_demo_run_pays_every_payee_into_a_bank_account()
    {
        var last = China.Today.AddMonths(-1);
        var county = await f.ApiAs("county.admin");
        var runs = (await county.GetFromJsonAsync<Features.Paged<RunSummary>>($"/api/v1/pay/runs?year={last.Year}&month={last.Month}", CunzhiFactory.Json))!;
        var run = runs.Items.Single(r => r.Town == Demo.Sanxing);
        var payees = PayRows(await Export(county, run.Id)).Skip(2).SkipLast(1).ToList();
        payees.ShouldNotBeEmpty();
        payees.ShouldAllBe(r => r.ContainsKey("E") && System.Text.RegularExpressions.Regex.IsMatch(r["F"], @"^\d{4} \*{4} \*{4} \d{4}$"));
    }

    [Fact]
    public async Task A_full_export_is_refused_without_the_reveal_right()
    {
        var town = await f.ApiAs("town.sanxing");
        var run = await Compute(town, 2025, 1);
        (await town.GetAsync($"/api/v1/pay/runs/{run.Id}/export?full=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A page's refusal sends the browser to the access-denied page.
        var page = await (await f.PagesAs("town.sanxing")).GetAsync($"/Pay/Run/{run.Id}?handler=Export&full=true");
        page.StatusCode.ShouldBe(HttpStatusCode.Found);
        page.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }

    [Fact]
    public async Task A_full_export_carries_the_full_numbers_and_is_audited()
    {
        var town = await f.ApiAs("town.sanxing");
        var (_, id, account) = await Register(town, "钟全额");
        var run = await Compute(town, 2025, 2);
        var county = await f.ApiAs("county.admin");
        Task<int> Exports() => f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.Entity == nameof(PayrollRun) && a.EntityKey == run.Id.ToString()));
        await Export(county, run.Id);
        (await Exports()).ShouldBe(0);
        var rows = PayRows(await Export(county, run.Id, full: true));
        var mine = rows.Single(r => r.GetValueOrDefault("B") == "钟全额");
        (mine["D"], mine["F"]).ShouldBe((id, account));
        (await Exports()).ShouldBe(1);
    }

    [Fact]
    public async Task The_print_sheet_shows_the_bank_and_the_masked_account_never_the_full_number()
    {
        var town = await f.ApiAs("town.sanxing");
        var (_, _, account) = await Register(town, "钟打印");
        var run = await Compute(town, 2024, 3);
        // Even an account with the reveal right gets the masked number: the full one leaves only through the audited export.
        var response = await (await f.PagesAs("county.admin")).GetAsync($"/Pay/Print/{run.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(account);
        var html = await CunzhiFactory.Html(response);
        html.QuerySelectorAll("[data-testid=sheet] thead th").Select(th => th.TextContent).ShouldContain("开户行");
        var row = html.QuerySelectorAll("[data-testid=sheet] tbody tr").Single(tr => tr.TextContent.Contains("钟打印"));
        row.QuerySelector("[data-testid=print-bank]")!.TextContent.ShouldBe("中国农业银行万载县支行");
        row.QuerySelector("[data-testid=print-account]")!.TextContent.ShouldBe(BankAccount.Mask(account));
    }
}

public sealed class PayExportFileTests_Sqlite(SqliteFactory f) : PayExportFileTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PayExportFileTests_Postgres(PostgresFactory f) : PayExportFileTests<PostgresFactory>(f);
