namespace Cunzhi.Domain.Reserves;

/// <summary>
/// Which leading posts of a village are vacant (动态补缺). A village needs a Party secretary and a
/// committee director; one person may hold both (一肩挑, <c>secretary-director</c>). The secretary's
/// post is vacant when no cadre in office holds <c>secretary</c> or <c>secretary-director</c>; the
/// director's when none holds <c>director</c> or <c>secretary-director</c>. Deputies and members are
/// not tracked as vacancies: their number is the village's choice.
/// </summary>
public static class VillageVacancies
{
    /// <summary>Post code of the Party secretary.</summary>
    public const string SecretaryPost = "secretary";
    /// <summary>Post code of secretary and director held together (一肩挑).</summary>
    public const string SecretaryDirectorPost = "secretary-director";
    /// <summary>Post code of the committee director.</summary>
    public const string DirectorPost = "director";

    /// <summary>The leading posts that an appointment to <paramref name="postCode"/> fills (none for other posts).</summary>
    public static IReadOnlyList<VacantPost> Fills(string postCode) => postCode switch
    {
        SecretaryPost => [VacantPost.Secretary],
        DirectorPost => [VacantPost.Director],
        SecretaryDirectorPost => [VacantPost.Secretary, VacantPost.Director],
        _ => [],
    };

    /// <summary>The vacant leading posts of a village whose in-office cadres hold <paramref name="inOfficePostCodes"/>.</summary>
    public static IReadOnlyList<VacantPost> Of(IEnumerable<string> inOfficePostCodes)
    {
        var filled = inOfficePostCodes.SelectMany(Fills).ToHashSet();
        return [.. Enum.GetValues<VacantPost>().Where(p => !filled.Contains(p))];
    }

    /// <summary>
    /// Why an appointment to <paramref name="postCode"/> cannot be made in a village whose vacant leading
    /// posts are <paramref name="vacant"/>, or null when it can. A leading post is filled only when vacant,
    /// so a village never has two secretaries; 一肩挑 needs both posts vacant.
    /// </summary>
    public static string? Conflict(string postCode, IReadOnlyCollection<VacantPost> vacant)
    {
        var taken = Fills(postCode).Where(p => !vacant.Contains(p)).ToList();
        if (taken.Count == 0) return null;
        var names = string.Join("、", taken.Select(ReserveNames.Of));
        return postCode == SecretaryDirectorPost
            ? $"书记、主任一肩挑须两个职务都空缺：该村{names}职务不空缺"
            : $"该村{names}职务不空缺，不能再任用";
    }
}
