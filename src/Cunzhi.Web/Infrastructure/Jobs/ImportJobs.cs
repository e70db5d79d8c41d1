using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Cunzhi.Web.Infrastructure.Jobs;

/// <summary>
/// The in-process import queue: every job by id (for progress), and a channel the worker reads in order. Jobs live
/// in memory only; a restart loses the progress of a finished job, never data (an unfinished import rolls back).
/// </summary>
public sealed class ImportJobs(TimeProvider clock, ILogger<ImportJobs> log)
{
    /// <summary>How long a finished job's result stays readable.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, ImportJob> jobs = new();
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ImportJob> Reader => queue.Reader;

    public ImportJob Enqueue(string kind, string fileName, string filePath, System.Security.Claims.ClaimsPrincipal owner)
    {
        Prune();
        var job = new ImportJob(kind, fileName, filePath, owner, clock.GetUtcNow());
        jobs[job.Id] = job;
        if (!queue.Writer.TryWrite(job))
            throw new InvalidOperationException("The import queue is closed.");
        log.LogInformation("Import {Id} ({Kind}, {File}) queued by {User}", job.Id, kind, fileName, job.Snapshot().OwnerName);
        return job;
    }

    /// <summary>The job, only for the account that started it: anyone else gets null, as for an unknown id.</summary>
    public ImportJob? Find(string id, string? userId) =>
        !string.IsNullOrEmpty(userId) && jobs.TryGetValue(id, out var job) && job.OwnerId == userId ? job : null;

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - KeepFinished;
        foreach (var (id, job) in jobs)
            if (job.Snapshot() is { IsFinished: true, FinishedAt: { } at } && at < cutoff)
                jobs.TryRemove(id, out _);
    }
}
