namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>What a column holds; decides how a value is written (and the cell's number format) and how a template describes it.</summary>
public enum XlsxKind
{
    /// <summary>Any value, written as text; codes and ID numbers stay text so Excel never turns them into 3.60922E+17.</summary>
    Text,
    /// <summary>Whole numbers (int, long, ...), number format "0".</summary>
    Integer,
    /// <summary>Numbers with decimals (decimal, double, or whole numbers).</summary>
    Decimal,
    /// <summary>Money given as long fen (分), shown as yuan with two decimals: the house keeps money as fen end to end.</summary>
    Money,
    /// <summary>DateOnly (or the date part of a DateTime), a real Excel date shown as yyyy-mm-dd.</summary>
    Date,
    /// <summary>DateTime (or DateOnly / DateTimeOffset), a real Excel date-time shown as yyyy-mm-dd hh:mm:ss.</summary>
    DateTime,
    /// <summary>bool, written as 是/否 (what county staff type, rather than TRUE/FALSE).</summary>
    Boolean,
}

/// <summary>One column of a written sheet.</summary>
/// <param name="Header">Header text in row 1, in Chinese.</param>
/// <param name="Kind">How the values are written.</param>
/// <param name="Width">Width in Excel character units; null sizes it from the header and the first rows.</param>
public sealed record XlsxColumn(string Header, XlsxKind Kind = XlsxKind.Text, double? Width = null)
{
    /// <summary>When set, the column gets a drop-down (Excel data validation) of these values below the header.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];
}

/// <summary>
/// Page setup of a sheet meant to be printed and signed (a payroll for the finance office): A4, the header row repeated
/// on every page (Excel's <c>_xlnm.Print_Titles</c>), grid lines printed.
/// </summary>
public sealed record XlsxPrint
{
    /// <summary>Landscape rather than portrait.</summary>
    public bool Landscape { get; init; }
    /// <summary>Scales the sheet so all columns fit one page wide, as many pages tall as needed.</summary>
    public bool FitToWidth { get; init; }
    /// <summary>Printed at the top of every page, in Excel's header codes (<c>&amp;L</c>, <c>&amp;C</c>, <c>&amp;R</c> sections; <c>&amp;P</c> page, <c>&amp;N</c> pages).</summary>
    public string? Header { get; init; }
    /// <summary>Printed at the bottom of every page, in the same codes, e.g. the signature line 制表/审核/审批.</summary>
    public string? Footer { get; init; }
}

/// <summary>
/// One worksheet to write: a header row from <paramref name="columns"/>, then one row per item of <paramref name="rows"/>.
/// Rows are consumed once, as they are written, so they may come straight from a database query.
/// Each row has one value per column; null or "" leaves the cell empty.
/// </summary>
public sealed class XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns, IAsyncEnumerable<object?[]> rows)
{
    /// <summary>Rows from a synchronous source (a list, or an EF query enumerated row by row).</summary>
    public XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns, IEnumerable<object?[]> rows)
        : this(name, columns, AsAsync(rows))
    {
    }

    public string Name { get; } = CheckName(name);
    public IReadOnlyList<XlsxColumn> Columns { get; } = columns.Count > 0 ? columns : throw new ArgumentException("A sheet needs at least one column.", nameof(columns));
    internal IAsyncEnumerable<object?[]> Rows { get; } = rows;

    /// <summary>Adds Excel's filter buttons to the header row (when there are data rows), so exported lists can be filtered at once.</summary>
    public bool AutoFilter { get; init; } = true;

    /// <summary>A title above the header (row 1, bold, merged across the columns); the header row is then row 2.</summary>
    public string? Title { get; init; }

    /// <summary>How the sheet prints; null leaves Excel's defaults (portrait, no scaling).</summary>
    public XlsxPrint? Print { get; init; }

    /// <summary>The row the column headers are in: 1, or 2 below a <see cref="Title"/>.</summary>
    internal int HeaderRow => Title is null ? 1 : 2;

    // Excel refuses (or "repairs") a workbook whose sheet name breaks these rules, so a bad name is a programming error here.
    private static string CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
            || name.StartsWith('\'') || name.EndsWith('\'') || name.Equals("History", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Invalid sheet name '{name}': 1-31 characters, none of []:*?/\\, not starting or ending with an apostrophe.", nameof(name));
        return name;
    }

    private static async IAsyncEnumerable<object?[]> AsAsync(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}
