using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

public sealed record SubmissionFilter(SubmissionStatus? Status, bool? Unfilled);

public sealed record SubmissionRow(string Village, string? VillageName, SubmissionStatus? Status, DateTime? UpdatedAtUtc, DateTime? SubmittedAtUtc, int AutoFilled, int Typed);

public sealed record SubmissionPage(FormSummary Form, int Targets, int Submitted, int Drafts, Paged<SubmissionRow> Rows);

/// <summary>
/// 减负 meter input: what forms asked of a village in a month and what it was spared. Forms received are the form
/// tasks admitted to the village that month; fields are counted on the copies it submitted that month.
/// </summary>
public sealed record FormFieldCounts(string Village, DateOnly Month, int FormsReceived, int FormsSubmitted, int FieldsTyped, int FieldsAutoFilled);

public sealed record ExportRow(string Village, string? TownName, string? VillageName, FormSubmission? Submission);

public sealed record ExportData(string Title, string DepartmentName, IReadOnlyList<FormField> Fields, IReadOnlyList<ExportRow> Rows);

/// <summary>What the villages handed in: per-village completion, the export, and the counts the burden meter reads.</summary>
public sealed class FormSubmissions(AppDbContext db, TimeProvider clock, FormReads reads)
{
    /// <summary>Per-village completion of a form (villages in scope), unfilled first; null when the form is not the account's to oversee.</summary>
    public async Task<SubmissionPage?> SubmissionsAsync(long formId, SubmissionFilter f, PageRequest page, CancellationToken ct = default)
    {
        var summary = await reads.SummaryAsync((await reads.OverseenAsync(ct)).AsNoTracking().Where(x => x.Id == formId), ct);
        if (summary?.TaskRequestId is not { } requestId) return summary is null ? null : new(summary, 0, 0, 0, new([], 0, page.Page, page.Size));
        var rows = from t in db.Set<VillageTask>().AsNoTracking().Where(t => t.TaskRequestId == requestId)
                   from s in db.Set<FormSubmission>().Where(s => s.VillageTaskId == t.Id).DefaultIfEmpty()
                   select new { t, s };
        var targets = await rows.CountAsync(ct);
        var submitted = await rows.CountAsync(x => x.s != null && x.s.Status == SubmissionStatus.Submitted, ct);
        var drafts = await rows.CountAsync(x => x.s != null && x.s.Status == SubmissionStatus.Draft, ct);
        if (f.Unfilled == true) rows = rows.Where(x => x.s == null);
        else if (f.Status is { } st) rows = rows.Where(x => x.s != null && x.s.Status == st);
        var paged = await rows.OrderBy(x => x.s == null ? 0 : (int)x.s.Status).ThenBy(x => x.t.RegionCode)
            .Select(x => new SubmissionRow(x.t.RegionCode, db.Regions.Where(r => r.Code == x.t.RegionCode).Select(r => r.Name).FirstOrDefault(),
                x.s == null ? null : x.s.Status, x.s == null ? null : x.s.UpdatedAtUtc, x.s == null ? null : x.s.SubmittedAtUtc,
                x.s == null ? 0 : x.s.AutoFilledCount, x.s == null ? 0 : x.s.TypedCount))
            .ToPagedAsync(page, ct);
        return new(summary, targets, submitted, drafts, paged);
    }

    /// <summary>What the export needs: the form's fields and, per village in scope, its status and stored values.</summary>
    public async Task<ExportData?> ExportDataAsync(long formId, CancellationToken ct = default)
    {
        var form = await (await reads.OverseenAsync(ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == formId, ct);
        if (form is null) return null;
        var fields = await ScopeGateway.CountyForms.FieldsOfAsync(db, formId, ct);
        var villages = form.TaskRequestId is { } rid
            ? await db.Set<VillageTask>().AsNoTracking().Where(t => t.TaskRequestId == rid).OrderBy(t => t.RegionCode).Select(t => t.RegionCode).ToListAsync(ct)
            : [];
        var submissions = await db.Set<FormSubmission>().AsNoTracking().Include(s => s.Values).Where(s => s.FormTemplateId == formId).ToListAsync(ct);
        var townCodes = villages.Select(v => RegionCodes.ParentOf(v)!).Distinct().ToList();
        // Region names are public; a town account's scope does not include its county's other rows, nor a village its town.
        var names = await ScopeGateway.PublicRegions(db).Where(r => villages.Contains(r.Code) || townCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new(form.Title, form.DepartmentName, fields, villages.Select(v => new ExportRow(v, names.GetValueOrDefault(RegionCodes.ParentOf(v)!),
            names.GetValueOrDefault(v), submissions.FirstOrDefault(s => s.RegionCode == v))).ToList());
    }

    /// <summary>
    /// Forms received and fields typed versus auto-filled for one village in one month (the burden meter reads this).
    /// <paramref name="month"/> is any day of the month. Scoped: a village outside the account's region counts nothing.
    /// </summary>
    public async Task<FormFieldCounts> FieldCountsAsync(string village, DateOnly month, CancellationToken ct = default)
    {
        var first = new DateOnly(InputRange.Month(month).Year, month.Month, 1);
        // The China month: from the 1st's 00:00 China time to the next 1st's, in UTC.
        var from = clock.StartUtc(first);
        var to = clock.StartUtc(first.AddMonths(1));
        // Scoped tasks first, then the forms by their request ids (a filter lifted in one query is lifted for all of it).
        var received = await (await ScopeGateway.CountyForms.SentToAsync(db,
            db.Set<VillageTask>().Where(t => t.RegionCode == village && t.AdmittedAtUtc >= from && t.AdmittedAtUtc < to), ct)).CountAsync(ct);
        var submitted = await db.Set<FormSubmission>().Where(s => s.RegionCode == village && s.Status == SubmissionStatus.Submitted
                                                                 && s.SubmittedAtUtc >= from && s.SubmittedAtUtc < to)
            .Select(s => new { s.TypedCount, s.AutoFilledCount }).ToListAsync(ct);
        return new(village, first, received, submitted.Count, submitted.Sum(s => s.TypedCount), submitted.Sum(s => s.AutoFilledCount));
    }
}
