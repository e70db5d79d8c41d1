using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Training;

/// <summary>
/// 一次培训 (/Training/Session?id=): its details and enrolled cadres with attendance; the organiser edits or cancels it,
/// enrols cadres by post and region, removes one, and after the session marks 出勤/缺勤 and hours for everyone on one form.
/// </summary>
[Authorize(Policy = Permissions.TrainingRead)]
public sealed class SessionModel(TrainingSessions sessions, TrainingAttendanceSheets sheets, AppDbContext db, TimeProvider clock, IValidator<EditSession> editValidator, IValidator<EnrolCadres> enrolValidator,
    IValidator<MarkAttendance> markValidator, IValidator<CancelSession> cancelValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public TrainingKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public decimal? Hours { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public List<string> Posts { get; set; } = [];
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public long EnrolmentId { get; set; }
    [BindProperty] public List<long> CadreIds { get; set; } = [];
    [BindProperty] public List<string> Attended { get; set; } = [];
    [BindProperty] public List<decimal?> CreditHours { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData] public string? Message { get; set; }

    public SessionView Session { get; private set; } = null!;
    public Paged<EnrolmentView> Enrolments { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];
    public bool IsOrganiser { get; private set; }
    public bool Held => Session.EndDate <= clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await sessions.GetAsync(Id, ct) is not { } s) return NotFound();
        Session = s;
        Enrolments = (await sessions.EnrolmentsAsync(Id, new PageRequest(PageNumber, 50), ct))!;
        IsOrganiser = User.Can(Permissions.TrainingOrganise) && s.OrganiserCode == db.User.RegionCode;
        if (IsOrganiser)
            Regions = (await db.Regions.AsNoTracking().Where(r => r.ParentCode == s.OrganiserCode && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village))
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        return Page();
    }

    private async Task<IActionResult> AgainAsync(bool found, string notFound, CancellationToken ct)
    {
        if (!found) ModelState.AddModelError("", notFound);
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        var found = true;
        var done = await this.RunCommandAsync(editValidator, new EditSession(Kind, Title, Topic, StartDate ?? default, EndDate ?? default, Hours ?? 0, Place) { Version = Version },
            async c => { var r = await sessions.EditAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (done is not null) { Message = "已保存培训"; return Redirect($"/Training/Session?id={Id}"); }
        return await AgainAsync(found, TrainingSessions.NotFound, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        var found = true;
        var done = await this.RunCommandAsync(cancelValidator, new CancelSession { Version = Version },
            async c => { var r = await sessions.CancelAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (done is not null) { Message = "已取消培训"; return Redirect($"/Training/Session?id={Id}"); }
        return await AgainAsync(found, TrainingSessions.NotFound, ct);
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        var found = true;
        var done = await this.RunCommandAsync(enrolValidator, new EnrolCadres(null, Posts, Region),
            async c => { var r = await sessions.EnrolAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (done is not null) { Message = $"已报名 {done.Added} 人" + (done.AlreadyEnrolled > 0 ? $"（{done.AlreadyEnrolled} 人此前已报名）" : ""); return Redirect($"/Training/Session?id={Id}"); }
        return await AgainAsync(found, TrainingSessions.NotFound, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        EnrolmentView? removed = null;
        if (await this.RunRuleAsync(async () => removed = await sessions.UnenrolAsync(EnrolmentId, ct)) && removed is not null)
        {
            Message = $"已取消 {removed.CadreName} 的报名";
            return Redirect($"/Training/Session?id={Id}");
        }
        return await AgainAsync(ModelState.ErrorCount > 0, TrainingSessions.EnrolmentNotFound, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        if (Upload is null) { ModelState.AddModelError(nameof(Upload), "请选择出勤登记表（.xlsx）"); return await OnGetAsync(ct); }
        SessionView? done = null;
        if (await this.RunRuleAsync(async () => done = await sheets.ImportAsync(Id, Upload, ct)) && done is not null)
        {
            Message = $"已按登记表登记出勤（共 {done.Marked} 人已登记）";
            return Redirect($"/Training/Session?id={Id}");
        }
        return await AgainAsync(ModelState.ErrorCount > 0, TrainingSessions.NotFound, ct);
    }

    public async Task<IActionResult> OnPostMarkAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.TrainingOrganise)) return Forbid();
        if (CadreIds.Count != Attended.Count || CadreIds.Count != CreditHours.Count) return BadRequest();
        var lines = CadreIds.Select((id, i) => new AttendanceLine(id, Attended[i] == "1", CreditHours[i])).ToList();
        var found = true;
        var done = await this.RunCommandAsync(markValidator, new MarkAttendance(lines),
            async c => { var r = await sessions.MarkAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (done is not null) { Message = $"已登记 {lines.Count} 人的出勤"; return Redirect($"/Training/Session?id={Id}&page={PageNumber ?? 1}"); }
        return await AgainAsync(found, TrainingSessions.NotFound, ct);
    }
}
