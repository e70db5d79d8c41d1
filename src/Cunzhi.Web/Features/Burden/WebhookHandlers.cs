using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

public sealed record WebhookView(long Id, string RegionCode, RobotKind Kind, string Host, bool HasSecret, bool Enabled, string UpdatedBy, DateTime UpdatedAtUtc);

/// <summary>Sets the account's own county's or town's robot of one kind (a second save replaces it).</summary>
public sealed record SaveWebhook(RobotKind Kind, string Url, string? Secret, bool Enabled = true);

public sealed class SaveWebhookValidator : AbstractValidator<SaveWebhook>
{
    public SaveWebhookValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择机器人类型");
        RuleFor(c => c.Url).NotEmpty().WithMessage("请填写机器人的 Webhook 地址").MaximumLength(1000).WithMessage("Webhook 地址不能超过 1000 个字符")
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var x) && (x.Scheme == Uri.UriSchemeHttps || x.Scheme == Uri.UriSchemeHttp))
            .WithMessage("Webhook 地址应以 https:// 开头，请从群机器人设置中复制完整地址");
        RuleFor(c => c.Secret).MaximumLength(200).WithMessage("加签密钥不能超过 200 个字符");
    }
}

/// <summary>群机器人设置: a county admin or town admin manages the robots of their own region; URL and secret are never shown again.</summary>
public sealed class WebhookHandlers(AppDbContext db, UserContext user, PersonalDataProtector protector, TimeProvider clock)
{

    private string Region => RegionCodes.LevelOf(user.RegionCode) is RegionLevel.County or RegionLevel.Town
        ? user.RegionCode
        : throw new RuleException("只有县级或乡镇账号可以设置群机器人");

    private static WebhookView View(ReminderWebhook w) => new(w.Id, w.RegionCode, w.Kind, w.Host, w.SecretProtected is not null, w.Enabled, w.UpdatedBy, w.UpdatedAtUtc);

    /// <summary>The robots of the account's own region (not those of the towns below a county).</summary>
    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct = default)
    {
        var region = Region;
        return (await db.Set<ReminderWebhook>().AsNoTracking().Where(w => w.RegionCode == region).OrderBy(w => w.Kind).ToListAsync(ct)).Select(View).ToList();
    }

    public async Task<WebhookView> SaveAsync(SaveWebhook c, CancellationToken ct = default)
    {
        var region = Region;
        var w = await db.Set<ReminderWebhook>().FirstOrDefaultAsync(x => x.RegionCode == region && x.Kind == c.Kind, ct);
        if (w is null) db.Add(w = new ReminderWebhook { RegionCode = region, Kind = c.Kind });
        var url = c.Url.Trim();
        (w.UrlProtected, w.Host) = (protector.Protect(url), new Uri(url).Host);
        w.SecretProtected = string.IsNullOrWhiteSpace(c.Secret) ? null : protector.Protect(c.Secret.Trim());
        (w.Enabled, w.UpdatedBy, w.UpdatedAtUtc) = (c.Enabled, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(w);
    }

    /// <summary>Removes the region's robot of a kind; false when there is none.</summary>
    public async Task<bool> DeleteAsync(RobotKind kind, CancellationToken ct = default)
    {
        var region = Region;
        var w = await db.Set<ReminderWebhook>().FirstOrDefaultAsync(x => x.RegionCode == region && x.Kind == kind, ct);
        if (w is null) return false;
        db.Remove(w);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Name(RobotKind k) => k == RobotKind.DingTalk ? "钉钉群机器人" : "企业微信群机器人";
}
