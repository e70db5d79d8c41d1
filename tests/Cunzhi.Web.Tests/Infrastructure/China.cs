namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>
/// Business time in tests: China Standard Time whatever the zone the tests run in (test.sh runs the web tests under
/// TZ=Etc/UTC and TZ=America/Los_Angeles). Use these instead of DateTime.Now/Today, which are the machine's zone.
/// </summary>
public static class China
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>China wall-clock time now.</summary>
    public static DateTime Now => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone);

    /// <summary>The China date today.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The instant of a China wall-clock time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    public static DateTimeOffset At(DateTime wall) => new(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), Zone.GetUtcOffset(wall));
}

/// <summary>
/// A clock stopped at one instant whose local zone is China's, like the app's own clock; or, given a zone, the app's
/// registered clock's zone stopped at the instant (so a test shows what the app itself takes "local" to be).
/// </summary>
public sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => zone ?? China.Zone;
}
