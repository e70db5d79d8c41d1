using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Identity with two ways in: the cookie for pages (30-minute idle timeout) and bearer tokens for
/// <c>/api/v1</c>. A policy scheme picks the bearer handler when an Authorization header is sent,
/// so <c>HttpContext.User</c> — and with it the region scope — is known for both.
/// </summary>
public static class SecuritySetup
{
    public const string SmartScheme = "Cunzhi.Smart";
    public const string ApiPolicy = "Api";

    public static WebApplicationBuilder AddCunzhiSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<CunzhiSignInManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<CunzhiClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = SessionGuard.OnMessageReceived)
            .AddIdentityCookies();

        // Revocation (issue #15): short access tokens, each checked against the account's stamp, lock and roles
        // at most a minute stale (SessionGuard); cookies the same way through Identity's stamp validator.
        Time.ChinaClock.AddChinaClock(services); // the session checks run on the business clock too (also registered by AddCunzhiFeatures)
        services.AddSingleton(sp => SessionSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SessionGuard>();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IConfiguration>((o, config) =>
        {
            var settings = SessionSettings.From(config);
            o.BearerTokenExpiration = settings.AccessTokenLifetime;
            o.RefreshTokenExpiration = settings.RefreshTokenLifetime;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, config) =>
            o.ValidationInterval = SessionSettings.From(config).ValidationInterval);
        // Identity's cookie check, built only when due and not repeated for a cookie resent unchanged (CookieSessionValidator).
        services.Replace(ServiceDescriptor.Singleton<ISecurityStampValidator, CookieSessionValidator>());

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30); // idle timeout
            o.SlidingExpiration = true;
            o.Cookie.Name = "cunzhi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            var toLogin = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                context.RedirectUri = LoginRedirects.WithoutPersonalData(context.RedirectUri);
                return toLogin(context);
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(PersonalDataGrant.RevealPolicy, p => p.RequireClaim(PersonalDataGrant.Claim, PersonalDataGrant.RevealPersonalData))
            .AddPermissionPolicies();
        services.AddSingleton(sp => PersonalDataProtector.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddSingleton<TwoFactorPolicy>();
        return builder;
    }
}

/// <summary>Adds the region and display name to every principal (cookie and bearer).</summary>
public sealed class CunzhiClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CunzhiClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(CunzhiClaims.DisplayName, user.DisplayName));
        if (user.CanRevealPersonalData) identity.AddClaim(new Claim(PersonalDataGrant.Claim, PersonalDataGrant.RevealPersonalData));
        return identity;
    }
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败，请稍后再试" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "密码不正确" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 个字符" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码必须包含数字" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码必须包含小写字母" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码必须包含大写字母" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码必须包含符号" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少需要 {uniqueChars} 个不同字符" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"账号 {userName} 已存在" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"账号名 {userName} 无效：只能使用字母、数字和 . _ - @" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色 {role} 已存在" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"账号已属于角色 {role}" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该账号未启用锁定" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
}
