using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Calendar;

/// <summary>What a listed day is: a rest day that would otherwise be worked (法定节假日、调休放假、本地假日), or a weekend day worked (调休上班).</summary>
public enum CalendarDayKind
{
    /// <summary>放假: no work that day, even a weekday.</summary>
    Holiday = 1,
    /// <summary>调休上班: a Saturday or Sunday worked.</summary>
    MakeUpWorkday = 2,
}

/// <summary>
/// One day of a county's working-day calendar that differs from the weekly rhythm (Monday–Friday worked). The county
/// imports the national calendar (<see cref="NationalCalendar"/>) and edits or extends it (a local holiday); one row per
/// county and date (unique), versioned, every change in the audit log.
/// </summary>
public sealed class CalendarDay : IRegionScoped, IVersioned
{
    /// <summary>Longest name.</summary>
    public const int MaxName = 50;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The day.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Rest or make-up working day.</summary>
    public CalendarDayKind Kind { get; set; }
    /// <summary>What it is (春节, 国庆节调休上班, 本县庙会).</summary>
    public required string Name { get; set; }
    /// <summary>Taken from the national calendar (false: added or changed by the county).</summary>
    public bool National { get; set; }
    /// <summary>Who last changed it.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? UpdatedAtUtc { get; set; }
}
