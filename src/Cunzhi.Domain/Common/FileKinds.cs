namespace Cunzhi.Domain.Common;

/// <summary>What an uploaded file is, judged from its first bytes — never from its name or the browser's claim.</summary>
public static class FileKinds
{
    /// <summary>
    /// The content type of a photo or document the platform accepts (JPEG, PNG or PDF) from the file's first bytes;
    /// null when it is none of those. Used by ledger attachments and task evidence alike.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
