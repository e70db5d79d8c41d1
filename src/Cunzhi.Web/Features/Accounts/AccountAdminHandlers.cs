using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Accounts;

/// <summary>An account; <see cref="Version"/> is what an edit must send back (<c>version</c> or <c>If-Match</c>).</summary>
public sealed record AccountRow(string Id, string UserName, string DisplayName, string? Role, string RoleName, string RegionCode, string? RegionName, bool Locked, int Version) : IVersionedView;

public sealed record CreateAccount(string UserName, string DisplayName, string Role, string RegionCode, string Password);

/// <summary>Locked absent (null) leaves the account's lock as it is.</summary>
public sealed record UpdateAccount(string DisplayName, bool? Locked = null) : IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="AccountRow.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed record ResetPassword(string Password);

/// <summary>Identity's password rules, as validation errors with Chinese messages.</summary>
internal static class PasswordRules
{
    public static IRuleBuilderOptionsConditions<T, string> MeetsPasswordRules<T>(this IRuleBuilder<T, string> rule, UserManager<AppUser> users) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            if (string.IsNullOrEmpty(password)) return;
            foreach (var validator in users.PasswordValidators)
                foreach (var e in (await validator.ValidateAsync(users, new AppUser(), password)).Errors)
                    context.AddFailure(e.Description);
        });
}

public sealed class CreateAccountValidator : AbstractValidator<CreateAccount>
{
    public CreateAccountValidator(UserManager<AppUser> users)
    {
        RuleFor(c => c.Password).MeetsPasswordRules(users);
        RuleFor(c => c.UserName).NotEmpty().WithMessage("请填写账号")
            .Matches("^[A-Za-z0-9._@-]{3,64}$").WithMessage("账号只能使用 3–64 位字母、数字和 . _ - @");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("请填写名称").MaximumLength(60).WithMessage("名称不能超过 60 个字");
        RuleFor(c => c.Role).Must(r => Roles.All.Contains(r)).WithMessage("请选择角色");
        RuleFor(c => c.RegionCode).Must(c => RegionCodes.LevelOf(c) is not null).WithMessage("请选择管辖区划");
        RuleFor(c => c.Password).NotEmpty().WithMessage("请设置初始密码");
    }
}

public sealed class UpdateAccountValidator : AbstractValidator<UpdateAccount>
{
    public UpdateAccountValidator() =>
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("请填写名称").MaximumLength(60).WithMessage("名称不能超过 60 个字");
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(UserManager<AppUser> users)
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage("请填写新密码");
        RuleFor(c => c.Password).MeetsPasswordRules(users);
    }
}

/// <summary>
/// Account management for county and town admins. Identity must find any account by name to sign
/// it in, so accounts carry no context-wide query filter; instead every query here starts from
/// <see cref="InScope"/> and every change checks the target with <see cref="UserContext.Allows"/>.
/// </summary>
public sealed class AccountAdminHandlers(AppDbContext db, UserManager<AppUser> users, IHttpContextAccessor http)
{
    public const string NotFoundMessage = "未找到该账号，或它不在您的管理范围内";

    private ClaimsPrincipal Actor => http.HttpContext!.User;

    public IReadOnlyList<string> GrantableRoles => Roles.Grantable(Actor.Roles());

    private IQueryable<AppUser> InScope() => db.Users.Where(u => u.RegionCode.StartsWith(db.User.ScopePrefix));

    private IQueryable<AccountRow> Rows(IQueryable<AppUser> q) => q.Select(u => new AccountRow(
        u.Id, u.UserName!, u.DisplayName,
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
        "", u.RegionCode,
        db.Regions.Where(r => r.Code == u.RegionCode).Select(r => r.Name).FirstOrDefault(),
        u.LockoutEnd != null && u.LockoutEnd > DateTimeOffset.UtcNow, u.RowVersion));

    private static AccountRow Named(AccountRow a) => a with { RoleName = a.Role is null ? "" : Roles.DisplayName(a.Role) };

