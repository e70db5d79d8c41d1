using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Audit;

/// <param name="User">A person: display name or login name (part of it), or 系统 / 演示数据.</param>
/// <param name="Entity">An entity type, as its code (Region) or its Chinese name (行政区划).</param>
/// <param name="Region">Leading digits of the entry's region code.</param>
/// <param name="Kind">An action, as its code (Update) or its Chinese name (修改).</param>
public sealed record AuditFilter(string? User, string? Entity, DateOnly? From, DateOnly? To, string? Region, string? Kind = null);

/// <summary>
/// One entry. The first fields are the stored record (the API has always served them; <see cref="Before"/> and
/// <see cref="After"/> are the raw JSON); the rest is the same entry readable: who by name, post and region, when in
/// China time, the entity in Chinese and the change as a list of fields.
/// </summary>
public sealed record AuditRow(long Sequence, DateTime AtUtc, string UserName, string RegionCode, string Action, string ActionName, string Entity, string EntityKey, string? Before, string? After,
    string ActorName = "", string ActorPost = "", string ActorRegion = "", string AtChina = "", string EntityName = "", string RegionName = "",
    IReadOnlyList<AuditChange>? Changes = null);

/// <summary>Reading the log (region-scoped by the data context) and verifying the chain.</summary>
public sealed class AuditHandlers(AppDbContext db, TimeProvider clock, AuditChainWatch watch)
{
    public const int MaxFilterLength = 60;

    public async Task<Paged<AuditRow>> SearchAsync(AuditFilter f, PageRequest page, CancellationToken ct = default)
    {
        var result = await Query(f).Select(a => new AuditRow(a.Sequence, a.AtUtc, a.UserName, a.RegionCode, a.Action, "", a.Entity, a.EntityKey, a.Before, a.After,
                "", "", "", "", "", "", null))
            .ToPagedAsync(page, ct);
        return result with { Items = await ReadableAsync(result.Items, ct) };
    }

    /// <summary>The filtered entries, newest first (the sequence is unique: a stable order for paging). Bad filter values are a 400 in Chinese.</summary>
    public IQueryable<AuditEntry> Query(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var who = Within(f.User, "user");
            var actor = who switch { "系统" => Infrastructure.Security.PersonNames.System, "演示数据" => Infrastructure.Security.PersonNames.Demo, _ => who };
            var named = db.Users.Where(u => u.DisplayName.Contains(who)).Select(u => u.UserName);
            q = q.Where(a => a.UserName.Contains(actor) || named.Contains(a.UserName));
        }
        if (!string.IsNullOrWhiteSpace(f.Entity))
        {
            var entity = AuditNames.EntityCode(Within(f.Entity, "entity")) ?? throw new BadInputException("entity", $"没有“{f.Entity.Trim()}”这类对象，请从列表中选择");
            q = q.Where(a => a.Entity == entity);
        }
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            var kind = Within(f.Kind, "kind");
            var action = AuditNames.Actions.FirstOrDefault(x => x == kind || AuditNames.Action(x) == kind)
                ?? throw new BadInputException("kind", $"没有“{kind}”这种操作，请从列表中选择");
            q = q.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            var region = f.Region.Trim();
            if (region.Length > 12 || !region.All(char.IsAsciiDigit)) throw new BadInputException("region", "区划代码须为 1 至 12 位数字（可只填前几位）");
            q = q.Where(a => a.RegionCode.StartsWith(region));
        }
        InputRange.Date(f.From, "from");
        InputRange.Date(f.To, "to");
        if (f.From > f.To) throw new BadInputException("from", "开始日期不能晚于结束日期");
        // The dates are China dates (Cunzhi:TimeZone): from its 00:00 to the end of the last day, in UTC.
        if (f.From is { } from) { var t = clock.StartUtc(from); q = q.Where(a => a.AtUtc >= t); }
        if (f.To is { } to) { var t = clock.EndUtc(to); q = q.Where(a => a.AtUtc < t); }
        return q.OrderByDescending(a => a.Sequence);
    }

    private static string Within(string value, string field)
    {
        var v = value.Trim();
        return v.Length <= MaxFilterLength ? v : throw new BadInputException(field, $"筛选条件不能超过 {MaxFilterLength} 个字");
    }

    /// <summary>Names, China time, Chinese entity and the diff for a page of entries (two queries for people, one for regions).</summary>
    public async Task<List<AuditRow>> ReadableAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var people = await Infrastructure.Security.PersonNames.ByUserNameAsync(db,
            rows.Select(r => r.UserName).Concat(rows.SelectMany(r => AuditDiff.PeopleIn(r.Before).Concat(AuditDiff.PeopleIn(r.After)))), ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var regions = await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return rows.Select(r =>
        {
            var at = DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc);
            var who = people[r.UserName];
            return r with
            {
                AtUtc = at, ActionName = AuditNames.Action(r.Action), ActorName = who.Name, ActorPost = who.Post, ActorRegion = who.RegionName,
                AtChina = clock.Show(at, "yyyy-MM-dd HH:mm:ss"), EntityName = AuditNames.Entity(r.Entity), RegionName = regions.GetValueOrDefault(r.RegionCode) ?? "",
                Changes = AuditDiff.Of(r.Entity, r.Action, r.Before, r.After, people, clock),
            };
        }).ToList();
    }

    /// <summary>Entity types present in the log (in scope), for the filter's choices: code and Chinese name, by Chinese name.</summary>
    public async Task<List<(string Code, string Name)>> EntitiesAsync(CancellationToken ct = default) =>
        (await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(ct))
        .Select(e => (e, AuditNames.Entity(e))).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);

    /// <summary>The cheap check the discipline home shows: the entries since the last check, the whole chain at most every <see cref="AuditChainWatch.FullEvery"/>.</summary>
    public Task<AuditWatchResult> WatchAsync(CancellationToken ct = default) => watch.CheckAsync(db, ct);

    /// <summary>The chain's head (whole chain, not region-scoped: a sequence and a keyed hash reveal no entry).</summary>
    public Task<AuditHeadView> HeadAsync(CancellationToken ct = default) => AuditVerifier.HeadAsync(db, ct);
}
