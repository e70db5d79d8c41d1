using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Powers;

/// <summary>
/// 权力运行 (/Powers): the exercises in scope, newest first, paged; filters: state, overdue, and for a town or county
/// account the village. A village account registers a new one (/Powers/New).
/// </summary>
[Authorize(Policy = Permissions.PowersRead)]
public sealed class IndexModel(PowerExerciseHandlers exercises, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public PowerExerciseState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<PowerExerciseRow> Rows { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool IsVillage => RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Village;
    public bool CanStart => IsVillage && User.Can(Permissions.PowersRecord);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await exercises.ListAsync(State, Overdue, IsVillage ? null : Village, new PageRequest(PageNumber, 20), ct);
        if (IsVillage) return;
        var prefix = RegionCodes.ScopePrefix(db.User.RegionCode ?? "000000000000");
        Villages = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(1000).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
    }
}
