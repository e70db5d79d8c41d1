using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Cadres;

/// <summary>
/// The facts about one cadre that structure analytics needs (SPEC §1), and nothing else:
/// no name, no ID number, no phone.
/// </summary>
/// <param name="VillageCode">The cadre's village (12-digit code).</param>
/// <param name="PostCode">Current post code (reference data kind <c>Post</c>).</param>
/// <param name="BirthDate">Birth date.</param>
/// <param name="EducationCode">Education level code (reference data kind <c>Education</c>).</param>
/// <param name="IsPartyMember">Party member.</param>
/// <param name="Rank">Rank 13 (entry) … 1 (highest).</param>
/// <param name="Gender">Gender.</param>
/// <param name="Origin">Elected locally or assigned from above.</param>
/// <param name="Status">Serving or not; only cadres in office are counted.</param>
public sealed record CadreFact(
    string VillageCode, string PostCode, DateOnly BirthDate, string EducationCode, bool IsPartyMember,
    int Rank, Gender Gender, CadreOrigin Origin, CadreStatus Status);

/// <summary>An age band and how many in-office cadres fall in it.</summary>
/// <param name="Label">Chinese label, e.g. 36–45岁.</param>
/// <param name="MinAge">Lowest age in the band, inclusive; null for the open lower band.</param>
/// <param name="MaxAge">Highest age in the band, inclusive; null for the open upper band.</param>
/// <param name="Count">Cadres in the band.</param>
public sealed record AgeBandCount(string Label, int? MinAge, int? MaxAge, int Count);

/// <summary>How many in-office cadres have an education level.</summary>
/// <param name="Code">Education code.</param>
/// <param name="Name">Chinese name (the code itself when it is not a known level).</param>
/// <param name="Count">Cadres at this level.</param>
public sealed record EducationCount(string Code, string Name, int Count);

/// <summary>How many in-office cadres hold a rank.</summary>
/// <param name="Rank">Rank 13 … 1.</param>
/// <param name="Count">Cadres at this rank.</param>
public sealed record RankCount(int Rank, int Count);

/// <summary>A village's unfilled chief posts.</summary>
/// <param name="VillageCode">Village code.</param>
/// <param name="LacksSecretary">No in-office cadre is 书记 (secretary or secretary-director).</param>
/// <param name="LacksDirector">No in-office cadre is 主任 (director or secretary-director).</param>
public sealed record VillageVacancy(string VillageCode, bool LacksSecretary, bool LacksDirector)
{
    /// <summary>Number of unfilled chief posts (0–2).</summary>
    public int Posts => (LacksSecretary ? 1 : 0) + (LacksDirector ? 1 : 0);
}

