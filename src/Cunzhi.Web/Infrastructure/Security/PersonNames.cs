using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>How a person is shown to other people: display name, post (the role in Chinese) and region name — never the login name.</summary>
public sealed record PersonName(string Name, string Post, string RegionName);

/// <summary>
/// Login names stored on rows (ReportedBy, DecidedBy, the audit log's user) turned into what a reader understands:
/// the account's display name, its role in Chinese as the post, and its region's name. The system and the demo
/// generator are shown as 系统 and 演示数据; an account that no longer exists as 已删除账号.
/// </summary>
public static class PersonNames
{
    public const string System = "system", Demo = "demo", Anonymous = "anonymous";

    /// <summary>The actors that are not accounts, in Chinese.</summary>
    public static PersonName? NotAnAccount(string userName) => userName switch
    {
        System => new("系统", "系统", ""),
        Demo => new("演示数据", "系统", ""),
        Anonymous or "" => new("未登录访客", "", ""),
        _ => null,
    };

    /// <summary>Names by login name for the given login names (one query for accounts, one for region names).</summary>
    public static async Task<IReadOnlyDictionary<string, PersonName>> ByUserNameAsync(AppDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var map = new Dictionary<string, PersonName>(StringComparer.Ordinal);
        foreach (var n in wanted)
            if (NotAnAccount(n) is { } actor) map[n] = actor;
        var accounts = wanted.Where(n => !map.ContainsKey(n)).ToList();
        if (accounts.Count == 0) return map;
        var users = await db.Users.AsNoTracking().Where(u => accounts.Contains(u.UserName!))
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.RegionCode,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var codes = users.Select(u => u.RegionCode).Distinct().ToList();
        // An account's region may lie outside the reader's scope (a county admin's entry read by a town): names are public.
        var regions = await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        foreach (var u in users)
            map[u.UserName!] = new(string.IsNullOrWhiteSpace(u.DisplayName) ? "未命名账号" : u.DisplayName,
                u.Role is null ? "" : Roles.DisplayName(u.Role), regions.GetValueOrDefault(u.RegionCode) ?? u.RegionCode);
        foreach (var n in accounts.Where(n => !map.ContainsKey(n)))
            map[n] = new("已删除或不存在的账号", "", "");
        return map;
    }

    /// <summary>"名称（岗位）", as a one-line label.</summary>
    public static string Label(PersonName p) => string.IsNullOrEmpty(p.Post) || p.Post == p.Name ? p.Name : $"{p.Name}（{p.Post}）";
}
