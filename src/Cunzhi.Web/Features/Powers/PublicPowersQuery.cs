using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Privacy;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Powers;

/// <summary>One step as the public sees it: the list's step and performer, where it stands, the day and the decision (numbers and the applicant's name masked).</summary>
public sealed record PublicPowerStep(int Number, string Name, string PerformedBy, string StateName, DateOnly? On, string? Decision, bool Rejected, bool Late, bool Overdue);

/// <summary>One exercise as the public sees it.</summary>
public sealed record PublicPowerExercise(long Id, string ItemName, string CategoryName, string Title, string Subject, DateOnly StartedOn, string StateName, bool Overdue,
    IReadOnlyList<PublicPowerStep> Steps);

/// <summary>A village's page of exercises on the public portal.</summary>
public sealed record PublicPowerPage(string Code, string Name, string TownName, DateOnly Today, Paged<PublicPowerExercise> Exercises);

/// <summary>
/// 权力运行公开 (/Gongkai/{village}/Quanli, no account): a village's exercises of the small and micro power list, newest
/// first, with their steps. Read through <see cref="ScopeGateway.PublicPowers"/>. Every text is passed through
/// <see cref="PersonalDataGuard.MaskAll"/> (ID, mobile and bank numbers), the applicant or subject is masked as a name
/// (<see cref="PersonName.Mask"/>) and that name is masked wherever a title or decision repeats it; who recorded a step
/// (an account) and the free-text 办理人 are not shown — the list's performer (村民委员会, 乡镇人民政府…) is.
/// </summary>
public sealed class PublicPowersQuery(AppDbContext db, TimeProvider clock)
{
    /// <summary>Exercises per public page.</summary>
    public const int PageSize = 10;

    /// <summary>The page of <paramref name="village"/>; null when the code is not a village.</summary>
    public async Task<PublicPowerPage?> GetAsync(string? village, int? page, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) return null;
        var town = RegionCodes.TownOf(village);
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code == village || r.Code == town).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        if (names.FirstOrDefault(r => r.Code == village && r.Level == RegionLevel.Village) is not { } v) return null;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var paged = await ScopeGateway.PublicPowers.Exercises(db, village!).OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
            .ToPagedAsync(new PageRequest(page, PageSize), ct);
        var ids = paged.Items.Select(e => e.Id).ToList();
        var steps = (await ScopeGateway.PublicPowers.StepsAsync(db, village!, ids, ct)).ToLookup(s => s.ExerciseId);
        var county = RegionCodes.CountyOf(village)!;
        var lookup = await PowerItemLookup.ForCountyAsync(db, county, ct);
        var calendar = new Domain.Calendar.WorkingCalendar((await ScopeGateway.PublicDutyBoard.CalendarAsync(db, village!, ct))
            .Select(d => new Domain.Calendar.CalendarEntry(d.Date, d.Kind, d.Name)));
        var rows = paged.Items.Select(e =>
        {
            var view = PowerExerciseHandlers.Show(e, v.Name, lookup.Item(e.PolicyVersion, e.ItemCode), steps[e.Id].ToList(), calendar, today);
            return new PublicPowerExercise(e.Id, e.ItemName, PowerItem.CategoryName(e.Category), Masked(e.Title, e.Subject), PersonName.Mask(e.Subject), e.StartedOn,
                view.StateName, view.Overdue,
                view.Steps.Select(s => new PublicPowerStep(s.Number, s.Name, s.PerformedBy, s.StateName, s.On, s.Decision is null ? null : Masked(s.Decision, e.Subject),
                    s.Rejected, s.Late, s.State == PowerStepState.Overdue)).ToList());
        }).ToList();
        return new(village!, v.Name, names.FirstOrDefault(r => r.Code == town)?.Name ?? "", today, new(rows, paged.Total, paged.Page, paged.PageSize));
    }

    /// <summary>
    /// <paramref name="text"/> for the public: personal numbers masked, and the applicant's name (when given, two characters or
    /// more) masked wherever it appears.
    /// </summary>
    public static string Masked(string? text, string? subject)
    {
        var masked = PersonalDataGuard.MaskAll(text);
        var name = subject?.Trim();
        return string.IsNullOrEmpty(name) || name.Length < 2 ? masked : masked.Replace(name, PersonName.Mask(name), StringComparison.Ordinal);
    }
}
