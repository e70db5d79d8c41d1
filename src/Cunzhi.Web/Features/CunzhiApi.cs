using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Analytics;
using Cunzhi.Web.Features.Assessment;
using Cunzhi.Web.Features.Audit;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Features.Reserves;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features;

/// <summary>Registration of every feature's handlers and its <c>/api/v1</c> endpoints.</summary>
public static class CunzhiApi
{
    public const string RegionEditors = Roles.CountyAdmin + "," + Roles.TownAdmin;
    public const string AuditReaders = Roles.CountyAdmin + "," + Roles.DisciplineInspector;

    public static IServiceCollection AddCunzhiFeatures(this IServiceCollection services)
    {
        // The one clock: system time in China business time (Cunzhi:TimeZone), whatever the server's zone.
        Infrastructure.Time.ChinaClock.AddChinaClock(services);
        services.AddScoped<RegionHandlers>();
        services.AddScoped<HouseholdHandlers>();
        services.AddScoped<AuditHandlers>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<Accounts.AccountAdminHandlers>();
        Imports.ImportExportApi.AddImportExport(services);
        services.AddCadres();
        services.AddAnalytics();
        services.AddReserves();
        services.AddTasks();
        services.AddEvaluations();
        Forms.FormsFeature.AddForms(services);
        services.AddAssessment();
        services.AddBurden();
        Ranks.RanksFeature.AddRanks(services);
        Pay.PayFeature.AddPay(services);
        // Every IValidator<T> in this assembly (the DI extensions package is not on our package mirror).
        foreach (var type in typeof(RegionHandlers).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddScoped(contract, type);
        return services;
    }

    public static WebApplication MapCunzhiApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("v1").AddEndpointFilter<Infrastructure.Web.QueryTextFilter>();
        AccountApi.Map(api);

        var secured = api.MapGroup("").RequireAuthorization(SecuritySetup.ApiPolicy);
        var regions = secured.MapGroup("/regions").WithTags("区划");
        regions.MapGet("", async (RegionHandlers h, CancellationToken ct) =>
                await h.RootAsync(ct) is { } root ? (Results<Ok<RegionView>, ProblemHttpResult>)TypedResults.Ok(root) : NotFound(RegionHandlers.NotFoundMessage))
            .WithETag().WithSummary("本账号的管辖区划（根；version 与 ETag 为数据版本）");
        regions.MapGet("/{code}", async (string code, RegionHandlers h, CancellationToken ct) =>
                await h.GetAsync(code, ct) is { } r ? (Results<Ok<RegionView>, ProblemHttpResult>)TypedResults.Ok(r) : NotFound(RegionHandlers.NotFoundMessage))
            .WithETag().WithSummary("区划详情（version 与 ETag 为数据版本）");
        regions.MapGet("/{code}/children", async (string code, string? q, int? page, int? pageSize, RegionHandlers h, CancellationToken ct) =>
                await h.GetAsync(code, ct) is null
                    ? (Results<Ok<Paged<RegionView>>, ProblemHttpResult>)NotFound(RegionHandlers.NotFoundMessage)
                    : TypedResults.Ok(await h.ChildrenAsync(code, q, new PageRequest(page, pageSize), ct)))
            .WithSummary("下级区划（分页，可按名称或代码搜索）");
        regions.MapGet("/{code}/stats", async (string code, RegionHandlers h, CancellationToken ct) =>
                await h.GetAsync(code, ct) is null
                    ? (Results<Ok<RegionStats>, ProblemHttpResult>)NotFound(RegionHandlers.NotFoundMessage)
                    : TypedResults.Ok(await h.StatsAsync(code, ct)))
            .WithSummary("区划内的统计数");
        regions.MapPut("/{code}", async (string code, RenameRegion command, RegionHandlers h, CancellationToken ct) =>
                await h.RenameAsync(code, command, ct) is { } r ? (Results<Ok<RegionView>, ProblemHttpResult>)TypedResults.Ok(r) : NotFound(RegionHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<RenameRegion>>().RequireVersion().RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')))
            .WithSummary("修改区划名称（须带读取时的 version 或 If-Match；数据已被他人修改时 409，两者都未提供时 428）");
        regions.MapPost("/{code}/children", async (string code, CreateChildRegion command, RegionHandlers h, CancellationToken ct) =>
                await h.CreateChildAsync(code, command, ct) is { } r
                    ? (Results<Created<RegionView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/regions/{r.Code}", r)
                    : NotFound(RegionHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<CreateChildRegion>>().RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')))
            .WithSummary("新建下级区划（村民小组、网格自动编号）");
        regions.MapGet("/{code}/households", async (string code, string? q, int? page, int? pageSize, HouseholdHandlers h, RegionHandlers r, CancellationToken ct) =>
                await r.GetAsync(code, ct) is null
                    ? (Results<Ok<Paged<HouseholdRow>>, ProblemHttpResult>)NotFound(RegionHandlers.NotFoundMessage)
                    : TypedResults.Ok(await h.ListAsync(code, q, new PageRequest(page, pageSize), ct)))
            .RequireAuthorization(p => p.RequireRole(HouseholdHandlers.Readers.Split(',')))
            .WithSummary("村内农户（分页，可按户主、户号、成员姓名搜索）");

        regions.MapPost("/{code}/households", async (string code, CreateHousehold command, HouseholdHandlers h, CancellationToken ct) =>
                await h.CreateAsync(code, command, ct) is { } d
                    ? (Results<Created<HouseholdDetail>, ProblemHttpResult>)TypedResults.Created($"/api/v1/households/{d.Household.Id}", d)
                    : NotFound(RegionHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<CreateHousehold>>().RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')))
            .WithSummary("在村内新建农户");

        var households = secured.MapGroup("/households").WithTags("农户").RequireAuthorization(p => p.RequireRole(HouseholdHandlers.Readers.Split(',')));
        households.MapGet("/{id:long}", async (long id, HouseholdHandlers h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } d ? (Results<Ok<HouseholdDetail>, ProblemHttpResult>)TypedResults.Ok(d) : NotFound(HouseholdHandlers.NotFoundMessage))
            .WithETag().WithSummary("农户及其成员（version 与 ETag 为农户本身的数据版本，每个成员另有自己的 version）");
        households.MapPut("/{id:long}", async (long id, UpdateHousehold command, HouseholdHandlers h, CancellationToken ct) =>
                await h.UpdateAsync(id, command, ct) is { } d ? (Results<Ok<HouseholdDetail>, ProblemHttpResult>)TypedResults.Ok(d) : NotFound(HouseholdHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<UpdateHousehold>>().RequireVersion().RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')))
            .WithSummary("修改农户信息（须带读取时的 version 或 If-Match；数据已被他人修改时 409，两者都未提供时 428）");

        households.MapPost("/{id:long}/residents", async (long id, SaveResident command, HouseholdHandlers h, CancellationToken ct) =>
                await h.AddResidentAsync(id, command, ct) is { } d ? (Results<Ok<HouseholdDetail>, ProblemHttpResult>)TypedResults.Ok(d) : NotFound(HouseholdHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<SaveResident>>().RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')))
            .WithSummary("添加家庭成员");
        var residents = secured.MapGroup("/residents").WithTags("农户").RequireAuthorization(p => p.RequireRole(RegionEditors.Split(',')));
        residents.MapPut("/{id:long}", async (long id, SaveResident command, HouseholdHandlers h, HttpContext http, CancellationToken ct) =>
            {
                if (await h.UpdateResidentAsync(id, command, ct) is not { } d) return (Results<Ok<HouseholdDetail>, ProblemHttpResult>)NotFound(HouseholdHandlers.NotFoundMessage);
                // The answer is the whole household, but the ETag names what this route edits: the member's version.
                http.Response.Headers.ETag = VersionedApi.ETagOf(d.Residents.Single(r => r.Id == id).Version);
                return TypedResults.Ok(d);
            })
            .AddEndpointFilter<Validate<SaveResident>>().RequireVersion()
            .WithSummary("修改家庭成员（须带该成员读取时的 version 或 If-Match，见农户详情中成员的 version；数据已被他人修改时 409，两者都未提供时 428）");
        residents.MapDelete("/{id:long}", async (long id, HouseholdHandlers h, CancellationToken ct) =>
                await h.RemoveResidentAsync(id, ct) is { } d ? (Results<Ok<HouseholdDetail>, ProblemHttpResult>)TypedResults.Ok(d) : NotFound(HouseholdHandlers.NotFoundMessage))
            .WithSummary("移除家庭成员");

        Accounts.AccountsApi.Map(secured);
        Imports.ImportExportApi.Map(secured);
        Cadres.CadresApi.Map(secured);
        Analytics.AnalyticsFeature.MapAnalytics(secured);
        Reserves.ReservesFeature.MapReserves(secured);
        Tasks.TasksFeature.MapTasks(secured);
        Evaluations.EvaluationsFeature.MapEvaluations(secured);
        Forms.FormsFeature.MapForms(secured);
        AssessmentFeature.MapAssessment(secured);
        BurdenFeature.MapBurden(secured);
        Ranks.RanksFeature.MapRanks(secured);
        Pay.PayFeature.MapPay(secured);

        var audit = secured.MapGroup("/audit").WithTags("操作日志").RequireAuthorization(p => p.RequireRole(AuditReaders.Split(',')));
        audit.MapGet("", async (string? user, string? entity, DateOnly? from, DateOnly? to, string? region, int? page, int? pageSize, AuditHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.SearchAsync(new AuditFilter(user, entity, from, to, region), new PageRequest(page, pageSize), ct)))
            .WithSummary("查询操作日志（本辖区）");
        audit.MapGet("/verify", async (AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VerifyAsync(ct)))
            .WithSummary("校验操作日志哈希链");
        audit.MapGet("/head", async (AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.HeadAsync(ct)))
            .WithSummary("操作日志链头（序号与密钥哈希），供在库外留存、日后比对");
        return app;
    }

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: detail);

    /// <summary>Prints where the site listens and, in Development, the demo accounts.</summary>
    public static void PrintBannerOnStart(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"村治 Cunzhi 已启动：{string.Join("  ", addresses)}   （数据库：{app.Services.GetRequiredService<DatabaseInfo>().Provider}）");
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnStart", false))
        {
            Console.WriteLine($"演示账号（密码均为 {DemoOptions.FromConfiguration(app.Configuration).DemoPassword}，仅限开发环境）：");
            foreach (var a in DemoSeeder.DemoAccounts)
                Console.WriteLine($"  {a.UserName,-16} {Roles.DisplayName(a.Role),-8} {a.DisplayName}");
        }
        Console.WriteLine();
    });
}
