using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;
using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CadreImportTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string[] Headers =
        ["姓名*", "身份证号*", "手机号", "所在村（社区）*", "职务*", "任职日期*", "学历*", "政治面貌", "届次", "来源", "派出单位", "专业化管理书记"];

    private static int _sequence;

    /// <summary>Valid, and unlike any demo cadre's (a Tianjin prefix, born in the 1940s).</summary>
    // Fifty men a birthday (odd sequence codes 401–499) from 1942 on: the 60,000 rows of the long import stay born before 1946.
    private static string NewId()
    {
        var n = Interlocked.Increment(ref _sequence);
        return NationalId.Compose("120101", new DateOnly(1942, 1, 1).AddDays(n / 50), 401 + n % 50 * 2, Gender.Male);
    }

    private static async Task<byte[]> Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, new XlsxSheet("村干部", [.. Headers.Select(h => new XlsxColumn(h))], rows));
        return stream.ToArray();
    }

    [Fact]
    public Task Town_admin_imports_a_small_file_and_finds_the_cadres_in_the_list() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        var cadres = await new CadresPage(page).GotoAsync();
        var import = await cadres.OpenImportAsync();
        var file = await Workbook(
            ["浏览器甲", NewId(), "13907953001", "闹坪村", "委员", "2024-03-01", "大专", "中共党员", "12", null, null, null],
            ["浏览器乙", NewId(), null, "三兴镇/闹坪村", "村（居）委会副主任", "2024-03-01", "本科", "群众", null, null, null, null]);

        await import.UploadAsync("村干部.xlsx", file);
        await import.WaitForResultAsync("完成");
        await Expect(import.Message).ToContainTextAsync("共写入 2 条");
        await SaveScreenshotAsync(page, "cadre-import-done");

        await import.ListLink.FollowAsync();
        await cadres.GotoAsync("region=360922106208&q=" + Uri.EscapeDataString("浏览器"));
        await Expect(cadres.Rows).ToHaveCountAsync(2);
        await Expect(cadres.Row("浏览器甲")).ToContainTextAsync("委员");
        await Expect(cadres.Row("浏览器甲")).ToContainTextAsync("139****3001");
        await Expect(cadres.Row("浏览器乙")).ToContainTextAsync("村（居）委会副主任");
    });

    [Fact]
    public Task A_file_with_errors_lists_each_error_and_imports_nothing() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        var import = await (await new CadresPage(page).GotoAsync()).OpenImportAsync();
        var file = await Workbook(
            ["浏览器丙", NewId(), null, "闹坪村", "委员", "2024-03-01", "大专", null, null, null, null, null],
            ["浏览器丁", "123", null, "东溪村", "村长", "2024-03-01", "大专", null, null, null, null, null]);

        await import.UploadAsync("有错误.xlsx", file);
        await import.WaitForResultAsync("有错误");
        await Expect(import.Message).ToContainTextAsync("没有导入任何数据");
        await Expect(import.ErrorRows).ToHaveCountAsync(3);
        // By row, then left to right.
        await Expect(import.ErrorRows.Nth(0)).ToContainTextAsync("身份证号");
        await Expect(import.ErrorRows.Nth(1)).ToContainTextAsync("不在您的管辖范围内");
        await Expect(import.ErrorRows.Nth(2)).ToContainTextAsync("职务");
        await SaveScreenshotAsync(page, "cadre-import-errors");

        var cadres = await new CadresPage(page).GotoAsync("q=" + Uri.EscapeDataString("浏览器丙"));
        await Expect(cadres.Rows).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_long_import_shows_its_progress_until_the_result() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        var import = await (await new CadresPage(page).GotoAsync()).OpenImportAsync();
        // 60,000 valid rows whose first and last share an ID number: every row is read and checked before the
        // duplicate is found, which takes seconds, and nothing is written. (20,000 rows were checked on a quiet machine
        // before the page that shows the progress had rendered, and the test saw only the result.)
        var twice = NewId();
        var rows = Enumerable.Range(0, 60_000).Select(i => new object?[]
        {
            $"进度{i:00000}", i is 0 or 59_999 ? twice : NewId(), null, "闹坪村", "委员", "2024-03-01", "大专", null, null, null, null, null,
        }).ToArray();

        await import.UploadAsync("六万行.xlsx", await Workbook(rows));
        await Expect(import.Progress).ToBeVisibleAsync();
        // Updated by the page's script from the status it polls: the rows checked out of the counted total.
        await Expect(import.ProgressText).ToContainTextAsync(new Regex(@"已校验 [0-9,]+ / 60,000 行"));
        await SaveScreenshotAsync(page, "cadre-import-progress");

        await import.WaitForResultAsync("有错误");
        await Expect(import.Progress).ToHaveCountAsync(0);
        await Expect(import.ErrorRows).ToHaveCountAsync(2);
        await Expect(import.ErrorRows.Nth(0)).ToContainTextAsync("与第 60001 行的身份证号重复");
    });
}
