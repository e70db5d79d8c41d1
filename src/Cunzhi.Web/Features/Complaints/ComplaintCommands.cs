using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Infrastructure.Web;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>A complaint on the inspector's list: the reporter only masked.</summary>
public sealed record ComplaintRow(long Id, string RegionCode, string? RegionName, ComplaintCategory Category, string CategoryName, string Subject,
    long? CadreId, string? CadreName, bool Anonymous, string? ReporterNameMasked, string? ReporterPhoneMasked, ComplaintState State, string StateName,
    ComplaintOutcome? Outcome, string? OutcomeName, DateOnly FiledOn, int AgeDays, int Version);

/// <summary>One complaint with its history (the reporter masked; 查看举报人 reveals it, audited).</summary>
public sealed record ComplaintDetail(ComplaintRow Complaint, string? RefusalReason, string? Findings, DateOnly? DecidedOn, DateOnly? ConcludedOn,
    long? ConductRecordId, long? MatterId, IReadOnlyList<ComplaintStep> Steps);

/// <summary>One history row (China time).</summary>
public sealed record ComplaintStep(ComplaintEntryKind Kind, string KindName, string? Text, string Actor, DateTime At);

/// <summary>The reporter's name and phone in full, for the discipline inspector only.</summary>
public sealed record RevealedReporter(bool Anonymous, string? Name, string? Phone);

/// <summary>Filters of the desk's list: state, and age (open longer than <see cref="OlderThanDays"/> days).</summary>
public sealed record ComplaintFilter(ComplaintState? State, int? OlderThanDays, bool OpenOnly = false);

/// <summary>A step on a complaint carrying the version read (409 when stale).</summary>
public abstract record ComplaintStepCommand : IVersionedCommand
{
    /// <inheritdoc/>
    public int? Version { get; set; }
}

/// <summary>受理, with an optional note to the reporter and, when the reporter named none or the wrong one, the cadre concerned.</summary>
public sealed record AcceptComplaint(string? Note, long? CadreId = null) : ComplaintStepCommand;

/// <summary>不予受理, with the reason (the reporter sees it).</summary>
public sealed record RefuseComplaint(string? Reason) : ComplaintStepCommand;

/// <summary>开始调查, with an optional note to the reporter.</summary>
public sealed record InvestigateComplaint(string? Note) : ComplaintStepCommand;

/// <summary>办结: outcome, findings (staff only) and an optional note to the reporter.</summary>
public sealed record ConcludeComplaint(ComplaintOutcome? Outcome, string? Findings, string? Note) : ComplaintStepCommand;

/// <summary>转为诉求: the matter's kind, title and village (a town's complaint must name one of its villages).</summary>
public sealed record RaiseComplaintMatter(string? Village, Domain.Matters.MatterKind Kind, string? Title) : ComplaintStepCommand;

/// <summary>The matter raised, with its receipt code (once).</summary>
public sealed record ComplaintMatterRaised(ComplaintDetail Complaint, long MatterId, string MatterReceiptCode);

/// <summary>A complaint filed on /Jubao (or <c>POST /api/v1/public/complaints</c>); <see cref="Town"/>, when given, is the town picked first.</summary>
public sealed record FileComplaint(string? Region, ComplaintCategory Category, string? Subject, long? CadreId, bool Anonymous, string? Name, string? Phone,
    string? Town = null);

/// <summary>What the reporter sees with the receipt code: no names, the state, the steps and their notes.</summary>
public sealed record ComplaintProgress(string Code, string RegionName, string CategoryName, string Subject, ComplaintState State, string StateName,
    string? OutcomeName, DateOnly FiledOn, bool CanAdd, IReadOnlyList<ComplaintStep> Steps);

/// <summary>Open complaints by age and concluded ones by outcome.</summary>
public sealed record ComplaintStatistics(IReadOnlyList<ComplaintCount> OpenByAge, IReadOnlyList<ComplaintCount> ByOutcome, int Open, int Refused, int Total);

/// <summary>A labelled count.</summary>
public sealed record ComplaintCount(string Label, int Count);
