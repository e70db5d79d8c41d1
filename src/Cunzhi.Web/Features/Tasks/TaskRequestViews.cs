using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

public sealed record RequestFilter(TaskRequestStatus? Status, string? Q, TaskChannel? Channel = null);

public sealed record TaskRequestView(long Id, string DepartmentName, string RequestedBy, string Title, string Requirement, IReadOnlyList<string> TargetVillages,
    DateOnly DueDate, bool EvidenceRequired, string? EvidenceJustification, string? ClaimedItemCode, TaskChannel Channel, DateTime SubmittedAtUtc,
    TaskRequestStatus Status, int? ListVersion, string? MatchedItemCode, string? MatchedItemTitle, string? DecisionReason, string? DecidedBy, DateTime? DecidedAtUtc);

/// <summary>Task requests as they are read: the account's own (a department) or the county's, and the coordination office's queue.</summary>
public sealed class TaskRequestViews(AppDbContext db, UserContext user, IHttpContextAccessor http)
{
    private bool SeesAllRequests
    {
        get
        {
            var p = http.HttpContext?.User;
            return p.Can(Permissions.TaskRequestsReadAll);
        }
    }

    private IQueryable<TaskRequest> VisibleRequests()
    {
        var q = db.Set<TaskRequest>().AsNoTracking();
        // A department is county-bound like the office, so region scope alone would show it every department's requests.
        if (!SeesAllRequests)
        {
            var me = user.UserId;
            q = q.Where(r => r.RequestedByUserId == me);
        }
        return q;
    }

    private static IQueryable<TaskRequestView> RequestViews(IQueryable<TaskRequest> q) => q.Select(r => new TaskRequestView(r.Id, r.DepartmentName, r.RequestedBy,
        r.Title, r.Requirement, r.TargetVillages, r.DueDate, r.EvidenceRequired, r.EvidenceJustification, r.ClaimedItemCode, r.Channel, r.SubmittedAtUtc,
        r.Status, r.ListVersion, r.MatchedItemCode, r.MatchedItemTitle, r.DecisionReason, r.DecidedBy, r.DecidedAtUtc));
    internal static TaskRequestView View(TaskRequest r) => new(r.Id, r.DepartmentName, r.RequestedBy, r.Title, r.Requirement, r.TargetVillages, r.DueDate,
        r.EvidenceRequired, r.EvidenceJustification, r.ClaimedItemCode, r.Channel, r.SubmittedAtUtc, r.Status, r.ListVersion, r.MatchedItemCode,
        r.MatchedItemTitle, r.DecisionReason, r.DecidedBy, r.DecidedAtUtc);

    /// <summary>Requests the account may see (a department: its own), newest first.</summary>
    public Task<Paged<TaskRequestView>> RequestsAsync(RequestFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = VisibleRequests();
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        if (f.Channel is { } ch) q = q.Where(r => r.Channel == ch);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(r => r.Title.Contains(f.Q.Trim()) || r.DepartmentName.Contains(f.Q.Trim()));
        return RequestViews(q.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)).ToPagedAsync(page, ct);
    }

    public Task<TaskRequestView?> GetRequestAsync(long id, CancellationToken ct = default) => RequestViews(VisibleRequests().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Pending requests of the county, oldest first (the office's queue).</summary>
    public Task<Paged<TaskRequestView>> QueueAsync(PageRequest page, CancellationToken ct = default) =>
        RequestViews(db.Set<TaskRequest>().AsNoTracking().Where(r => r.Status == TaskRequestStatus.Pending).OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)).ToPagedAsync(page, ct);
}
