using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Auditing;

/// <summary>What the one-off upgrade of an old audit log did.</summary>
/// <param name="Entries">Entries re-sealed with the key.</param>
/// <param name="Redacted">Sequences whose secret values were replaced by markers.</param>
/// <param name="OldChainIntact">Whether the old (unkeyed) chain verified before re-sealing.</param>
/// <param name="OldChainBreak">Its first break when not.</param>
/// <param name="ResetUsers">Accounts whose authenticator key and recovery codes were reset (they had been in the log).</param>
public sealed record AuditUpgradeResult(long Entries, IReadOnlyList<long> Redacted, bool OldChainIntact, string? OldChainBreak, IReadOnlyList<string> ResetUsers);

/// <summary>
/// Brings an audit log written before secrets were marked and before the chain was keyed up to date, once, on start
/// (after migrations) and by the <c>migrate</c> verb. Data work in code, not a migration: it needs the key.
/// <list type="number">
/// <item>Nothing to do when the head entry carries a valid keyed hash (a new or already upgraded log) — one row read.</item>
/// <item>Otherwise verify the old chain with the old unkeyed SHA-256 and note whether it was intact (and where it broke).
/// If any entry already carries a keyed hash the log was upgraded and has been tampered with since: refuse, so a
/// restart never launders tampering (verify-audit names the break).</item>
/// <item>Replace every secret value in old entries (columns marked by <see cref="AuditSecrets"/>) by a marker,
/// re-seal every entry with the key (HMAC-SHA256) from the first on, and set the head.</item>
/// <item>Append ONE <see cref="AuditActions.Redaction"/> entry naming the redacted sequences, why, and whether the old
/// chain was intact.</item>
/// <item>Reset the authenticator key and recovery codes (and turn off two-factor sign-in, so the account sets it up again)
/// of every account whose token had been written to the log: those secrets were readable by the log's readers.</item>
/// </list>
/// All in one transaction under the chain head's lock. Gaps and a removed tail are not hidden: the rows keep their
/// sequences, so verify-audit still reports them.
/// </summary>
public sealed class AuditUpgrade(AppDbContext db, UserManager<AppUser> users, IConfiguration config)
{
    private const int Page = 2_000;
    private static readonly string TokenEntity = typeof(IdentityUserToken<string>).Name;

    public async Task<AuditUpgradeResult?> RunAsync(CancellationToken ct = default)
    {
        if (await IsCurrentAsync(ct)) return null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await db.LockAuditHeadAsync(ct);
        if (await IsCurrentAsync(ct)) return null; // another instance upgraded it while we waited for the lock

        var old = AuditChain.VerifyUnkeyed(Stream(), (head.Sequence, head.Hash));
        // Already upgraded once (its 脱敏 entry is there, or some entry carries a keyed hash): the chain has been altered
        // since — perhaps rewritten with plain SHA-256 to pass as an old log. Never re-seal that.
        if (await ScopeGateway.WholeAuditChain.Links(db).AnyAsync(a => a.Action == AuditActions.Redaction, ct)
            || (!old.Intact && Stream().Any(s => s.StoredHash == db.Seal.Hash(s.Link))))
            throw new InvalidOperationException(
                "操作日志已使用密钥封存过，但现在校验不通过：日志在封存后被改动，请运行 verify-audit 查明并调查，系统不会自动重新封存。");

        var secrets = AuditSecrets.ByEntityName(db.Model);
        var redacted = new List<long>();
        var exposedUserIds = new HashSet<string>(StringComparer.Ordinal);
        long from = 0, count = 0;
        var previous = "";
        while (true)
        {
            var page = await ScopeGateway.WholeAuditChain.PageToResealAsync(db, from, Page, ct);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                if (secrets.TryGetValue(e.Entity, out var columns))
                {
                    var (before, b) = AuditRedaction.Redact(e.Before, columns);
                    var (after, a) = AuditRedaction.Redact(e.After, columns);
                    if (b || a)
                    {
                        if (e.Entity == TokenEntity && UserIdOf(e.After ?? e.Before) is { } userId) exposedUserIds.Add(userId);
                        e.Before = before;
                        e.After = after;
                        redacted.Add(e.Sequence);
                    }
                }
                e.PreviousHash = previous;
                e.Hash = db.Seal.Hash(e.ToLink());
                previous = e.Hash;
                from = e.Sequence;
                count++;
            }
            await db.SaveChangesAsync(ct); // audit rows only: not captured, no new entries
            foreach (var tracked in db.ChangeTracker.Entries<AuditEntry>().ToList()) tracked.State = EntityState.Detached;
        }
        // A head beyond the last row (a tail removed from the old log) keeps its sequence, so verify-audit still reports
        // the gap; rows beyond the head (written around the application) are taken in, and the old break is recorded.
        if (head.Sequence <= from) (head.Sequence, head.Hash) = (from, previous);
        await db.SaveChangesAsync(ct);

        var resetUsers = new List<AppUser>();
        foreach (var id in exposedUserIds.Order(StringComparer.Ordinal))
            if (await users.FindByIdAsync(id) is { } user) resetUsers.Add(user);

        var detail = new JsonObject
        {
            ["reason"] = "旧版操作日志以明文记录了身份验证器密钥、恢复码等机密字段的值，且哈希链未加密钥；现将机密值替换为“***”，并用密钥（HMAC-SHA256）重新封存全部记录。",
            ["redactedSequences"] = Ranges(redacted),
            ["redactedCount"] = redacted.Count,
            ["resealedEntries"] = count,
            ["oldChainIntact"] = old.Intact,
            ["oldChainBreak"] = old.FirstBreak is { } br ? $"第 {br.Sequence} 条：{br.Reason}" : null,
            ["scheme"] = "HMAC-SHA256",
            ["resetAuthenticatorUsers"] = new JsonArray(resetUsers.Select(u => (JsonNode?)JsonValue.Create(u.UserName)).ToArray()),
        };
        db.RecordEvent(AuditActions.Redaction, "AuditLog", "keyed-v2", await AuditRegions.RootAsync(db, config, ct), detail.ToJsonString(AuditCapture.Json));
        await db.SaveChangesAsync(ct);

        foreach (var user in resetUsers)
        {
            // As Identity's own "reset authenticator": the exposed key and codes stop working, the account sets up 2FA again.
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
        }
        await tx.CommitAsync(ct);
        return new(count, redacted, old.Intact, old.FirstBreak?.Reason, resetUsers.Select(u => u.UserName ?? u.Id).ToList());

        IEnumerable<StoredAuditLink> Stream() =>
            ScopeGateway.WholeAuditChain.Links(db).OrderBy(a => a.Sequence).AsEnumerable().Select(a => new StoredAuditLink(a.ToLink(), a.Hash));
    }

    /// <summary>The head row and its entry carry a valid keyed hash (or the log is empty).</summary>
    private async Task<bool> IsCurrentAsync(CancellationToken ct)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        if (head.Sequence == 0) return true;
        var last = await ScopeGateway.WholeAuditChain.Links(db).SingleOrDefaultAsync(a => a.Sequence == head.Sequence, ct);
        return last is not null && last.Hash == head.Hash && db.Seal.Hash(last.ToLink()) == last.Hash;
    }

    private static string? UserIdOf(string? json)
    {
        try { return json is null ? null : (JsonNode.Parse(json) as JsonObject)?["UserId"]?.GetValue<string>(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException) { return null; }
    }

    /// <summary>1,2,3,7,9,10 → "1-3,7,9-10".</summary>
    internal static string Ranges(IReadOnlyList<long> sorted)
    {
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("重置身份验证器失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
