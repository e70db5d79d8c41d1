using Cunzhi.Domain.Supervision;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>What the 登记发现问题 form offers: the villages (a tour's; none for an audit), the cadres, and whether a conduct record may be created.</summary>
public sealed record FindingFormModel(IReadOnlyList<TourVillage> Villages, IReadOnlyList<(long Id, string Name)> Cadres, bool CanCreateConduct);

/// <summary>The 登记发现问题 form's fields, bound by the audit and tour pages.</summary>
public sealed class FindingFormInput
{
    public string? FindingVillage { get; set; }
    public long? FindingCadreId { get; set; }
    public FindingCategory FindingCategory { get; set; } = FindingCategory.Finance;
    public FindingSeverity FindingSeverity { get; set; } = FindingSeverity.Minor;
    public string? FindingText { get; set; }
    public string? FindingRemedy { get; set; }
    public DateOnly? FindingDeadline { get; set; }
    public bool FindingConduct { get; set; }

    /// <summary>The command for an audit (<paramref name="auditId"/>) or a tour (<paramref name="tourId"/>).</summary>
    public RecordFinding Command(long? auditId, long? tourId) => new(auditId, tourId, tourId is null ? null : FindingVillage, FindingCadreId, FindingText,
        FindingCategory, FindingSeverity, FindingRemedy, FindingDeadline, FindingConduct);
}
