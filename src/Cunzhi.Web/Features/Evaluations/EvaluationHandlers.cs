using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>开启双述双评: villages (or towns, or the county: all their villages), a year and the voting period (local time).</summary>
public sealed record OpenWindows(List<string> Regions, int Year, DateTime? OpensAt, DateTime? ClosesAt);

public sealed record OpenWindowsResult(IReadOnlyList<long> Opened, IReadOnlyList<string> AlreadyOpen, IReadOnlyList<string> WithoutCadres);

public sealed record SaveReport(string? Text);

public sealed record IssueCodes(int Count);

public sealed record IssuedCode(string Code, string Url);

/// <summary>The codes of one generation: shown once, never stored in the clear.</summary>
public sealed record IssuedCodes(long WindowId, string VillageName, int Year, DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<IssuedCode> Codes);

public sealed record WindowRow(long Id, string RegionCode, string VillageName, string TownName, int Year, DateTime OpensAt, DateTime ClosesAt,
    WindowState State, int Cadres, int CodesIssued, int BallotsCast);

public sealed record ReportView(long CadreId, string CadreName, string PostCode, string PostName, string Text, string? EditedBy);

public sealed record WindowView(long Id, string RegionCode, string VillageName, string TownName, int Year, DateTime OpensAt, DateTime ClosesAt,
    WindowState State, string StateName, int CodesIssued, int CodesUsed, IReadOnlyList<ReportView> Reports);

public sealed record ResultRow(long CadreId, string CadreName, string PostName, int Satisfied, int BasicallySatisfied, int Dissatisfied,
    int ValidBallots, decimal? SatisfactionRate, int CodesIssued, int CodesUsed, decimal? Turnout);

public sealed record WindowResults(WindowView Window, IReadOnlyList<ResultRow> Rows);

public sealed record WindowFilter(int? Year, WindowState? State, string? Region);

public sealed class OpenWindowsValidator : AbstractValidator<OpenWindows>
{
    public OpenWindowsValidator()
    {
        RuleFor(c => c.Regions).NotEmpty().WithMessage("请选择要开启评议的村或乡镇");
        RuleForEach(c => c.Regions).Must(r => RegionCodes.LevelOf(r?.Trim() ?? "") is not null).WithMessage("区划代码不正确");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年度不正确");
        RuleFor(c => c.OpensAt).NotNull().WithMessage("请填写开始时间");
        RuleFor(c => c.ClosesAt).NotNull().WithMessage("请填写结束时间");
    }
}

public sealed class SaveReportValidator : AbstractValidator<SaveReport>
{
    public SaveReportValidator()
    {
        RuleFor(c => c.Text).NotEmpty().WithMessage("请填写述职报告");
        RuleFor(c => c.Text).MaximumLength(EvaluationWindow.ReportMaxLength).WithMessage($"述职报告不能超过 {EvaluationWindow.ReportMaxLength} 个字");
    }
}

public sealed class IssueCodesValidator : AbstractValidator<IssueCodes>
{
    public IssueCodesValidator() =>
        RuleFor(c => c.Count).InclusiveBetween(1, EvaluationWindow.MaxCodesPerBatch).WithMessage($"票码张数应在 1 到 {EvaluationWindow.MaxCodesPerBatch} 之间");
}

/// <summary>
/// 双述双评 administration: the county opens windows and ends them, the town writes reports and issues codes,
/// everyone in scope reads; results appear once a window is closed. Region scope comes from the data context.
/// Closing is lazy and by timer: any read that meets a window past its closing time closes it, and
/// <see cref="EvaluationCloser"/> sweeps every minute so results exist even if nobody looks.
/// </summary>
public sealed class EvaluationHandlers(AppDbContext db, UserContext user, TimeProvider clock, PersonalDataProtector protector, IConfiguration config)
{
    public const string NotFoundMessage = "未找到该评议，或不在本账号的管辖范围内";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    // Opening and closing times are entered in China time (an evaluation closing 17:00 closes at 09:00 UTC).
    private DateTime ToUtc(DateTime local) => clock.ToUtc(local);
    public DateTime ToLocal(DateTime utc) => clock.ToChina(utc);

