using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>Which 随时 occurrences may be recorded under the default catalogue published from 2026-01-01.</summary>
public sealed class RecordedOccurrenceTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DisclosurePolicy[] V1 = [Published()];

    private static DisclosurePolicy Published()
    {
        var p = DisclosurePolicy.Default("360922000000");
        (p.Version, p.EffectiveFrom, p.IsPublished) = (1, D("2026-01-01"), true);
        return p;
    }

    [Theory]
    // item, day, title → the problem codes, "" when none (today 2026-05-20)
    [InlineData("C04", "2026-05-10", "低保评定第3批", "")]
    [InlineData("C04", "2026-05-21", "低保评定第3批", "disclosure.occurrence")]
    [InlineData("C04", "2026-05-10", "  ", "disclosure.occurrence")]
    [InlineData("C01", "2026-05-10", "村民代表会议", "disclosure.item")]
    [InlineData("X99", "2026-05-10", "不存在的事项", "disclosure.item")]
    [InlineData("C05", "2025-12-31", "宅基地审批", "disclosure.no-policy")]
    public void An_occurrence_is_checked_against_the_catalogue_and_the_day(string item, string on, string title, string codes) =>
        string.Join(",", RecordedOccurrence.Problems(V1, item, D(on), title, D("2026-05-20")).Select(p => p.Code)).ShouldBe(codes);

    [Fact]
    public void A_title_longer_than_the_posting_key_is_refused() =>
        RecordedOccurrence.Problems(V1, "C04", D("2026-05-10"), new string('批', RecordedOccurrence.MaxTitle + 1), D("2026-05-20")).Single().Field.ShouldBe("title");
}
