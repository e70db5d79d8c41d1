using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cunzhi.Bench;

/// <summary>What one run is asked to do (passed to a child process as JSON).</summary>
public sealed record RunSpec(string Scenario, string Provider, string Size, int Run)
{
    public string ConnectionString { get; init; } = "";
    public string DatabaseName { get; init; } = "";
    public string GenerateScale { get; init; } = "province";
    public int HouseholdsPerVillage { get; init; } = 250;
    public int Rows { get; init; }
    public string? DivisionData { get; init; }
    public int HttpSeconds { get; init; } = 20;
    public int HttpWarmupSeconds { get; init; } = 20;
    public int HttpConnections { get; init; } = 32;
    public int HttpThreads { get; init; } = 2;
    public int HttpRuns { get; init; } = 3;
    /// <summary>Measured reads (the points statement).</summary>
    public int Samples { get; init; }
    public bool Smoke { get; init; }
    /// <summary>The whole benchmark runs in one process (the smoke test): a scenario starts no child process of its own.</summary>
    public bool InProcess { get; init; }

    public BenchDatabase Database => new(Provider, ConnectionString, DatabaseName);
}

/// <summary>One measured run.</summary>
public sealed record RunResult
{
    public required string Scenario { get; init; }
    public required string Provider { get; init; }
    public required string Size { get; init; }
    public int Run { get; init; }
    /// <summary>Wall time of the measured part, seconds.</summary>
    public double Seconds { get; init; }
    /// <summary>Rows (or requests) the measured part handled.</summary>
    public long Rows { get; init; }
    public long PeakBytes { get; init; }
    /// <summary>Whose peak: "bench process (PeakWorkingSet64)" or "server (VmHWM)".</summary>
    public string PeakOf { get; init; } = "";
    /// <summary>/proc/loadavg (1, 5, 15 minutes) just before the run.</summary>
    public string LoadBefore { get; init; } = "";
    public Dictionary<string, double> Metrics { get; init; } = [];
    public string? Note { get; init; }
    public DateTime AtUtc { get; init; } = DateTime.UtcNow;

    [JsonIgnore] public string Key => $"{Scenario}|{Provider}|{Size}";
}

/// <summary>The machine a set of results was measured on.</summary>
public sealed record MachineInfo(int Cores, long MemoryBytes, string Cpu, string Os, string Runtime, string? Postgres, string Sqlite, string Commit, DateTime AtUtc, string Command);

/// <summary>All results so far (bench/results.json): a later run of the same scenario, database and size replaces the earlier one.</summary>
public sealed class ResultStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public List<RunResult> Results { get; set; } = [];
    public Dictionary<string, MachineInfo> Machines { get; set; } = [];

    public static ResultStore Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ResultStore>(File.ReadAllText(path), Json) ?? new() : new();

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <summary>Replaces earlier results of the same keys by these.</summary>
    public void Merge(IReadOnlyList<RunResult> fresh, MachineInfo machine)
    {
        var keys = fresh.Select(r => r.Key).ToHashSet();
        Results.RemoveAll(r => keys.Contains(r.Key));
        Results.AddRange(fresh);
        foreach (var key in keys) Machines[key] = machine;
    }
}