    internal static int PostOrder(string code)
    {
        var i = ReferenceData.Posts.Select((p, n) => (p.Code, n)).FirstOrDefault(p => p.Code == code).n;
        return ReferenceData.Posts.Any(p => p.Code == code) ? i : 999;
    }

    public async Task<OpenWindowsResult> OpenAsync(OpenWindows c, CancellationToken ct = default)
    {
        var opens = ToUtc(c.OpensAt!.Value);
        var closes = ToUtc(c.ClosesAt!.Value);
        var problems = PublicEvaluationRules.CheckTimes(c.Year, opens, closes, Now);
        if (problems.Count > 0) throw RuleException.Of(problems);
        var prefixes = c.Regions.Select(r => RegionCodes.ScopePrefix(r.Trim())).Distinct().ToList();
        var villages = new List<string>();
        foreach (var p in prefixes)
            villages.AddRange(await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(p)).Select(r => r.Code).ToListAsync(ct));
        villages = villages.Distinct().Order().ToList();
        if (villages.Count == 0) throw new RuleException("所选区划内没有本账号管辖的村");
        if (villages.Count > 1000) throw new RuleException("一次最多为 1000 个村开启评议，请按乡镇分批开启");

        var taken = (await db.Set<EvaluationWindow>().AsNoTracking().Where(w => w.Year == c.Year && villages.Contains(w.RegionCode)).Select(w => w.RegionCode).ToListAsync(ct)).ToHashSet();
        var cadres = (await db.Cadres.AsNoTracking().Where(x => x.Status == CadreStatus.InOffice && villages.Contains(x.RegionCode))
            .Select(x => new { x.Id, x.RegionCode, x.Name, x.PostCode }).ToListAsync(ct)).ToLookup(x => x.RegionCode);
        var created = new List<(EvaluationWindow W, List<(long Id, string Name, string Post)> Cadres)>();
        var without = new List<string>();
        foreach (var v in villages.Where(v => !taken.Contains(v)))
        {
            if (!cadres[v].Any()) { without.Add(v); continue; }
            var w = EvaluationWindow.Create(v, c.Year, opens, closes, user.UserName, Now);
            db.Add(w);
            created.Add((w, cadres[v].OrderBy(x => PostOrder(x.PostCode)).ThenBy(x => x.Id).Select(x => (x.Id, x.Name, x.PostCode)).ToList()));
        }
        if (created.Count == 0)
            return new([], taken.Order().ToList(), without);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        foreach (var (w, list) in created)
        {
            var position = 0;
            foreach (var x in list)
            {
                db.Add(EvaluationReport.For(w.Id, w.RegionCode, x.Id, x.Name, x.Post, position++));
                db.AddRange(BallotTally.ZeroFor(w.Id, w.RegionCode, x.Id));
            }
            db.RecordEvent("EvaluationOpened", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode,
                System.Text.Json.JsonSerializer.Serialize(new { w.Year, cadres = list.Count }));
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new(created.Select(x => x.W.Id).ToList(), taken.Order().ToList(), without);
    }

