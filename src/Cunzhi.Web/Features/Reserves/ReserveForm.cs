using Cunzhi.Domain.People;
using Cunzhi.Domain.Reserves;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>A reserve record as typed into a form (anything may be missing until validated).</summary>
public sealed class ReserveForm
{
    public string? Name { get; set; }
    public Gender Gender { get; set; } = Gender.Male;
    public DateOnly? BirthDate { get; set; }
    public string? EducationCode { get; set; }
    public bool IsPartyMember { get; set; }
    public ReserveSource? Source { get; set; }
    public RecommendationChannel? Channel { get; set; }
    public string? Recommender { get; set; }
    public DateOnly? RecommendedDate { get; set; }
    public long? TrainerCadreId { get; set; }
    public string? TrainerName { get; set; }
    public string? PlacementPostCode { get; set; }
    public string? TrainingNote { get; set; }
    /// <summary>Typed only: the stored number is never put back into the form (that would show it); empty keeps it.</summary>
    public string? NationalId { get; set; }

    // Missing choices become values the validators reject (0 is no enum member), so the user hears which field is missing.
    public CreateReserve ToCreate(string regionCode) => new(regionCode, Name ?? "", Gender, BirthDate ?? DateOnly.MinValue, EducationCode ?? "", IsPartyMember,
        Source ?? 0, Channel ?? 0, Recommender ?? "", RecommendedDate ?? DateOnly.MinValue, TrainerCadreId, TrainerName, PlacementPostCode, TrainingNote, NationalId);

    public UpdateReserve ToUpdate() => new(Name ?? "", Gender, BirthDate ?? DateOnly.MinValue, EducationCode ?? "", IsPartyMember,
        Source ?? 0, Channel ?? 0, Recommender ?? "", RecommendedDate ?? DateOnly.MinValue, TrainerCadreId, TrainerName, PlacementPostCode, TrainingNote, NationalId);

    public static ReserveForm From(ReserveDetail d) => new()
    {
        Name = d.Reserve.Name, Gender = d.Reserve.Gender, BirthDate = d.Reserve.BirthDate, EducationCode = d.Reserve.EducationCode,
        IsPartyMember = d.Reserve.IsPartyMember, Source = d.Reserve.Source, Channel = d.Reserve.Channel, Recommender = d.Recommender,
        RecommendedDate = d.Reserve.RecommendedDate, TrainerCadreId = d.TrainerCadreId, TrainerName = d.TrainerCadreId is null ? d.TrainerName : null,
        PlacementPostCode = d.PlacementPostCode, TrainingNote = d.TrainingNote,
    };
}

/// <summary>What the shared fields partial shows: the form and the trainers to choose from.</summary>
public sealed record ReserveFieldsModel(ReserveForm Form, IReadOnlyList<TrainerOption> Trainers);
