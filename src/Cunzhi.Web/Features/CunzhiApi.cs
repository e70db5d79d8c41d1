using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features;

/// <summary>
/// The composition root of the features: every <see cref="IFeatureModule"/> registers its services and maps its
/// endpoints here, found by type; shared answers (<see cref="NotFound"/>) live here too.
/// </summary>
public static class CunzhiApi
{

    public static IServiceCollection AddCunzhiFeatures(this IServiceCollection services)
    {
        // The one clock: system time in China business time (Cunzhi:TimeZone), whatever the server's zone.
        Infrastructure.Time.ChinaClock.AddChinaClock(services);
        foreach (var module in FeatureModules.All) module.AddServices(services);
        // Every IValidator<T> in this assembly (the DI extensions package is not on our package mirror).
        foreach (var type in FeatureModules.Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddScoped(contract, type);
        return services;
    }

    /// <summary>Maps every module's endpoints under <c>/api/v1</c>, each in groups tagged with its module.</summary>
    public static WebApplication MapCunzhiApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("v1").AddEndpointFilter<Infrastructure.Web.QueryTextFilter>();
        foreach (var module in FeatureModules.All)
        {
            var open = api.MapGroup("").WithMetadata(new FeatureModuleTag(FeatureModules.NameOf(module)));
            module.MapEndpoints(new ApiRoutes(open, open.MapGroup("").RequireAuthorization(SecuritySetup.ApiPolicy)));
        }
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
