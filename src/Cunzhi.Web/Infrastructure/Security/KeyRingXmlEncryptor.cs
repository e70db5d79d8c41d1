using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Encrypts each data-protection key's secret before it is stored in the database (table DataProtectionKeys, shared by
/// every node): AES-256-GCM under a key derived from <c>PersonalData:Key</c> with its own label
/// (<see cref="PersonalDataProtector.ProtectKeyRingXml"/>). The stored XML then holds <c>&lt;encryptedSecret&gt;</c> and
/// no plain <c>&lt;masterKey&gt;</c>; without the configured key the rows cannot sign anyone in.
/// </summary>
public sealed class KeyRingXmlEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    internal static readonly XName Element = "cunzhiEncryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedXml = protector.ProtectKeyRingXml(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(Element,
            new XComment(" 以 PersonalData:Key 派生的密钥（AES-256-GCM）加密 "),
            new XElement("value", sealedXml));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>The decryptor the data-protection system creates by type (with the service provider) when it reads a stored key.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var value = encryptedElement.Element("value")?.Value
                    ?? throw new System.Security.Cryptography.CryptographicException("数据保护密钥的加密格式不正确");
        var protector = services.GetRequiredService<PersonalDataProtector>();
        return XElement.Parse(protector.UnprotectKeyRingXml(value));
    }
}
