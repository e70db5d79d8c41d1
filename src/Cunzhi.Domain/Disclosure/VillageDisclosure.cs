using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// One disclosure a village made public (村务公开): an item of the county's catalogue for one period (the first day of
/// its month or quarter), or for an item made public at once (随时) one occurrence of it (its day in
/// <see cref="PeriodStart"/>, its key and title). A title, a body text, an optional table and attachments
/// (<see cref="DisclosureAttachment"/>), every part scanned for personal numbers before it is written. A posting is
/// never edited: it is withdrawn with a reason (kept, off the public portal) and posted again. One period (or
/// occurrence) of one item of one village is posted once at a time: a unique index over the postings not withdrawn.
/// </summary>
public sealed class VillageDisclosure : IRegionScoped, IVersioned
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 100;
    /// <summary>Longest body text.</summary>
    public const int MaxBody = 20_000;
    /// <summary>Longest occurrence key (the record it comes from: a decision's number, a list's name).</summary>
    public const int MaxOccurrenceKey = 50;
    /// <summary>Longest withdrawal reason.</summary>
    public const int MaxReason = 200;
    /// <summary>Most table rows.</summary>
    public const int MaxRows = 500;
    /// <summary>Most table columns.</summary>
    public const int MaxColumns = 20;
    /// <summary>Longest table cell.</summary>
    public const int MaxCell = 200;

    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The catalogue item's code (<see cref="DisclosureItem.Code"/>).</summary>
    public required string ItemCode { get; set; }
    /// <summary>The item's name when posted (the catalogue may change later).</summary>
    public required string ItemName { get; set; }
    /// <summary>The item's column.</summary>
    public DisclosureCategory Category { get; set; }
    /// <summary>The version of the county's catalogue the period was judged under.</summary>
    public int PolicyVersion { get; set; }
    /// <summary>First day of the month or quarter; for a 随时 item the day of the occurrence.</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last day of the period (the occurrence's day for a 随时 item).</summary>
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The period's frequency.</summary>
    public DisclosureFrequency Frequency { get; set; }
    /// <summary>For a 随时 item the occurrence's key; empty for a monthly or quarterly item (never null, so the unique index holds).</summary>
    public string OccurrenceKey { get; set; } = "";
    /// <summary>Title as published.</summary>
    public required string Title { get; set; }
    /// <summary>Body text as published (may be empty when the table or files say it all).</summary>
    public string Body { get; set; } = "";
    /// <summary>The table as JSON (<c>{"headers":[…],"rows":[[…],…]}</c>), or null.</summary>
    public string? TableJson { get; set; }
    /// <summary>China date it was made public.</summary>
    public DateOnly PostedOn { get; set; }
    /// <summary>Account that posted it.</summary>
    public required string PostedBy { get; set; }
    /// <summary>When it was posted (UTC).</summary>
    public DateTime PostedAtUtc { get; set; }
    /// <summary>When it was withdrawn (UTC), or null while public.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
    /// <summary>Account that withdrew it.</summary>
    public string? WithdrawnBy { get; set; }
    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawReason { get; set; }

    /// <summary>The files attached.</summary>
    public List<DisclosureAttachment> Attachments { get; set; } = [];

    /// <summary>Whether it is on the public portal.</summary>
    public bool IsPublic => WithdrawnAtUtc is null;
}

/// <summary>
/// A file attached to a disclosure, stored like other evidence (by a random name under data/, with its SHA-256): PDF,
/// XLSX, JPG or PNG by content. A PDF's or XLSX's text was scanned for personal numbers; an image cannot be, so it is
/// accepted only with the poster's explicit 「不含个人信息」 confirmation, recorded here (who, when).
/// </summary>
public sealed class DisclosureAttachment : IRegionScoped
{
    /// <summary>Most attachments on one disclosure.</summary>
    public const int MaxFiles = 10;
    /// <summary>Largest file, in bytes (10 MB).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code (the disclosure's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>The disclosure.</summary>
    public long DisclosureId { get; set; }
    /// <summary>Original file name.</summary>
    public required string FileName { get; set; }
    /// <summary>Type detected from the content.</summary>
    public required string ContentType { get; set; }
    /// <summary>Bytes.</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 of the content (hex).</summary>
    public required string Sha256 { get; set; }
    /// <summary>Name on disk.</summary>
    public required string StoredName { get; set; }
    /// <summary>For an image: the account that confirmed it holds no personal data.</summary>
    public string? NoPersonalDataConfirmedBy { get; set; }
    /// <summary>For an image: when that was confirmed (UTC).</summary>
    public DateTime? NoPersonalDataConfirmedAtUtc { get; set; }
}

/// <summary>
/// A village's spell of busy collective finance (集体财务往来较多), set by the town or county: from that quarter on the
/// finance items marked so are owed monthly (<see cref="DisclosureRules.Calendar"/>). It runs from a quarter's first day to a
/// quarter's last day (or on while <see cref="Until"/> is null); a village's spells do not overlap (<see cref="FinanceSpellRules"/>).
/// </summary>
public sealed class VillageFinanceSpell : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>First day.</summary>
    public DateOnly From { get; set; }
    /// <summary>Last day, or null while it lasts.</summary>
    public DateOnly? Until { get; set; }
}