/// <summary>
/// The structure of a region's village leadership (班子结构) on a date. Percentages are of 0–100
/// with one decimal; an empty region gives zeros, never NaN.
/// </summary>
/// <param name="Villages">Villages analysed (including any without cadres).</param>
/// <param name="InOffice">Cadres in office.</param>
/// <param name="Assigned">In-office cadres sent from above (first secretaries, work teams).</param>
/// <param name="AverageAge">Average age of all in-office cadres, one decimal.</param>
/// <param name="Secretaries">In-office secretaries (secretary or secretary-director).</param>
/// <param name="SecretaryAverageAge">Average age of the secretaries, one decimal (Wudu: 41.8).</param>
/// <param name="CollegeOrAboveShare">Share of in-office cadres with 大专 or above, % (Wudu: 70.2).</param>
/// <param name="SecretaryCollegeOrAboveShare">The same share among secretaries, %.</param>
/// <param name="PartyMemberShare">Share of in-office cadres who are Party members, %.</param>
/// <param name="WomenShare">Share of in-office cadres who are women, %.</param>
/// <param name="OneShoulderVillages">Villages whose secretary is also director (一肩挑).</param>
/// <param name="OneShoulderShare">Those villages as a share of <paramref name="Villages"/>, %.</param>
/// <param name="AgeBands">Counts for ≤35, 36–45, 46–55, ≥56.</param>
/// <param name="Education">Counts per education level, lowest first; unknown codes last.</param>
/// <param name="Ranks">Counts per rank, 13 (entry) first, 1 last.</param>
/// <param name="VillagesWithoutSecretary">Villages lacking a 书记.</param>
/// <param name="VillagesWithoutDirector">Villages lacking a 主任.</param>
public sealed record StructureFigures(
    int Villages, int InOffice, int Assigned, decimal AverageAge,
    int Secretaries, decimal SecretaryAverageAge,
    decimal CollegeOrAboveShare, decimal SecretaryCollegeOrAboveShare,
    decimal PartyMemberShare, decimal WomenShare,
    int OneShoulderVillages, decimal OneShoulderShare,
    IReadOnlyList<AgeBandCount> AgeBands, IReadOnlyList<EducationCount> Education, IReadOnlyList<RankCount> Ranks,
    int VillagesWithoutSecretary, int VillagesWithoutDirector)
{
    /// <summary>In-office cadres who are women (the count behind <see cref="WomenShare"/>).</summary>
    public int Women { get; init; }

    /// <summary>Unfilled chief posts in all (each village can lack a 书记 and a 主任).</summary>
    public int VacantPosts => VillagesWithoutSecretary + VillagesWithoutDirector;
}

/// <summary>
/// Structure analytics of village cadres (SPEC §1): average secretary age, share with a college
/// degree or above, rank distribution, vacancies. Pure functions of the facts and the date.
/// </summary>
public static class StructureAnalysis
{
    /// <summary>Post codes that make a cadre the village's Party secretary (书记).</summary>
    public static readonly IReadOnlySet<string> SecretaryPosts = new HashSet<string>(StringComparer.Ordinal) { "secretary", "secretary-director" };

    /// <summary>Post codes that make a cadre the villagers' committee director (主任).</summary>
    public static readonly IReadOnlySet<string> DirectorPosts = new HashSet<string>(StringComparer.Ordinal) { "director", "secretary-director" };

    /// <summary>The one-shoulder post: secretary and director in one person (一肩挑).</summary>
    public const string OneShoulderPost = "secretary-director";

    /// <summary>Education codes counted as "college degree or above" (大专及以上).</summary>
    public static readonly IReadOnlySet<string> CollegeOrAbove = new HashSet<string>(StringComparer.Ordinal) { "college", "bachelor", "postgraduate" };

    /// <summary>Age bands in years, inclusive: ≤35, 36–45, 46–55, ≥56.</summary>
    public static IReadOnlyList<(string Label, int? Min, int? Max)> AgeBands { get; } =
    [
        ("35岁及以下", null, 35),
        ("36–45岁", 36, 45),
        ("46–55岁", 46, 55),
        ("56岁及以上", 56, null),
    ];

