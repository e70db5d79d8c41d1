using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP, on a database of its own, with the demo county seeded small
/// (3 households a village). One instance per test class; subclasses pick the provider. The demo county is
/// generated once per provider per test run (<see cref="SeededTemplates"/>) and each fixture starts on a copy
/// of it, so a test class pays for a file copy or a <c>CREATE DATABASE … TEMPLATE</c>, not for migrating and seeding.
/// </summary>
public abstract class CunzhiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Cunzhi#2026";

    /// <summary>How the API writes JSON: camelCase, enums as names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    protected abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "cunzhi-test-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>Development by default; a Production fixture also writes the personal-data key file (never generated there).</summary>
    protected virtual string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (EnvironmentName != "Development")
        {
            // The demo accounts take tokens with the password alone, as in Development.
            builder.UseSetting("Security:RequireTwoFactorRoles", "");
            // The test server speaks plain HTTP: with Production's HTTPS redirection every request would get a 308
            // and a sweep for 500s could never fail.
            builder.UseSetting("Security:HttpsRedirect", "false");
        }
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cunzhi", ConnectionString);
        builder.UseSetting("Demo:SeedOnStart", "true");
        // A query that pages or takes First() without an order fails the test (README: stable order on every list).
        builder.UseSetting("Database:StrictQueryOrder", "true");
        builder.UseSetting("Demo:HouseholdsPerVillage", "3");
        // Hundreds of tests assume an empty burden side: the template has no activity (DemoActivityTests seeds it on its copy).
        builder.UseSetting("Demo:Activity", "false");
        builder.UseSetting("DataProtection:KeysPath", _keys);
        // One personal-data key for the run: the seeded copies hold its cipher texts and its audit seals.
        builder.UseSetting("PersonalData:KeyFile", SeededTemplates.KeyFile);
    }

    /// <summary>Puts the seeded demo county into this fixture's empty database (a copy of the run's template).</summary>
    protected abstract Task CopySeededDatabaseAsync();

    public virtual async Task InitializeAsync()
    {
        await CopySeededDatabaseAsync();
        _ = Server; // starts the host: no migration is pending and the demo county is already there
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }

    /// <summary>A data context acting as the system, for arranging and inspecting rows.</summary>
    public AsyncServiceScope SystemScope(out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        return scope;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the login form.</summary>
    public async Task<HttpClient> PagesAs(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{userName} 应能登录");
        return client;
    }

    /// <summary>An anonymous browser-like client.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An API client with a bearer token.</summary>
    public async Task<HttpClient> ApiAs(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{userName} 应能取得令牌");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken);

    /// <summary>GETs the page, takes the antiforgery token of its first form (or the named one), and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formAction = null)
    {
        var page = await client.GetAsync(url);
        var doc = await Html(page);
        var form = doc.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().FirstOrDefault(f => formAction is null || (f.GetAttribute("action") ?? "").Contains(formAction))
                   ?? throw new InvalidOperationException($"{url} 上没有表单");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"{url} 的表单没有防伪令牌");
        var data = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        // As a browser does, the form's hidden fields go along unless the test sets them (the record's Version among them).
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
            data.TryAdd(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? "");
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(data));
    }

    public static async Task<IHtmlDocument> Html(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}

public class SqliteFactory : CunzhiFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cunzhi-test-{Guid.NewGuid():N}.db");
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_file}";

    protected override async Task CopySeededDatabaseAsync() => SeededTemplates.CopySqlite(await SeededTemplates.SqliteAsync(), _file);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>
/// PostgreSQL from <c>CUNZHI_TEST_POSTGRES</c> (a connection string whose user may create databases).
/// Each fixture creates its own database and drops it afterwards. Without the variable the fixture
/// fails: a test that cannot reach PostgreSQL must not pass silently (test.sh excludes these
/// tests, loudly, only outside CI).
/// </summary>
public class PostgresFactory : CunzhiFactory
{
    public const string Variable = "CUNZHI_TEST_POSTGRES";
    private readonly string _database = $"cunzhi_test_{Guid.NewGuid():N}";

    internal static string ServerConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"未设置环境变量 {Variable}：PostgreSQL 测试无法运行（请用 ./test.sh，它会启动本机 PostgreSQL）");

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database }.ToString();

    protected override async Task CopySeededDatabaseAsync() =>
        await SeededTemplates.CopyPostgresAsync(ServerConnection, await SeededTemplates.PostgresAsync(ServerConnection), _database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ToString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The app in Production mode on SQLite (error handling and option defaults differ from Development).</summary>
public sealed class SqliteProductionFactory : SqliteFactory
{
    protected override string EnvironmentName => "Production";
}

/// <summary>The app in Production mode on PostgreSQL.</summary>
public sealed class PostgresProductionFactory : PostgresFactory
{
    protected override string EnvironmentName => "Production";
}
