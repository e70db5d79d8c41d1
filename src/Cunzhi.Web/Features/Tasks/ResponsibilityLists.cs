using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

public sealed record ListVersionView(long Id, int Version, ListStatus Status, string Title, DateTime CreatedAtUtc, DateTime? PublishedAtUtc, string? PublishedBy,
    int Items, int OwnDuties, int Assists, int Cancelled);

public sealed record ListItemView(string Code, string Title, ItemCategory Category, string? Area, string? Department, string? Keywords, string? Note,
    string? Synonyms = null);

public sealed record ItemFilter(ItemCategory? Category, string? Q);

/// <summary>Adds an item to the draft, or changes the draft's item with that code.</summary>
/// <remarks>Keywords: phrases separated by 、, a phrase with + needs every part (代收+水电费); synonyms: groups separated by ；, words by 、
/// (代收、代缴；水电费、电费). Both are versioned with the list.</remarks>
public sealed record SaveListItem(string Code, string Title, ItemCategory Category, string? Area, string? Department, string? Keywords, string? Note,
    string? Synonyms = null);

public sealed class SaveListItemValidator : AbstractValidator<SaveListItem>
{
    public SaveListItemValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("请填写事项编号").MaximumLength(20).WithMessage("事项编号不能超过 20 个字符")
            .Matches("^[A-Za-z0-9-]*$").WithMessage("事项编号只能包含字母、数字和连字符");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写事项名称").MaximumLength(200).WithMessage("事项名称不能超过 200 个字");
        RuleFor(c => c.Category).IsInEnum().WithMessage("请选择事项类别");
        RuleFor(c => c.Area).MaximumLength(30).WithMessage("所属领域不能超过 30 个字");
        RuleFor(c => c.Department).MaximumLength(60).WithMessage("责任部门不能超过 60 个字");
        RuleFor(c => c.Department).NotEmpty().When(c => c.Category == ItemCategory.AssistGovernment).WithMessage("协助政府事项请填写责任部门");
        RuleFor(c => c.Keywords).MaximumLength(200).WithMessage("识别关键词不能超过 200 个字");
        RuleFor(c => c.Synonyms).MaximumLength(300).WithMessage("同义词不能超过 300 个字");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("备注不能超过 500 个字");
    }
}

