using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Assessment;

/// <summary>What a ledger record notes.</summary>
public enum LedgerKind
{
    /// <summary>表扬.</summary>
    Commendation = 1,
    /// <summary>批评.</summary>
    Criticism = 2,
    /// <summary>完成任务.</summary>
    TaskCompleted = 3,
    /// <summary>缺勤.</summary>
    Absence = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>
/// 平时台账: one performance event of a cadre recorded by the town (date, kind, note, an optional small attachment).
/// The scoring grid shows a cadre's records for the period next to the scores.
/// </summary>
public sealed class LedgerRecord : IRegionScoped
{
    /// <summary>Longest note.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; private set; }
    /// <summary>The cadre's village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Date of the event.</summary>
    public DateOnly Date { get; private set; }
    /// <summary>Kind.</summary>
    public LedgerKind Kind { get; private set; }
    /// <summary>What happened.</summary>
    public string Note { get; private set; } = "";
    /// <summary>Account that recorded it.</summary>
    public string RecordedBy { get; private set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; private set; }
    /// <summary>Attachment file name as uploaded, if any.</summary>
    public string? AttachmentName { get; private set; }
    /// <summary>Its detected content type.</summary>
    public string? AttachmentType { get; private set; }
    /// <summary>Its size in bytes.</summary>
    public int? AttachmentSize { get; private set; }
    /// <summary>SHA-256 of its content (hex): the file's name in the attachment store, and proof in the audit log that it is unchanged.</summary>
    public string? AttachmentSha256 { get; private set; }

    /// <summary>Records an event; refused for a future date, an empty or long note, or an unknown kind.</summary>
    public static LedgerRecord Record(long cadreId, string village, DateOnly date, LedgerKind kind, string note, string by, DateTime atUtc, DateOnly asOf)
    {
        if (date > asOf) throw new RuleException("台账日期不能晚于今天");
        if (date < asOf.AddYears(-2)) throw new RuleException("只能登记近两年内的台账");
        if (!Enum.IsDefined(kind)) throw new RuleException("请选择台账类别");
        if (string.IsNullOrWhiteSpace(note)) throw new RuleException("请填写情况说明");
        if (note.Trim().Length > NoteMaxLength) throw new RuleException($"情况说明不能超过 {NoteMaxLength} 个字");
        return new() { CadreId = cadreId, RegionCode = village, Date = date, Kind = kind, Note = note.Trim(), RecordedBy = by, RecordedAtUtc = atUtc };
    }

    /// <summary>Notes the attachment checked by <see cref="LedgerFiles.Check"/>.</summary>
    public void Attach(string fileName, string contentType, int size, string sha256) =>
        (AttachmentName, AttachmentType, AttachmentSize, AttachmentSha256) = (Path.GetFileName(fileName.Trim()), contentType, size, sha256);

    /// <summary>Chinese name of a kind.</summary>
    public static string KindName(LedgerKind k) => k switch
    {
        LedgerKind.Commendation => "表扬",
        LedgerKind.Criticism => "批评",
        LedgerKind.TaskCompleted => "完成任务",
        LedgerKind.Absence => "缺勤",
        LedgerKind.Other => "其他",
        _ => "",
    };
}

/// <summary>Attachment checks: small, and a photo or a PDF by its content, not by its name.</summary>
public static class LedgerFiles
{
    /// <summary>Largest attachment: 2 MB (a phone photo, compressed).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The detected content type (image/jpeg, image/png, application/pdf), or a Chinese problem.</summary>
    public static (string? ContentType, string? Problem) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, "附件是空文件");
        if (content.Length > MaxBytes) return (null, $"附件不能超过 {MaxBytes / 1024 / 1024} MB");
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 100) return (null, "附件文件名无效（不超过 100 个字符）");
        var type = FileKinds.Sniff(content);
        return type is null ? (null, "附件只能是 JPG、PNG 图片或 PDF 文件") : (type, null);
    }
}
