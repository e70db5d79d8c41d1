using System.Runtime.CompilerServices;

namespace Cunzhi.E2E.Infrastructure;

/// <summary>
/// Base of the browser tests: a fresh context per test and a screenshot when a test fails.
/// Each test class states [Collection(BrowserCollection.Name)] and [Trait("Category", "Browser")] itself.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    public const string DemoPassword = "Cunzhi#2026";

    /// <summary>tests/Cunzhi.E2E/screenshots, found from the test assembly's folder (ignored by git).</summary>
    private static readonly Lazy<string> ScreenshotFolder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cunzhi.E2E.csproj"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    protected static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    };

    /// <summary>Runs a test body in its own browser context; on failure saves screenshots/&lt;Class&gt;.&lt;Test&gt;.png and rethrows.</summary>
    protected async Task RunAsync(Func<IPage, Task> body, BrowserNewContextOptions? options = null, [CallerMemberName] string testName = "")
    {
        var screenshot = $"{GetType().Name}.{testName}";
        // A screenshot left by an earlier failing run would suggest this run failed too.
        File.Delete(ScreenshotPath(screenshot));
        await using var context = await fixture.NewContextAsync(options);
        // The Content-Security-Policy makes a blocked script or handler fail silently (a button that does nothing): Chromium
        // only says so on the console. Any such message on any page of the test fails it.
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue($"{message.Page?.Url}: {message.Text}");
        };
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
            if (!violations.IsEmpty)
                throw new Xunit.Sdk.XunitException("页面违反了内容安全策略 (CSP)：\n" + string.Join("\n", violations));
        }
        catch
        {
            await TrySaveScreenshotAsync(page, screenshot);
            throw;
        }
    }

    /// <summary>Saves a full-page screenshot for manual inspection.</summary>
    protected async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private static string ScreenshotPath(string name) => Path.Combine(ScreenshotFolder.Value, name + ".png");

    private async Task TrySaveScreenshotAsync(IPage page, string name)
    {
        try
        {
            await SaveScreenshotAsync(page, name);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The test's own failure matters more than a missing screenshot (e.g. the page crashed).
            output.WriteLine($"Could not save a screenshot: {e.Message}");
        }
    }
}
