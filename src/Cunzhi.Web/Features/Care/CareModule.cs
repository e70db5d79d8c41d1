using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Care;

/// <summary>关爱: accident insurance policies, yearly health checks and their coverage per town and village under <c>/api/v1/care</c>.</summary>
public sealed partial class CareModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<InsurancePolicies>();
        services.AddScoped<HealthChecks>();
        services.AddScoped<CareCoverageReports>();
        services.AddScoped<CadreCareSummaries>();
        RecognitionModule.AddServices(services);
        AddDegreeServices(services);
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        MapDegrees(routes);
        var g = routes.Secured.MapGroup("/care").WithTags("关爱");
        g.MapGet("/policies", Policies).RequireAuthorization(Permissions.CareRead)
            .WithSummary("意外保险保单（止期最晚的在前；expiring=true 只看 30 天内到期的；乡镇、村也看到覆盖本辖区干部的县级保单；分页）");
        g.MapPost("/policies", CreatePolicy).AddEndpointFilter<Validate<CreatePolicy>>().RequireAuthorization(Permissions.CareEdit)
            .WithSummary("登记保单：保险公司、保单号、起止日期、被保险干部（cadreIds，和/或 regions：这些村或乡镇的全部在任干部）；不在任或不在辖区的干部拒绝");
        g.MapGet("/policies/{id:long}", Policy).RequireAuthorization(Permissions.CareRead).WithSummary("某份保单");
        g.MapGet("/health-checks", Checks).RequireAuthorization(Permissions.CareRead)
            .WithSummary("某年（默认今年）已登记的体检（village 筛选；只有日期和组织单位，不存任何体检结果；分页）");
        g.MapPost("/health-checks", RecordCheck).AddEndpointFilter<Validate<RecordHealthCheck>>().RequireAuthorization(Permissions.CareEdit)
            .WithSummary("登记某干部本年度已体检：日期（不晚于今天）、组织单位；同一干部同一年只登记一次");
        g.MapGet("/coverage", Coverage).RequireAuthorization(Permissions.CareRead)
            .WithSummary("保险与体检覆盖逐级下钻：在任干部中今日在保、本年已体检的人数和比例；县按乡镇，乡镇按村");
        g.MapGet("/coverage/export", Export).RequireAuthorization(Permissions.CareRead)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出保险与体检覆盖 .xlsx（region：县、乡镇或村，默认本辖区）");
        RecognitionModule.MapEndpoints(g);
    }

    private const string RegionNotFound = "未找到该区划，或其不在您的管辖范围内";

    public static async Task<Ok<Paged<PolicyView>>> Policies(bool? expiring, int? page, int? pageSize, InsurancePolicies h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(expiring == true, new PageRequest(page, pageSize), ct));

    public static async Task<Created<PolicyView>> CreatePolicy(CreatePolicy command, InsurancePolicies h, CancellationToken ct)
    {
        var policy = await h.CreateAsync(command, ct);
        return TypedResults.Created($"/api/v1/care/policies/{policy.Id}", policy);
    }

    public static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> Policy(long id, InsurancePolicies h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : CunzhiApi.NotFound(InsurancePolicies.NotFound);

    public static async Task<Ok<Paged<HealthCheckView>>> Checks(int? year, string? village, int? page, int? pageSize, HealthChecks h, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(year is { } y ? InputRange.Year(y) : Infrastructure.Time.ChinaTime.Today(clock).Year, village, new PageRequest(page, pageSize), ct));

    public static async Task<Created<HealthCheckView>> RecordCheck(RecordHealthCheck command, HealthChecks h, CancellationToken ct)
    {
        var check = await h.RecordAsync(command, ct);
        return TypedResults.Created($"/api/v1/care/health-checks?year={check.Year}&village={check.VillageCode}", check);
    }

    public static async Task<Results<Ok<CareReport>, ProblemHttpResult>> Coverage(string? region, int? page, int? pageSize, CareCoverageReports h, CancellationToken ct) =>
        await h.RegionAsync(region, new PageRequest(page, pageSize), ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(RegionNotFound);

    public static async Task<IResult> Export(string? region, CareCoverageReports h, CancellationToken ct) =>
        await h.ExportAsync(region, ct) is { } file ? file : CunzhiApi.NotFound(RegionNotFound);
}
