using System.Text;
using System.Xml;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>Text helpers shared by the writer and the reader.</summary>
internal static class XlsxText
{
    /// <summary>Excel's limit for one cell; longer text makes Excel "repair" the file.</summary>
    public const int MaxCellLength = 32767;

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters pasted from other systems would otherwise fail the
    /// whole export) and cuts text to Excel's cell limit.
    /// </summary>
    public static string ForCell(string text)
    {
        if (text.Length > MaxCellLength)
            text = text[..(char.IsHighSurrogate(text[MaxCellLength - 1]) ? MaxCellLength - 1 : MaxCellLength)];
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var pair))
            {
                bad = i;
                break;
            }
            if (pair)
                i++;
        }
        if (bad < 0)
            return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var pair))
                continue;
            clean.Append(text[i]);
            if (pair)
                clean.Append(text[++i]);
        }
        return clean.ToString();
    }

    private static bool IsValidAt(string text, int i, out bool pair)
    {
        pair = false;
        if (XmlConvert.IsXmlChar(text[i]))
            return true;
        if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            return pair = true;
        return false;
    }

    /// <summary>
    /// Approximate width in Excel's units (the width of a digit): CJK and full-width characters take two, others one.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
                continue;
            width += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6
                || char.IsHighSurrogate(c)) ? 2 : 1;
        }
        return width;
    }
}
