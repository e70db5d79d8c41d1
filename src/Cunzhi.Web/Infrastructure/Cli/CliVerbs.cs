using Microsoft.EntityFrameworkCore;
using Cunzhi.Domain.Regions;
using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;

namespace Cunzhi.Web.Infrastructure.Cli;

/// <summary>
/// The executable's verbs. With no verb it serves; otherwise it runs one of these against the
/// configured database and exits (0 = success, 1 = bad input, 2 = audit chain broken).
/// </summary>
public static class CliVerbs
{
    public static readonly string[] Names = ["migrate", "seed-demo", "verify-audit", "audit-head", "create-admin", "rebuild-matter-summary", "help"];

    public static string? Find(string[] args) => args.Length > 0 && Names.Contains(args[0]) ? args[0] : null;

    public const string Usage = """
        用法: Cunzhi.Web [动词] [选项]
          （无动词）                  启动网站
          migrate                     执行数据库迁移
          seed-demo [--scale county|province|national] [--households-per-village N]
                    [--province 36] [--division-data 目录] [--no-activity]
                                      生成演示数据（固定随机种子，可重复；默认含近三个月的减负动态，
                                      --no-activity 则不生成）
          verify-audit                校验操作日志哈希链（密钥封存），报告第一处断裂
          audit-head                  输出操作日志链头（序号、哈希、北京时间），供在库外留存比对
          rebuild-matter-summary      由全部诉求重新计算诉求统计的每日汇总（升级或批量导入后）
          create-admin --user 账号 --password 密码 --region 县级区划代码 [--name 显示名]
                                      为正式部署创建县委组织部管理员
          create-admin --role province --user 账号 --password 密码 --region 省级区划代码（如 360000000000） [--name 显示名]
                                      创建省级统计查看账号：只读全省各县的诉求和走访统计（逐级下钻到村），其他一律不可见
        数据库: Database:Provider=Sqlite|Postgres, ConnectionStrings:Cunzhi（也可用环境变量 Database__Provider、ConnectionStrings__Cunzhi）
        """;

    public static Task<int> RunAsync(WebApplication app, string verb, string[] args) => RunAsync(app.Services, app.Configuration, verb, args, Console.Out);

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string verb, string[] args, TextWriter o)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        try
        {
            switch (verb)
            {
                case "migrate":
                    await DataSetup.MigrateAsync(db);
                    await DataSetup.UpgradeAuditLogAsync(scope.ServiceProvider, o);
                    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedReferenceDataAsync();
                    o.WriteLine("数据库已迁移到最新版本。");
                    return 0;
                case "seed-demo":
                {
                    await DataSetup.MigrateAsync(db);
                    await DataSetup.UpgradeAuditLogAsync(scope.ServiceProvider, o);
                    var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                    await seeder.SeedReferenceDataAsync();
                    var options = DemoOptions.FromConfiguration(configuration) with
                    {
                        Scale = Option(args, "--scale") is { } s ? Enum.Parse<DemoScale>(s, ignoreCase: true) : DemoScale.County,
                    };
                    if (Option(args, "--households-per-village") is { } h) options = options with { HouseholdsPerVillage = int.Parse(h) };
                    if (Option(args, "--province") is { } p) options = options with { ProvinceCode = p };
                    if (Option(args, "--division-data") is { } d) options = options with { DivisionDataPath = d };
                    if (args.Contains("--no-activity")) options = options with { Activity = false };
                    await seeder.SeedDemoAsync(options, o);
                    return 0;
                }
                case "rebuild-matter-summary":
                {
                    db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                    var rows = await MatterSummaries.RebuildAsync(db);
                    o.WriteLine($"诉求统计每日汇总已重新计算：共 {rows:N0} 行。");
                    return 0;
                }
                case "verify-audit":
                {
                    var result = await AuditVerifier.VerifyAsync(db);
                    o.WriteLine(result.Intact
                        ? $"操作日志完整：共校验 {result.EntriesChecked:N0} 条。"
                        : $"操作日志被篡改：第 {result.FirstBreak!.Sequence} 条处断裂 — {result.FirstBreak.Reason}（此前 {result.EntriesChecked:N0} 条完好）");
                    if (!result.Intact && await AuditVerifier.AwaitsUpgradeAsync(db))
                        o.WriteLine("提示：此日志仍是旧版未加密钥的哈希链，尚未升级。请先运行 migrate（或启动一次网站）完成脱敏与密钥封存，再校验。");
                    return result.Intact ? 0 : 2;
                }
                case "audit-head":
                {
                    // Written down outside the database (a daily report, the county's robot, paper), this line lets anyone
                    // holding it show later that the log up to that sequence was not rewritten: the hash is keyed and chained.
                    var head = await AuditVerifier.HeadAsync(db);
                    o.WriteLine(head.Sequence == 0
                        ? "操作日志为空。"
                        : $"操作日志链头：第 {head.Sequence} 条  HMAC-SHA256 {head.Hash}  北京时间 {services.GetRequiredService<TimeProvider>().Show(head.AtUtc, "yyyy-MM-dd HH:mm:ss")}（UTC {head.AtUtc:yyyy-MM-ddTHH:mm:ssZ}）");
                    return 0;
                }
                case "create-admin":
                {
                    var user = Option(args, "--user");
                    var password = Option(args, "--password");
                    var region = Option(args, "--region");
                    if (user is null || password is null || region is null)
                    {
                        o.WriteLine("create-admin 需要 --user、--password 和 --region。");
                        return 1;
                    }
                    await DataSetup.MigrateAsync(db);
                    await DataSetup.UpgradeAuditLogAsync(scope.ServiceProvider, o);
                    var role = Option(args, "--role");
                    if (role is not (null or "county" or "province"))
                    {
                        o.WriteLine("create-admin 的 --role 只能是 county（县委组织部管理员，默认）或 province（省级统计查看）。");
                        return 1;
                    }
                    var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                    await seeder.SeedReferenceDataAsync();
                    if (role == "province")
                    {
                        // Issue #19: a province office reads statistics only; it never reveals personal data.
                        await seeder.CreateAccountAsync(user, password, Roles.ProvinceViewer, region, Option(args, "--name") ?? user);
                        o.WriteLine($"已创建省级统计查看账号 {user}（{ProvinceNames.Of(region)}，区划 {region}）。");
                        return 0;
                    }
                    await seeder.CreateAccountAsync(user, password, Roles.CountyAdmin, region, Option(args, "--name") ?? user, canReveal: true);
                    o.WriteLine($"已创建县委组织部管理员 {user}（区划 {region}）。");
                    return 0;
                }
                default:
                    o.WriteLine(Usage);
                    return 0;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            o.WriteLine($"错误：{e.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