    public async Task<Paged<WindowRow>> ListAsync(WindowFilter f, PageRequest page, CancellationToken ct = default)
    {
        await CloseDueAsync(ct);
        var now = Now;
        var q = db.Set<EvaluationWindow>().AsNoTracking();
        if (f.Year is { } y) q = q.Where(w => w.Year == y);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(w => w.RegionCode.StartsWith(prefix));
        }
        q = f.State switch
        {
            WindowState.NotYetOpen => q.Where(w => w.ClosedAtUtc == null && w.OpensAtUtc > now && w.ClosesAtUtc > now),
            WindowState.Open => q.Where(w => w.ClosedAtUtc == null && w.OpensAtUtc <= now && w.ClosesAtUtc > now),
            WindowState.Closed => q.Where(w => w.ClosedAtUtc != null || w.ClosesAtUtc <= now),
            _ => q,
        };
        var rows = await q.OrderByDescending(w => w.Year).ThenBy(w => w.RegionCode)
            .Select(w => new
            {
                w.Id, w.RegionCode, w.Year, w.OpensAtUtc, w.ClosesAtUtc, w.ClosedAtUtc, w.BallotsCast,
                Village = db.Regions.Where(r => r.Code == w.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Town = db.Regions.Where(r => r.Code == w.RegionCode.Substring(0, 9) + "000").Select(r => r.Name).FirstOrDefault(),
                Cadres = db.Set<EvaluationReport>().Count(r => r.WindowId == w.Id),
                Codes = db.Set<BallotCode>().Count(x => x.WindowId == w.Id && !x.Voided),
            }).ToPagedAsync(page, ct);
        return new(rows.Items.Select(w => new WindowRow(w.Id, w.RegionCode, w.Village ?? w.RegionCode, w.Town ?? "", w.Year, ToLocal(w.OpensAtUtc), ToLocal(w.ClosesAtUtc),
            PublicEvaluationRules.StateAt(w.OpensAtUtc, w.ClosesAtUtc, w.ClosedAtUtc, now), w.Cadres, w.Codes, w.BallotsCast)).ToList(), rows.Total, rows.Page, rows.PageSize);
    }

