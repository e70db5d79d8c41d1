namespace Cunzhi.Domain.Matters;

/// <summary>
/// 诉求统计's per-village daily summary: for one village, day and kind, how many matters were received that day, how many
/// are closed now with that done date (and their days to close), and how many fall due that day (of them still open, and
/// closed late). Every figure of <see cref="MatterStatistics"/> and <see cref="MatterOverdue"/> for any period is a sum of
/// these rows (plus <see cref="MatterCloseDays"/> for the median), so the report never reads the matters. Derived data:
/// kept in the same save as each matter change (<see cref="MatterSummaryDelta"/>), rebuilt from the matters by the
/// <c>rebuild-matter-summary</c> verb; never edited by hand.
/// </summary>
public sealed class MatterDailySummary : Regions.IRegionScoped
{
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The day (China date).</summary>
    public DateOnly Day { get; set; }
    /// <summary>Kind.</summary>
    public MatterKind Kind { get; set; }
    /// <summary>Matters received (登记) on the day.</summary>
    public int Received { get; set; }
    /// <summary>Matters closed now (done or confirmed) whose done date is the day.</summary>
    public int Closed { get; set; }
    /// <summary>Sum of days from received to done of <see cref="Closed"/>.</summary>
    public long CloseDaysSum { get; set; }
    /// <summary>Matters due on the day.</summary>
    public int Due { get; set; }
    /// <summary>Of <see cref="Due"/>, those not closed now (overdue once the day has passed).</summary>
    public int DueOpen { get; set; }
    /// <summary>Of <see cref="Due"/>, those closed after the day (closed late).</summary>
    public int DueClosedLate { get; set; }
}

/// <summary>Time-to-close histogram for the median: matters of a village and kind closed now with done date <see cref="Day"/> that took <see cref="Days"/> days.</summary>
public sealed class MatterCloseDays : Regions.IRegionScoped
{
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Done date.</summary>
    public DateOnly Day { get; set; }
    /// <summary>Kind.</summary>
    public MatterKind Kind { get; set; }
    /// <summary>Days from received to done.</summary>
    public int Days { get; set; }
    /// <summary>How many matters.</summary>
    public int Count { get; set; }
}

/// <summary>What a matter counts for in the summary, from the fields the figures read.</summary>
public sealed record MatterFacts(string RegionCode, MatterKind Kind, MatterState State, DateOnly ReceivedOn, DateOnly DueOn, DateOnly? DoneOn)
{
    /// <summary>The facts of a matter as it is now.</summary>
    public static MatterFacts Of(Matter m) => new(m.RegionCode, m.Kind, m.State, m.ReceivedOn, m.DueOn, m.DoneOn);

    /// <summary>Closed now with a done date: counted as done on that date.</summary>
    public bool CountsClosed => MatterOverdue.IsClosed(State) && DoneOn is not null;

    /// <summary>Days from received to done (when <see cref="CountsClosed"/>).</summary>
    public int CloseDays => DoneOn is { } d ? d.DayNumber - ReceivedOn.DayNumber : 0;
}

/// <summary>A change to one summary row (all figures added; negative to take a matter out).</summary>
public sealed record MatterSummaryDelta(string RegionCode, DateOnly Day, MatterKind Kind, int Received, int Closed, long CloseDaysSum, int Due, int DueOpen, int DueClosedLate)
{
    /// <summary>
    /// The row changes that move a matter from <paramref name="before"/> (null: new) to <paramref name="after"/> (null: deleted):
    /// the old contribution taken out, the new one added, netted per row; rows whose net change is zero are left out.
    /// </summary>
    public static IReadOnlyList<MatterSummaryDelta> Between(MatterFacts? before, MatterFacts? after)
    {
        var rows = new Dictionary<(string, DateOnly, MatterKind), MatterSummaryDelta>();
        void Add(MatterSummaryDelta d)
        {
            var key = (d.RegionCode, d.Day, d.Kind);
            rows[key] = rows.TryGetValue(key, out var had)
                ? new(d.RegionCode, d.Day, d.Kind, had.Received + d.Received, had.Closed + d.Closed, had.CloseDaysSum + d.CloseDaysSum, had.Due + d.Due,
                    had.DueOpen + d.DueOpen, had.DueClosedLate + d.DueClosedLate)
                : d;
        }
        void Contribute(MatterFacts f, int sign)
        {
            Add(new(f.RegionCode, f.ReceivedOn, f.Kind, sign, 0, 0, 0, 0, 0));
            if (f.CountsClosed) Add(new(f.RegionCode, f.DoneOn!.Value, f.Kind, 0, sign, sign * (long)f.CloseDays, 0, 0, 0));
            var closed = MatterOverdue.IsClosed(f.State);
            Add(new(f.RegionCode, f.DueOn, f.Kind, 0, 0, 0, sign, closed ? 0 : sign, MatterOverdue.IsClosedLate(f.State, f.DueOn, f.DoneOn) ? sign : 0));
        }
        if (before is not null) Contribute(before, -1);
        if (after is not null) Contribute(after, +1);
        return rows.Values.Where(d => d is not { Received: 0, Closed: 0, CloseDaysSum: 0, Due: 0, DueOpen: 0, DueClosedLate: 0 }).ToList();
    }

    /// <summary>The histogram changes (village, done date, kind, days → count) for the same move.</summary>
    public static IReadOnlyList<(string RegionCode, DateOnly Day, MatterKind Kind, int Days, int Count)> CloseDaysBetween(MatterFacts? before, MatterFacts? after)
    {
        var rows = new Dictionary<(string, DateOnly, MatterKind, int), int>();
        if (before is { CountsClosed: true }) rows[(before.RegionCode, before.DoneOn!.Value, before.Kind, before.CloseDays)] = -1;
        if (after is { CountsClosed: true })
        {
            var key = (after.RegionCode, after.DoneOn!.Value, after.Kind, after.CloseDays);
            rows[key] = rows.GetValueOrDefault(key) + 1;
        }
        return rows.Where(r => r.Value != 0).Select(r => (r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Key.Item4, r.Value)).ToList();
    }
}
