using Cunzhi.Domain.Matters;

namespace Cunzhi.Domain.Tests;

/// <summary>How a matter's change moves 诉求统计's daily summary rows (<see cref="MatterSummaryDelta"/>).</summary>
public sealed class MatterSummaryDeltaTests
{
    private const string V = "360922106208";
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static MatterFacts? F(MatterState? state, string? done, string due = "2026-03-10") =>
        state is null ? null : new(V, MatterKind.Problem, state.Value, D("2026-03-01"), D(due), done is null ? null : D(done));

    /// <summary>The changes as "day:received/closed/closeDays/due/dueOpen/dueClosedLate", by day.</summary>
    private static string Rows(MatterFacts? before, MatterFacts? after) => string.Join(" ", MatterSummaryDelta.Between(before, after).OrderBy(d => d.Day)
        .Select(d => $"{d.Day:MM-dd}:{d.Received}/{d.Closed}/{d.CloseDaysSum}/{d.Due}/{d.DueOpen}/{d.DueClosedLate}"));

    [Theory]
    // before (state, done), after (state, done) → row changes
    [InlineData(null, null, MatterState.Received, null, "03-01:1/0/0/0/0/0 03-10:0/0/0/1/1/0")]
    [InlineData(MatterState.Received, null, MatterState.Accepted, null, "")]
    [InlineData(MatterState.InProgress, null, MatterState.Done, "2026-03-05", "03-05:0/1/4/0/0/0 03-10:0/0/0/0/-1/0")]
    [InlineData(MatterState.InProgress, null, MatterState.Done, "2026-03-12", "03-10:0/0/0/0/-1/1 03-12:0/1/11/0/0/0")]
    [InlineData(MatterState.Done, "2026-03-12", MatterState.Confirmed, "2026-03-12", "")]
    [InlineData(MatterState.Done, "2026-03-12", MatterState.InProgress, "2026-03-12", "03-10:0/0/0/0/1/-1 03-12:0/-1/-11/0/0/0")]
    [InlineData(MatterState.Done, "2026-03-05", MatterState.Done, "2026-03-12", "03-05:0/-1/-4/0/0/0 03-10:0/0/0/0/0/1 03-12:0/1/11/0/0/0")]
    [InlineData(MatterState.Done, "2026-03-05", null, null, "03-01:-1/0/0/0/0/0 03-05:0/-1/-4/0/0/0 03-10:0/0/0/-1/0/0")]
    public void A_change_moves_the_matter_between_rows(MatterState? beforeState, string? beforeDone, MatterState? afterState, string? afterDone, string expected) =>
        Rows(F(beforeState, beforeDone), F(afterState, afterDone)).ShouldBe(expected);

    [Fact]
    public void A_moved_due_date_leaves_the_old_days_row()
    {
        Rows(F(MatterState.InProgress, null), F(MatterState.InProgress, null, due: "2026-03-20")).ShouldBe("03-10:0/0/0/-1/-1/0 03-20:0/0/0/1/1/0");
    }

    [Fact]
    public void A_reopened_matter_leaves_the_close_time_histogram()
    {
        MatterSummaryDelta.CloseDaysBetween(F(MatterState.Done, "2026-03-12"), F(MatterState.InProgress, "2026-03-12"))
            .ShouldBe([(V, D("2026-03-12"), MatterKind.Problem, 11, -1)]);
    }
}
