using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Assessment;

public sealed record LedgerView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, DateOnly Date, LedgerKind Kind, string Note,
    string RecordedBy, DateTime RecordedAtUtc, string? AttachmentName, string? AttachmentType, int? AttachmentSize);

public sealed record LedgerFilter(long? CadreId, string? Region, DateOnly? From, DateOnly? To, LedgerKind? Kind);

/// <summary>Records a ledger event; <see cref="FileName"/> and <see cref="File"/> carry the optional attachment.</summary>
public sealed record RecordLedger(long CadreId, DateOnly? Date, LedgerKind Kind, string? Note, string? FileName = null, byte[]? File = null);

public sealed record CadreOption(long Id, string Name, string PostName, string VillageCode, string VillageName);

public sealed class RecordLedgerValidator : AbstractValidator<RecordLedger>
{
    public RecordLedgerValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择村干部");
        RuleFor(c => c.Date).NotNull().WithMessage("请填写日期");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择台账类别");
        RuleFor(c => c.Note).NotEmpty().WithMessage("请填写情况说明").MaximumLength(LedgerRecord.NoteMaxLength).WithMessage($"情况说明不能超过 {LedgerRecord.NoteMaxLength} 个字");
        RuleFor(c => c.File).Must((c, f) => f is null || LedgerFiles.Check(c.FileName, f).Problem is null)
            .WithMessage((c, f) => LedgerFiles.Check(c.FileName, f).Problem ?? "").WithName("File");
    }
}

/// <summary>
/// Ledger attachments on disk under <c>Assessment:AttachmentsPath</c> (default <c>data/ledger</c>), named by the SHA-256
/// of their content: the database row and its audit entry carry the hash, so a changed file is detectable and the
/// audit log never holds the bytes.
/// </summary>
public sealed class AttachmentStore(IWebHostEnvironment env, IConfiguration config)
{
    private string Root => Path.Combine(env.ContentRootPath, config["Assessment:AttachmentsPath"] ?? "data/ledger");

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, hash);
        if (!File.Exists(path)) await File.WriteAllBytesAsync(path, content, ct);
        return hash;
    }

    public Stream? Open(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) && File.Exists(Path.Combine(Root, hash)) ? File.OpenRead(Path.Combine(Root, hash)) : null;
}

/// <summary>平时台账: town staff record events of their cadres; county and discipline read. Region scope is the data context's.</summary>
public sealed class LedgerHandlers(AppDbContext db, UserContext user, AttachmentStore files, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该村干部或台账，或其不在您的管辖范围内";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Paged<LedgerView>> ListAsync(LedgerFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<LedgerRecord>().AsNoTracking();
        if (f.CadreId is { } id) q = q.Where(r => r.CadreId == id);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (f.From is { } from) q = q.Where(r => r.Date >= from);
        if (f.To is { } to) q = q.Where(r => r.Date <= to);
        if (f.Kind is { } k) q = q.Where(r => r.Kind == k);
        return q.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .Select(r => new LedgerView(r.Id, r.CadreId, db.Cadres.Where(c => c.Id == r.CadreId).Select(c => c.Name).FirstOrDefault() ?? "",
                r.RegionCode, db.Regions.Where(g => g.Code == r.RegionCode).Select(g => g.Name).FirstOrDefault() ?? r.RegionCode,
                r.Date, r.Kind, r.Note, r.RecordedBy, r.RecordedAtUtc, r.AttachmentName, r.AttachmentType, r.AttachmentSize))
            .ToPagedAsync(page, ct);
    }

    public Task<LedgerView?> GetAsync(long id, CancellationToken ct = default) =>
        db.Set<LedgerRecord>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new LedgerView(r.Id, r.CadreId, db.Cadres.Where(c => c.Id == r.CadreId).Select(c => c.Name).FirstOrDefault() ?? "",
                r.RegionCode, db.Regions.Where(g => g.Code == r.RegionCode).Select(g => g.Name).FirstOrDefault() ?? r.RegionCode,
                r.Date, r.Kind, r.Note, r.RecordedBy, r.RecordedAtUtc, r.AttachmentName, r.AttachmentType, r.AttachmentSize))
            .FirstOrDefaultAsync(ct);

    /// <summary>In-office cadres in scope (optionally of one village), for the pickers.</summary>
    public async Task<IReadOnlyList<CadreOption>> CadresAsync(string? region, CancellationToken ct = default)
    {
        var q = db.Cadres.AsNoTracking().Where(c => c.Status == Domain.Cadres.CadreStatus.InOffice);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(c => c.RegionCode.StartsWith(prefix));
        }
        var rows = await q.OrderBy(c => c.RegionCode).ThenBy(c => c.PostCode).ThenBy(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.Name, c.PostCode, c.RegionCode, Village = db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new CadreOption(r.Id, r.Name, CadreNames.Post(r.PostCode), r.RegionCode, r.Village ?? r.RegionCode)).ToList();
    }

    /// <summary>Records an event for an in-office cadre in scope; null when the cadre is not found.</summary>
    public async Task<LedgerView?> RecordAsync(RecordLedger c, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId && x.Status == Domain.Cadres.CadreStatus.InOffice)
            .Select(x => new { x.Id, x.RegionCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        LedgerRecord record;
        record = LedgerRecord.Record(cadre.Id, cadre.RegionCode, c.Date ?? Today, c.Kind, c.Note ?? "", user.UserName, clock.GetUtcNow().UtcDateTime, Today);
        if (c.File is { } bytes)
        {
            var (type, problem) = LedgerFiles.Check(c.FileName, bytes);
            if (problem is not null) throw new RuleException(problem);
            record.Attach(c.FileName!, type!, bytes.Length, await files.SaveAsync(bytes, ct));
        }
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return await GetAsync(record.Id, ct);
    }

    /// <summary>The attachment of a record in scope, or null.</summary>
    public async Task<(Stream Content, string Type, string Name)?> AttachmentAsync(long id, CancellationToken ct = default)
    {
        var r = await db.Set<LedgerRecord>().AsNoTracking().Where(x => x.Id == id && x.AttachmentSha256 != null)
            .Select(x => new { x.AttachmentSha256, x.AttachmentType, x.AttachmentName }).FirstOrDefaultAsync(ct);
        if (r is null || files.Open(r.AttachmentSha256!) is not { } stream) return null;
        return (stream, r.AttachmentType!, r.AttachmentName!);
    }
}
