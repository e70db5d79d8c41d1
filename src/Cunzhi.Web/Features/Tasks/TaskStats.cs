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

public sealed record DepartmentStats(string DepartmentName, int Requested, int Admitted, int Refused, int Rejected, int Pending);

/// <summary>Per-department admission counts, public to the county.</summary>
public sealed class TaskStats(AppDbContext db)
{
    /// <summary>Per-department counts for the county (SPEC §4: public to the county).</summary>
    public async Task<IReadOnlyList<DepartmentStats>> StatsAsync(CancellationToken ct = default)
    {
        var counts = await db.Set<TaskRequest>().AsNoTracking().GroupBy(r => new { r.DepartmentName, r.Status })
            .Select(g => new { g.Key.DepartmentName, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Of(string d, TaskRequestStatus s) => counts.Where(x => x.DepartmentName == d && x.Status == s).Sum(x => x.Count);
        return counts.Select(x => x.DepartmentName).Distinct().Order(StringComparer.Ordinal)
            .Select(d => new DepartmentStats(d, counts.Where(x => x.DepartmentName == d).Sum(x => x.Count), Of(d, TaskRequestStatus.Admitted),
                Of(d, TaskRequestStatus.Refused), Of(d, TaskRequestStatus.Rejected), Of(d, TaskRequestStatus.Pending)))
            .OrderByDescending(s => s.Requested).ThenBy(s => s.DepartmentName, StringComparer.Ordinal).ToList();
    }
}
