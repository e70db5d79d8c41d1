using System.Diagnostics;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>A demo account (development only; listed in README.md).</summary>
public sealed record DemoAccount(string UserName, string Role, string RegionCode, string DisplayName);

/// <summary>Reference data (idempotent), the demo county, and accounts.</summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IWebHostEnvironment env, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>Demo accounts that may reveal full ID and phone numbers.</summary>
    public static readonly string[] RevealingAccounts = ["county.admin", "discipline"];

    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } =
    [
        new("county.admin", Roles.CountyAdmin, "360922000000", "万载县委组织部"),
        new("coord.office", Roles.CoordinationOffice, "360922000000", "万载县减负协调办"),
        new("dept.agri", Roles.Department, "360922000000", "万载县农业农村局"),
        new("discipline", Roles.DisciplineInspector, "360922000000", "万载县纪委监委"),
        new("town.sanxing", Roles.TownAdmin, "360922106000", "三兴镇组织委员"),
        new("town.efeng", Roles.TownAdmin, "360922200000", "鹅峰乡组织委员"),
        new("village.naoping", Roles.VillageCadre, "360922106208", "闹坪村党支部书记"),
        new("province.jiangxi", Roles.ProvinceViewer, "360000000000", "江西省委组织部（统计查看）"),
    ];

    /// <summary>Roles and reference lists; safe to run on every start.</summary>
    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        db.User.AsSystem();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                (await roles.CreateAsync(new IdentityRole(role))).ThrowIfFailed();
        var existing = await db.ReferenceItems.Select(r => new { r.Kind, r.Code }).ToListAsync(ct);
        var missing = ReferenceData.All.Where(r => !existing.Contains(new { r.Kind, r.Code })).ToList();
        if (missing.Count > 0)
        {
            db.ReferenceItems.AddRange(missing.Select(r => new ReferenceItem { Kind = r.Kind, Code = r.Code, Name = r.Name, SortOrder = r.SortOrder }));
            await db.SaveChangesAsync(ct);
        }
        await SeedResponsibilityListAsync(Divisions.DemoCountyCode, ct);
    }

    /// <summary>
    /// Publishes the default responsibility list (ResponsibilityListDefaults) as version 1 for a county
    /// that exists and has no list yet; does nothing otherwise, so it is safe on every start.
    /// Only the demo county is seeded here: other counties start theirs from /Tasks/List.
    /// </summary>
    public async Task SeedResponsibilityListAsync(string countyCode, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var county = await db.Regions.Where(r => r.Code == countyCode && r.Level == RegionLevel.County).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (county is null || await db.Set<ResponsibilityList>().AnyAsync(l => l.RegionCode == countyCode, ct)) return;
        db.Add(ResponsibilityListDefaults.Version1(countyCode, county, DateTime.UtcNow));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Generates the demo data unless regions already exist. Returns false when skipped.</summary>
    public async Task<bool> SeedDemoAsync(DemoOptions options, TextWriter log, CancellationToken ct = default)
    {
        var divisions = options.Scale switch
        {
            DemoScale.County => Divisions.Wanzai().ToList(),
            _ => Divisions.FromPackage(options.DivisionDataPath ?? Divisions.DefaultPackageFolder(env.ContentRootPath),
                                       options.Scale == DemoScale.Province ? options.ProvinceCode : null).ToList(),
        };
        return await SeedDemoAsync(options, divisions, log, ct);
    }

    /// <summary>
    /// Generates the demo data over the given divisions (counties, towns, villages; parents before children) unless
    /// regions already exist. The benchmarks use it to pick a slice of the country of a chosen size.
    /// </summary>
    public async Task<bool> SeedDemoAsync(DemoOptions options, IReadOnlyList<Division> divisions, TextWriter log, CancellationToken ct = default)
    {
        // A province's COPY of millions of rows, and the statements after it, outlast Npgsql's default 30 seconds on a
        // busy server: the seeder (and only the seeder) waits longer. BulkWriter passes this timeout on to COPY.
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(CommandTimeout);
        try
        {
            return await SeedDemoCoreAsync(options, divisions, log, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }

    /// <summary>Command timeout while generating demo data (every statement and each bulk COPY or INSERT).</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromHours(1);

    private async Task<bool> SeedDemoCoreAsync(DemoOptions options, IReadOnlyList<Division> divisions, TextWriter log, CancellationToken ct)
    {
        db.User.AsSystem();
        if (await db.Regions.AnyAsync(ct))
        {
            log.WriteLine("数据库中已有区划数据，跳过演示数据生成。");
            return false;
        }
        var watch = Stopwatch.StartNew();
        var generator = new DemoGenerator(options, divisions);
        var bulk = new BulkWriter(db);
        log.WriteLine($"正在生成演示数据（{options.Scale}，{generator.Villages.Count()} 个村）…");

        var regions = await bulk.WriteAsync(
            divisions.Select(d => new Region { Code = d.Code, Name = d.Name, Level = d.Level, ParentCode = d.ParentCode }).Concat(generator.SubVillageRegions()),
            [nameof(Region.Code), nameof(Region.Name), nameof(Region.Level), nameof(Region.ParentCode)],
            r => [r.Code, r.Name, (int)r.Level, r.ParentCode], ct);

        var residents = new List<Resident>();
        var households = await bulk.WriteAsync(
            generator.Households(await bulk.NextIdAsync<Household>(ct), await bulk.NextIdAsync<Resident>(ct)).Select(h => { residents.AddRange(h.Residents); return h; }),
            [nameof(Household.Id), nameof(Household.RegionCode), nameof(Household.GroupCode), nameof(Household.GridCode), nameof(Household.Number), nameof(Household.HeadName), nameof(Household.Address)],
            h => [h.Id, h.RegionCode, h.GroupCode, h.GridCode, h.Number, h.HeadName, h.Address], ct);
        var residentCount = await bulk.WriteAsync(residents,
            [nameof(Resident.Id), nameof(Resident.HouseholdId), nameof(Resident.RegionCode), nameof(Resident.Name), nameof(Resident.Gender), nameof(Resident.BirthDate), nameof(Resident.Relation), nameof(Resident.IsPartyMember)],
            r => [r.Id, r.HouseholdId, r.RegionCode, r.Name, (int)r.Gender, r.BirthDate, r.Relation, r.IsPartyMember], ct);
        residents.Clear();

        var posts = new List<CadrePost>();
        var cadres = await bulk.WriteAsync(typeof(Cadre), generator.Cadres(await bulk.NextIdAsync<Cadre>(ct)).Select(g => { posts.AddRange(g.Cadre.Posts); return g; }),
            [nameof(Cadre.Id), nameof(Cadre.RegionCode), nameof(Cadre.Name), nameof(Cadre.Gender), nameof(Cadre.BirthDate), nameof(Cadre.EducationCode), nameof(Cadre.IsPartyMember),
             nameof(Cadre.PostCode), nameof(Cadre.Rank), nameof(Cadre.Status), nameof(Cadre.StartDate), nameof(Cadre.Origin), nameof(Cadre.AssignedFrom), nameof(Cadre.IsProfessionalSecretary), nameof(Cadre.Term),
             nameof(Cadre.NationalIdCipher), nameof(Cadre.NationalIdHash), nameof(Cadre.NationalIdMasked), nameof(Cadre.PhoneCipher), nameof(Cadre.PhoneMasked),
             nameof(Cadre.BankName), nameof(Cadre.BankAccountCipher), nameof(Cadre.BankAccountMasked)],
            g =>
            {
                var c = g.Cadre;
                return [c.Id, c.RegionCode, c.Name, (int)c.Gender, c.BirthDate, c.EducationCode, c.IsPartyMember, c.PostCode, c.Rank, (int)c.Status, c.StartDate,
                    (int)c.Origin, c.AssignedFrom, c.IsProfessionalSecretary, c.Term,
                    protector.Protect(g.NationalId), protector.Hash(g.NationalId), Domain.Identity.NationalId.Mask(g.NationalId),
                    protector.Protect(g.Phone), Domain.Identity.MobilePhone.Mask(g.Phone),
                    c.BankName, protector.Protect(g.BankAccount), Domain.Identity.BankAccount.Mask(g.BankAccount)];
            }, ct);
        await bulk.WriteAsync(posts,
            [nameof(CadrePost.CadreId), nameof(CadrePost.RegionCode), nameof(CadrePost.PostCode), nameof(CadrePost.StartDate), nameof(CadrePost.Term)],
            p => [p.CadreId, p.RegionCode, p.PostCode, p.StartDate, p.Term], ct);

        var reserves = await bulk.WriteAsync(generator.Reserves(),
            [nameof(Domain.Reserves.ReserveCadre.RegionCode), nameof(Domain.Reserves.ReserveCadre.Name), nameof(Domain.Reserves.ReserveCadre.Gender),
             nameof(Domain.Reserves.ReserveCadre.BirthDate), nameof(Domain.Reserves.ReserveCadre.EducationCode), nameof(Domain.Reserves.ReserveCadre.IsPartyMember),
             nameof(Domain.Reserves.ReserveCadre.Source), nameof(Domain.Reserves.ReserveCadre.Channel), nameof(Domain.Reserves.ReserveCadre.Recommender),
             nameof(Domain.Reserves.ReserveCadre.RecommendedDate), nameof(Domain.Reserves.ReserveCadre.PlacementPostCode),
             nameof(Domain.Reserves.ReserveCadre.Status), nameof(Domain.Reserves.ReserveCadre.RowVersion)],
            r => [r.RegionCode, r.Name, (int)r.Gender, r.BirthDate, r.EducationCode, r.IsPartyMember, (int)r.Source, (int)r.Channel, r.Recommender,
                  r.RecommendedDate, r.PlacementPostCode, (int)r.Status, r.RowVersion], ct);

        await bulk.ResetIdentityAsync<Household>(ct);
        await bulk.ResetIdentityAsync<Resident>(ct);
        await bulk.ResetIdentityAsync<Cadre>(ct);

        var summary = new { options.Scale, options.Seed, regions, households, residents = residentCount, cadres, reserves };
        foreach (var county in divisions.Where(d => d.Level == RegionLevel.County).Take(1))
            db.RecordEvent(AuditActions.Seed, "DemoData", county.Code, county.Code, JsonSerializer.Serialize(summary, AuditCapture.Json));
        await db.SaveChangesAsync(ct);

        await SeedResponsibilityListAsync(Divisions.DemoCountyCode, ct);
        await new AssessmentDemo(db).SeedAsync(Divisions.DemoCountyCode, clock.Today(), ct);
        await new RankDemo(db).SeedAsync(Divisions.DemoCountyCode, ct);
        await new PayDemo(db, clock).SeedAsync(Divisions.DemoCountyCode, clock.Today(), ct);
        await new GridDemo(db).SeedAsync(Divisions.DemoCountyCode, ct);
        await new PointsDemo(db).SeedAsync(Divisions.DemoCountyCode, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
        await new VisitsDemo(db).SeedCalendarAsync(Divisions.DemoCountyCode, clock.GetUtcNow().UtcDateTime, ct);
        // The demo accounts need their regions: all of them are in 万载, which a slice of the country may cut through.
        // (A province has no region row: the province account needs 万载 only.)
        var accountRegions = DemoAccounts.Select(a => a.RegionCode).Where(c => RegionCodes.LevelOf(c) != RegionLevel.Province).Distinct().ToList();
        if (await db.Regions.CountAsync(r => accountRegions.Contains(r.Code), ct) == accountRegions.Count)
            foreach (var a in DemoAccounts)
                await CreateAccountAsync(a.UserName, options.DemoPassword, a.Role, a.RegionCode, a.DisplayName, RevealingAccounts.Contains(a.UserName));
        log.WriteLine($"演示数据已生成：区划 {regions:N0}，农户 {households:N0}，村民 {residentCount:N0}，村干部 {cadres:N0}，后备干部 {reserves:N0}，用时 {watch.Elapsed.TotalSeconds:F1} 秒。");
        if (options.Activity)
        {
            var activityWatch = Stopwatch.StartNew();
            if (await SeedActivityAsync(options, ct) is { } activity)
                log.WriteLine($"近三个月的减负动态：{activity.Describe()}，用时 {activityWatch.Elapsed.TotalSeconds:F1} 秒。");
        }
        return true;
    }

    /// <summary>
    /// The demo county's last three months of activity (<see cref="ActivityDemo"/>), after the accounts exist (the demo
    /// department and office act as themselves). Null when skipped: the county is not there (a slice of the country) or
    /// already has task requests, so running it again adds nothing.
    /// </summary>
    public async Task<ActivitySummary?> SeedActivityAsync(DemoOptions options, CancellationToken ct = default)
    {
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(CommandTimeout);
        try
        {
            return await new ActivityDemo(db, clock, protector).SeedAsync(Divisions.DemoCountyCode, options.Seed, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }

    /// <summary>Creates an account bound to a region; the role decides which level the region must be.</summary>
    public async Task<AppUser> CreateAccountAsync(string userName, string password, string role, string regionCode, string displayName, bool canReveal = false)
    {
        db.User.AsSystem();
        var error = Roles.BindingError(role, RegionCodes.LevelOf(regionCode));
        if (error is not null) throw new InvalidOperationException(error);
        if (RegionCodes.LevelOf(regionCode) == RegionLevel.Province)
        {
            // A province has no region row: it must hold at least one county already imported.
            var prefix = RegionCodes.ScopePrefix(regionCode);
            if (!await db.Regions.AnyAsync(r => r.Level == RegionLevel.County && r.Code.StartsWith(prefix)))
                throw new InvalidOperationException($"{ProvinceNames.Of(regionCode)}还没有任何县的区划：请先导入县的区划（seed-demo 或区划管理）");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == regionCode))
            throw new InvalidOperationException($"区划 {regionCode} 不存在：请先导入该县的区划（seed-demo 或区划管理）");
        if (await users.FindByNameAsync(userName) is not null)
            throw new InvalidOperationException($"账号 {userName} 已存在");
        var user = new AppUser { UserName = userName, DisplayName = displayName, RegionCode = regionCode, CreatedAtUtc = DateTime.UtcNow, EmailConfirmed = true, CanRevealPersonalData = canReveal };
        (await users.CreateAsync(user, password)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        return user;
    }
}

internal static class IdentityResultExtensions
{
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
