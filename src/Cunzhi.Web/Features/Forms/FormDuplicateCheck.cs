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

public sealed record DuplicateView(long FieldId, string FieldLabel, DuplicateKind Kind, long? OtherFormId, string? OtherFormTitle, string? OtherFieldLabel,
    string? SourceKey, string Message);

/// <summary>Duplicate warnings for a form's fields as the department designs it and as the coordination office weighs it.</summary>
public sealed class FormDuplicateCheck(AppDbContext db)
{
    /// <summary>
    /// Duplicate warnings for a form against the forms villages are asked to fill or may soon be: other filed forms
    /// whose request is admitted or pending (drafts of other departments are nobody's business yet).
    /// </summary>
    public async Task<IReadOnlyList<DuplicateView>> FindAsync(FormTemplate form, CancellationToken ct) =>
        View(form, await FindingsAsync(form, ct));

    /// <summary>Why the admission gate holds <paramref name="form"/> for the coordination office (<see cref="FieldDuplicates.HoldReasons"/>).</summary>
    public async Task<IReadOnlyList<string>> HoldsAsync(FormTemplate form, CancellationToken ct) =>
        FieldDuplicates.HoldReasons(await FindingsAsync(form, ct));

    private async Task<IReadOnlyList<DuplicateFinding>> FindingsAsync(FormTemplate form, CancellationToken ct)
    {
        var others = await ScopeGateway.CountyForms.LiveFieldsBesideAsync(db, form, ct);
        var mine = form.Ordered.Select(x => new FieldRef(form.Id, form.Title, x.Id, x.Label, x.Binding)).ToList();
        return FieldDuplicates.Find(mine, others);
    }

    private static IReadOnlyList<DuplicateView> View(FormTemplate form, IReadOnlyList<DuplicateFinding> findings)
    {
        return findings
            .Select(d => new DuplicateView(d.Field.FieldId, d.Field.Label, d.Kind, d.Other?.FormId == form.Id ? null : d.Other?.FormId,
                d.Other is null ? null : d.Other.FormId == form.Id ? "本表" : d.Other.FormTitle, d.Other?.Label, d.Source?.Key, d.Message))
            .ToList();
    }
}
