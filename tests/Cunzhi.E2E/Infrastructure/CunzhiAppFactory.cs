using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.E2E.Infrastructure;

/// <summary>
/// The real app on Kestrel (loopback, free port) over a fresh SQLite file with the demo county,
/// so a browser can reach it over TCP. Everything it writes lives in one temporary folder.
/// </summary>
public sealed class CunzhiAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cunzhi-e2e-").FullName;

    public string DatabasePath => Path.Combine(_folder, "cunzhi.db");

    public CunzhiAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the host (migrations and demo seeding included) and returns where it listens.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.SingleOrDefault()
            ?? throw new InvalidOperationException($"Kestrel should listen on exactly one address, got: {string.Join(", ", addresses)}");
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings while
        // building, before configuration sources added by the factory would apply.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("ConnectionStrings:Cunzhi", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Demo:HouseholdsPerVillage", "3");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("PersonalData:KeyFile", Path.Combine(_folder, "keys", "personal-data.key"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
