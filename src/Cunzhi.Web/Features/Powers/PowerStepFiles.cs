using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Privacy;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Powers;

/// <summary>A file of a step as shown to staff (the download is <c>/api/v1/powers/{id}/files/{fileId}</c>).</summary>
public sealed record PowerStepFileView(long Id, int Step, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc,
    string? NoPersonalDataConfirmedBy);

/// <summary>Files for a recorded step; images only with <see cref="ImagesHaveNoPersonalData"/>.</summary>
public sealed record AttachPowerStepFiles(IReadOnlyList<IFormFile> Files, bool ImagesHaveNoPersonalData)
{
    /// <summary>From a multipart form: <c>files</c> (one or more) and <c>imagesHaveNoPersonalData</c>.</summary>
    public static AttachPowerStepFiles FromForm(IFormCollection form)
    {
        foreach (var (key, value) in form)
            if (InputText.HasForbidden(value.ToString())) throw new BadInputException(key, InputText.Message);
        var confirmed = form.TryGetValue("imagesHaveNoPersonalData", out var v) && v.Any(c => c is not null && (c.Equals("true", StringComparison.OrdinalIgnoreCase) || c == "on"));
        return new([.. form.Files], confirmed);
    }
}

/// <summary>
/// 权力运行附件: evidence attached to a recorded step by whoever may record it (the village for its steps, the town for
/// the 乡镇 steps), checked exactly like the disclosure attachments: the type by content (PDF, XLSX, JPG, PNG), at most
/// 10 MB each and <see cref="PowerStepFile.MaxFiles"/> per step, the text of every PDF and workbook scanned by
/// <see cref="PersonalDataGuard"/> (a hit refuses the whole upload naming where, never the number), images only with the
/// 「不含个人信息」 confirmation (recorded on the file); stored with their SHA-256. Nothing is written on any problem.
/// <para>The public page (/Gongkai/{village}/Quanli) shows none of these files, by design: a step's evidence is mostly the
/// applicant's own papers (forms with names, addresses, signatures, photos of people and houses), which the guard cannot
/// see — it finds ID, mobile and bank numbers in text only. Publishing them safely would need a person to confirm each
/// file, and a missed one cannot be taken back once copied; the exercise's steps and decisions are already public.</para>
/// </summary>
public sealed class PowerStepFiles(AppDbContext db, UserContext user, TimeProvider clock, EvidenceStore store, PowerExerciseHandlers exercises)
{
    public const string FileNotFound = "未找到该附件，或其不在您的管辖范围内";

    /// <summary>Attaches files to step <paramref name="step"/> of an exercise in scope; null when the exercise is not in scope.</summary>
    public async Task<PowerExerciseView?> AttachAsync(long id, int step, AttachPowerStepFiles c, CancellationToken ct = default)
    {
        var e = await db.Set<PowerExercise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        if (!await db.Set<PowerStepEntry>().AnyAsync(s => s.ExerciseId == id && s.Step == step, ct))
            throw new RuleException("power.file.step", "step", $"第 {step} 步尚未记录，请先记录该步再上传附件");
        var item = (await PowerItemLookup.ForCountyAsync(db, RegionCodes.CountyOf(e.RegionCode)!, ct)).Item(e.PolicyVersion, e.ItemCode);
        var byTown = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town;
        if (item?.Step(step) is { } listed && PowerPerformers.IsTownStep(listed) != byTown)
            throw new RuleException("power.file.level", "step", byTown ? "该步骤由村记录，附件也由村上传" : "该步骤由乡镇记录，附件也由乡镇上传");

        var problems = new List<RuleProblem>();
        var hits = new List<PersonalDataHit>();
        var existing = await db.Set<PowerStepFile>().CountAsync(a => a.ExerciseId == id && a.Step == step, ct);
        if (c.Files.Count == 0) problems.Add(new("power.file", "files", "请选择要上传的附件"));
        if (existing + c.Files.Count > PowerStepFile.MaxFiles)
            problems.Add(new("power.file", "files", $"每一步最多 {PowerStepFile.MaxFiles} 个附件（已有 {existing} 个）"));
        var kinds = await DisclosureFileScan.CheckUploadsAsync(c.Files, PowerStepFile.MaxFiles, PowerStepFile.MaxBytes, c.ImagesHaveNoPersonalData, "power", problems, hits, ct);
        RuleException.ThrowIfAny(problems);
        PersonalDataGuard.EnsureNone(hits);

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new List<PowerStepFile>();
        try
        {
            for (var i = 0; i < c.Files.Count; i++)
            {
                var saved = await store.StoreAsync(c.Files[i], ct);
                var image = kinds[i] == DisclosureFileKind.Image;
                var a = new PowerStepFile
                {
                    ExerciseId = id, Step = step, RegionCode = e.RegionCode, FileName = saved.FileName,
                    ContentType = kinds[i] == DisclosureFileKind.Xlsx ? DisclosureFileScan.ContentType(kinds[i], []) : saved.ContentType,
                    Size = saved.Size, Sha256 = saved.Sha256, StoredName = saved.StoredName, UploadedBy = user.UserName, UploadedAtUtc = now,
                    NoPersonalDataConfirmedBy = image ? user.UserName : null, NoPersonalDataConfirmedAtUtc = image ? now : null,
                };
                stored.Add(a);
                db.Add(a);
            }
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var a in stored) store.Delete(a.StoredName);
            throw;
        }
        return await exercises.GetAsync(id, ct);
    }

    /// <summary>A file of an exercise in scope, or null.</summary>
    public Task<PowerStepFile?> FileAsync(long id, long fileId, CancellationToken ct = default) =>
        db.Set<PowerStepFile>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.ExerciseId == id, ct);

    public static PowerStepFileView View(PowerStepFile a) =>
        new(a.Id, a.Step, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAtUtc, a.NoPersonalDataConfirmedBy);
}
