using Cunzhi.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Jobs;

/// <summary>
/// Runs queued imports one at a time, each in its own DI scope acting as the account that uploaded it (so the data
/// context applies that account's region scope and writes the audit chain in its name). One at a time because every
/// write takes the audit chain's lock anyway, and a 100,000-row import is best not fighting another for it.
/// </summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, IEnumerable<ImportKind> kinds, TimeProvider clock,
    ILogger<ImportWorker> log) : BackgroundService
{
    public const string RolledBack = "没有写入任何数据";

    /// <summary>Where uploads wait for the worker.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "cunzhi-imports");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path.
        await Task.Yield();
        RemoveStaleUploads();
        try
        {
            await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: jobs still queued are failed below so their pages say so.
        }
        while (jobs.Reader.TryRead(out var queued))
        {
            queued.Fail($"服务已停止，导入未执行，{RolledBack}。请重新上传", clock.GetUtcNow());
            TryDelete(queued.FilePath);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        var kind = kinds.FirstOrDefault(k => k.Name == job.Kind);
        try
        {
            if (kind is null)
                throw new InvalidOperationException($"No importer is registered for '{job.Kind}'.");
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(job.Owner);
            await kind.Run(scope.ServiceProvider, job, ct);
            log.LogInformation("Import {Id} ({Kind}) finished: {State}", job.Id, job.Kind, job.Snapshot().State);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Fail($"服务正在停止，导入已撤销，{RolledBack}。请稍后重新上传", clock.GetUtcNow());
        }
        catch (DbUpdateException e)
        {
            // Checked before writing, so a conflict here means someone registered the same number meanwhile.
            log.LogWarning(e, "Import {Id} ({Kind}) rolled back", job.Id, job.Kind);
            job.Fail($"写入时与已有数据冲突（可能有人在导入期间登记了相同的身份证号或户号），已全部撤销，{RolledBack}。请重新上传", clock.GetUtcNow());
        }
        catch (RegionScopeViolationException e)
        {
            job.Fail($"{e.Message}，已全部撤销，{RolledBack}", clock.GetUtcNow());
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {Id} ({Kind}) failed", job.Id, job.Kind);
            job.Fail($"导入失败，已全部撤销，{RolledBack}。请稍后重试；如仍失败，请联系管理员", clock.GetUtcNow());
        }
        finally
        {
            TryDelete(job.FilePath);
        }
    }

    /// <summary>Uploads left behind by a process that stopped abruptly (older than a day, so other running instances' files are safe).</summary>
    private void RemoveStaleUploads()
    {
        try
        {
            if (!Directory.Exists(Folder))
                return;
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
                if (file.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
                    TryDelete(file.FullName);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Could not clean {Folder}", Folder);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Could not delete upload {Path}", path);
        }
    }
}
