using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Reserves;

/// <summary>
/// 后备干部: a candidate in a village's or a town's reserve pool (SPEC §1). Candidates are recommended
/// through a channel, trained by an assigned cadre (定人定岗, 跟岗实训), reviewed periodically
/// (定期分析研判) with an in/out outcome (优进绌退), and appointed to a vacant post (动态补缺), which
/// creates their cadre record. Appointment and removal close the record; a closed record is not changed again.
/// </summary>
public sealed class ReserveCadre : IRegionScoped, IVersioned
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village of a village pool, or the town of a town-level pool.</summary>
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
    /// <summary>Source group (大学生, 致富能手 …).</summary>
    public ReserveSource Source { get; set; }
    /// <summary>Recommendation channel.</summary>
    public RecommendationChannel Channel { get; set; }
    /// <summary>Who recommended: the signing leader, or the recommending organisation.</summary>
    public required string Recommender { get; set; }
    /// <summary>Date of the recommendation (entry into the pool).</summary>
    public DateOnly RecommendedDate { get; set; }
    /// <summary>Trainer (培养联系人) when a cadre of the registry; <see cref="TrainerName"/> holds the name either way.</summary>
    public long? TrainerCadreId { get; set; }
    /// <summary>Trainer's name (a cadre, or a town official without a cadre record).</summary>
    public string? TrainerName { get; set; }
    /// <summary>Post the candidate is placed with (定人定岗), reference data kind <c>Post</c>.</summary>
    public string? PlacementPostCode { get; set; }
    /// <summary>Work-shadowing arrangement (跟岗实训).</summary>
    public string? TrainingNote { get; set; }
    /// <summary>In the pool, appointed, or removed.</summary>
    public ReserveStatus Status { get; set; } = ReserveStatus.Active;
    /// <summary>Date of appointment or removal.</summary>
    public DateOnly? ClosedDate { get; set; }
    /// <summary>The cadre record created by the appointment.</summary>
    public long? PromotedCadreId { get; set; }
    /// <summary>The cadre created by <see cref="Appoint"/>; lets the store save both in one unit of work before keys exist.</summary>
    public Cadre? PromotedCadre { get; set; }
    /// <summary>Concurrency version (<see cref="IVersioned"/>): two people acting on the same record at once cannot both succeed.</summary>
    public int RowVersion { get; set; }
    /// <summary>National ID, encrypted (never shown); carried to the cadre record on appointment.</summary>
    public string? NationalIdCipher { get; set; }
    /// <summary>Keyed hash of the national ID.</summary>
    public string? NationalIdHash { get; set; }
    /// <summary>National ID as shown, e.g. 360***********1234.</summary>
    public string? NationalIdMasked { get; set; }
    /// <summary>Reviews, oldest first.</summary>
    public List<ReserveReview> Reviews { get; set; } = [];

    /// <summary>Posts whose holder must be a Party member (党组织书记、副书记).</summary>
    public static readonly IReadOnlySet<string> PartyPosts = new HashSet<string> { "secretary", "secretary-director", "deputy-secretary" };

    /// <summary>Refuses to change a closed record (appointed or removed).</summary>
    public void EnsureEditable()
    {
        if (Status != ReserveStatus.Active) throw new RuleException($"该后备干部{ReserveNames.Of(Status)}，档案不能再修改");
    }

    /// <summary>
    /// Records a periodic review (定期分析研判). Only candidates in the pool are reviewed; reviews are dated
    /// no earlier than the recommendation and the previous review; a removal (绌退) needs a reason and
    /// closes the record on that date.
    /// </summary>
    public ReserveReview Review(DateOnly date, string reviewer, ReviewOutcome outcome, string? note)
    {
        if (Status != ReserveStatus.Active) throw new RuleException($"该后备干部{ReserveNames.Of(Status)}，不能再研判");
        if (!Enum.IsDefined(outcome)) throw new RuleException("请选择研判结果");
        if (string.IsNullOrWhiteSpace(reviewer)) throw new RuleException("请填写研判人");
        if (date < RecommendedDate) throw new RuleException($"研判日期不能早于推荐日期（{RecommendedDate:yyyy-MM-dd}）");
        if (Reviews.Count > 0 && Reviews.Max(r => r.Date) is var last && date < last)
            throw new RuleException($"研判日期不能早于上一次研判（{last:yyyy-MM-dd}）");
        if (outcome == ReviewOutcome.Remove && string.IsNullOrWhiteSpace(note)) throw new RuleException("绌退须写明原因");
        var review = new ReserveReview { RegionCode = RegionCode, Date = date, Reviewer = reviewer.Trim(), Outcome = outcome, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        Reviews.Add(review);
        if (outcome == ReviewOutcome.Remove) (Status, ClosedDate) = (ReserveStatus.Removed, date);
        return review;
    }

    /// <summary>The outcome of the latest review, or null before the first.</summary>
    public ReviewOutcome? LatestOutcome() => Reviews.OrderBy(r => r.Date).ThenBy(r => r.Id).LastOrDefault()?.Outcome;

    /// <summary>
    /// Appoints the candidate to <paramref name="postCode"/> of <paramref name="villageCode"/> from
    /// <paramref name="date"/> (动态补缺): returns the new cadre — entry rank 13, elected origin, its post
    /// history opened — and closes this record as promoted. Refused when the candidate is not in the pool;
    /// when the village is neither the pool's own village nor, for a town pool, one of the town's villages;
    /// for unknown posts and for the first secretary (sent from above, never drawn from the pool); for dates
    /// before the recommendation; for Party posts when the candidate is not a Party member; and for a leading
    /// post that is not among <paramref name="vacancies"/>, the village's vacant leading posts on that date
    /// (see <see cref="VillageVacancies"/>).
    /// </summary>
    public Cadre Appoint(string villageCode, string postCode, DateOnly date, int? term, IReadOnlyCollection<VacantPost> vacancies)
    {
        if (Status == ReserveStatus.Promoted) throw new RuleException("该后备干部已任用，不能重复任用");
        if (Status != ReserveStatus.Active) throw new RuleException($"该后备干部{ReserveNames.Of(Status)}，不能任用");
        var ownVillage = villageCode == RegionCode;
        var villageOfTown = RegionCodes.LevelOf(RegionCode) == RegionLevel.Town && RegionCodes.ParentOf(villageCode) == RegionCode;
        if (RegionCodes.LevelOf(villageCode) != RegionLevel.Village || !(ownVillage || villageOfTown))
            throw new RuleException("只能任用到本村；乡镇后备干部只能任用到本乡镇的村");
        if (ReferenceData.Posts.All(p => p.Code != postCode)) throw new RuleException("请选择有效的职务");
        if (postCode == "first-secretary") throw new RuleException("驻村第一书记由上级选派，不从后备干部中任用");
        if (date < RecommendedDate) throw new RuleException($"任用日期不能早于推荐日期（{RecommendedDate:yyyy-MM-dd}）");
        if (PartyPosts.Contains(postCode) && !IsPartyMember) throw new RuleException("党组织书记、副书记须为中共党员");
        if (VillageVacancies.Conflict(postCode, vacancies) is { } conflict) throw new RuleException(conflict);

        var cadre = new Cadre
        {
            RegionCode = villageCode, Name = Name, Gender = Gender, BirthDate = BirthDate, EducationCode = EducationCode,
            IsPartyMember = IsPartyMember, PostCode = postCode, Rank = Cadre.EntryRank, Origin = CadreOrigin.Elected, Term = term,
        };
        cadre.ChangePost(postCode, date, term);
        (Status, ClosedDate, PromotedCadre) = (ReserveStatus.Promoted, date, cadre);
        return cadre;
    }
}

/// <summary>One periodic review of a reserve candidate (研判记录, 优进绌退).</summary>
public sealed class ReserveReview : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The candidate.</summary>
    public long ReserveCadreId { get; set; }
    /// <summary>The candidate's region code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Date of the review.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Who reviewed (person or meeting).</summary>
    public required string Reviewer { get; set; }
    /// <summary>Keep, promote (优进) or remove (绌退).</summary>
    public ReviewOutcome Outcome { get; set; }
    /// <summary>Findings; the reason, for a removal.</summary>
    public string? Note { get; set; }
}
