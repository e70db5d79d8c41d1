using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Cadres;

/// <summary>Whether a cadre is serving (SPEC §1).</summary>
public enum CadreStatus
{
    /// <summary>在任.</summary>
    InOffice = 1,
    /// <summary>正常离任.</summary>
    DepartedNormally = 2,
    /// <summary>被罢免/免职.</summary>
    Removed = 3,
}

/// <summary>
/// 村干部: a member of a village's two committees. This is the registry's core record;
/// posts history, ID number and reserve links are added by the registry feature.
/// </summary>
public sealed class Cadre : IRegionScoped
{
    /// <summary>Rank of a newly appointed cadre (rank pilot: 13 is the entry rank, 1 the highest).</summary>
    public const int EntryRank = 13;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Name.</summary>
    public required string Name { get; set; }
    /// <summary>Gender.</summary>
    public Gender Gender { get; set; }
    /// <summary>Birth date.</summary>
    public DateOnly BirthDate { get; set; }
    /// <summary>Education level code (reference data kind <c>Education</c>).</summary>
    public required string EducationCode { get; set; }
    /// <summary>Party member.</summary>
    public bool IsPartyMember { get; set; }
    /// <summary>Current post code (reference data kind <c>Post</c>).</summary>
    public required string PostCode { get; set; }
    /// <summary>Rank 13 (entry) … 1 (highest).</summary>
    public int Rank { get; set; } = EntryRank;
    /// <summary>Serving or not.</summary>
    public CadreStatus Status { get; set; } = CadreStatus.InOffice;
    /// <summary>Date of taking the current post.</summary>
    public DateOnly StartDate { get; set; }
}
