using Cunzhi.Domain.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Forms;

/// <summary>
/// 填报 (on a phone): bound fields filled from the platform and shown read-only with their source; the village types the
/// rest, saves a draft or submits. Others who may read the copy see it read-only.
/// </summary>
[Authorize(Policy = Permissions.FormsSubmissionRead)]
public sealed class FillModel(FormFilling forms, IValidator<SaveEntries> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Village { get; set; } = "";
    [BindProperty] public Dictionary<long, string?> Values { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public FillView View { get; private set; } = null!;
    public bool CanFill => User.Can(Permissions.FormsFill) && View.Status != SubmissionStatus.Submitted;
    public IReadOnlySet<long> Invalid { get; private set; } = new HashSet<long>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await forms.FillAsync(Id, Village, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool submit, CancellationToken ct)
    {
        if (!User.Can(Permissions.FormsFill)) return Forbid();
        var typed = Values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var result = await this.RunCommandAsync(validator, new SaveEntries(typed, submit), async c => await forms.SaveAsync(Id, Village, c, ct), ct);
        if (result is null && ModelState.IsValid) return NotFound();
        if (result is { View: { } saved })
        {
            Message = submit ? "已提交，感谢填报" : "已暂存";
            return Redirect($"/Forms/Fill?id={Id}&village={saved.Village}");
        }
        foreach (var e in result?.Errors ?? []) ModelState.AddModelError($"Values[{e.FieldId}]", e.Message);
        Invalid = (result?.Errors ?? []).Select(e => e.FieldId).ToHashSet();
        if (await forms.FillAsync(Id, Village, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }

    /// <summary>What the input shows: the posted value after a refused save, else the stored one.</summary>
    public string? Shown(FillItem item) => Request.HasFormContentType && !item.Auto ? Values.GetValueOrDefault(item.FieldId) : item.Value;

    public static string InputType(FieldType t) => t switch { FieldType.Number => "text", FieldType.Date => "date", _ => "text" };
}
