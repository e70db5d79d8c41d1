using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cunzhi.Web.Features;

/// <summary>Sign-in for API clients; accounts with two-factor sign-in also send the authenticator code (or a recovery code).</summary>
public sealed record TokenRequest(string UserName, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ProfileView(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleNames, string RegionCode, string? RegionName);

/// <summary>
/// Sign-in outcomes go into the audit chain: who, from where, success or why not. A user name that matches no account
/// has no region of its own: it is filed under the deployment's root region (<see cref="AuditRegions.RootAsync"/>,
/// <c>Security:UnknownSignInRegion</c>), so the county's auditors see guessing at account names.
/// </summary>
public sealed class SignInAudit(AppDbContext db, IConfiguration config)
{
    public async Task RecordAsync(string userName, SignInResult result, string? regionCode, string channel)
    {
        var action = result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed;
        var reason = result.Succeeded ? "成功" : result is TwoFactorSetupRequiredResult ? "未设置两步验证" : result.IsLockedOut ? "账号已锁定" : result.IsNotAllowed ? "账号不允许登录"
            : string.IsNullOrEmpty(regionCode) ? "账号不存在" : "账号或密码错误";
        if (string.IsNullOrEmpty(regionCode)) regionCode = await AuditRegions.RootAsync(db, config);
        if (userName.Length > 200) userName = userName[..200]; // the entry's key column; whatever was typed, it is recorded
        db.RecordEvent(action, "Account", userName, regionCode, System.Text.Json.JsonSerializer.Serialize(new { channel, reason }, AuditCapture.Json));
        await db.SaveChangesAsync();
    }

    public async Task<string?> RegionOfAsync(string userName) =>
        await db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => u.RegionCode).FirstOrDefaultAsync();
}

/// <summary>Sign-in, two-factor, profile and tokens of the acting account (the /Account pages; account administration is Features/Accounts).</summary>
public sealed class SignInModule : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<SignInAudit>();

    public void MapEndpoints(ApiRoutes routes)
    {
        var api = routes.Open;
        var auth = api.MapGroup("/auth").WithTags("认证").AllowAnonymous();
        auth.MapPost("/token", Token)
            .WithSummary("用账号密码换取访问令牌（accessToken 默认 10 分钟有效，可用 refreshToken 续期；须使用两步验证的角色未设置时拒绝，403）");

        auth.MapPost("/refresh", Refresh)
            .WithSummary("用 refreshToken 换取新令牌（账号被停用、锁定、改密、改角色或退出登录后失效）");

        api.MapPost("/auth/logout", Logout)
            .RequireAuthorization(SecuritySetup.ApiPolicy).WithTags("认证")
            .WithSummary("退出登录：本账号的所有令牌和网页登录都将失效");

        api.MapGet("/me", Me)
            .RequireAuthorization(SecuritySetup.ApiPolicy).WithTags("账号").WithSummary("当前账号的资料");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Token(TokenRequest request, SignInManager<AppUser> signIn, SignInAudit audit,
        UserManager<AppUser> users, TwoFactorPolicy twoFactor)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(request.TwoFactorCode))
                result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", ""), isPersistent: false, rememberClient: false);
            else if (!string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.TwoFactorRecoveryCode.Replace(" ", ""));
        }
        await audit.RecordAsync(request.UserName ?? "", result, await audit.RegionOfAsync(request.UserName ?? ""), "api");
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        if (result is TwoFactorSetupRequiredResult)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "须先设置两步验证", detail: TwoFactorSetupRequiredResult.Message);
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "登录失败",
            detail: result.IsLockedOut ? "连续 5 次密码错误，账号已锁定 15 分钟"
                : result.RequiresTwoFactor ? "该账号已启用两步验证：请同时提交 twoFactorCode（验证器中的 6 位数字）"
                : "账号或密码错误");
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, SignInAudit audit)
    {
        var manager = (CunzhiSignInManager)signIn;
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken ?? "");
        // Stamp, lock and roles as of now: a refresh token ends with the account's sessions (issue #15).
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires ||
            await manager.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        if (await manager.LacksRequiredTwoFactorAsync(user))
        {
            await audit.RecordAsync(user.UserName!, TwoFactorSetupRequiredResult.Instance, user.RegionCode, "api-refresh");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "须先设置两步验证", detail: TwoFactorSetupRequiredResult.Message);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static async Task<NoContent> Logout(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            db.RecordEvent(AuditActions.SignOut, "Account", user.UserName!, user.RegionCode, System.Text.Json.JsonSerializer.Serialize(new { channel = "api" }, AuditCapture.Json));
            // A new stamp ends every session and token of the account, this one included (one save with the audit entry).
            await users.UpdateSecurityStampAsync(user);
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ProfileView>, NotFound>> Me(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.NotFound();
        var roles = (await users.GetRolesAsync(user)).Order().ToList();
        var regionName = await db.Regions.Where(r => r.Code == user.RegionCode).Select(r => r.Name).FirstOrDefaultAsync();
        return TypedResults.Ok(new ProfileView(user.UserName!, user.DisplayName, roles, roles.Select(Roles.DisplayName).ToList(), user.RegionCode, regionName));
    }
}