/// <summary>
/// 村级工作事务清单: the county's responsibility list — versions, items, the draft being edited, publishing. The version
/// in force is what the admission gate (<see cref="TaskAdmission"/>) decides by.
/// </summary>
public sealed class ResponsibilityLists(AppDbContext db, UserContext user, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The acting account's county, or an error for accounts not bound to a county.</summary>
    internal string County => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.County
        ? user.RegionCode
        : throw new RuleException("只有县级账号可以办理此事项");
    private IQueryable<ResponsibilityList> Lists => db.Set<ResponsibilityList>();

    private static ListVersionView VersionView(ResponsibilityList l) => new(l.Id, l.Version, l.Status, l.Title, l.CreatedAtUtc, l.PublishedAtUtc, l.PublishedBy,
        l.Items.Count, l.Items.Count(i => i.Category == ItemCategory.OwnDuty), l.Items.Count(i => i.Category == ItemCategory.AssistGovernment),
        l.Items.Count(i => i.Category == ItemCategory.Cancelled));

    private IQueryable<ListVersionView> VersionViews(IQueryable<ResponsibilityList> q) => q.Select(l => new ListVersionView(l.Id, l.Version, l.Status, l.Title,
        l.CreatedAtUtc, l.PublishedAtUtc, l.PublishedBy, l.Items.Count, l.Items.Count(i => i.Category == ItemCategory.OwnDuty),
        l.Items.Count(i => i.Category == ItemCategory.AssistGovernment), l.Items.Count(i => i.Category == ItemCategory.Cancelled)));

    /// <summary>Every version of the county's list, newest first (history).</summary>
    public async Task<IReadOnlyList<ListVersionView>> VersionsAsync(CancellationToken ct = default) =>
        await VersionViews(Lists.OrderByDescending(l => l.Version)).ToListAsync(ct);

    /// <summary>A version by number, or the one in force when <paramref name="version"/> is null.</summary>
    public Task<ListVersionView?> VersionAsync(int? version, CancellationToken ct = default) =>
        VersionViews(version is { } v ? Lists.Where(l => l.Version == v) : Lists.Where(l => l.Status == ListStatus.Published)).FirstOrDefaultAsync(ct);

    /// <summary>The draft being edited, if any.</summary>
    public Task<ListVersionView?> DraftAsync(CancellationToken ct = default) => VersionViews(Lists.Where(l => l.Status == ListStatus.Draft)).FirstOrDefaultAsync(ct);

    /// <summary>Items of one version, filtered by category and text, in list order.</summary>
    public Task<Paged<ListItemView>> ItemsAsync(long listId, ItemFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<ResponsibilityItem>().AsNoTracking().Where(i => i.ListId == listId);
        if (f.Category is { } c) q = q.Where(i => i.Category == c);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            q = q.Where(i => i.Title.Contains(s) || i.Code.Contains(s) || (i.Department != null && i.Department.Contains(s)) || (i.Area != null && i.Area.Contains(s)));
        }
        return q.OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new ListItemView(i.Code, i.Title, i.Category, i.Area, i.Department, i.Keywords, i.Note, i.Synonyms)).ToPagedAsync(page, ct);
    }

    internal Task<ResponsibilityList?> LoadAsync(ListStatus status, CancellationToken ct)
    {
        var county = County;
        return Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.RegionCode == county && l.Status == status, ct);
    }

    /// <summary>
    /// The draft to edit: the existing one, else a copy of the version in force, else (a county
    /// with no list at all) the illustrative defaults.
    /// </summary>
    public async Task<ListVersionView> StartDraftAsync(CancellationToken ct = default)
    {
        if (await LoadAsync(ListStatus.Draft, ct) is { } existing) return VersionView(existing);
        var county = County;
        var next = (await Lists.Where(l => l.RegionCode == county).MaxAsync(l => (int?)l.Version, ct) ?? 0) + 1;
        var draft = await LoadAsync(ListStatus.Published, ct) is { } published
            ? published.NewDraft(next, Now)
            : ResponsibilityListDefaults.Draft(county, await db.Regions.Where(r => r.Code == county).Select(r => r.Name).FirstAsync(ct), next, Now);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return VersionView(draft);
    }

    public async Task<ListItemView> SaveItemAsync(SaveListItem c, CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有正在编辑的草稿，请先新建草稿");
        var item = Apply(() => draft.Find(c.Code) is null
            ? draft.AddItem(c.Code, c.Title, c.Category, c.Area, c.Department, c.Keywords, c.Note, c.Synonyms)
            : draft.UpdateItem(c.Code, c.Title, c.Category, c.Area, c.Department, c.Keywords, c.Note, c.Synonyms));
        await db.SaveChangesAsync(ct);
        return new(item.Code, item.Title, item.Category, item.Area, item.Department, item.Keywords, item.Note, item.Synonyms);
    }

    /// <summary>Removes an item from the draft; false when the draft has no such item.</summary>
    public async Task<bool> RemoveItemAsync(string code, CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有正在编辑的草稿，请先新建草稿");
        if (draft.Find(code) is null) return false;
        var item = Apply(() => draft.RemoveItem(code));
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Publishes the draft; the version in force becomes history. Requests already decided keep naming their version.</summary>
    public async Task<ListVersionView> PublishAsync(CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有待发布的草稿");
        var current = await LoadAsync(ListStatus.Published, ct);
        Apply(() => { draft.Publish(current, user.UserName, Now); return draft; });
        await db.SaveChangesAsync(ct);
        return VersionView(draft);
    }

    private static T Apply<T>(Func<T> rule)
    {
        return rule();
    }
}
