using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;

namespace Cunzhi.Web.Features.Cadres;

/// <summary>The cadre form as typed; shared by the create and edit pages and their partial view.</summary>
public sealed class CadreForm
{
    public string? Name { get; set; }
    public string? NationalId { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Gender? Gender { get; set; }
    public string? Phone { get; set; }
    public string EducationCode { get; set; } = "senior";
    public bool IsPartyMember { get; set; }
    public string PostCode { get; set; } = "committee-member";
    public DateOnly? StartDate { get; set; }
    public int? Term { get; set; }
    public CadreOrigin Origin { get; set; } = CadreOrigin.Elected;
    public string? AssignedFrom { get; set; }
    public bool IsProfessionalSecretary { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }

    /// <summary>True on the edit page: post and start date change through their own forms there.</summary>
    public bool Editing { get; set; }

    public CreateCadre ToCreate(string village) => new(village, Name ?? "", NationalId ?? "", BirthDate, Gender, Phone, EducationCode, IsPartyMember,
        PostCode, StartDate ?? DateOnly.MinValue, Term, Origin, AssignedFrom, IsProfessionalSecretary, BankName, BankAccount);

    public UpdateCadre ToUpdate() => new(Name ?? "", NationalId ?? "", Phone, EducationCode, IsPartyMember, Term, Origin, AssignedFrom, IsProfessionalSecretary,
        BankName ?? "", BankAccount);
}
