using Cunzhi.Domain.Common;
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

/// <summary>How a cadre came to the village (SPEC §1: first secretaries and work teams are sent from above).</summary>
public enum CadreOrigin
{
    /// <summary>村民选举或本村产生.</summary>
    Elected = 1,
    /// <summary>上级选派（驻村第一书记、工作队员）.</summary>
    Assigned = 2,
}

/// <summary>
/// 村干部: a member of a village's two committees, or a first secretary or work-team member sent
/// to it. The current post is kept with its history (<see cref="Posts"/>); leaving office closes it.
/// National ID, phone and bank account are stored encrypted by the web layer; this record only carries the
/// ciphertext, a keyed hash for look-up, and the masked form for display.
/// </summary>
public sealed class Cadre : IRegionScoped, Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
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
    /// <summary>Current post code (reference data kind <c>Post</c>); the last one held after leaving office.</summary>
    public required string PostCode { get; set; }
    /// <summary>Rank 13 (entry) … 1 (highest).</summary>
    public int Rank { get; set; } = EntryRank;
    /// <summary>Serving or not.</summary>
    public CadreStatus Status { get; set; } = CadreStatus.InOffice;
    /// <summary>Date of taking the current post.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Elected locally or assigned from above.</summary>
    public CadreOrigin Origin { get; set; } = CadreOrigin.Elected;
    /// <summary>Sending unit of an assigned cadre (派出单位).</summary>
    public string? AssignedFrom { get; set; }
    /// <summary>专业化管理村党组织书记.</summary>
    public bool IsProfessionalSecretary { get; set; }
    /// <summary>Term of the two committees (届次), e.g. 12 for 第十二届.</summary>
    public int? Term { get; set; }
    /// <summary>Date of leaving office, when not serving.</summary>
    public DateOnly? DepartureDate { get; set; }
    /// <summary>Reason for leaving office.</summary>
    public string? DepartureReason { get; set; }
    /// <summary>National ID, encrypted (never shown).</summary>
    public string? NationalIdCipher { get; set; }
    /// <summary>Keyed hash of the national ID: uniqueness and exact look-up without decrypting.</summary>
    public string? NationalIdHash { get; set; }
    /// <summary>National ID as shown, e.g. 360***********1234.</summary>
    public string? NationalIdMasked { get; set; }
    /// <summary>Mobile phone, encrypted.</summary>
    public string? PhoneCipher { get; set; }
    /// <summary>Mobile phone as shown, e.g. 138****5678.</summary>
    public string? PhoneMasked { get; set; }
    /// <summary>Bank the remuneration is paid into (开户行), as typed; not personal data on its own.</summary>
    public string? BankName { get; set; }
    /// <summary>Bank account number (银行账号), encrypted.</summary>
    public string? BankAccountCipher { get; set; }
    /// <summary>Bank account number as shown, e.g. 6217 **** **** 1234.</summary>
    public string? BankAccountMasked { get; set; }
    /// <summary>Posts held, current and past.</summary>
    public List<CadrePost> Posts { get; set; } = [];

    /// <summary>Age in whole years on <paramref name="asOf"/>; someone born on 29 February turns a year older on 1 March in common years.</summary>
    public static int AgeOn(DateOnly birth, DateOnly asOf) =>
        asOf.Year - birth.Year - ((asOf.Month, asOf.Day).CompareTo((birth.Month, birth.Day)) < 0 ? 1 : 0);

    /// <summary>
    /// Appoints the cadre to a new post from <paramref name="from"/>: the open post ends the day
    /// before, and a new one opens. Refused for cadres no longer in office and for dates before the open post began.
    /// </summary>
    public void ChangePost(string postCode, DateOnly from, int? term)
    {
        if (Status != CadreStatus.InOffice) throw new RuleException("该干部已离任，不能调整职务");
        var open = Posts.SingleOrDefault(p => p.EndDate is null);
        if (open is not null)
        {
            if (from <= open.StartDate) throw new RuleException($"新职务的起始日期必须晚于现任职务的起始日期（{open.StartDate:yyyy-MM-dd}）");
            if (open.PostCode == postCode) throw new RuleException("新职务与现任职务相同");
            open.EndDate = from.AddDays(-1);
        }
        Posts.Add(new CadrePost { RegionCode = RegionCode, PostCode = postCode, StartDate = from, Term = term ?? Term });
        (PostCode, StartDate) = (postCode, from);
        if (term is not null) Term = term;
    }

    /// <summary>Leaves office on <paramref name="date"/> (normally or removed): the open post ends that day.</summary>
    public void Depart(CadreStatus status, DateOnly date, string reason)
    {
        if (status == CadreStatus.InOffice) throw new RuleException("请选择离任方式");
        if (Status != CadreStatus.InOffice) throw new RuleException("该干部已离任");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("请填写离任原因");
        var open = Posts.SingleOrDefault(p => p.EndDate is null);
        if (open is not null)
        {
            if (date < open.StartDate) throw new RuleException($"离任日期不能早于任职日期（{open.StartDate:yyyy-MM-dd}）");
            open.EndDate = date;
        }
        (Status, DepartureDate, DepartureReason) = (status, date, reason.Trim());
    }
}

/// <summary>A post held by a cadre over a period (任职经历).</summary>
public sealed class CadrePost : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>Village code (the cadre's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Post code (reference data kind <c>Post</c>).</summary>
    public required string PostCode { get; set; }
    /// <summary>First day in the post.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Last day in the post; null while held.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>Term (届次) of the appointment.</summary>
    public int? Term { get; set; }
}
