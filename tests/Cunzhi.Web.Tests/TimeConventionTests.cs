using System.Text.RegularExpressions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Business time is China time whatever the server's zone: nothing in src/ may read the server's zone or clock
/// directly. Time comes from the injected <see cref="TimeProvider"/> (the app's ChinaClock); views show stored UTC
/// instants with <c>Clock.Show</c>. The one exception is the clock class itself.
/// </summary>
public sealed class TimeConventionTests
{
    private static readonly string[] Forbidden = ["ToLocalTime(", "DateTime.Now", "DateTime.Today", "DateTimeOffset.Now", "TimeZoneInfo.Local", "TimeProvider.System", "AddHours(8)"];
    private const string TheClock = "src/Cunzhi.Web/Infrastructure/Time/ChinaClock.cs";

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    /// <summary>Every use of the server's zone or clock in src/, as "path:line: text".</summary>
    public static List<string> ServerTimeUses(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => f.Path != TheClock && !f.Path.Contains("/obj/") && !f.Path.Contains("/bin/") && !f.Path.Contains("/Migrations/"))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => Forbidden.Any(word => Regex.IsMatch(l.Text, Regex.Escape(word) + (word.EndsWith('(') ? "" : @"\b"))))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    [Fact]
    public void Nothing_in_src_reads_the_server_time_zone_or_clock_outside_the_China_clock() =>
        ServerTimeUses(RepoRoot()).ShouldBeEmpty("业务时间一律用注入的 TimeProvider（ChinaClock，中国时间），页面用 Clock.Show 显示");

    /// <summary>
    /// In tests/: the machine's zone or a UTC date taken as a business date. A China date comes from China.Today (web)
    /// or a fixed TestClock.Instant (domain); DateTime.UtcNow stays allowed as an instant (deadlines for polling, a
    /// window closing a second ago).
    /// </summary>
    private static readonly Regex MachineDate = new(
        @"DateTime\.Now\b|DateTime\.Today\b|DateTimeOffset\.Now\b|TimeZoneInfo\.Local\b|ToLocalTime\(|DateOnly\.FromDateTime\(DateTime(Offset)?\.UtcNow|DateTime(Offset)?\.UtcNow\.(Year|Month|Day|DayOfWeek|Date)\b");

    private static readonly string[] TestClocks = ["tests/Cunzhi.Web.Tests/Infrastructure/China.cs", "tests/Cunzhi.E2E/Infrastructure/China.cs", "tests/Cunzhi.Web.Tests/TimeConventionTests.cs"];

    /// <summary>Every machine-date use in tests/, as "path:line: text".</summary>
    public static List<string> MachineDateUsesInTests(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !TestClocks.Contains(f.Path) && !f.Path.Contains("/obj/") && !f.Path.Contains("/bin/"))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => MachineDate.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    [Fact]
    public void Tests_take_business_dates_from_the_China_clock_not_the_machine() =>
        MachineDateUsesInTests(RepoRoot()).ShouldBeEmpty("测试中的业务日期用 China.Today / China.At（Web）或固定的 TestClock.Instant（领域），不用本机时区或 UTC 日期");

    [Fact]
    public void The_test_convention_check_finds_a_UTC_date_used_as_a_business_date()
    {
        var root = Directory.CreateTempSubdirectory("cunzhi-convention-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "tests", "X"));
            File.WriteAllText(Path.Combine(root.FullName, "tests", "X", "A.cs"),
                "var m = new DateOnly(DateTime.UtcNow.Year, 1, 1);\nvar d = DateOnly.FromDateTime(DateTime.UtcNow);\nvar until = DateTime.UtcNow.AddMinutes(1);\nvar n = DateTime.Now;");
            MachineDateUsesInTests(root.FullName).Count.ShouldBe(3);
        }
        finally { root.Delete(recursive: true); }
    }

    [Fact]
    public void The_convention_check_finds_a_server_zone_use()
    {
        var root = Directory.CreateTempSubdirectory("cunzhi-convention-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "X"));
            File.WriteAllText(Path.Combine(root.FullName, "src", "X", "A.cshtml"), "<td>@r.AtUtc.ToLocalTime().ToString(\"yyyy\")</td>\n<td>ok</td>");
            File.WriteAllText(Path.Combine(root.FullName, "src", "X", "B.cs"), "var t = DateTime.Today; var u = DateTime.UtcNow;");
            ServerTimeUses(root.FullName).Count.ShouldBe(2);
        }
        finally { root.Delete(recursive: true); }
    }
}