    public async Task<WindowView?> GetAsync(long id, CancellationToken ct = default)
    {
        var w = await db.Set<EvaluationWindow>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        if (w.ClosedAtUtc is null && w.ClosesAtUtc <= Now)
        {
            await CloseAsync(id, early: false, ct);
            w = await db.Set<EvaluationWindow>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        }
        var town = RegionCodes.TownOf(w.RegionCode);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == w.RegionCode || r.Code == town)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var reports = await db.Set<EvaluationReport>().AsNoTracking().Where(r => r.WindowId == id).OrderBy(r => r.Position)
            .Select(r => new { r.CadreId, r.CadreName, r.PostCode, r.Text, r.EditedBy }).ToListAsync(ct);
        var issued = await db.Set<BallotCode>().CountAsync(x => x.WindowId == id && !x.Voided, ct);
        var used = await db.Set<BallotCode>().CountAsync(x => x.WindowId == id && x.Used, ct);
        var state = w.StateAt(Now);
        return new(w.Id, w.RegionCode, names.GetValueOrDefault(w.RegionCode) ?? w.RegionCode, (town is null ? null : names.GetValueOrDefault(town)) ?? "",
            w.Year, ToLocal(w.OpensAtUtc), ToLocal(w.ClosesAtUtc), state, PublicEvaluationRules.StateName(state), issued, used,
            reports.Select(r => new ReportView(r.CadreId, r.CadreName, r.PostCode, CadreNames.Post(r.PostCode), r.Text, r.EditedBy)).ToList());
    }

    public async Task<WindowView?> SaveReportAsync(long id, long cadreId, SaveReport c, CancellationToken ct = default)
    {
        var w = await db.Set<EvaluationWindow>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var report = w is null ? null : await db.Set<EvaluationReport>().FirstOrDefaultAsync(r => r.WindowId == id && r.CadreId == cadreId, ct);
        if (w is null || report is null) return null;
        report.Edit(c.Text ?? "", user.UserName, w.StateAt(Now));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>立即开始: the county starts a window that has not opened yet.</summary>
    public async Task<WindowView?> OpenNowAsync(long id, CancellationToken ct = default)
    {
        var w = await db.Set<EvaluationWindow>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        w.OpenNow(Now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// 生成票码: <paramref name="c"/>.Count new random codes for a window that has not opened. Only their keyed hashes are
    /// stored, so this answer is the only time they exist in the clear: print them now. One summary audit entry, no row each.
    /// </summary>
    public async Task<IssuedCodes?> IssueAsync(long id, IssueCodes c, string ballotBaseUrl, CancellationToken ct = default)
    {
        var w = await db.Set<EvaluationWindow>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        if (w.StateAt(Now) != WindowState.NotYetOpen) throw new RuleException("评议已开始或已结束，不能再生成票码");
        var existing = await db.Set<BallotCode>().CountAsync(x => x.WindowId == id && !x.Voided, ct);
        if (existing + c.Count > EvaluationWindow.MaxCodesPerBatch)
            throw new RuleException($"一个村的有效票码不能超过 {EvaluationWindow.MaxCodesPerBatch} 张（已有 {existing} 张）");
        var codes = new List<string>();
        while (codes.Count < c.Count)
        {
            var code = BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32);
            if (!codes.Contains(code)) codes.Add(code);
        }
        // Stored in an order unrelated to the printed sheet: rows inserted in print order would get ids in print order, and
        // then a code row's Used flag would tell which slip on the sheet (whose seat, whose hand) voted.
        var rows = codes.Select(code => BallotCode.Issue(w.Id, w.RegionCode, protector.BallotCodeHash(code))).ToArray();
        RandomNumberGenerator.Shuffle(rows.AsSpan());
        foreach (var row in rows) db.Add(row);
        db.RecordEvent("BallotCodesIssued", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode, System.Text.Json.JsonSerializer.Serialize(new { count = codes.Count }));
        await db.SaveChangesAsync(ct);
        var village = await db.Regions.AsNoTracking().Where(r => r.Code == w.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? w.RegionCode;
        var baseUrl = (config["Evaluation:PublicBaseUrl"] is { Length: > 0 } configured ? configured : ballotBaseUrl).TrimEnd('/');
        return new(w.Id, village, w.Year, ToLocal(w.OpensAtUtc), ToLocal(w.ClosesAtUtc),
            codes.Select(x => new IssuedCode(BallotCodeFormat.Display(x), $"{baseUrl}/Vote#{BallotCodeFormat.Display(x)}")).ToList());
    }

    /// <summary>作废票码: voids every unused code of a window that has not opened (lost or misprinted sheets); returns how many.</summary>
    public async Task<int?> VoidAsync(long id, CancellationToken ct = default)
    {
        var w = await db.Set<EvaluationWindow>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var codes = await db.Set<BallotCode>().Where(x => x.WindowId == id && !x.Voided && !x.Used).ToListAsync(ct);
        foreach (var x in codes) x.Void(w.StateAt(Now));
        if (w.StateAt(Now) != WindowState.NotYetOpen) throw new RuleException("评议已开始，票码不能再作废");
        db.RecordEvent("BallotCodesVoided", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode, System.Text.Json.JsonSerializer.Serialize(new { count = codes.Count }));
        await db.SaveChangesAsync(ct);
        return codes.Count;
    }

    /// <summary>结束评议 by the county (early) — or, with <paramref name="early"/> false, the lazy close of a window past its time.</summary>
    public async Task<WindowView?> CloseNowAsync(long id, CancellationToken ct = default)
    {
        if (!await db.Set<EvaluationWindow>().AnyAsync(x => x.Id == id, ct)) return null;
        await CloseAsync(id, early: true, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Closes every window in scope whose time is up (the timer runs this as the system).</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Set<EvaluationWindow>().AsNoTracking().Where(w => w.ClosedAtUtc == null && w.ClosesAtUtc <= now).OrderBy(w => w.ClosesAtUtc).ThenBy(w => w.Id).Select(w => w.Id).Take(200).ToListAsync(ct);
        foreach (var id in due) await CloseAsync(id, early: false, ct);
        return due.Count;
    }

    /// <summary>
    /// Closes a window and writes its <see cref="PublicEvaluationResult"/> rows, once. The conditional update of the window
    /// row comes first: it waits for a ballot in flight (which holds that row) and makes every later ballot fail its own
    /// conditional update, so the tally read next is final.
    /// </summary>
    private async Task CloseAsync(long id, bool early, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scope = db.User.ScopePrefix;
        var closed = early
            ? await ScopeGateway.UpdateInRegionAsync<EvaluationWindow>(db, scope, w => w.Id == id && w.ClosedAtUtc == null,
                s => s.SetProperty(w => w.ClosedAtUtc, now).SetProperty(w => w.ClosesAtUtc, w => w.ClosesAtUtc > now ? now : w.ClosesAtUtc), ct)
            : await ScopeGateway.UpdateInRegionAsync<EvaluationWindow>(db, scope, w => w.Id == id && w.ClosedAtUtc == null && w.ClosesAtUtc <= now,
                s => s.SetProperty(w => w.ClosedAtUtc, now), ct);
        if (closed == 0) return; // someone else closed it, or (early) it was already closed
        var w = await db.Set<EvaluationWindow>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var cadres = await db.Set<EvaluationReport>().Where(r => r.WindowId == id).OrderBy(r => r.Position).Select(r => r.CadreId).ToListAsync(ct);
        var counters = (await db.Set<BallotTally>().Where(t => t.WindowId == id).Select(t => new { t.CadreId, t.Choice, t.Count }).ToListAsync(ct))
            .Select(t => (t.CadreId, t.Choice, t.Count));
        var issued = await db.Set<BallotCode>().CountAsync(x => x.WindowId == id && !x.Voided, ct);
        var used = await db.Set<BallotCode>().CountAsync(x => x.WindowId == id && x.Used, ct);
        db.AddRange(PublicEvaluationRules.Tally(id, w.RegionCode, w.Year, cadres, counters, issued, used));
        db.RecordEvent(early ? "EvaluationClosedEarly" : "EvaluationClosed", nameof(EvaluationWindow), id.ToString(), w.RegionCode,
            System.Text.Json.JsonSerializer.Serialize(new { codesIssued = issued, codesUsed = used, ballots = w.BallotsCast }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Results of a closed window; a refusal while it is not closed (nobody sees a tally during voting).</summary>
    public async Task<WindowResults?> ResultsAsync(long id, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        if (view is null) return null;
        if (view.State != WindowState.Closed) throw new RuleException("评议结束后才能查看结果");
        var rows = await db.Set<PublicEvaluationResult>().AsNoTracking().Where(r => r.WindowId == id).ToListAsync(ct);
        var reports = view.Reports.ToDictionary(r => r.CadreId);
        return new(view, rows.OrderBy(r => reports.TryGetValue(r.CadreId, out var p) ? view.Reports.ToList().IndexOf(p) : 999)
            .Select(r => new ResultRow(r.CadreId, reports.GetValueOrDefault(r.CadreId)?.CadreName ?? "", reports.GetValueOrDefault(r.CadreId)?.PostName ?? "",
                r.Satisfied, r.BasicallySatisfied, r.Dissatisfied, r.ValidBallots, r.SatisfactionRate, r.CodesIssued, r.CodesUsed, r.Turnout)).ToList());
    }
}

/// <summary>Closes windows whose time is up every minute, as the system, so results exist even when nobody opens a page.</summary>
public sealed class EvaluationCloser(IServiceScopeFactory scopes, JobLeases leases, ILogger<EvaluationCloser> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // One node per minute across the database (JobLeases).
                var n = 0;
                await leases.RunTickAsync("evaluation-closer", interval, async ct =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<UserContext>().AsSystem();
                    n = await scope.ServiceProvider.GetRequiredService<EvaluationHandlers>().CloseDueAsync(ct);
                }, stoppingToken);
                if (n > 0) log.LogInformation("双述双评：已结束 {Count} 个到期的评议", n);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "双述双评：结束到期评议时出错，下一分钟重试");
            }
        }
    }
}