    public async Task<Paged<AccountRow>> ListAsync(string? search, string? role, PageRequest page, CancellationToken ct = default)
    {
        var q = InScope();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        if (!string.IsNullOrWhiteSpace(role))
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        var result = await Rows(q.OrderBy(u => u.RegionCode).ThenBy(u => u.UserName)).ToPagedAsync(page, ct);
        return result with { Items = result.Items.Select(Named).ToList() };
    }

    public async Task<AccountRow?> GetAsync(string id, CancellationToken ct = default)
    {
        var row = await Rows(InScope().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? null : Named(row);
    }

    /// <summary>Regions the actor may bind a new account to, for the role's level.</summary>
    public Task<List<Regions.RegionView>> BindableRegionsAsync(CancellationToken ct = default) =>
        db.Regions.Where(r => r.Level <= RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new Regions.RegionView(r.Code, r.Name, r.Level, "", r.ParentCode, 0)).ToListAsync(ct);

    public async Task<AccountRow> CreateAsync(CreateAccount c, CancellationToken ct = default)
    {
        if (!GrantableRoles.Contains(c.Role)) throw new RuleException($"您不能创建{Roles.DisplayName(c.Role)}账号");
        if (Roles.BindingError(c.Role, RegionCodes.LevelOf(c.RegionCode)) is { } bindingError) throw new RuleException(bindingError);
        if (!await db.Regions.AnyAsync(r => r.Code == c.RegionCode, ct)) throw new RuleException("所选区划不存在或不在您的管辖范围内");
        if (await users.FindByNameAsync(c.UserName.Trim()) is not null) throw new RuleException("accounts.user_name_taken", nameof(c.UserName), $"账号 {c.UserName.Trim()} 已存在");

        // Creating the user and granting the role are two Identity saves: one transaction keeps them whole.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = c.UserName.Trim(), DisplayName = c.DisplayName.Trim(), RegionCode = c.RegionCode, CreatedAtUtc = DateTime.UtcNow, EmailConfirmed = true };
        Check(await users.CreateAsync(user, c.Password));
        Check(await users.AddToRoleAsync(user, c.Role));
        await tx.CommitAsync(ct);
        return (await GetAsync(user.Id, ct))!;
    }

    private async Task<AppUser?> ManageableAsync(string id)
    {
        var user = await InScope().FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(r => !GrantableRoles.Contains(r))) throw new RuleException("您不能管理该角色的账号");
        return user;
    }

    public async Task<AccountRow?> UpdateAsync(string id, UpdateAccount c, CancellationToken ct = default)
    {
        if (await ManageableAsync(id) is not { } user) return null;
        if (user.Id == Actor.FindFirstValue(ClaimTypes.NameIdentifier) && c.Locked == true) throw new RuleException("不能锁定自己的账号");
        db.ExpectVersion(user, c.Version);
        user.DisplayName = c.DisplayName.Trim();
        if (c.Locked is { } locked)
        {
            user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
            if (!locked) user.AccessFailedCount = 0;
        }
        // Disabling ends the account's sessions and tokens: a new stamp (saved with the rest) on top of the lock check.
        Check(c.Locked == true ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
        return await GetAsync(id, ct);
    }

    public async Task<AccountRow?> ResetPasswordAsync(string id, ResetPassword c, CancellationToken ct = default)
    {
        if (await ManageableAsync(id) is not { } user) return null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, c.Password));
        return await GetAsync(id, ct);
    }

    private static void Check(IdentityResult result)
    {
        // Identity's store catches the failed UPDATE (the version or its own stamp moved on) and reports it as an error: a stale edit.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new DbUpdateConcurrencyException(ConcurrencyVersions.StaleMessage);
        // Each Identity error is its own problem, under the form field it concerns (PasswordTooShort → Password).
        if (!result.Succeeded)
            throw new RuleException(result.Errors.Select(e => new RuleProblem("identity." + e.Code, IdentityField(e.Code), e.Description)));
    }

    private static string? IdentityField(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        _ when code.EndsWith("UserName", StringComparison.Ordinal) => "UserName",
        _ => null,
    };
}
