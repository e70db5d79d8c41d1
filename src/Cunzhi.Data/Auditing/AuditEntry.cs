using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Data.Auditing;

/// <summary>操作日志: one link of the hash chain. Written only by the data context, never edited.</summary>
public sealed class AuditEntry : IRegionScoped
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditLink ToLink() => new(Sequence, DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc), UserId, UserName, RegionCode,
        Action, Entity, EntityKey, Before, After, PreviousHash);
}

/// <summary>The chain's head: last sequence and hash, one row. Updating it serialises appends.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>Actions recorded in the log.</summary>
public static class AuditActions
{
    public const string Insert = nameof(Insert);
    public const string Update = nameof(Update);
    public const string Delete = nameof(Delete);
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string SignOut = nameof(SignOut);
    public const string Seed = nameof(Seed);
    public const string Reveal = nameof(Reveal);
    public const string Export = nameof(Export);
    /// <summary>The one-off upgrade that removed secret values from old entries and re-sealed the chain with the key.</summary>
    public const string Redaction = nameof(Redaction);

    public static string DisplayName(string action) => action switch
    {
        Insert => "新增",
        Update => "修改",
        Delete => "删除",
        SignIn => "登录成功",
        SignInFailed => "登录失败",
        SignOut => "退出登录",
        Seed => "生成数据",
        Reveal => "查看完整证件号/手机号",
        Export => "导出",
        Redaction => "审计日志脱敏",
        _ => action,
    };
}
