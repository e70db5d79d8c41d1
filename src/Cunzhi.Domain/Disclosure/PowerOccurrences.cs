namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// 随时公开 owed by a completed power exercise: a matter touching villagers' interests (《村民委员会组织法》第三十条) is to be
/// made public at once, and the default power list (<see cref="PowerCatalogue"/>) names, for its items that settle such a
/// matter, the immediate item of the default disclosure catalogue (<see cref="DisclosurePolicy.DefaultItems"/>) it falls
/// under: a low-income, destitute-support or temporary-relief application (MS01, MS03, MS04) → C04 低保、特困供养、临时救助对象评定;
/// a housing site or a land-expropriation compensation (MS02, ZC06) → C05 宅基地审批和土地征收补偿; a village project's tender,
/// contract, change or acceptance (GC01–GC04) → C06 村级工程项目招标、实施和验收. When such an exercise completes its last
/// step (not when rejected) an occurrence is recorded on the day of that step, titled after the exercise with its number
/// (the title is the occurrence's key, so the same exercise never records two). Nothing is recorded when the county's
/// disclosure catalogue in force that day has no such immediate item.
/// </summary>
public static class PowerOccurrences
{
    /// <summary>Power item code → immediate disclosure item code.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisclosureItems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MS01"] = "C04", ["MS03"] = "C04", ["MS04"] = "C04",
        ["MS02"] = "C05", ["ZC06"] = "C05",
        ["GC01"] = "C06", ["GC02"] = "C06", ["GC03"] = "C06", ["GC04"] = "C06",
    };

    /// <summary>The occurrence's title (its key): the exercise's title, cut to fit, and its number.</summary>
    public static string Title(long exerciseId, string exerciseTitle)
    {
        var suffix = $"（权力运行第 {exerciseId} 号）";
        var room = RecordedOccurrence.MaxTitle - suffix.Length;
        var title = exerciseTitle.Trim();
        return (title.Length > room ? title[..room] : title) + suffix;
    }

    /// <summary>
    /// The occurrence owed by <paramref name="exercise"/> completed on <paramref name="on"/>, or null: not completed, its item
    /// maps to no disclosure item, or the county's catalogue in force on that day (<paramref name="versions"/>) has no such
    /// immediate item (<see cref="RecordedOccurrence.Problems"/>).
    /// </summary>
    public static RecordedOccurrence? For(PowerExercise exercise, DateOnly on, IReadOnlyCollection<DisclosurePolicy> versions, DateOnly today, string by, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (exercise.State != PowerExerciseState.Done || !DisclosureItems.TryGetValue(exercise.ItemCode, out var item)) return null;
        var title = Title(exercise.Id, exercise.Title);
        if (RecordedOccurrence.Problems(versions, item, on, title, today).Count > 0) return null;
        return new RecordedOccurrence
        {
            RegionCode = exercise.RegionCode, ItemCode = item, On = on, Title = title, Source = OccurrenceSource.PowerExercise, RecordedBy = by, RecordedAtUtc = atUtc,
        };
    }
}
