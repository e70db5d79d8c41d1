using Cunzhi.Domain.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>What a cell holds, as stored in the file.</summary>
public enum XlsxCellType
{
    Empty,
    Text,
    Number,
    /// <summary>A number shown with a date format (what Excel stores for a typed date).</summary>
    Date,
    Boolean,
    /// <summary>A formula error such as #N/A or #DIV/0!.</summary>
    Error,
}

/// <summary>
/// One cell's value. <paramref name="Raw"/> is the text for <see cref="XlsxCellType.Text"/>, the invariant number
/// for Number and Date (dates as the serial of Excel's 1900 date system), "1"/"0" for Boolean, the code for Error.
/// The accessors are lenient in the ways county staff type data (full-width digits, 2024/3/1, 2024年3月1日) and strict
/// where guessing could store a wrong value.
/// </summary>
public readonly partial record struct XlsxCell(XlsxCellType Type, string Raw)
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>True for no value, or text that is only spaces.</summary>
    public bool IsBlank => Type == XlsxCellType.Empty || Type == XlsxCellType.Text && string.IsNullOrWhiteSpace(Raw);

    /// <summary>
    /// The value as text, trimmed; null when blank. Numbers read as Excel shows them in a General cell (15 significant
    /// digits, so an ID number Excel already rounded shows as 3.60922199001011E+17 rather than as wrong digits);
    /// dates as yyyy-MM-dd.
    /// </summary>
    public string? GetString()
    {
        switch (Type)
        {
            case XlsxCellType.Empty:
                return null;
            case XlsxCellType.Text:
                var text = Raw.Trim(); // also the ideographic and no-break spaces
                return text.Length == 0 ? null : text;
            case XlsxCellType.Number when double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                return n.ToString("G15", CultureInfo.InvariantCulture);
            case XlsxCellType.Date when TryGetSerial(out var serial):
                var at = DateTime.FromOADate(serial);
                return at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case XlsxCellType.Boolean:
                return Raw == "1" ? "TRUE" : "FALSE";
            default:
                return Raw;
        }
    }

    /// <summary>
    /// A date from a real Excel date, a whole number like 20240301, or text "2024-03-01", "2024/3/1", "2024.3.1",
    /// "20240301", "2024年3月1日" (a time after the date is ignored). Years 1900-9999.
    /// A plain number such as 45352 in a cell without a date format is refused: it may be a date that lost its
    /// format, or not a date at all.
    /// </summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        switch (Type)
        {
            case XlsxCellType.Date when TryGetSerial(out var serial):
                var days = (int)Math.Floor(serial);
                if (days < 61) // before 1900-03-01 Excel's serials include its phantom 1900-02-29
                    return false;
                date = ExcelEpoch.AddDays(days);
                return date.Year <= 9999;
            case XlsxCellType.Number when double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                                          && n is >= 19000101 and <= 99991231 && n == Math.Floor(n):
                var whole = (int)n;
                return TryDate(whole / 10000, whole / 100 % 100, whole % 100, out date);
            case XlsxCellType.Text:
                return TryParseDate(Raw, out date);
            default:
                return false;
        }
    }

    /// <summary>Whole numbers, from a number cell or text ("1,234", "１２", "12.0").</summary>
    public bool TryGetLong(out long value)
    {
        value = 0;
        if (!TryGetDecimal(out var d) || d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue)
            return false;
        value = (long)d;
        return true;
    }

    public bool TryGetInt(out int value)
    {
        value = 0;
        if (!TryGetLong(out var l) || l is < int.MinValue or > int.MaxValue)
            return false;
        value = (int)l;
        return true;
    }

    /// <summary>
    /// A number from a number cell (rounded to Excel's 15 significant digits, so 0.1+0.2 reads 0.3) or from text
    /// ("1,234.5", full-width digits). Dates, booleans and errors are not numbers here.
    /// </summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        switch (Type)
        {
            case XlsxCellType.Number when double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                                          && double.IsFinite(n) && Math.Abs(n) < 7.9e28:
                value = (decimal)n; // the conversion keeps 15 significant digits, as Excel shows
                return true;
            case XlsxCellType.Text:
                var text = HalfWidth.Of(Raw).Trim();
                return text.Length > 0 && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    /// <summary>An amount in yuan with at most two decimals, as fen (分): the house keeps money as long fen.</summary>
    public bool TryGetMoney(out long fen)
    {
        fen = 0;
        if (!TryGetDecimal(out var yuan))
            return false;
        var f = yuan * 100;
        if (f != decimal.Truncate(f) || f < long.MinValue || f > long.MaxValue)
            return false;
        fen = (long)f;
        return true;
    }

    /// <summary>是/否 (the form our exports and templates use), also TRUE/FALSE cells, 1/0, Y/N, yes/no, true/false.</summary>
    public bool TryGetBool(out bool value)
    {
        value = false;
        switch (Type)
        {
            case XlsxCellType.Boolean:
                value = Raw == "1";
                return true;
            case XlsxCellType.Number when Raw is "1" or "0":
                value = Raw == "1";
                return true;
            case XlsxCellType.Text:
                switch (HalfWidth.Of(Raw).Trim().ToUpperInvariant())
                {
                    case "是" or "Y" or "YES" or "TRUE" or "1":
                        value = true;
                        return true;
                    case "否" or "N" or "NO" or "FALSE" or "0":
                        return true;
                }
                return false;
            default:
                return false;
        }
    }

    private bool TryGetSerial(out double serial) =>
        double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out serial) && serial >= 0 && serial < 2958466;

    internal static bool TryParseDate(string raw, out DateOnly date)
    {
        date = default;
        var text = HalfWidth.Of(raw).Trim();
        var m = DateText().Match(text);
        return m.Success && TryDate(
            int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), out date);
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // [0-9], not \d, which would also match other scripts' digits that int.Parse refuses.
    // yyyyMMdd | yyyy-M-d, yyyy/M/d, yyyy.M.d (one separator throughout) | yyyy年M月d日; then an optional time.
    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})|(?<y>[0-9]{4})(?<s>[-/.])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})|(?<y>[0-9]{4}) *年 *(?<m>[0-9]{1,2}) *月 *(?<d>[0-9]{1,2}) *日?)(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateText();
}
