using System.Security.Claims;
using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Infrastructure.Jobs;

/// <summary>Where an import stands: 排队中 → 校验中 → 写入中 → 完成 / 有错误 / 失败.</summary>
public enum ImportState
{
    /// <summary>排队中: waiting for the worker (one import runs at a time).</summary>
    Queued,
    /// <summary>校验中: reading and checking every row.</summary>
    Validating,
    /// <summary>写入中: every row was valid; writing them in one transaction.</summary>
    Writing,
    /// <summary>完成: every row written and committed.</summary>
    Completed,
    /// <summary>有错误: the file or some rows are wrong; nothing was written.</summary>
    Invalid,
    /// <summary>失败: writing failed and was rolled back; nothing was written.</summary>
    Failed,
}

/// <summary>One immutable look at a job, taken under its lock, for pages and the API.</summary>
public sealed record ImportSnapshot(string Id, string Kind, string FileName, string OwnerName, ImportState State, int Total, int Checked,
    int Written, string? FileError, string? Message, IReadOnlyList<CellError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => State is ImportState.Completed or ImportState.Invalid or ImportState.Failed;
}

/// <summary>
/// An uploaded file waiting for, or going through, the import worker. The worker moves it along; pages and the API
/// read <see cref="Snapshot"/> from other threads, so every change happens under one lock.
/// </summary>
public sealed class ImportJob
{
    private readonly Lock gate = new();
    private ImportState state = ImportState.Queued;
    private int total, checkedRows, written;
    private string? fileError, message;
    private IReadOnlyList<CellError> errors = [];
    private DateTimeOffset? finishedAt;

    public ImportJob(string kind, string fileName, string filePath, ClaimsPrincipal owner, DateTimeOffset createdAt)
    {
        Kind = kind;
        FileName = fileName;
        FilePath = filePath;
        Owner = owner;
        OwnerId = owner.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ArgumentException("An import needs a signed-in account.", nameof(owner));
        CreatedAt = createdAt;
    }

    /// <summary>Unguessable: the id is all a client needs to poll, and the owner check stands behind it.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");
    public string Kind { get; }
    public string FileName { get; }
    /// <summary>The upload, kept in a temporary file until the worker is done with it.</summary>
    public string FilePath { get; }
    /// <summary>The uploader: the worker acts as this principal, so scope and audit are theirs.</summary>
    public ClaimsPrincipal Owner { get; }
    public string OwnerId { get; }
    public DateTimeOffset CreatedAt { get; }

    public ImportSnapshot Snapshot()
    {
        lock (gate)
            return new(Id, Kind, FileName, Owner.Identity?.Name ?? "", state, Math.Max(total, checkedRows), checkedRows, written, fileError, message,
                errors, CreatedAt, finishedAt);
    }

    public bool IsFinished
    {
        get
        {
            lock (gate)
                return state is ImportState.Completed or ImportState.Invalid or ImportState.Failed;
        }
    }

    internal void StartValidating()
    {
        lock (gate)
            state = ImportState.Validating;
    }

    /// <summary>An estimate of the rows, for the progress bar while they are read.</summary>
    internal void SetEstimate(int rows)
    {
        lock (gate)
            total = rows;
    }

    internal void RowChecked()
    {
        lock (gate)
            checkedRows++;
    }

    /// <summary>Once the sheet is read, the count is exact.</summary>
    internal void SetTotal(int rows)
    {
        lock (gate)
            (total, checkedRows) = (rows, rows);
    }

    internal void StartWriting()
    {
        lock (gate)
            state = ImportState.Writing;
    }

    internal void RowsWritten(int count)
    {
        lock (gate)
            written += count;
    }

    internal void Complete(DateTimeOffset at)
    {
        lock (gate)
            (state, message, finishedAt) = (ImportState.Completed, $"导入完成：共写入 {written} 条", at);
    }

    internal void RejectFile(string error, DateTimeOffset at)
    {
        lock (gate)
            (state, fileError, message, finishedAt) = (ImportState.Invalid, error, $"{error}。没有导入任何数据", at);
    }

    internal void Reject(IReadOnlyList<CellError> found, DateTimeOffset at)
    {
        lock (gate)
        {
            var rows = found.Select(e => e.Row).Distinct().Count();
            (state, errors, finishedAt) = (ImportState.Invalid, found, at);
            message = $"发现 {found.Count} 处错误，涉及 {rows} 行，没有导入任何数据。请修改后重新上传";
        }
    }

    internal void Fail(string reason, DateTimeOffset at)
    {
        lock (gate)
            (state, written, message, finishedAt) = (ImportState.Failed, 0, reason, at);
    }
}
