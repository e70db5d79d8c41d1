namespace Cunzhi.E2E.Infrastructure;

/// <summary>Business time (China Standard Time) whatever the zone the tests run in; the app shows and reads China time.</summary>
public static class China
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static DateTime Now => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone);
    public static DateOnly Today => DateOnly.FromDateTime(Now);
}
