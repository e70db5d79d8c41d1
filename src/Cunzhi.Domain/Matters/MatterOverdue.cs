using System.Linq.Expressions;

namespace Cunzhi.Domain.Matters;

/// <summary>
/// The one overdue rule of matters: a matter is closed once done (已办结) or confirmed (已确认); it is <b>overdue</b> on a
/// day when it is not closed and its <see cref="Matter.DueOn"/> is before that day; it was <b>closed late</b> when it was
/// done after its due date. <see cref="IsLate"/> (overdue or closed late) is what the statistics count as 逾期. Each
/// rule is given twice, as a function and as an expression for queries; a table-driven test keeps them equal.
/// </summary>
public static class MatterOverdue
{
    /// <summary>Done or confirmed.</summary>
    public static bool IsClosed(MatterState state) => state is MatterState.Done or MatterState.Confirmed;

    /// <summary>Not closed and due before <paramref name="day"/>.</summary>
    public static bool IsOverdue(MatterState state, DateOnly dueOn, DateOnly day) => !IsClosed(state) && dueOn < day;

    /// <summary>Closed, and done after the due date.</summary>
    public static bool IsClosedLate(MatterState state, DateOnly dueOn, DateOnly? doneOn) => IsClosed(state) && doneOn > dueOn;

    /// <summary>Overdue on <paramref name="day"/> or closed late.</summary>
    public static bool IsLate(MatterState state, DateOnly dueOn, DateOnly? doneOn, DateOnly day) =>
        IsOverdue(state, dueOn, day) || IsClosedLate(state, dueOn, doneOn);

    /// <summary><see cref="IsOverdue"/> for a query.</summary>
    public static Expression<Func<Matter, bool>> OverdueOn(DateOnly day) =>
        m => m.State != MatterState.Done && m.State != MatterState.Confirmed && m.DueOn < day;

    /// <summary><see cref="IsLate"/> for a query.</summary>
    public static Expression<Func<Matter, bool>> LateOn(DateOnly day) =>
        m => (m.State != MatterState.Done && m.State != MatterState.Confirmed && m.DueOn < day)
             || ((m.State == MatterState.Done || m.State == MatterState.Confirmed) && m.DoneOn > m.DueOn);
}
