using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Powers;

/// <summary>
/// 权力运行 (/Powers/{id}): the exercise's steps (done with their records, the next one with its due date and overdue flag,
/// later ones waiting, stopped after a rejection) and the form for the next step — shown to the village for its steps and
/// to the town for the steps the list gives to 乡镇.
/// </summary>
[Authorize(Policy = Permissions.PowersRead)]
public sealed class DetailModel(PowerExerciseHandlers exercises, PowerStepFiles stepFiles, IValidator<RecordPowerStep> validator, AppDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public int Step { get; set; }
    [BindProperty] public DateOnly On { get; set; }
    [BindProperty] public string? By { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public bool Rejected { get; set; }
    [BindProperty] public string? Attachment { get; set; }
    [BindProperty] public int FileStep { get; set; }
    [BindProperty] public bool ImagesHaveNoPersonalData { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Whether this account may upload files to <paramref name="step"/> (recorded, and recorded by this account's level).</summary>
    public bool CanAttach(PowerStepView step) =>
        step.On is not null && User.Can(Permissions.PowersRecord) && step.TownStep == (RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Town)
        && step.Files.Count < PowerStepFile.MaxFiles;

    public PowerExerciseView Exercise { get; private set; } = null!;
    /// <summary>The next step when this account may record it.</summary>
    public PowerStepView? NextForMe { get; private set; }
    /// <summary>The next step (anyone's).</summary>
    public PowerStepView? Next { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct, bool fill)
    {
        if (await exercises.GetAsync(Id, ct) is not { } e) return false;
        Exercise = e;
        Next = e.Steps.FirstOrDefault(s => s.State is PowerStepState.Current or PowerStepState.Overdue);
        var byTown = RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Town;
        NextForMe = Next is { } n && User.Can(Permissions.PowersRecord) && n.TownStep == byTown ? n : null;
        if (fill)
        {
            Version = e.Version;
            Step = Next?.Number ?? 0;
            On = clock.Today();
            By = Next?.PerformedBy;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct, fill: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.PowersRecord)) return Forbid();
        var command = new RecordPowerStep(Step, On, By, Decision, Rejected, Attachment) { Version = Version };
        var saved = await this.RunCommandAsync(validator, command, c => exercises.RecordAsync(Id, c, ct), ct);
        if (saved is null)
        {
            if (!await LoadAsync(ct, fill: false)) return NotFound();
            return Page();
        }
        Message = Rejected ? $"第 {Step} 步已记录为未通过，该事项终止" : $"第 {Step} 步已记录";
        return Redirect($"/Powers/{Id}");
    }

    /// <summary>Uploads evidence to a recorded step (<see cref="PowerStepFiles"/>).</summary>
    public async Task<IActionResult> OnPostFilesAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.PowersRecord)) return Forbid();
        var command = new AttachPowerStepFiles([.. Request.Form.Files], ImagesHaveNoPersonalData);
        PowerExerciseView? saved = null;
        if (await this.RunRuleAsync(async () => saved = await stepFiles.AttachAsync(Id, FileStep, command, ct)) && saved is null) return NotFound();
        if (saved is not null)
        {
            Message = $"第 {FileStep} 步已上传 {command.Files.Count} 个附件";
            return Redirect($"/Powers/{Id}");
        }
        return await LoadAsync(ct, fill: true) ? Page() : NotFound();
    }
}
