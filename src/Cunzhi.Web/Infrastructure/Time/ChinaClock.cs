using System.Globalization;

namespace Cunzhi.Web.Infrastructure.Time;

/// <summary>
/// The application's clock: the system's time, with the business time zone as its local zone — China Standard
/// Time (<c>Asia/Shanghai</c>) unless the deployment sets <c>Cunzhi:TimeZone</c> — whatever the server's own zone.
/// Every "today", week, month, reminder and displayed time derives from <see cref="TimeProvider.GetLocalNow"/> or
/// <see cref="ChinaTime"/>; times are stored in UTC. This is the one class that touches the system clock
/// (a convention test refuses <c>TimeProvider.System</c>, <c>DateTime.Now</c>, <c>ToLocalTime()</c> elsewhere in src/).
/// </summary>
public sealed class ChinaClock(TimeZoneInfo zone, TimeProvider? time = null) : TimeProvider
{
    public const string ConfigKey = "Cunzhi:TimeZone";
    public const string DefaultZone = "Asia/Shanghai";

    private readonly TimeProvider _time = time ?? System;

    public override TimeZoneInfo LocalTimeZone => zone;
    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();
    public override long GetTimestamp() => _time.GetTimestamp();
    public override long TimestampFrequency => _time.TimestampFrequency;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _time.CreateTimer(callback, state, dueTime, period);

    /// <summary>The configured business zone (an IANA id such as <c>Asia/Shanghai</c>); an unknown id stops the start.</summary>
    public static TimeZoneInfo ZoneFrom(IConfiguration config)
    {
        var id = config[ConfigKey] is { Length: > 0 } s ? s.Trim() : DefaultZone;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"配置项 {ConfigKey} 的时区“{id}”不存在（应为 IANA 时区名，如 {DefaultZone}）", e);
        }
    }

    /// <summary>
    /// Registers the one clock of the application (features take <see cref="TimeProvider"/>; tests replace it with a
    /// fixed clock that keeps the business zone). Added, not tried: it must win over Identity's <c>TimeProvider.System</c>.
    /// </summary>
    public static IServiceCollection AddChinaClock(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(sp => new ChinaClock(ZoneFrom(sp.GetRequiredService<IConfiguration>())));
}

/// <summary>
/// Business-time conversions on the injected clock, so nothing reads the server's zone: what a UTC instant is in
/// China time, and which UTC instant a China date or wall-clock time is. Views use <see cref="Show"/>.
/// </summary>
public static class ChinaTime
{
    /// <summary>The business date today.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A stored UTC instant as business wall-clock time (Kind Unspecified).</summary>
    public static DateTime ToChina(this TimeProvider clock, DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone), DateTimeKind.Unspecified);

    /// <summary>The business date of a stored UTC instant.</summary>
    public static DateOnly DateOf(this TimeProvider clock, DateTime utc) => DateOnly.FromDateTime(clock.ToChina(utc));

    /// <summary>
    /// A business wall-clock time (as entered on a form, or sent without an offset) as the UTC instant to store. A value
    /// that already names its instant — JSON with <c>Z</c> (Kind Utc) or with an offset (which System.Text.Json turns
    /// into Kind Local) — keeps that instant.
    /// </summary>
    public static DateTime ToUtc(this TimeProvider clock, DateTime china) => china.Kind switch
    {
        DateTimeKind.Utc => china,
        DateTimeKind.Local => china.ToUniversalTime(),
        _ => TimeZoneInfo.ConvertTimeToUtc(china, clock.LocalTimeZone),
    };

    /// <summary>The UTC instant a business date starts (its 00:00 China time): the bound for "on or after this day".</summary>
    /// Dates at the ends of the calendar give the ends of time instead of overflowing.
    public static DateTime StartUtc(this TimeProvider clock, DateOnly date) =>
        date <= DateOnly.MinValue.AddDays(1) ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)
        : date >= DateOnly.MaxValue.AddDays(-1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : clock.ToUtc(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant a business date ends (the next day's 00:00 China time): the bound for "before the end of this day".</summary>
    public static DateTime EndUtc(this TimeProvider clock, DateOnly date) =>
        date >= DateOnly.MaxValue.AddDays(-1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : clock.StartUtc(date.AddDays(1));

    /// <summary>A stored UTC instant shown in business time; empty for none.</summary>
    public static string Show(this TimeProvider clock, DateTime? utc, string format = "yyyy-MM-dd HH:mm") =>
        utc is { } u ? clock.ToChina(u).ToString(format, CultureInfo.InvariantCulture) : "";
}
