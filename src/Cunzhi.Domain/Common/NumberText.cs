using System.Text;

namespace Cunzhi.Domain.Common;

/// <summary>
/// Numbers as people type them on a Chinese keyboard. A phone's full-width mode gives <c>１２０．５</c>, an IME
/// may add an ideographic space: these are the same number as <c>120.5</c> and are read as such, never refused.
/// </summary>
public static class NumberText
{
    /// <summary>
    /// Full-width digits, point, signs and separators to their ASCII forms (Unicode NFKC), the ideographic
    /// full stop 。 typed for a point to '.', and surrounding spaces of any width removed. Text that is not a
    /// number stays not a number: only the characters' width changes.
    /// </summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var ascii = true;
        foreach (var c in text)
            if (c > 0x7E) { ascii = false; break; }
        var s = ascii ? text : text.Normalize(NormalizationForm.FormKC).Replace('。', '.');
        return s.Trim();
    }
}
