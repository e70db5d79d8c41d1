using System.Collections.Concurrent;
using System.Security.Claims;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// How long sessions and tokens live and how stale their check may be (issue #15: locking, disabling,
/// a password or role change and signing out end every session and token within a minute).
/// Configuration: <c>Security:StampValidationSeconds</c> (default 60), <c>Security:AccessTokenMinutes</c>
/// (default 10), <c>Security:RefreshTokenHours</c> (default 24).
/// </summary>
public sealed record SessionSettings(TimeSpan ValidationInterval, TimeSpan AccessTokenLifetime, TimeSpan RefreshTokenLifetime)
{
    public static SessionSettings From(IConfiguration config) => new(
        TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Security:StampValidationSeconds", 60), 0, 60)),
        TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Security:AccessTokenMinutes", 10), 1, 60)),
        TimeSpan.FromHours(Math.Clamp(config.GetValue("Security:RefreshTokenHours", 24), 1, 24 * 14)));
}

/// <summary>
/// Refused by the token endpoint: the account's role must use two-factor sign-in and it has not set it up
/// (the pages send such an account to 我的账号 first; the API has no page to send it to).
/// </summary>
public sealed class TwoFactorSetupRequiredResult : Microsoft.AspNetCore.Identity.SignInResult
{
    public const string Message = "该账号必须先在网页“我的账号”中设置两步验证，才能使用接口";
    public static readonly TwoFactorSetupRequiredResult Instance = new();
    private TwoFactorSetupRequiredResult() => IsNotAllowed = true;
}

/// <summary>
/// Identity's sign-in manager with the platform's session rules. A session (cookie, access or refresh
/// token) is current only while the account exists, its security stamp is the one the session was issued
/// with, it is not disabled by an administrator (whether or not the stamp changed),
/// and it holds the roles the session names. Cookies check this through Identity's security-stamp validator,
/// bearer tokens through <see cref="SessionGuard"/>, refresh directly.
/// </summary>
public sealed class CunzhiSignInManager(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, TwoFactorPolicy twoFactor, TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        if (await base.ValidateSecurityStampAsync(principal) is not { } user) return null;
        if (IsDisabledOrLockedOut(user)) return null;
        var roles = (await UserManager.GetRolesAsync(user)).Order(StringComparer.Ordinal);
        var claimed = principal!.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        return roles.SequenceEqual(claimed) ? user : null;
    }

    /// <summary>
    /// Locked by an administrator (停用 sets the lockout end to the end of time; the year test survives PostgreSQL's
    /// microsecond rounding of <see cref="DateTimeOffset.MaxValue"/>). A temporary lockout after five wrong passwords
    /// refuses new sign-ins but does not end sessions already open: otherwise anyone who knows a user name could sign
    /// that account out for 15 minutes at will.
    /// </summary>
    public bool IsDisabledOrLockedOut(AppUser user) => user.LockoutEnd is { } end && end.UtcDateTime.Year >= 9999 && end > clock.GetUtcNow();

    /// <summary>True when the account's role must use two-factor sign-in and it has not set it up.</summary>
    public async Task<bool> LacksRequiredTwoFactorAsync(AppUser user) =>
        !user.TwoFactorEnabled && twoFactor.RequiredRoles.Count > 0 && twoFactor.IsRequiredFor(await UserManager.GetRolesAsync(user));

    /// <summary>Current for API use: a current session whose account may use the API (two-factor sign-in set up where required).</summary>
    public async Task<AppUser?> ValidateApiSessionAsync(ClaimsPrincipal principal) =>
        await ValidateSecurityStampAsync(principal) is { } user && !await LacksRequiredTwoFactorAsync(user) ? user : null;

    protected override async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInOrTwoFactorAsync(AppUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        // Issue #15: the token endpoint must not hand a token to an account that the pages would hold at 我的账号.
        if (AuthenticationScheme == IdentityConstants.BearerScheme && await LacksRequiredTwoFactorAsync(user))
            return TwoFactorSetupRequiredResult.Instance;
        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }
}

