using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>职业发展 (/Care/Careers): cadres' career moves in scope (paged); a county or town records one, which ends the village post when the move leaves office.</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class CareersModel(CareerMoves moves, AppDbContext db, TimeProvider clock, IValidator<RecordCareerMove> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public CareerMoveKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public CareerMoveKind NewKind { get; set; } = CareerMoveKind.ProfessionalSecretary;
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public bool LeavesOffice { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<CareerMoveView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, bool InOffice)> Cadres { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.CareCareersEdit) && CarePageLists.CountyOrTown(db);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Villages = await CarePageLists.VillagesAsync(db, ct);
        Cadres = await CarePageLists.CadresAsync(db, Village, ct);
        List = await moves.ListAsync(new CareerMoveFilter(Village, Kind is { } k && Enum.IsDefined(k) ? k : null), new PageRequest(PageNumber, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(validator, new RecordCareerMove(CadreId, NewKind, Date, Destination, LeavesOffice),
                async c => await moves.RecordAsync(c, ct) ?? throw new RuleException("care.cadre", "CadreId", CareerMoves.NotFound), ct) is { } m)
        {
            Message = $"已登记 {m.CadreName} 的职业发展：{m.KindName}（{m.Destination}）" + (m.LeftOffice ? "，已办理离任" : "");
            return Redirect($"/Care/Careers?village={m.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
