using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

/// <summary>The shared mechanics of versioned county policies (<see cref="VersionedPolicy{TSelf}"/>), once, for every policy type.</summary>
public sealed class VersionedPolicyTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Versions written as "number:effective date" (published) or "number:effective date:draft".</summary>
    private static List<RankPolicy> Versions(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v =>
    {
        var parts = v.Split(':');
        return new RankPolicy { CountyCode = "360922000000", Version = int.Parse(parts[0]), EffectiveFrom = D(parts[1]), IsPublished = parts.Length == 2 };
    }).ToList();

    public static TheoryData<string, string, int?> InForceCases => new()
    {
        { "", "2026-05-01", null },                                                  // nothing yet
        { "1:2026-01-01", "2025-12-31", null },                                      // the first version starts later
        { "1:2026-01-01", "2026-01-01", 1 },                                         // in force from its first day
        { "1:2026-01-01 2:2026-07-01", "2026-06-30", 1 },                            // until the next one's
        { "1:2026-01-01 2:2026-07-01", "2026-07-01", 2 },
        { "1:2026-01-01 2:2026-07-01:draft", "2026-08-01", 1 },                      // a draft is never in force
        { "1:2026-01-01 2:2026-01-01", "2026-03-01", 2 },                            // same day: the higher version
        { "2:2026-07-01 1:2026-01-01", "2027-01-01", 2 },                            // order of the list does not matter
        { "1:2026-01-01 2:2027-01-01 3:2026-07-01", "2026-08-01", 3 },               // the latest effective date on or before the day
    };

    [Theory, MemberData(nameof(InForceCases))]
    public void The_version_in_force_on_a_date(string versions, string date, int? expected) =>
        (RankPolicy.InForce(Versions(versions), D(date))?.Version).ShouldBe(expected);

    [Theory, MemberData(nameof(InForceCases))]
    public void Every_policy_type_finds_the_same_version_in_force(string versions, string date, int? expected)
    {
        var pay = Versions(versions).Select(v => new PaySettings { CountyCode = v.CountyCode, Version = v.Version, EffectiveFrom = v.EffectiveFrom, IsPublished = v.IsPublished });
        (PaySettings.InForce(pay, D(date))?.Version).ShouldBe(expected);
    }

    public static TheoryData<string, string, int?> NextCases => new()
    {
        { "", "2026-05-01", null },
        { "1:2026-01-01", "2026-01-01", null },                                      // in force already: nothing comes next
        { "1:2026-01-01 2:2026-07-01", "2026-05-01", 2 },
        { "1:2026-01-01 2:2026-07-01 3:2027-01-01", "2026-05-01", 2 },               // the nearest, not the newest
        { "1:2026-01-01 2:2026-07-01:draft", "2026-05-01", null },                   // a draft never comes into force
    };

    [Theory, MemberData(nameof(NextCases))]
    public void The_next_version_to_come_into_force(string versions, string date, int? expected) =>
        (RankPolicy.NextInForce(Versions(versions), D(date))?.Version).ShouldBe(expected);

    [Theory]
    [InlineData("", 1)]
    [InlineData("1:2026-01-01", 2)]
    [InlineData("1:2026-01-01 3:2026-07-01 2:2026-03-01:draft", 4)]
    public void The_next_number_follows_the_highest_version(string versions, int next) =>
        RankPolicy.NextVersion(Versions(versions)).ShouldBe(next);

    [Theory]
    [InlineData("", null)]
    [InlineData("1:2026-01-01", null)]
    [InlineData("1:2026-01-01 3:2026-07-01 2:2026-03-01:draft", 2)]
    public void The_draft_is_the_unpublished_version(string versions, int? draft) =>
        (RankPolicy.DraftOf(Versions(versions))?.Version).ShouldBe(draft);

    public static TheoryData<string, Action, string> PublishedPolicies => new()
    {
        { "报酬标准", new PaySettings { CountyCode = "360922000000", Version = 3, IsPublished = true }.EnsureDraft, "第 3 版报酬标准已发布，不能修改；请新建草稿" },
        { "晋升办法", new RankPolicy { CountyCode = "360922000000", Version = 3, IsPublished = true }.EnsureDraft, "第 3 版晋升办法已发布，不能修改；请新建草稿" },
    };

    [Theory, MemberData(nameof(PublishedPolicies))]
    public void A_published_version_is_never_changed(string _, Action ensureDraft, string message) =>
        Should.Throw<RuleException>(ensureDraft).Message.ShouldBe(message);

    [Fact]
    public void A_draft_may_be_changed() => Should.NotThrow(new RankPolicy { CountyCode = "360922000000", Version = 3 }.EnsureDraft);

    /// <summary>Published version 1 (row 7) with a changed allowance step and absence limit.</summary>
    private static RankPolicy PublishedV1() => new()
    {
        Id = 7, RowVersion = 4, CountyCode = "360922000000", Version = 1, EffectiveFrom = D("2026-01-01"), IsPublished = true,
        PublishedBy = "county.admin", PublishedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), AllowanceStepFen = 150_00, MaxAbsenceDays = 5,
    };

    [Fact]
    public void A_new_draft_is_a_new_row_with_the_numbers_copied()
    {
        var v1 = PublishedV1();
        var draft = v1.NewDraft(2, D("2026-07-01"));
        (draft.Id, draft.RowVersion, draft.Version, draft.EffectiveFrom).ShouldBe((0L, 0, 2, D("2026-07-01")));
        (draft.CountyCode, draft.AllowanceStepFen, draft.MaxAbsenceDays).ShouldBe(("360922000000", 150_00L, 5));
        draft.MinMonths.ShouldBe(v1.MinMonths);
    }

    [Fact]
    public void A_new_draft_starts_unpublished()
    {
        var v1 = PublishedV1();
        var draft = v1.NewDraft(2, D("2026-07-01"));
        (draft.IsPublished, draft.PublishedBy, draft.PublishedAtUtc).ShouldBe((false, (string?)null, (DateTime?)null));
        v1.IsPublished.ShouldBeTrue();
    }

    [Fact]
    public void A_new_draft_has_its_own_lists()
    {
        var v1 = PublishedV1();
        var draft = v1.NewDraft(2, D("2026-07-01"));
        draft.MinMonths.ShouldNotBeSameAs(v1.MinMonths);
        draft.PointsSteps.ShouldNotBeSameAs(v1.PointsSteps);
        draft.VetoReasons.ShouldNotBeSameAs(v1.VetoReasons);
        draft.VetoReasons.Add("新增情形");
        v1.VetoReasons.ShouldNotContain("新增情形");
    }

    [Fact]
    public void A_county_s_first_pay_settings_draft_holds_the_defaults()
    {
        var d = PaySettings.DraftFrom(null, "360922000000", 1, D("2026-01-01"));
        (d.CountyCode, d.Version, d.EffectiveFrom, d.IsPublished).ShouldBe(("360922000000", 1, D("2026-01-01"), false));
        (d.ChiefBaseFen, d.PostShares, d.Coefficients, d.RetirementAge).ShouldBe((3_000_00L, PaySettings.DefaultPostShares, PaySettings.DefaultCoefficients, 60));
    }

    [Fact]
    public void Publishing_refuses_a_draft_with_problems()
    {
        var bad = PaySettings.DraftFrom(null, "360922000000", 1, D("2026-01-02"));
        Should.Throw<RuleException>(() => bad.Publish("county.admin", DateTime.UnixEpoch)).Message.ShouldContain("生效日期须为某月 1 日");
        bad.IsPublished.ShouldBeFalse();
    }

    [Fact]
    public void Publishing_marks_a_good_draft_published_once()
    {
        var good = PaySettings.DraftFrom(null, "360922000000", 1, D("2026-01-01"));
        good.Publish("county.admin", DateTime.UnixEpoch);
        (good.IsPublished, good.PublishedBy, good.PublishedAtUtc).ShouldBe((true, (string?)"county.admin", (DateTime?)DateTime.UnixEpoch));
        Should.Throw<RuleException>(() => good.Publish("county.admin", DateTime.UnixEpoch)).Message.ShouldBe("第 1 版报酬标准已发布，不能修改；请新建草稿");
    }
}
