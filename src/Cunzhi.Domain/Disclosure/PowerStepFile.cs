using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// A file of evidence attached to a recorded step of a power exercise (the application form, the meeting's minutes, the
/// town's reply), stored like other evidence (by a random name under data/, with its SHA-256): PDF, XLSX, JPG or PNG by
/// content, at most <see cref="MaxBytes"/>. A PDF's or XLSX's text was scanned for personal numbers and refused on a hit;
/// an image cannot be scanned, so it is accepted only with the uploader's 「不含个人信息」 confirmation, recorded here.
/// These files are for the village, the town, the county and discipline: they never appear on the public portal.
/// </summary>
public sealed class PowerStepFile : IRegionScoped
{
    /// <summary>Most files on one step.</summary>
    public const int MaxFiles = 10;
    /// <summary>Largest file, in bytes (10 MB).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The exercise.</summary>
    public long ExerciseId { get; set; }
    /// <summary>The step's number (recorded before its files).</summary>
    public int Step { get; set; }
    /// <summary>The exercise's village.</summary>
    public required string RegionCode { get; set; }
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
    /// <summary>Account that uploaded it.</summary>
    public required string UploadedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime UploadedAtUtc { get; set; }
    /// <summary>For an image: the account that confirmed it holds no personal data.</summary>
    public string? NoPersonalDataConfirmedBy { get; set; }
    /// <summary>For an image: when that was confirmed (UTC).</summary>
    public DateTime? NoPersonalDataConfirmedAtUtc { get; set; }
}
