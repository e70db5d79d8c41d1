using Microsoft.AspNetCore.Identity;

namespace Cunzhi.Data.Security;

/// <summary>An account, bound to one region; its role decides the level of that region.</summary>
public sealed class AppUser : IdentityUser, Cunzhi.Domain.Common.IVersioned
{
    /// <summary>
    /// Concurrency version of the account as edited by 账号管理 (an int like every other aggregate's, where Identity's
    /// ConcurrencyStamp is an opaque string); Identity's own stamp still guards its writes.
    /// </summary>
    public int RowVersion { get; set; }
    /// <summary>Name shown in the page header and audit log.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>Code of the region this account may see and change (itself and everything beneath).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>May see full national ID and phone numbers (each reveal is audited).</summary>
    public bool CanRevealPersonalData { get; set; }
    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}
