using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>Which completed power exercises owe a 随时 occurrence, of which disclosure item, on which day, under which title.</summary>
public sealed class PowerOccurrencesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static DisclosurePolicy Policy(params DisclosureItem[] items)
    {
        var p = DisclosurePolicy.Default("360922000000");
        (p.Version, p.EffectiveFrom, p.IsPublished) = (0, DateOnly.MinValue, true);
        if (items.Length > 0) p.Items = [.. items];
        return p;
    }

    private static PowerExercise Exercise(string item, PowerExerciseState state, string title = "宅基地申请") => new()
    {
        Id = 42, RegionCode = "360922106208", ItemCode = item, ItemName = item, Title = title, State = state, StartedOn = Today.AddDays(-30), CreatedBy = "village.naoping",
    };

    [Theory]
    // power item, exercise state, days ago the last step was done → disclosure item owed, "" when none
    [InlineData("MS01", PowerExerciseState.Done, 0, "C04")]
    [InlineData("MS03", PowerExerciseState.Done, 2, "C04")]
    [InlineData("MS04", PowerExerciseState.Done, 0, "C04")]
    [InlineData("MS02", PowerExerciseState.Done, 0, "C05")]
    [InlineData("ZC06", PowerExerciseState.Done, 0, "C05")]
    [InlineData("GC01", PowerExerciseState.Done, 0, "C06")]
    [InlineData("GC04", PowerExerciseState.Done, 0, "C06")]
    [InlineData("MS02", PowerExerciseState.InProgress, 0, "")]
    [InlineData("MS02", PowerExerciseState.Rejected, 0, "")]
    [InlineData("JC01", PowerExerciseState.Done, 0, "")]
    [InlineData("MS08", PowerExerciseState.Done, 0, "")]
    [InlineData("MS02", PowerExerciseState.Done, -1, "")] // a day after today: refused like a hand-typed one
    public void A_completed_mapped_exercise_owes_its_immediate_item(string item, PowerExerciseState state, int daysAgo, string owed)
    {
        var o = PowerOccurrences.For(Exercise(item, state), Today.AddDays(-daysAgo), [Policy()], Today, "town.sanxing", DateTime.UtcNow);
        (o?.ItemCode ?? "").ShouldBe(owed);
        if (o is null) return;
        (o.RegionCode, o.On, o.Source, o.RecordedBy).ShouldBe(("360922106208", Today.AddDays(-daysAgo), OccurrenceSource.PowerExercise, "town.sanxing"));
        o.Title.ShouldBe($"{Exercise(item, state).Title}（权力运行第 42 号）");
    }

    [Fact]
    public void Nothing_is_owed_when_the_countys_catalogue_has_no_such_immediate_item()
    {
        var quarterly = new DisclosureItem("C05", "宅基地审批", DisclosureCategory.Village, DisclosureFrequency.Quarterly);
        var finance = new DisclosureItem("F01", "财务收支", DisclosureCategory.Finance, DisclosureFrequency.Monthly);
        PowerOccurrences.For(Exercise("MS02", PowerExerciseState.Done), Today, [Policy(quarterly, finance)], Today, "x", DateTime.UtcNow).ShouldBeNull();
        PowerOccurrences.For(Exercise("MS01", PowerExerciseState.Done), Today, [Policy(quarterly, finance)], Today, "x", DateTime.UtcNow).ShouldBeNull();
    }

    [Fact]
    public void A_long_title_is_cut_to_fit_and_keeps_the_exercise_number()
    {
        var title = PowerOccurrences.Title(123456, new string('宅', 80));
        title.Length.ShouldBe(RecordedOccurrence.MaxTitle);
        title.ShouldEndWith("（权力运行第 123456 号）");
    }

    [Fact]
    public void Every_mapped_power_item_is_on_the_default_list_and_every_target_is_an_immediate_default_item()
    {
        var powers = PowerCatalogue.Default().Select(i => i.Code).ToHashSet();
        var immediate = DisclosurePolicy.DefaultItems().Where(i => i.Frequency == DisclosureFrequency.Immediate).Select(i => i.Code).ToHashSet();
        PowerOccurrences.DisclosureItems.Keys.ShouldAllBe(k => powers.Contains(k));
        PowerOccurrences.DisclosureItems.Values.ShouldAllBe(v => immediate.Contains(v));
    }
}
