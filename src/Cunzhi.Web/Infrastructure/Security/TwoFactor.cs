using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Two-factor sign-in (TOTP authenticator apps) and the rule that county roles must use it
/// (SPEC §9). Which roles must is configuration, <c>Security:RequireTwoFactorRoles</c>
/// (comma-separated); by default every county-level role outside Development.
/// </summary>
public sealed class TwoFactorPolicy(IConfiguration config, IHostEnvironment env)
{
    public static readonly string[] CountyRoles = [Roles.CountyAdmin, Roles.CoordinationOffice, Roles.Department, Roles.DisciplineInspector, Roles.ProvinceViewer];

    public IReadOnlyList<string> RequiredRoles { get; } =
        config["Security:RequireTwoFactorRoles"] is { } configured
            ? configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : env.IsDevelopment() ? [] : CountyRoles;

    /// <summary>A rule about roles, not a capability: configuration names the roles that must use two-factor sign-in.</summary>
    public bool IsRequiredFor(ClaimsPrincipal user) => IsRequiredFor(user.Roles());

    /// <summary>True when any of the account's roles must use two-factor sign-in.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RequiredRoles.Contains);

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("村治")}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString("村治")}&digits=6";

    /// <summary>The QR code as a PNG data URI (no image files, nothing sent elsewhere).</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>The shared key in groups of four, as people type it.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}

/// <summary>
/// Sends a signed-in account whose role requires two-factor sign-in, but which has not set it up,
/// to its profile page until it does. (The token endpoint refuses such an account, see
/// <see cref="CunzhiSignInManager"/>; once two-factor sign-in is on, API tokens need the code.)
/// The user manager (with its stores, validators and token providers) is resolved only for an account whose role
/// requires two-factor sign-in, not on every page request (the filter is built per request).
/// </summary>
public sealed class RequireTwoFactorSetupFilter(TwoFactorPolicy policy) : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Account/Profile", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Error", "/Account/AccessDenied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && !Allowed.Contains(page) && policy.IsRequiredFor(user)
            && await context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>().GetUserAsync(user) is { TwoFactorEnabled: false })
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/Account/Profile?setup2fa=1");
            return;
        }
        await next();
    }
}
