using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>Form fields of a list item.</summary>
public sealed class ListItemForm
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public ItemCategory Category { get; set; } = ItemCategory.OwnDuty;
    public string? Area { get; set; }
    public string? Department { get; set; }
    public string? Keywords { get; set; }
    public string? Synonyms { get; set; }
    public string? Note { get; set; }
    public SaveListItem ToCommand() => new(Code?.Trim() ?? "", Title ?? "", Category, Area, Department, Keywords, Note, Synonyms);
}

/// <summary>工作事务清单: the version in force (or an old one, or the draft), with filters, draft editing, publishing and history.</summary>
[Authorize(Policy = Permissions.TaskListRead)]
public sealed class ListModel(ResponsibilityLists tasks, IValidator<SaveListItem> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public ItemCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public bool Draft { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public ListItemForm Item { get; set; } = new();
    [BindProperty] public bool ConfirmPublish { get; set; }

    public ListVersionView? Shown { get; private set; }
    public ListVersionView? DraftVersion { get; private set; }
    public Paged<ListItemView>? Items { get; private set; }
    public IReadOnlyList<ListVersionView> History { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.TaskListEdit);
    public bool Editing => Draft && CanEdit && Shown?.Status == ListStatus.Draft;
    [TempData] public string? Message { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        History = await tasks.VersionsAsync(ct);
        DraftVersion = CanEdit ? await tasks.DraftAsync(ct) : null;
        Shown = Draft && CanEdit ? DraftVersion : await tasks.VersionAsync(Version, ct);
        if (Shown is not null) Items = await tasks.ItemsAsync(Shown.Id, new ItemFilter(Category, Q), new PageRequest(PageNumber, 30), ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private IActionResult ToDraft(string message)
    {
        Message = message;
        return Redirect("/Tasks/List?draft=true");
    }

    public async Task<IActionResult> OnPostStartDraftAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var d = await tasks.StartDraftAsync(ct);
        return ToDraft($"正在编辑第 {d.Version} 版草稿");
    }

    public async Task<IActionResult> OnPostSaveItemAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var saved = await this.RunCommandAsync(validator, Item.ToCommand(), async c => (ListItemView?)await tasks.SaveItemAsync(c, ct), ct);
        if (saved is not null) return ToDraft($"已保存事项 {saved.Code}");
        Draft = true;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(string code, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        return await tasks.RemoveItemAsync(code, ct) ? ToDraft($"已删除事项 {code}") : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!ConfirmPublish)
        {
            ModelState.AddModelError(nameof(ConfirmPublish), "请勾选确认后再发布：发布后原现行清单将转为历史版本");
            Draft = true;
            await LoadAsync(ct);
            return Page();
        }
        int version = 0;
        if (await this.RunRuleAsync(async () => version = (await tasks.PublishAsync(ct)).Version))
        {
            Message = $"第 {version} 版清单已发布";
            return Redirect("/Tasks/List");
        }
        Draft = true;
        await LoadAsync(ct);
        return Page();
    }
}
