using System.Security.Cryptography;
using System.Text;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Encryption at rest for national ID and phone numbers (AES-256-GCM), and a keyed hash
/// (HMAC-SHA256) for uniqueness and exact look-up without decrypting. Both keys are derived from
/// one master key: <c>PersonalData:Key</c> (base64, 32 bytes) from configuration or an environment
/// variable; in Development, a key file generated on first run under <c>data/keys/</c>.
/// The key is never in the repository.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1:";
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;
    private readonly byte[] _ballotKey;
    private readonly byte[] _receiptKey;
    private readonly byte[] _auditChainKey;
    private readonly byte[] _keyRingKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new InvalidOperationException("个人信息加密密钥必须是 32 字节（base64 编码）");
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:personal-data:aes-gcm"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:personal-data:hmac"u8.ToArray());
        _ballotKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:ballot-code:hmac"u8.ToArray());
        _receiptKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:matter-receipt:hmac"u8.ToArray());
        _auditChainKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:audit-chain:hmac"u8.ToArray());
        _keyRingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "cunzhi:data-protection-keys:aes-gcm"u8.ToArray());
    }

    public string Protect(string plain) => Seal(_encryptionKey, plain);

    public string Unprotect(string protectedValue) => Open(_encryptionKey, protectedValue);

    /// <summary>
    /// Encrypts a data-protection key's XML (the cookie and antiforgery keys kept in the database and shared by every node)
    /// with its own key derived from the master key: a reader of the database or a backup gets no usable sign-in key.
    /// </summary>
    public string ProtectKeyRingXml(string xml) => Seal(_keyRingKey, xml);

    public string UnprotectKeyRingXml(string protectedXml) => Open(_keyRingKey, protectedXml);

    private static string Seal(byte[] key, string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var blob = new byte[12 + data.Length + 16];
        var nonce = blob.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, data, blob.AsSpan(12, data.Length), blob.AsSpan(12 + data.Length, 16));
        return Version + Convert.ToBase64String(blob);
    }

    private static string Open(byte[] key, string protectedValue)
    {
        if (!protectedValue.StartsWith(Version, StringComparison.Ordinal)) throw new CryptographicException("未知的加密格式");
        var blob = Convert.FromBase64String(protectedValue[Version.Length..]);
        var plain = new byte[blob.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(12, plain.Length), blob.AsSpan(12 + plain.Length, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// Keyed hash of a 双述双评 ballot code, with its own key derived from the master key: the database holds only this,
    /// so a reader of the database (or a backup) can neither recover nor check a code.
    /// </summary>
    public string BallotCodeHash(string normalizedCode) => Convert.ToHexStringLower(HMACSHA256.HashData(_ballotKey, Encoding.UTF8.GetBytes(normalizedCode)));

    /// <summary>Keyed hash of a matter's receipt code (回执码), with its own key: like a ballot code, stored only as this.</summary>
    public string ReceiptCodeHash(string normalizedCode) => Convert.ToHexStringLower(HMACSHA256.HashData(_receiptKey, Encoding.UTF8.GetBytes(normalizedCode)));

    /// <summary>
    /// Key of the audit chain's HMAC (<c>AuditSeal</c>), derived from the master key with its own label, so it is outside
    /// the database exactly like the personal-data key, and is neither the encryption nor the look-up key.
    /// </summary>
    internal byte[] AuditChainKey => _auditChainKey;

    public string Hash(string normalized) => Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));

    public static PersonalDataProtector FromConfiguration(IConfiguration config, IHostEnvironment env)
    {
        if (config["PersonalData:Key"] is { Length: > 0 } configured)
            return new(Convert.FromBase64String(configured));
        var file = Path.Combine(env.ContentRootPath, config["PersonalData:KeyFile"] ?? "data/keys/personal-data.key");
        if (File.Exists(file)) return new(Convert.FromBase64String(File.ReadAllText(file).Trim()));
        if (!env.IsDevelopment())
            throw new InvalidOperationException("未配置个人信息加密密钥：请设置 PersonalData:Key（32 字节的 base64），例如环境变量 PersonalData__Key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(key));
        return new(key);
    }
}

/// <summary>The one grant given to a single account on top of its role's capabilities (Cunzhi.Domain.Accounts.Permissions).</summary>
public static class PersonalDataGrant
{
    public const string Claim = "cz:perm";
    /// <summary>May see full national ID and phone numbers (each reveal is audited).</summary>
    public const string RevealPersonalData = "reveal-personal-data";
    public const string RevealPolicy = "RevealPersonalData";
}
