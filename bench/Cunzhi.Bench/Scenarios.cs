using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Bench;

/// <summary>The measured scenarios. Each does its setup untimed, then times only the part named.</summary>
public static partial class Scenarios
{
    public static async Task<IReadOnlyList<RunResult>> RunAsync(RunSpec spec) => spec.Scenario switch
    {
        "generate" or "growth" => [await GenerateAsync(spec)],
        "import" => await ImportBothAsync(spec),
        "import-invalid" => [await ImportAsync(spec, null)],
        "paylines" or "national-paylines" => [await PayLinesAsync(spec)],
        "http" or "http-page" or "http-api" => await HttpAsync(spec),
        "http-board" => await BoardAsync(spec),
        "audit" => [await AuditAsync(spec)],
        "payroll" => [await PayrollAsync(spec)],
        "payroll-compute" => [await PayrollComputeAsync(spec)],
        "redeem" => [await RedeemAsync(spec)],
        "points" => await PointsAsync(spec),
        "sla" => [SlaAsync(spec)],
        "matter-stats" => await MatterStatsAsync(spec),
        "duty" => await DutyAsync(spec),
        "portal" => await PortalAsync(spec),
        "portal-admin" => await PortalAdminAsync(spec),
        "supervision-overview" => await SupervisionOverviewAsync(spec),
        "visit-list" or "visit-list-page" or "visit-list-api" => await VisitListAsync(spec),
        _ => throw new ArgumentException($"未知场景 {spec.Scenario}"),
    };

    private static RunResult Result(RunSpec spec, double seconds, long rows, long peak, string peakOf, string load, Dictionary<string, double>? metrics = null, string? note = null) => new()
    {
        Scenario = spec.Scenario, Provider = spec.Provider, Size = spec.Size, Run = spec.Run, Seconds = seconds, Rows = rows,
        PeakBytes = peak, PeakOf = peakOf, LoadBefore = load, Metrics = metrics ?? [], Note = note,
    };

    private const string OwnPeak = "bench process (PeakWorkingSet64)";
    private const string ServerPeak = "server process (VmHWM)";

    // ---------------------------------------------------------------- 1 and 6: generation

    /// <summary>
    /// The divisions a generation run covers: 万载县, one province (江西 36), or — for a number — the first villages of the
    /// national list in code order, enough for about that many cadres (7.15 a village on average), with their towns and counties.
    /// </summary>
    public static IReadOnlyList<Division> SelectDivisions(string scale, string? divisionData)
    {
        if (scale == "county") return [.. Divisions.Wanzai()];
        var folder = Paths.DivisionData(divisionData);
        if (scale == "province") return [.. Divisions.FromPackage(folder, "36")];
        var cadres = int.Parse(scale);
        // Without the package (CI's smoke run) a slice of 万载 serves, which holds about 1,500 cadres.
        var all = File.Exists(Path.Combine(folder, "villages.csv")) ? Divisions.FromPackage(folder, null).ToList() : Divisions.Wanzai().ToList();
        var villages = all.Where(d => d.Level == RegionLevel.Village).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Take((int)Math.Ceiling(cadres / 7.15)).ToList();
        var towns = villages.Select(v => v.ParentCode).ToHashSet();
        var counties = all.Where(d => d.Level == RegionLevel.Town && towns.Contains(d.Code)).Select(t => t.ParentCode).ToHashSet();
        return [.. all.Where(d => d.Level == RegionLevel.County && counties.Contains(d.Code)),
                .. all.Where(d => d.Level == RegionLevel.Town && towns.Contains(d.Code)), .. villages];
    }