    /// <summary>
    /// Figures for the villages <paramref name="villageCodes"/> from the <paramref name="cadres"/> in them.
    /// Only cadres in office count; cadres of villages not listed are ignored, so a caller can pass a
    /// whole county's facts with one town's villages. Ages are whole years on <paramref name="asOf"/>
    /// (<see cref="Cadre.AgeOn"/>).
    /// </summary>
    public static StructureFigures Analyse(IEnumerable<string> villageCodes, IEnumerable<CadreFact> cadres, DateOnly asOf)
    {
        var villages = villageCodes.ToHashSet(StringComparer.Ordinal);
        var serving = cadres.Where(c => c.Status == CadreStatus.InOffice && villages.Contains(c.VillageCode)).ToList();
        var secretaries = serving.Where(c => SecretaryPosts.Contains(c.PostCode)).ToList();
        var ages = serving.Select(c => Cadre.AgeOn(c.BirthDate, asOf)).ToList();
        var vacancies = Vacancies(villages, serving);
        var oneShoulder = serving.Where(c => c.PostCode == OneShoulderPost).Select(c => c.VillageCode).Distinct().Count();

        return new StructureFigures(
            Villages: villages.Count,
            InOffice: serving.Count,
            Assigned: serving.Count(c => c.Origin == CadreOrigin.Assigned),
            AverageAge: Average(ages),
            Secretaries: secretaries.Count,
            SecretaryAverageAge: Average(secretaries.Select(c => Cadre.AgeOn(c.BirthDate, asOf)).ToList()),
            CollegeOrAboveShare: Percent(serving.Count(c => CollegeOrAbove.Contains(c.EducationCode)), serving.Count),
            SecretaryCollegeOrAboveShare: Percent(secretaries.Count(c => CollegeOrAbove.Contains(c.EducationCode)), secretaries.Count),
            PartyMemberShare: Percent(serving.Count(c => c.IsPartyMember), serving.Count),
            WomenShare: Percent(serving.Count(c => c.Gender == Gender.Female), serving.Count),
            OneShoulderVillages: oneShoulder,
            OneShoulderShare: Percent(oneShoulder, villages.Count),
            AgeBands: AgeBands.Select(b => new AgeBandCount(b.Label, b.Min, b.Max,
                ages.Count(a => (b.Min is null || a >= b.Min) && (b.Max is null || a <= b.Max)))).ToList(),
            Education: EducationDistribution(serving),
            Ranks: Enumerable.Range(1, Cadre.EntryRank).Reverse().Select(r => new RankCount(r, serving.Count(c => c.Rank == r))).ToList(),
            VillagesWithoutSecretary: vacancies.Count(v => v.LacksSecretary),
            VillagesWithoutDirector: vacancies.Count(v => v.LacksDirector))
        {
            Women = serving.Count(c => c.Gender == Gender.Female),
        };
    }

    /// <summary>
    /// Villages among <paramref name="villageCodes"/> that lack a 书记 (no in-office secretary or
    /// secretary-director) or a 主任 (no in-office director or secretary-director), in code order.
    /// Villages with both posts filled are left out.
    /// </summary>
    public static IReadOnlyList<VillageVacancy> Vacancies(IEnumerable<string> villageCodes, IEnumerable<CadreFact> cadres)
    {
        var posts = cadres.Where(c => c.Status == CadreStatus.InOffice)
            .ToLookup(c => c.VillageCode, c => c.PostCode, StringComparer.Ordinal);
        return villageCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(v => new VillageVacancy(v, !posts[v].Any(SecretaryPosts.Contains), !posts[v].Any(DirectorPosts.Contains)))
            .Where(v => v.Posts > 0)
            .ToList();
    }

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/> as a percentage with one decimal, rounded
    /// half away from zero (1 of 8 is 12.5; 1 of 16 is 6.3); 0 when the whole is 0.
    /// </summary>
    public static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Mean with one decimal, rounded half away from zero; 0 for no values.</summary>
    public static decimal Average(IReadOnlyCollection<int> values) =>
        values.Count == 0 ? 0m : Math.Round((decimal)values.Sum(v => (long)v) / values.Count, 1, MidpointRounding.AwayFromZero);

    private static List<EducationCount> EducationDistribution(List<CadreFact> serving)
    {
        var counts = serving.GroupBy(c => c.EducationCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var known = ReferenceData.EducationLevels.OrderBy(e => e.SortOrder)
            .Select(e => new EducationCount(e.Code, e.Name, counts.GetValueOrDefault(e.Code)));
        // Codes outside the reference list still count, shown by their code, so totals add up.
        var unknown = counts.Keys.Where(k => ReferenceData.EducationLevels.All(e => e.Code != k)).Order(StringComparer.Ordinal)
            .Select(k => new EducationCount(k, k, counts[k]));
        return known.Concat(unknown).ToList();
    }
}
