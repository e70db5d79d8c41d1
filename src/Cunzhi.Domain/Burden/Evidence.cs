using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Burden;

/// <summary>
/// 佐证材料: a photo or PDF a village attaches to a weekly report — only for a task that explicitly requires evidence
/// (SPEC §4: "Photos only where the task explicitly requires evidence — never a default").
/// The file itself is stored outside the database; this row holds what it is and its SHA-256.
/// </summary>
public sealed class TaskEvidence : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village task.</summary>
    public long VillageTaskId { get; set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Monday of the week it was attached to.</summary>
    public DateOnly WeekStart { get; set; }
    /// <summary>File name as uploaded (shown, never used as a path).</summary>
    public string FileName { get; set; } = "";
    /// <summary>image/jpeg, image/png or application/pdf, as detected from the content.</summary>
    public string ContentType { get; set; } = "";
    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }
    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>Where the content is stored, relative to the evidence folder.</summary>
    public string StoredName { get; set; } = "";
    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>Rules for evidence files and for reports that need them.</summary>
public static class EvidenceRules
{
    /// <summary>Largest file accepted: 5 MB.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Every reason a file is refused (empty when accepted): type by extension and content, size.</summary>
    public static IReadOnlyList<string> CheckFile(string fileName, long length, ReadOnlySpan<byte> head)
    {
        var errors = new List<string>();
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var sniffed = FileKinds.Sniff(head);
        if (ext is not (".jpg" or ".jpeg" or ".png" or ".pdf") || sniffed is null)
            errors.Add($"“{fileName}”不是 jpg、png 或 pdf 文件");
        else if ((ext is ".pdf") != (sniffed == "application/pdf") || (ext is ".png") != (sniffed == "image/png"))
            errors.Add($"“{fileName}”的内容与扩展名不符");
        if (length <= 0) errors.Add($"“{fileName}”是空文件");
        if (length > MaxBytes) errors.Add($"“{fileName}”超过 5 MB");
        return errors;
    }

    /// <summary>
    /// Null when a report may be saved; otherwise the refusal: 已完成 on a task that requires evidence needs at least one file.
    /// Tasks that do not require evidence never ask for it.
    /// </summary>
    public static string? CheckReport(string taskTitle, bool evidenceRequired, WeeklyStatus status, int evidenceCount) =>
        evidenceRequired && status == WeeklyStatus.Done && evidenceCount == 0
            ? $"“{taskTitle}”要求留存佐证材料，报“已完成”前请上传照片或 PDF（jpg、png、pdf，不超过 5 MB）"
            : null;
}
