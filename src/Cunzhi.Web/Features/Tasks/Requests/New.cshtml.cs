using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Tasks.Requests;

/// <summary>Form fields of a task request.</summary>
public sealed class TaskRequestForm
{
    public string Title { get; set; } = "";
    public string Requirement { get; set; } = "";
    public List<string> Villages { get; set; } = [];
    public List<string> Towns { get; set; } = [];
    public DateOnly DueDate { get; set; }
    public bool EvidenceRequired { get; set; }
    public string? EvidenceJustification { get; set; }
    public string? ItemCode { get; set; }
    public FileTaskRequest ToCommand() => new(Title ?? "", Requirement ?? "", Villages, Towns, DueDate, EvidenceRequired, EvidenceJustification, ItemCode);
}

/// <summary>A town and its villages, for choosing targets.</summary>
public sealed record TownChoice(RegionView Town, IReadOnlyList<RegionView> Villages);

/// <summary>新建任务准入申请 (Department): the same gate as the API and the import.</summary>
[Authorize(Policy = Permissions.TaskRequestsFile)]
public sealed class NewModel(ResponsibilityLists tasks, TaskAdmission admission, RegionHandlers regions, IValidator<FileTaskRequest> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public TaskRequestForm Form { get; set; } = new();
    public IReadOnlyList<TownChoice> Towns { get; private set; } = [];
    public IReadOnlyList<ListItemView> Items { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = new PageRequest(1, PageRequest.MaxSize);
        var root = await regions.RootAsync(ct);
        if (root is null) return;
        var towns = (await regions.ChildrenAsync(root.Code, null, all, ct)).Items.Where(r => r.Level == RegionLevel.Town).ToList();
        var list = new List<TownChoice>();
        foreach (var t in towns)
            list.Add(new(t, (await regions.ChildrenAsync(t.Code, null, all, ct)).Items.Where(r => r.Level == RegionLevel.Village).ToList()));
        Towns = list;
        if (await tasks.VersionAsync(null, ct) is { } v)
            Items = (await tasks.ItemsAsync(v.Id, new ItemFilter(null, null), all, ct)).Items.Where(i => i.Category != ItemCategory.Cancelled).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.DueDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(7);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var filed = await this.RunCommandAsync(validator, Form.ToCommand(), async c => (TaskRequestView?)await admission.FileAsync(c, TaskChannel.Page, ct), ct);
        if (filed is not null) return Redirect($"/Tasks/Requests?filed={filed.Id}");
        await LoadAsync(ct);
        return Page();
    }
}