/// <summary>
/// Checks every bearer token against the account's current state, at most
/// <see cref="SessionSettings.ValidationInterval"/> stale: a token issued before a lock, a password or role
/// change or a sign-out stops working within that interval, not at its expiry. The answer is cached per
/// account and security stamp, on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed class SessionGuard(TimeProvider clock, SessionSettings settings)
{
    private readonly ConcurrentDictionary<(string User, string Stamp, string Roles), (bool Current, DateTimeOffset CheckedAt)> _checked = new();

    /// <remarks>
    /// The sign-in manager (with its user manager, stores and data context) is resolved from <paramref name="services"/>
    /// only when the cached answer is missing or stale, not for every API request.
    /// </remarks>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var key = (principal.FindFirstValue(identity.UserIdClaimType) ?? "", principal.FindFirstValue(identity.SecurityStampClaimType) ?? "",
            string.Join(',', principal.FindAll(identity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)));
        var now = clock.GetUtcNow();
        if (settings.ValidationInterval > TimeSpan.Zero && _checked.TryGetValue(key, out var seen) && now - seen.CheckedAt < settings.ValidationInterval)
            return seen.Current;
        var signIn = (CunzhiSignInManager)services.GetRequiredService<SignInManager<AppUser>>();
        var current = await signIn.ValidateApiSessionAsync(principal) is not null;
        if (settings.ValidationInterval > TimeSpan.Zero)
        {
            if (_checked.Count > 10_000)
                foreach (var stale in _checked.Where(e => now - e.Value.CheckedAt >= settings.ValidationInterval).ToList())
                    _checked.TryRemove(stale);
            _checked[key] = (current, now);
        }
        return current;
    }

    /// <summary>
    /// The bearer scheme's hook: a token that is no longer current fails authentication (401). A current token that has
    /// not expired is accepted here with the ticket just read, so the handler does not decrypt the token a second time;
    /// anything else (expired, unreadable) is left to the handler, which refuses it.
    /// </summary>
    public static async Task OnMessageReceived(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Principal is not { } principal) return; // the handler refuses it
        var services = context.HttpContext.RequestServices;
        if (!await services.GetRequiredService<SessionGuard>().IsCurrentAsync(principal, services))
        {
            context.Fail("会话已失效，请重新登录");
            return;
        }
        // The handler's own expiry test, on the scheme's clock.
        var now = (context.Options.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        if (ticket.Properties.ExpiresUtc is not { } expires || now >= expires) return;
        context.Principal = principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}

/// <summary>
/// The cookie's security-stamp check (Identity's <see cref="SecurityStampValidator{TUser}"/>), with two savings and the
/// same rule: a session is checked against the account at most <see cref="SessionSettings.ValidationInterval"/> stale.
/// <list type="bullet">
/// <item>Identity's validator is built, with the sign-in manager, user and role managers and their stores and token
/// providers, only when a check is due, not on every page request (a singleton here).</item>
/// <item>A cookie sent again unchanged after its renewal (several requests in flight, a script or a load generator that
/// keeps the sign-in cookie) is not checked against the database on every request once it is a minute old: the answer
/// for that very principal (account, stamp, roles and every other claim) checked less than the interval ago stands, as
/// <see cref="SessionGuard"/> does for bearer tokens. Only a positive answer is kept, and only when the check rebuilt the
/// same claims (a changed region or name is picked up at the next check, a minute at most after the change); a refused
/// cookie goes through Identity's path every time (rejected and signed out).</item>
/// </list>
/// With an interval of zero every request is checked, as before.
/// </summary>
public sealed class CookieSessionValidator(IOptions<SecurityStampValidatorOptions> options, TimeProvider clock) : ISecurityStampValidator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _checked = new(StringComparer.Ordinal);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var interval = options.Value.ValidationInterval;
        var now = (options.Value.TimeProvider ?? clock).GetUtcNow();
        // Not due (Identity's own test): the cookie was issued or renewed within the interval.
        if (context.Properties.IssuedUtc is { } issued && now - issued <= interval) return;
        var key = context.Principal is { } p ? Key(p) : null;
        if (key is not null && interval > TimeSpan.Zero && _checked.TryGetValue(key, out var at) && now - at < interval) return;
        var identity = ActivatorUtilities.CreateInstance<SecurityStampValidator<AppUser>>(context.HttpContext.RequestServices);
        await identity.ValidateAsync(context);
        if (key is null || interval <= TimeSpan.Zero || context.Principal is null || Key(context.Principal) != key) return;
        if (_checked.Count > 10_000)
            foreach (var stale in _checked.Where(e => now - e.Value >= interval).ToList())
                _checked.TryRemove(stale);
        _checked[key] = now;
    }

    /// <summary>Every claim of the principal but the sign-in method (Identity's rebuilt principal does not carry it).</summary>
    private static string Key(ClaimsPrincipal principal) =>
        string.Join('\n', principal.Claims.Where(c => c.Type != "amr").Select(c => c.Type + "\u001f" + c.Value).Order(StringComparer.Ordinal));
}
