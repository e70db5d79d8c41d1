using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>The fixed stylesheet every written workbook uses, and the reader's test of "is this number format a date".</summary>
internal static class XlsxStyles
{
    // Indexes into cellXfs below; the order there must match.
    public const uint General = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint DateTime = 3;
    public const uint Money = 4;
    public const uint Integer = 5;
    public const uint Text = 6;
    public const uint Title = 7;

    private const uint DateFormatId = 164;      // custom formats start at 164
    private const uint DateTimeFormatId = 165;

    public static uint For(XlsxKind kind) => kind switch
    {
        XlsxKind.Text => Text,
        XlsxKind.Integer => Integer,
        XlsxKind.Money => Money,
        XlsxKind.Date => Date,
        XlsxKind.DateTime => DateTime,
        XlsxKind.Boolean => Text,
        _ => General,
    };

    public static Stylesheet Build()
    {
        // 宋体 with the GB2312 charset: present on every Chinese Windows and in WPS, unlike 等线 (Office 2016+ only).
        static Font Font(bool bold, double size = 11)
        {
            var font = new Font();
            if (bold)
                font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            return font;
        }

        static CellFormat Format(uint numberFormatId) =>
            new() { NumberFormatId = numberFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = numberFormatId != 0 };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 2 },
            new Fonts(Font(bold: false), Font(bold: true), Font(bold: true, size: 16)) { Count = 3 },
            // Fills 0 and 1 are reserved by Excel (none, gray125); 2 is the header's light blue.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
                {
                    NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true,
                },
                Format(DateFormatId),
                Format(DateTimeFormatId),
                Format(4),  // built-in #,##0.00
                Format(1),  // built-in 0: no scientific notation for long whole numbers
                Format(49), // built-in @ (text): what a user types later in the column stays text
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
                {
                    NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true,
                }) // a sheet's title above the header
            { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>
    /// Whether a number format shows a date or time. Built-in ids per ECMA-376 18.8.30, plus the ids that are dates in
    /// the Chinese locale (27-36, 50-58, e.g. 31 = yyyy"年"m"月"d"日"); custom formats by their codes.
    /// </summary>
    public static bool IsDateFormat(uint id, string? code)
    {
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
            return true;
        if (code is null)
            return false;
        // Skip what is printed literally ("年", \-, [Red], [$-804]) so only real date tokens count;
        // [h], [mm], [ss] (elapsed time) stay dates.
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var close and >= 0 ? close : code.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0)
                        return false;
                    var inner = code.AsSpan(i + 1, end - i - 1);
                    if (inner.Length > 0 && inner.Trim("hHmMsS").IsEmpty)
                        return true;
                    i = end;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }
        return false;
    }
}
