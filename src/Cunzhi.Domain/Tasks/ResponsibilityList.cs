using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tasks;

/// <summary>Which part of the responsibility list an item belongs to.</summary>
public enum ItemCategory
{
    /// <summary>村级组织主体责任事项 — the village's own duties (Wanzai: 72 items).</summary>
    OwnDuty = 1,
    /// <summary>协助政府事项 — work a county department may ask villages to help with.</summary>
    AssistGovernment = 2,
    /// <summary>取消事项（负面清单）— work that may no longer be put on villages (Hunan: "57+5").</summary>
    Cancelled = 3,
}

/// <summary>Where a version of the list stands.</summary>
public enum ListStatus
{
    /// <summary>草稿 — being edited, not in force.</summary>
    Draft = 1,
    /// <summary>现行 — the one version in force in the county.</summary>
    Published = 2,
    /// <summary>已废止 — was in force, replaced by a later version; kept as history.</summary>
    Superseded = 3,
}

/// <summary>
/// 村级组织工作事务清单: one version of a county's list of village duties, assist-government items
/// and cancelled items. At most one version per county is <see cref="ListStatus.Published"/>; editing
/// works on a draft copied from it, and publishing the draft supersedes the old version, which stays
/// as history (decisions name the version they were made under).
/// </summary>
public sealed class ResponsibilityList : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code (12 digits).</summary>
    public required string RegionCode { get; set; }
    /// <summary>1, 2, 3 … within the county.</summary>
    public int Version { get; set; }
    /// <summary>Draft, published or superseded.</summary>
    public ListStatus Status { get; set; } = ListStatus.Draft;
    /// <summary>Title, e.g. 万载县村级组织工作事务清单（2026 年版）.</summary>
    public required string Title { get; set; }
    /// <summary>When the draft was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAtUtc { get; set; }
    /// <summary>Account that published it.</summary>
    public string? PublishedBy { get; set; }
    /// <summary>The items.</summary>
    public List<ResponsibilityItem> Items { get; set; } = [];

    /// <summary>The item with <paramref name="code"/> (case-insensitive), or null.</summary>
    public ResponsibilityItem? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Items.FirstOrDefault(i => string.Equals(i.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A new draft, version <paramref name="version"/>, with a copy of every item of this list.</summary>
    public ResponsibilityList NewDraft(int version, DateTime atUtc) => new()
    {
        RegionCode = RegionCode, Version = version, Status = ListStatus.Draft, Title = Title, CreatedAtUtc = atUtc,
        Items = Items.OrderBy(i => i.SortOrder).Select(i => i.CopyFor(RegionCode)).ToList(),
    };

    /// <summary>Adds an item to a draft; codes are unique within a version.</summary>
    public ResponsibilityItem AddItem(string code, string title, ItemCategory category, string? area, string? department, string? keywords, string? note,
        string? synonyms = null)
    {
        EnsureDraft();
        if (Find(code) is not null) throw new RuleException($"事项编号 {code.Trim()} 已存在");
        var item = new ResponsibilityItem
        {
            RegionCode = RegionCode, Code = code.Trim(), SortOrder = Items.Count == 0 ? 1 : Items.Max(i => i.SortOrder) + 1,
        };
        item.Set(title, category, area, department, keywords, note, synonyms);
        Items.Add(item);
        return item;
    }

    /// <summary>Changes an item of a draft (its code stays).</summary>
    public ResponsibilityItem UpdateItem(string code, string title, ItemCategory category, string? area, string? department, string? keywords, string? note,
        string? synonyms = null)
    {
        EnsureDraft();
        var item = Find(code) ?? throw new RuleException($"草稿中没有事项 {code}");
        item.Set(title, category, area, department, keywords, note, synonyms);
        return item;
    }

    /// <summary>Removes an item from a draft.</summary>
    public ResponsibilityItem RemoveItem(string code)
    {
        EnsureDraft();
        var item = Find(code) ?? throw new RuleException($"草稿中没有事项 {code}");
        Items.Remove(item);
        return item;
    }

    /// <summary>
    /// Puts this draft in force and supersedes <paramref name="current"/> (the version in force, if any).
    /// A list without items cannot be published.
    /// </summary>
    public void Publish(ResponsibilityList? current, string by, DateTime atUtc)
    {
        EnsureDraft();
        if (Items.Count == 0) throw new RuleException("清单没有任何事项，不能发布");
        if (current is not null)
        {
            if (current.Status != ListStatus.Published) throw new RuleException("只能替换现行清单");
            if (current.RegionCode != RegionCode) throw new RuleException("不能替换其他县的清单");
            current.Status = ListStatus.Superseded;
        }
        (Status, PublishedAtUtc, PublishedBy) = (ListStatus.Published, atUtc, by);
    }

    private void EnsureDraft()
    {
        if (Status != ListStatus.Draft) throw new RuleException("已发布的清单不能修改，请先新建草稿");
    }
}

/// <summary>清单事项: one line of the responsibility list.</summary>
public sealed class ResponsibilityItem : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The list version it belongs to.</summary>
    public long ListId { get; set; }
    /// <summary>County code (same as its list; kept so region scope applies to items too).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Code, e.g. ZR-01 (own duty), XZ-05 (assist), QX-12 (cancelled); stable across versions.</summary>
    public required string Code { get; set; }
    /// <summary>What the item is.</summary>
    public string Title { get; set; } = "";
    /// <summary>Own duty, assist-government, or cancelled.</summary>
    public ItemCategory Category { get; set; }
    /// <summary>Area within the category, e.g. 党的建设, 平安建设.</summary>
    public string? Area { get; set; }
    /// <summary>Responsible department (for assist and cancelled items), e.g. 县农业农村局.</summary>
    public string? Department { get; set; }
    /// <summary>
    /// Phrases (separated by 、 , ， or ;) that identify a request as this item; a phrase with + (代收+水电费) needs every part,
    /// anywhere in the request. A cancelled item's keywords refuse a request at once; every item's feed the office's nearest items.
    /// </summary>
    public string? Keywords { get; set; }
    /// <summary>
    /// Synonym groups (separated by ; or ；, words of a group by 、 , ， or /), e.g. 代收、代缴、代为收取；水电费、电费、水费:
    /// a keyword part matches through any word of its group (<see cref="ItemMatching"/>).
    /// </summary>
    public string? Synonyms { get; set; }
    /// <summary>Note.</summary>
    public string? Note { get; set; }
    /// <summary>Order within the list.</summary>
    public int SortOrder { get; set; }

    internal void Set(string title, ItemCategory category, string? area, string? department, string? keywords, string? note, string? synonyms)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new RuleException("请填写事项名称");
        if (!Enum.IsDefined(category)) throw new RuleException("请选择事项类别");
        (Title, Category, Area, Department, Keywords, Note) = (title.Trim(), category, Blank(area), Blank(department), Blank(keywords), Blank(note));
        Synonyms = Blank(synonyms);
    }

    internal ResponsibilityItem CopyFor(string regionCode) => new()
    {
        RegionCode = regionCode, Code = Code, Title = Title, Category = Category, Area = Area, Department = Department,
        Keywords = Keywords, Synonyms = Synonyms, Note = Note, SortOrder = SortOrder,
    };

    /// <summary>The keywords, split.</summary>
    public IEnumerable<string> KeywordList() =>
        (Keywords ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Chinese name of a category.</summary>
    public static string CategoryName(ItemCategory c) => c switch
    {
        ItemCategory.OwnDuty => "村级组织主体责任事项",
        ItemCategory.AssistGovernment => "协助政府事项",
        ItemCategory.Cancelled => "取消事项（负面清单）",
        _ => c.ToString(),
    };
}
