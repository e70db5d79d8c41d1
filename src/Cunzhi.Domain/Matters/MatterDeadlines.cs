namespace Cunzhi.Domain.Matters;

/// <summary>
/// The one seam that gives a matter its due date. For now it counts calendar days from a fixed default per kind, the
/// same at every level; the lead wires it to the working-day holiday calendar (调休) and the county's versioned SLA policy
/// per kind and level next, and every caller already goes through here.
/// </summary>
public static class MatterDeadlines
{
    /// <summary>Default days to handle a matter of <paramref name="kind"/>.</summary>
    public static int DefaultDays(MatterKind kind) => kind switch
    {
        MatterKind.MicroMatter => 7,
        MatterKind.Problem => 15,
        MatterKind.DevelopmentProject => 60,
        MatterKind.VillagePlan => 90,
        _ => 15,
    };

    /// <summary>The day a matter of <paramref name="kind"/> taken at <paramref name="level"/> on <paramref name="from"/> is due.</summary>
    public static DateOnly DueOn(MatterKind kind, MatterLevel level, DateOnly from) => from.AddDays(DefaultDays(kind));
}