    private static async Task<RunResult> GenerateAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        await DataSetup.MigrateAsync(db);
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedReferenceDataAsync();
        var divisions = SelectDivisions(spec.GenerateScale, spec.Smoke ? Path.Combine(Paths.Scratch, "no-package") : spec.DivisionData);
        var options = new DemoOptions { Scale = DemoScale.Province, HouseholdsPerVillage = spec.HouseholdsPerVillage, Activity = false };
        var load = Memory.LoadAverage();
        var watch = Stopwatch.StartNew();
        if (!await seeder.SeedDemoAsync(options, divisions, TextWriter.Null)) throw new InvalidOperationException("数据库不是空的");
        watch.Stop();
        var peak = Memory.OwnPeak();
        var counts = new Dictionary<string, double>
        {
            ["regions"] = await db.Set<Region>().IgnoreQueryFilters().LongCountAsync(),
            ["households"] = await db.Set<Household>().IgnoreQueryFilters().LongCountAsync(),
            ["residents"] = await db.Set<Resident>().IgnoreQueryFilters().LongCountAsync(),
            ["cadres"] = await db.Set<Cadre>().IgnoreQueryFilters().LongCountAsync(),
            ["posts"] = await db.Set<CadrePost>().IgnoreQueryFilters().LongCountAsync(),
            ["reserves"] = await db.Set<ReserveCadre>().IgnoreQueryFilters().LongCountAsync(),
            ["villages"] = divisions.Count(d => d.Level == RegionLevel.Village),
        };
        var rows = (long)(counts["regions"] + counts["households"] + counts["residents"] + counts["cadres"] + counts["posts"] + counts["reserves"]);
        counts["rowsPerSecond"] = rows / watch.Elapsed.TotalSeconds;
        counts["cadresPerSecond"] = counts["cadres"] / watch.Elapsed.TotalSeconds;
        return Result(spec, watch.Elapsed.TotalSeconds, rows, peak, OwnPeak, load, counts,
            $"{spec.HouseholdsPerVillage} households a village on average; all tables, indexes as migrated; includes the 7 demo accounts when 万载 is in the slice");
    }

    // ---------------------------------------------------------------- 2: import

    /// <summary>An import file of <paramref name="rows"/> valid new cadres over 万载's villages (cached in the scratch folder).</summary>
    public static async Task<string> ImportFileAsync(int rows, bool invalidLastRow)
    {
        Directory.CreateDirectory(Paths.Scratch);
        var path = Path.Combine(Paths.Scratch, $"cadres-{rows}{(invalidLastRow ? "-invalid" : "")}.xlsx");
        if (File.Exists(path)) return path;
        var villages = Divisions.Wanzai().Where(d => d.Level == RegionLevel.Village).Select(d => d.Code).ToArray();
        string Ref(string kind, string code) => Domain.Common.ReferenceData.All.Single(r => r.Kind == kind && r.Code == code).Name;
        var posts = new[] { "committee-member", "deputy-director", "committee-member" }.Select(c => Ref(Domain.Common.ReferenceData.Post, c)).ToArray();
        var educations = new[] { "college", "senior", "bachelor", "college" }.Select(c => Ref(Domain.Common.ReferenceData.Education, c)).ToArray();
        IEnumerable<object?[]> Rows()
        {
            for (var i = 0; i < rows; i++)
            {
                var variant = i / 12_000;
                var gender = variant % 2 == 0 ? Gender.Male : Gender.Female;
                // Beijing prefix and 1966–1998 births: never one of the demo's 万载 numbers; unique by (day, sequence).
                var id = Domain.Identity.NationalId.Compose("110105", new DateOnly(1966, 1, 1).AddDays(i % 12_000), 100 + variant * 2, gender);
                var name = ChineseNames.Full(new Random(i), gender);
                var bad = invalidLastRow && i == rows - 1;
                yield return [name, bad ? "110105196601011234" : id, $"139{i:00000000}", villages[i % villages.Length], posts[i % posts.Length],
                    "2024-03-01", educations[i % educations.Length], i % 3 == 0 ? "群众" : "中共党员", 12, null, null, null];
            }
        }
        string[] headers = ["姓名*", "身份证号*", "手机号", "所在村（社区）*", "职务*", "任职日期*", "学历*", "政治面貌", "届次", "来源", "派出单位", "专业化管理书记"];
        await using (var file = File.Create(path + ".tmp"))
            await XlsxWriter.WriteAsync(file, new XlsxSheet("村干部", [.. headers.Select(h => new XlsxColumn(h))], Rows()));
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    /// <summary>
    /// On one server and database: first the file with one bad row (rejected, nothing written), then the valid file.
    /// The second result's server peak therefore covers both.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> ImportBothAsync(RunSpec spec)
    {
        await using var server = await ImportServerAsync(spec);
        return [await ImportAsync(spec with { Scenario = "import-invalid" }, server), await ImportAsync(spec, server)];
    }

    // The demo county (small households) gives the villages and the county admin; the server migrates and seeds it.
    private static Task<ServerProcess> ImportServerAsync(RunSpec spec) => ServerProcess.StartAsync(spec.Database, new Dictionary<string, string?>
    {
        ["Demo:SeedOnStart"] = "true", ["Demo:HouseholdsPerVillage"] = "3",
    });

    private static async Task<RunResult> ImportAsync(RunSpec spec, ServerProcess? shared)
    {
        var invalid = spec.Scenario == "import-invalid";
        var file = await ImportFileAsync(spec.Rows, invalid);
        await using var own = shared is null ? await ImportServerAsync(spec) : null;
        var server = shared ?? own!;
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "county.admin"));
        var load = Memory.LoadAverage();
        var watch = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(File.OpenRead(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "村干部.xlsx");
        var response = await api.PostAsync("/api/v1/cadres/import", content);
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"上传失败 {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        double? writingAt = null;
        JsonElement view;
        while (true)
        {
            view = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/imports/{id}")).RootElement;
            var state = view.GetProperty("state").ToString();
            if (writingAt is null && state is "Writing" or "2" or "Completed") writingAt = watch.Elapsed.TotalSeconds;
            if (view.GetProperty("finished").GetBoolean()) break;
            await Task.Delay(100);
        }
        watch.Stop();
        var final = view.GetProperty("state").ToString();
        var expected = invalid ? "Invalid" : "Completed";
        if (final != expected)
            throw new InvalidOperationException($"导入应为 {expected}，实为 {final}：{view.GetProperty("message")} {string.Join("; ", view.GetProperty("errors").EnumerateArray().Take(5).Select(e => e.ToString()))}");
        if (invalid && view.GetProperty("errorCount").GetInt32() != 1)
            throw new InvalidOperationException($"应只有 1 处错误，实为 {view.GetProperty("errorCount")}");
        var metrics = new Dictionary<string, double> { ["rowsPerSecond"] = spec.Rows / watch.Elapsed.TotalSeconds, ["fileBytes"] = new FileInfo(file).Length };
        if (!invalid && writingAt is { } w)
        {
            metrics["validateSeconds"] = w;
            metrics["writeSeconds"] = watch.Elapsed.TotalSeconds - w;
        }
        return Result(spec, watch.Elapsed.TotalSeconds, spec.Rows, server.PeakBytes(), ServerPeak, load, metrics,
            invalid ? "same file with the last row's ID number broken: time until the job is rejected with that one error, nothing written; run first on the server"
                    : "run second on the same server; upload through POST /api/v1/cadres/import as county.admin until the job is Completed (read, check every row, then one transaction with an audit entry per row)");
    }

    private static async Task<string> TokenAsync(HttpClient api, string user)
    {
        var response = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "Cunzhi#2026" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{user} 取令牌失败 {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    // ---------------------------------------------------------------- 3: pay-line lower bound

    public const string PayLineTable = "bench_pay_lines";
    private static readonly string[] PayItems = ["basic", "performance", "seniority", "subsidy", "social-insurance", "deduction"];

    /// <summary>
    /// The fastest raw write of a pay-line-shaped table (no EF, no audit): binary COPY on PostgreSQL, a prepared
    /// 100-row INSERT reused in one transaction on SQLite. The lower bound a payroll run's write can approach.
    /// </summary>
    private static async Task<RunResult> PayLinesAsync(RunSpec spec)
    {
        var rows = spec.Rows;
        IEnumerable<object[]> Lines()
        {
            for (long i = 1; i <= rows; i++)
                yield return [i, 1 + (i - 1) / PayItems.Length, $"3609221{i % 99:00}{i % 997:000}"[..12], 202601, PayItems[(int)(i % PayItems.Length)], 50_000 + i % 300_000, 1L,
                    new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)];
        }
        long written;
        double seconds;
        var load = Memory.LoadAverage();
        if (spec.Provider == "postgres")
        {
            await using var pg = new NpgsqlConnection(spec.ConnectionString);
            await pg.OpenAsync();
            await using (var create = new NpgsqlCommand($"""
                CREATE TABLE {PayLineTable} ("Id" bigint PRIMARY KEY, "CadreId" bigint NOT NULL, "RegionCode" varchar(12) NOT NULL, "Period" integer NOT NULL,
                  "ItemCode" varchar(32) NOT NULL, "AmountFen" bigint NOT NULL, "RunId" bigint NOT NULL, "CreatedAtUtc" timestamptz NOT NULL);
                CREATE INDEX ix_{PayLineTable}_cadre ON {PayLineTable} ("CadreId", "Period");
                """, pg))
                await create.ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            await using (var w = await pg.BeginBinaryImportAsync($"COPY {PayLineTable} (\"Id\", \"CadreId\", \"RegionCode\", \"Period\", \"ItemCode\", \"AmountFen\", \"RunId\", \"CreatedAtUtc\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var l in Lines())
                {
                    await w.StartRowAsync();
                    await w.WriteAsync((long)l[0], NpgsqlTypes.NpgsqlDbType.Bigint);
                    await w.WriteAsync((long)l[1], NpgsqlTypes.NpgsqlDbType.Bigint);
                    await w.WriteAsync((string)l[2], NpgsqlTypes.NpgsqlDbType.Varchar);
                    await w.WriteAsync((int)l[3], NpgsqlTypes.NpgsqlDbType.Integer);
                    await w.WriteAsync((string)l[4], NpgsqlTypes.NpgsqlDbType.Varchar);
                    await w.WriteAsync((long)l[5], NpgsqlTypes.NpgsqlDbType.Bigint);
                    await w.WriteAsync((long)l[6], NpgsqlTypes.NpgsqlDbType.Bigint);
                    await w.WriteAsync((DateTime)l[7], NpgsqlTypes.NpgsqlDbType.TimestampTz);
                }
                written = (long)await w.CompleteAsync();
            }
            seconds = watch.Elapsed.TotalSeconds;
        }
        else
        {
            await using var lite = new SqliteConnection(spec.ConnectionString);
            await lite.OpenAsync();
            await using (var create = lite.CreateCommand())
            {
                create.CommandText = $"""
                    PRAGMA journal_mode=WAL;
                    CREATE TABLE {PayLineTable} ("Id" INTEGER PRIMARY KEY, "CadreId" INTEGER NOT NULL, "RegionCode" TEXT NOT NULL, "Period" INTEGER NOT NULL,
                      "ItemCode" TEXT NOT NULL, "AmountFen" INTEGER NOT NULL, "RunId" INTEGER NOT NULL, "CreatedAtUtc" TEXT NOT NULL);
                    CREATE INDEX ix_{PayLineTable}_cadre ON {PayLineTable} ("CadreId", "Period");
                    """;
                await create.ExecuteNonQueryAsync();
            }
            const int perStatement = 100;
            const int columns = 8;
            var watch = Stopwatch.StartNew();
            written = 0;
            await using (var tx = (SqliteTransaction)await lite.BeginTransactionAsync())
            {
                SqliteCommand Prepare(int n)
                {
                    var cmd = lite.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = $"INSERT INTO {PayLineTable} (\"Id\", \"CadreId\", \"RegionCode\", \"Period\", \"ItemCode\", \"AmountFen\", \"RunId\", \"CreatedAtUtc\") VALUES "
                        + string.Join(", ", Enumerable.Range(0, n).Select(r => "(" + string.Join(", ", Enumerable.Range(0, columns).Select(c => $"$p{r * columns + c}")) + ")"));
                    for (var p = 0; p < n * columns; p++) cmd.Parameters.Add(new SqliteParameter($"$p{p}", null));
                    cmd.Prepare();
                    return cmd;
                }
                using var full = Prepare(perStatement);
                var buffer = new List<object[]>(perStatement);
                async Task Flush(SqliteCommand cmd)
                {
                    for (var r = 0; r < buffer.Count; r++)
                        for (var c = 0; c < columns; c++)
                            cmd.Parameters[r * columns + c].Value = buffer[r][c] is DateTime t ? t.ToString("yyyy-MM-dd HH:mm:ss") : buffer[r][c];
                    await cmd.ExecuteNonQueryAsync();
                    written += buffer.Count;
                    buffer.Clear();
                }
                foreach (var l in Lines())
                {
                    buffer.Add(l);
                    if (buffer.Count == perStatement) await Flush(full);
                }
                if (buffer.Count > 0)
                {
                    using var rest = Prepare(buffer.Count);
                    await Flush(rest);
                }
                await tx.CommitAsync();
            }
            seconds = watch.Elapsed.TotalSeconds;
        }
        if (written != rows) throw new InvalidOperationException($"写入 {written} 行，应为 {rows}");
        return Result(spec, seconds, written, Memory.OwnPeak(), OwnPeak, load, new() { ["rowsPerSecond"] = written / seconds },
            spec.Provider == "postgres" ? "binary COPY, one statement, primary key + one index" : "prepared 100-row INSERT in one transaction (WAL), primary key + one index");
    }

    // ---------------------------------------------------------------- 5: audit verification

    private static async Task<RunResult> AuditAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        await DataSetup.MigrateAsync(db);
        if (await db.AuditEntries.IgnoreQueryFilters().AnyAsync()) throw new InvalidOperationException("新库中已有操作日志");
        // A chain of N entries shaped like the log's own (an update of a cadre by a town admin), written raw, untimed.
        var previous = "";
        var last = (Sequence: 0L, Hash: "");
        IEnumerable<AuditEntry> Entries()
        {
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (long s = 1; s <= spec.Rows; s++)
            {
                var e = new AuditEntry
                {
                    Sequence = s, AtUtc = start.AddSeconds(s), UserId = "3f2b8c1e-0000-4000-8000-" + (s % 7).ToString("000000000000"), UserName = "town.sanxing",
                    RegionCode = "360922106" + (200 + s % 30).ToString("000"), Action = AuditActions.Update, Entity = "Cadre", EntityKey = (s % 100_000).ToString(),
                    Before = $$"""{"Rank":{{s % 7}},"PostCode":"committee-member","PhoneMasked":"138****5678"}""",
                    After = $$"""{"Rank":{{s % 7 + 1}},"PostCode":"deputy-director","PhoneMasked":"138****5678"}""",
                    PreviousHash = previous,
                };
                e.Hash = db.Seal.Hash(e.ToLink());
                previous = e.Hash;
                last = (s, e.Hash);
                yield return e;
            }
        }
        var bulk = new BulkWriter(db);
        await bulk.WriteAsync(Entries(),
            [nameof(AuditEntry.Sequence), nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.RegionCode),
             nameof(AuditEntry.Action), nameof(AuditEntry.Entity), nameof(AuditEntry.EntityKey), nameof(AuditEntry.Before), nameof(AuditEntry.After),
             nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash)],
            e => [e.Sequence, e.AtUtc, e.UserId, e.UserName, e.RegionCode, e.Action, e.Entity, e.EntityKey, e.Before, e.After, e.PreviousHash, e.Hash]);
        await db.AuditHeads.ExecuteDeleteAsync();
        await bulk.WriteAsync(new[] { new AuditHead { Sequence = last.Sequence, Hash = last.Hash } },
            [nameof(AuditHead.Id), nameof(AuditHead.Sequence), nameof(AuditHead.Hash)], h => [h.Id, h.Sequence, h.Hash]);
        var setupPeak = Memory.OwnPeak();

        var load = Memory.LoadAverage();
        var watch = Stopwatch.StartNew();
        var result = await AuditVerifier.VerifyAsync(db);
        watch.Stop();
        if (!result.Intact || result.EntriesChecked != spec.Rows)
            throw new InvalidOperationException($"校验结果不对：{result.EntriesChecked} 条，{result.FirstBreak?.Reason}");
        return Result(spec, watch.Elapsed.TotalSeconds, result.EntriesChecked, Memory.OwnPeak(), OwnPeak, load,
            new() { ["entriesPerSecond"] = result.EntriesChecked / watch.Elapsed.TotalSeconds, ["setupPeakBytes"] = setupPeak },
            "AuditVerifier.VerifyAsync (what verify-audit runs) over a chain written raw beforehand; peak includes writing the chain (setupPeakBytes)");
    }
}
