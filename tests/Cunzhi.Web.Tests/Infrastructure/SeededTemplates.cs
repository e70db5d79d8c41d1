using Cunzhi.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>
/// The demo county, migrated and seeded once per provider per test run, for every fixture to copy: about seventy
/// test classes each used to migrate an empty database and generate the county themselves. The template is built by
/// starting the real application on it once (so it is exactly what a fixture's own start would have made), and is
/// removed when the test process exits. All fixtures share the run's personal-data key, which sealed the copy's
/// audit chain and encrypted its ID numbers.
/// </summary>
public static class SeededTemplates
{
    private static readonly string Folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "cunzhi-test-run-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The run's personal-data key file.</summary>
    public static string KeyFile { get; } = WriteKey();

    private static readonly Lazy<Task<string>> Sqlite = new(BuildSqliteAsync);
    private static Lazy<Task<string>>? _postgres;
    private static readonly object PostgresLock = new();
    // CREATE DATABASE … TEMPLATE refuses while another session (another copy among them) uses the template.
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    static SeededTemplates()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();
        // Folders of runs whose host was ended before its exit handler finished.
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "cunzhi-test-run-*"))
            if (Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-3))
                try { Directory.Delete(old, recursive: true); }
                catch (IOException) { }
    }

    private static string WriteKey()
    {
        var file = Path.Combine(Folder, "personal-data.key");
        File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return file;
    }

    /// <summary>The seeded SQLite file (built on first use).</summary>
    public static Task<string> SqliteAsync() => Sqlite.Value;

    /// <summary>The seeded PostgreSQL database's name on <paramref name="server"/> (built on first use).</summary>
    public static Task<string> PostgresAsync(string server)
    {
        lock (PostgresLock) _postgres ??= new Lazy<Task<string>>(() => BuildPostgresAsync(server));
        return _postgres.Value;
    }

    /// <summary>Copies the template into <paramref name="file"/> with SQLite's online backup (consistent whatever the journal mode).</summary>
    public static void CopySqlite(string template, string file)
    {
        // One copy at a time: read-only opens of the template racing each other met "database is locked" (error 261).
        lock (SqliteCopies) Copy(template, file);
    }

    private static readonly object SqliteCopies = new();

    private static void Copy(string template, string file)
    {
        using var source = new SqliteConnection($"Data Source={template};Mode=ReadOnly;Pooling=False");
        using var target = new SqliteConnection($"Data Source={file};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Creates <paramref name="database"/> as a copy of the template, one copy at a time.</summary>
    public static async Task CopyPostgresAsync(string server, string template, string database)
    {
        await PostgresCopies.WaitAsync();
        try { await ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\""); }
        finally { PostgresCopies.Release(); }
    }

    private static async Task<string> BuildSqliteAsync()
    {
        var file = Path.Combine(Folder, "template.db");
        await using (var builder = new Builder(DatabaseProvider.Sqlite, $"Data Source={file}"))
            await builder.InitializeAsync();
        SqliteConnection.ClearAllPools();
        // The app left it in write-ahead mode; a plain rollback journal lets readers open it without a -shm file.
        using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE;";
            cmd.ExecuteNonQuery();
        }
        return file;
    }

    private static async Task<string> BuildPostgresAsync(string server)
    {
        await DropStaleTemplatesAsync(server);
        var name = $"{TemplatePrefix}{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        _postgresTemplate = (server, name);
        await using (var builder = new Builder(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()))
            await builder.InitializeAsync();
        NpgsqlConnection.ClearAllPools(); // no idle connection may stay on the template
        return name;
    }

    private static (string Server, string Name)? _postgresTemplate;

    private const string TemplatePrefix = "cunzhi_template_";

    /// <summary>
    /// Drops templates left by runs that started over three hours ago (no run lasts that long): the test host may be
    /// ended before its exit handler's DROP DATABASE returns. A running run's template is younger and stays.
    /// </summary>
    private static async Task DropStaleTemplatesAsync(string server)
    {
        var stale = new List<string>();
        await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'cunzhi\\_template\\_%'", c);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) stale.Add(r.GetString(0));
        }
        var cutoff = DateTime.UtcNow.AddHours(-3);
        foreach (var name in stale)
            if (DateTime.TryParseExact(name.AsSpan(TemplatePrefix.Length, Math.Min(14, name.Length - TemplatePrefix.Length)), "yyyyMMddHHmmss",
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var made)
                && made < cutoff)
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void Cleanup()
    {
        // The folder first: the test host may be ended before a slow DROP DATABASE returns.
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        try
        {
            if (_postgresTemplate is { } t)
                ExecuteAsync(t.Server, $"DROP DATABASE IF EXISTS \"{t.Name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException) { } // the server may be gone already; the name is unique to this run
    }

    /// <summary>The application started once on the empty template database: it migrates and seeds it.</summary>
    private sealed class Builder(DatabaseProvider provider, string connectionString) : CunzhiFactory
    {
        protected override DatabaseProvider Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override Task CopySeededDatabaseAsync() => Task.CompletedTask;
    }
}
