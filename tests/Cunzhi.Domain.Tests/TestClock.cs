namespace Cunzhi.Domain.Tests;

/// <summary>
/// The instant the domain tests act at: the domain takes "now" as an argument, so a test passes a fixed one and reads
/// the same result on any day and in any zone (10:00 on Thursday 2 April 2026 in China).
/// </summary>
public static class TestClock
{
    public static readonly DateTime Instant = new(2026, 4, 2, 2, 0, 0, DateTimeKind.Utc);
}
