using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Features.Tasks.Requests;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>A field as the design form posts it; choices come one a line or separated by 、 or commas.</summary>
public sealed class FieldForm
{
    public long? FieldId { get; set; }
    public string Label { get; set; } = "";
    public FieldType Type { get; set; } = FieldType.Number;
    public string? Unit { get; set; }
    public bool Required { get; set; }
    public string? Help { get; set; }
    public string? Choices { get; set; }
    public string? Binding { get; set; }

    public SaveField ToCommand() => new(Label ?? "", Type, Unit, Required, Help,
        Type == FieldType.Choice ? [.. (Choices ?? "").Split(['\n', '\r', '、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null,
        string.IsNullOrWhiteSpace(Binding) ? null : Binding);
}

/// <summary>How the department puts the form to villages.</summary>
public sealed class PublishFormInput
{
    public List<string> Villages { get; set; } = [];
    public List<string> Towns { get; set; } = [];
    public DateOnly DueDate { get; set; }
    public string? ItemCode { get; set; }
    public PublishForm ToCommand() => new(Villages, Towns, DueDate, ItemCode);
}

/// <summary>
/// 报表详情与设计: the fields (with their sources and duplicate warnings), the owner's design tools while a draft,
/// and 下发 — filing the form at the admission gate.
/// </summary>
[Authorize(Policy = Permissions.FormsRegistryRead)]
public sealed class FormModel(FormReads forms, FormDesign design, ResponsibilityLists tasks, RegionHandlers regions, IValidator<SaveField> fieldValidator,
    IValidator<PublishForm> publishValidator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public FieldForm Field { get; set; } = new();
    [BindProperty] public PublishFormInput Publish { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public FormDetail Detail { get; private set; } = null!;
    public IReadOnlyList<TownChoice> Towns { get; private set; } = [];
    public IReadOnlyList<ListItemView> Items { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await forms.GetAsync(Id, ct) is not { } d) return false;
        Detail = d;
        if (d.CanEdit)
        {
            var all = new PageRequest(1, PageRequest.MaxSize);
            if (await regions.RootAsync(ct) is { } root)
            {
                var list = new List<TownChoice>();
                foreach (var t in (await regions.ChildrenAsync(root.Code, null, all, ct)).Items.Where(r => r.Level == RegionLevel.Town))
                    list.Add(new(t, (await regions.ChildrenAsync(t.Code, null, all, ct)).Items.Where(r => r.Level == RegionLevel.Village).ToList()));
                Towns = list;
            }
            if (await tasks.VersionAsync(null, ct) is { } v)
                Items = (await tasks.ItemsAsync(v.Id, new ItemFilter(null, null), all, ct)).Items.Where(i => i.Category != ItemCategory.Cancelled).ToList();
            if (Publish.DueDate == default) Publish.DueDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(14);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<IActionResult> After(FormDetail? result, string message, CancellationToken ct)
    {
        if (result is not null)
        {
            Message = message;
            return Redirect($"/Forms/Form?id={Id}");
        }
        if (ModelState.IsValid) return NotFound();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFieldAsync(CancellationToken ct) =>
        await After(await this.RunCommandAsync(fieldValidator, Field.ToCommand(), c => design.SaveFieldAsync(Id, Field.FieldId, c, ct), ct), "指标已保存", ct);

    public async Task<IActionResult> OnPostRemoveAsync(long fieldId, CancellationToken ct) => await After(await Run(() => design.RemoveFieldAsync(Id, fieldId, ct)), "指标已删除", ct);

    public async Task<IActionResult> OnPostMoveAsync(long fieldId, int step, CancellationToken ct) => await After(await Run(() => design.MoveFieldAsync(Id, fieldId, step, ct)), "顺序已调整", ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        await After(await this.RunCommandAsync(publishValidator, Publish.ToCommand(), c => design.PublishAsync(Id, c, TaskChannel.Page, ct), ct), "报表已报送准入", ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var deleted = false;
        if (!await this.RunRuleAsync(async () => deleted = await design.DeleteAsync(Id, ct)))
            return await LoadAsync(ct) ? Page() : NotFound();
        if (!deleted) return NotFound();
        Message = "草稿已删除";
        return Redirect("/Forms");
    }

    private async Task<FormDetail?> Run(Func<Task<FormDetail?>> action)
    {
        FormDetail? result = null;
        return await this.RunRuleAsync(async () => result = await action()) ? result : null;
    }
}
