using Cunzhi.Data;
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

public sealed record VillageTaskView(long Id, long TaskRequestId, string RegionCode, string? VillageName, string Title, string Requirement, string DepartmentName,
    DateOnly DueDate, bool EvidenceRequired, string? EvidenceJustification, string? ItemCode, string? ItemTitle, DateTime AdmittedAtUtc);

/// <summary>The admitted tasks that reached villages, as villages and towns see them.</summary>
public sealed class VillageTaskViews(AppDbContext db)
{
    /// <summary>Admitted tasks of the villages in scope (a village: its own; a town: its villages), by due date.</summary>
    public Task<Paged<VillageTaskView>> VillageTasksAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<VillageTask>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(t => t.RegionCode.StartsWith(prefix));
        }
        return q.OrderBy(t => t.DueDate).ThenBy(t => t.RegionCode).ThenBy(t => t.Id)
            .Select(t => new VillageTaskView(t.Id, t.TaskRequestId, t.RegionCode, db.Regions.Where(r => r.Code == t.RegionCode).Select(r => r.Name).FirstOrDefault(),
                t.Title, t.Requirement, t.DepartmentName, t.DueDate, t.EvidenceRequired, t.EvidenceJustification, t.ItemCode, t.ItemTitle, t.AdmittedAtUtc))
            .ToPagedAsync(page, ct);
    }
}
