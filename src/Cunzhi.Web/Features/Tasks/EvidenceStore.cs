using System.Security.Cryptography;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;

namespace Cunzhi.Web.Features.Tasks;

public sealed record EvidenceView(long Id, long VillageTaskId, string RegionCode, string? VillageName, string TaskTitle, DateOnly WeekStart,
    string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>
/// Where evidence files live: a folder on disk (<c>Evidence:Path</c>, default <c>data/evidence</c> under the content root),
/// one file per upload under a random name; the database row (<see cref="TaskEvidence"/>) holds the original name, the
/// detected type, the size and the SHA-256. Files stay out of the database so the audit log, which snapshots rows,
/// never carries 5 MB of photo, and backups of the database stay small.
/// </summary>
public sealed class EvidenceStore(IWebHostEnvironment env, IConfiguration config)
{
    private string Folder => Path.GetFullPath(Path.Combine(env.ContentRootPath, config["Evidence:Path"] ?? "data/evidence"));

    /// <summary>Every reason the upload is refused (type from the content, jpg/png/pdf, at most 5 MB).</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[8];
        await using var s = file.OpenReadStream();
        var n = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return EvidenceRules.CheckFile(Path.GetFileName(file.FileName), file.Length, head.AsSpan(0, n));
    }

    /// <summary>Writes a checked file and returns its row, without owner fields (the caller fills them).</summary>
    public async Task<TaskEvidence> StoreAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[8];
        var name = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        string sha;
        await using (var source = file.OpenReadStream())
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, ct);
            target.Position = 0;
            var n = await target.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            target.Position = 0;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(target, ct));
            head = head[..n];
        }
        var original = Path.GetFileName(file.FileName);
        return new TaskEvidence
        {
            FileName = original.Length > 200 ? original[^200..] : original,
            ContentType = FileKinds.Sniff(head) ?? "application/octet-stream",
            Size = file.Length, Sha256 = sha, StoredName = name,
        };
    }

    /// <summary>Opens a stored file, or null when it is gone.</summary>
    public Stream? Open(string storedName)
    {
        var path = Path.Combine(Folder, Path.GetFileName(storedName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>Removes a stored file (after a failed save).</summary>
    public void Delete(string storedName)
    {
        var path = Path.Combine(Folder, Path.GetFileName(storedName));
        if (File.Exists(path)) File.Delete(path);
    }

    public static EvidenceView View(TaskEvidence e) =>
        new(e.Id, e.VillageTaskId, e.RegionCode, null, "", e.WeekStart, e.FileName, e.ContentType, e.Size, e.UploadedBy, e.UploadedAtUtc);
}
