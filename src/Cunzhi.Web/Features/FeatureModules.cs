using System.Reflection;

namespace Cunzhi.Web.Features;

/// <summary>
/// One area of the platform (cadres, pay, burden, …): it registers the area's services and maps the area's
/// <c>/api/v1</c> endpoints, and nothing about the area is registered anywhere else. The composition root finds every
/// module in this assembly (<see cref="FeatureModules"/>), so adding an area means adding its folder with one module;
/// no central list is edited. Pages need no registration: Razor Pages finds them under Features/.
/// </summary>
public interface IFeatureModule
{
    /// <summary>The area's handlers, importers and background jobs.</summary>
    void AddServices(IServiceCollection services);

    /// <summary>The area's endpoints: a short route table pointing at named handlers.</summary>
    void MapEndpoints(ApiRoutes routes);
}

/// <summary>
/// The groups a module maps onto. <see cref="Secured"/> requires a signed-in API client (bearer token);
/// <see cref="Open"/> is for the few endpoints that must work without one (sign-in, the ballot).
/// </summary>
public sealed record ApiRoutes(RouteGroupBuilder Open, RouteGroupBuilder Secured);

/// <summary>Marks each endpoint with the module that mapped it (the convention test finds endpoints mapped outside one).</summary>
public sealed record FeatureModuleTag(string Module);

/// <summary>Finds the modules: every concrete <see cref="IFeatureModule"/> in this assembly, in name order.</summary>
public static class FeatureModules
{
    public static IReadOnlyList<IFeatureModule> All { get; } = typeof(IFeatureModule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFeatureModule)(t.GetConstructor(Type.EmptyTypes)?.Invoke(null)
            ?? throw new InvalidOperationException($"{t.Name}: a feature module needs a constructor without parameters")))
        .ToList();

    /// <summary>The area a module serves, from its type name (<c>PayModule</c> → <c>Pay</c>).</summary>
    public static string NameOf(IFeatureModule module) => module.GetType().Name is var n && n.EndsWith("Module", StringComparison.Ordinal) ? n[..^6] : module.GetType().Name;

    internal static IEnumerable<Type> Types => All.Select(m => m.GetType());

    internal static Assembly Assembly => typeof(IFeatureModule).Assembly;
}
