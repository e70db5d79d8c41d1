using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Tests;

public sealed class StructureAnalysisTests
{
    private const string V1 = "360922106208";
    private const string V2 = "360922106200";
    private const string V3 = "360922106201";
    private static readonly DateOnly AsOf = new(2026, 6, 15);

    private static CadreFact Fact(string post = "committee-member", string village = V1, string birth = "1980-01-01", string education = "senior",
        bool party = true, int rank = 13, Gender gender = Gender.Male, CadreOrigin origin = CadreOrigin.Elected, CadreStatus status = CadreStatus.InOffice)
        => new(village, post, DateOnly.Parse(birth), education, party, rank, gender, origin, status);

    /// <summary>A birth date that makes the cadre exactly <paramref name="age"/> on <see cref="AsOf"/>.</summary>
    private static string Aged(int age) => AsOf.AddYears(-age).ToString("yyyy-MM-dd");

    [Fact]
    public void No_villages_and_no_cadres_give_zeros_not_NaN()
    {
        var f = StructureAnalysis.Analyse([], [], AsOf);
        (f.Villages, f.InOffice, f.Assigned, f.Secretaries, f.OneShoulderVillages, f.VacantPosts).ShouldBe((0, 0, 0, 0, 0, 0));
        new[] { f.AverageAge, f.SecretaryAverageAge, f.CollegeOrAboveShare, f.SecretaryCollegeOrAboveShare, f.PartyMemberShare, f.WomenShare, f.OneShoulderShare }
            .ShouldAllBe(x => x == 0m);
        f.AgeBands.Select(b => b.Count).ShouldBe([0, 0, 0, 0]);
        f.Ranks.Select(r => r.Rank).ShouldBe([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        f.Ranks.ShouldAllBe(r => r.Count == 0);
        f.Education.Select(e => e.Code).ShouldBe(["primary", "junior", "senior", "college", "bachelor", "postgraduate"]);
        f.Education.ShouldAllBe(e => e.Count == 0);
    }

    [Fact]
    public void Villages_without_cadres_count_as_villages_lacking_both_chiefs()
    {
        var f = StructureAnalysis.Analyse([V1, V2], [], AsOf);
        (f.Villages, f.InOffice, f.VillagesWithoutSecretary, f.VillagesWithoutDirector, f.VacantPosts).ShouldBe((2, 0, 2, 2, 4));
        f.OneShoulderShare.ShouldBe(0m);
    }

    [Theory]
    [InlineData(0, 5, "0")]
    [InlineData(5, 0, "0")]
    [InlineData(1, 1, "100")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")]     // 6.25: half away from zero, not to even
    [InlineData(1, 80, "1.3")]     // 1.25
    [InlineData(1, 400, "0.3")]    // 0.25
    [InlineData(1, 2000, "0.1")]   // 0.05
    [InlineData(1, 2001, "0")]     // 0.04997…
    [InlineData(702, 1000, "70.2")] // Wudu
    [InlineData(33, 47, "70.2")]
    public void Percentages_have_one_decimal_rounded_half_away_from_zero(int part, int whole, string expected) =>
        StructureAnalysis.Percent(part, whole).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(new[] { 41, 42 }, "41.5")]
    [InlineData(new[] { 40, 40, 41 }, "40.3")]
    [InlineData(new[] { 40, 41, 41 }, "40.7")]
    [InlineData(new[] { 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 41 }, "40.1")] // 40.05
    [InlineData(new[] { 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 41, 41, 41 }, "40.2")] // 40.15
    [InlineData(new int[0], "0")]
    public void Averages_have_one_decimal_rounded_half_away_from_zero(int[] ages, string expected) =>
        StructureAnalysis.Average(ages).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1990-06-16", 35, 0)] // 36 tomorrow
    [InlineData("1990-06-15", 36, 1)] // birthday today
    [InlineData("1980-06-16", 45, 1)]
    [InlineData("1980-06-15", 46, 2)]
    [InlineData("1970-06-16", 55, 2)]
    [InlineData("1970-06-15", 56, 3)]
    [InlineData("2001-01-01", 25, 0)]
    [InlineData("1950-01-01", 76, 3)]
    public void Age_bands_use_whole_years_on_the_date(string birth, int age, int band)
    {
        Cadre.AgeOn(DateOnly.Parse(birth), AsOf).ShouldBe(age);
        var f = StructureAnalysis.Analyse([V1], [Fact(birth: birth)], AsOf);
        f.AgeBands.Select(b => b.Count).ShouldBe(Enumerable.Range(0, 4).Select(i => i == band ? 1 : 0));
        f.AverageAge.ShouldBe(age);
    }

    [Fact]
    public void Age_bands_are_bounded_at_35_45_and_55() =>
        StructureAnalysis.Analyse([V1], [], AsOf).AgeBands.Select(b => (b.MinAge, b.MaxAge))
            .ShouldBe([(null, 35), (36, 45), (46, 55), (56, (int?)null)]);

    [Fact]
    public void Age_bands_are_labelled_in_chinese() =>
        StructureAnalysis.Analyse([V1], [], AsOf).AgeBands[0].Label.ShouldBe("35岁及以下");

    [Fact]
    public void Secretaries_are_secretaries_and_one_shoulder_chiefs_but_not_first_secretaries()
    {
        var f = StructureAnalysis.Analyse([V1, V2],
        [
            Fact("secretary", V1, Aged(40), "bachelor"),
            Fact("director", V1, Aged(50), "senior"),
            Fact("secretary-director", V2, Aged(43), "senior"),
            Fact("first-secretary", V2, Aged(30), "postgraduate", origin: CadreOrigin.Assigned),
            Fact("deputy-secretary", V2, Aged(60), "college"),
        ], AsOf);
        f.Secretaries.ShouldBe(2);
        f.SecretaryAverageAge.ShouldBe(41.5m);
        f.SecretaryCollegeOrAboveShare.ShouldBe(50m);
        f.CollegeOrAboveShare.ShouldBe(60m); // bachelor, postgraduate, college of 5
        f.AverageAge.ShouldBe(44.6m);        // 223 / 5
        f.Assigned.ShouldBe(1);
    }

    [Theory]
    [InlineData("primary", false)]
    [InlineData("junior", false)]
    [InlineData("senior", false)]
    [InlineData("college", true)]
    [InlineData("bachelor", true)]
    [InlineData("postgraduate", true)]
    public void College_or_above_means_college_bachelor_or_postgraduate(string education, bool counts) =>
        StructureAnalysis.Analyse([V1], [Fact("secretary", education: education)], AsOf)
            .CollegeOrAboveShare.ShouldBe(counts ? 100m : 0m);

    [Fact]
    public void Only_cadres_in_office_and_in_the_listed_villages_count()
    {
        var f = StructureAnalysis.Analyse([V1],
        [
            Fact("secretary", V1, gender: Gender.Female),
            Fact("director", V1, status: CadreStatus.DepartedNormally, gender: Gender.Female),
            Fact("committee-member", V1, status: CadreStatus.Removed),
            Fact("committee-member", V2, party: false),
        ], AsOf);
        (f.Villages, f.InOffice, f.Secretaries).ShouldBe((1, 1, 1));
        f.WomenShare.ShouldBe(100m);
        f.PartyMemberShare.ShouldBe(100m);
        f.VillagesWithoutDirector.ShouldBe(1, "the director has left office");
    }

    /// <summary>Seven cadres in office: four party members, two women.</summary>
    private static StructureFigures SevenCadres() => StructureAnalysis.Analyse([V1],
    [
        Fact(party: true, gender: Gender.Female), Fact(party: true), Fact(party: false), Fact(party: false, gender: Gender.Female),
        Fact(party: true), Fact(party: true), Fact(party: false),
    ], AsOf);

    [Fact]
    public void The_party_member_share_is_of_all_cadres_in_office() => SevenCadres().PartyMemberShare.ShouldBe(57.1m); // 4 / 7

    [Fact]
    public void The_women_share_is_of_all_cadres_in_office() => SevenCadres().WomenShare.ShouldBe(28.6m); // 2 / 7

    [Fact]
    public void The_women_count_is_what_the_share_is_of() => SevenCadres().Women.ShouldBe(2);

    [Fact]
    public void One_shoulder_share_is_of_villages_including_those_without_cadres()
    {
        var f = StructureAnalysis.Analyse([V1, V2, V3],
        [
            Fact("secretary-director", V1),
            Fact("secretary", V2), Fact("director", V2),
        ], AsOf);
        f.OneShoulderVillages.ShouldBe(1);
        f.OneShoulderShare.ShouldBe(33.3m);
    }

    /// <summary>Four cadres: ranks 13, 13, 12, 1; education bachelor, junior, bachelor and an unknown code.</summary>
    private static StructureFigures FourRanksAndEducations() => StructureAnalysis.Analyse([V1],
    [
        Fact(rank: 13, education: "bachelor"), Fact(rank: 13, education: "junior"), Fact(rank: 12, education: "bachelor"),
        Fact(rank: 1, education: "doctorate"),
    ], AsOf);

    [Fact]
    public void Ranks_run_from_13_to_1()
    {
        var f = FourRanksAndEducations();
        f.Ranks.First().ShouldBe(new RankCount(13, 2));
        f.Ranks.Single(r => r.Rank == 12).Count.ShouldBe(1);
        f.Ranks.Last().ShouldBe(new RankCount(1, 1));
        f.Ranks.Sum(r => r.Count).ShouldBe(4);
    }

    [Fact]
    public void Education_runs_from_lowest_with_unknown_codes_last()
    {
        var f = FourRanksAndEducations();
        f.Education.Select(e => (e.Code, e.Count)).ShouldBe(
            [("primary", 0), ("junior", 1), ("senior", 0), ("college", 0), ("bachelor", 2), ("postgraduate", 0), ("doctorate", 1)]);
        f.Education.Single(e => e.Code == "college").Name.ShouldBe("大专");
    }

    public static TheoryData<string[], bool, bool> VacancyTable => new()
    {
        { [], true, true },
        { ["secretary"], false, true },
        { ["director"], true, false },
        { ["secretary-director"], false, false },
        { ["secretary", "director"], false, false },
        { ["first-secretary", "deputy-secretary", "deputy-director", "committee-member"], true, true },
        { ["departed:secretary", "director"], true, false },
        { ["departed:secretary-director"], true, true },
    };

    [Theory, MemberData(nameof(VacancyTable))]
    public void A_village_lacks_a_secretary_or_a_director_when_no_cadre_in_office_holds_the_post(string[] posts, bool lacksSecretary, bool lacksDirector)
    {
        var facts = posts.Select(p => p.StartsWith("departed:")
            ? Fact(p["departed:".Length..], status: CadreStatus.DepartedNormally)
            : Fact(p)).ToList();
        var vacancies = StructureAnalysis.Vacancies([V1], facts);
        if (!lacksSecretary && !lacksDirector) vacancies.ShouldBeEmpty();
        else vacancies.ShouldBe([new VillageVacancy(V1, lacksSecretary, lacksDirector)]);

        var f = StructureAnalysis.Analyse([V1], facts, AsOf);
        (f.VillagesWithoutSecretary, f.VillagesWithoutDirector).ShouldBe((lacksSecretary ? 1 : 0, lacksDirector ? 1 : 0));
        f.VacantPosts.ShouldBe((lacksSecretary ? 1 : 0) + (lacksDirector ? 1 : 0));
    }

    /// <summary>V2 has a one-shoulder chief, V1 lacks a director, V3 has no cadre at all.</summary>
    private static IReadOnlyList<VillageVacancy> ThreeVillagesVacancies() =>
        StructureAnalysis.Vacancies([V1, V3, V2], [Fact("secretary-director", V2), Fact("secretary", V1)]);

    [Fact]
    public void Vacancies_are_listed_in_code_order() =>
        ThreeVillagesVacancies().Select(v => v.VillageCode).ShouldBe([V3, V1]); // …201 before …208

    [Fact]
    public void A_vacancy_counts_its_missing_posts() =>
        ThreeVillagesVacancies().Select(v => (v.VillageCode, v.Posts)).ShouldBe([(V3, 2), (V1, 1)]);
}
