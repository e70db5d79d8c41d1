using Cunzhi.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.E2E.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>One app and one Chromium for the whole run; each test opens its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private readonly CunzhiAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        // StartServer blocks until the app has migrated and seeded; keep that off xunit's synchronisation context.
        BaseAddress = await Task.Run(_app.Start);
        var database = _app.Services.GetRequiredService<DatabaseInfo>();
        if (!database.ConnectionString.Contains(_app.DatabasePath, StringComparison.Ordinal))
            throw new InvalidOperationException($"The app is not using the test database {_app.DatabasePath} but {database.ConnectionString}");

        SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString().TrimEnd('/');
        options.Locale ??= "zh-CN";
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Debian's Chromium; Playwright's own browser downloads are never used.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CUNZHI_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install it (apt-get install chromium fonts-noto-cjk) or set CUNZHI_CHROMIUM " +
                "to its executable. To run the other tests without a browser, filter these out: dotnet test --filter \"Category!=Browser\".");
        return path;
    }
}
