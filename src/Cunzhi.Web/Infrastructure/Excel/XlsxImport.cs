using System.Xml;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// One pass over an uploaded sheet for an all-or-nothing import: file checks, header, then every data row through
/// the caller's parse function, gathering every error. The caller saves <see cref="XlsxImportResult{T}.Items"/> only
/// when <see cref="XlsxImportResult{T}.IsSuccess"/>.
/// </summary>
public static class XlsxImport
{
    /// <param name="parse">
    /// Reads one row through the <see cref="XlsxRecord"/> (whose getters record blank and malformed cells), adds its
    /// own rule errors with <see cref="XlsxRecord.AddError"/>, and returns the item, or null when the row is unusable.
    /// </param>
    public static XlsxImportResult<T> Read<T>(Stream stream, IReadOnlyList<XlsxImportColumn> columns, Func<XlsxRecord, T?> parse,
        XlsxLimits? limits = null) where T : class
    {
        limits ??= XlsxLimits.Default;
        var opened = XlsxReader.Open(stream, limits);
        if (!opened.IsSuccess)
            return XlsxImportResult<T>.Failed(opened.Error);
        using var reader = opened.Reader;

        var specs = columns.ToDictionary(c => c.Name);
        var errors = new CellErrors();
        var items = new List<T>();
        XlsxHeaderMap? header = null;
        var dataRows = 0;
        try
        {
            // The header is the first row with any value: a sheet may start with blank rows.
            foreach (var row in reader.ReadRows())
            {
                if (header is null)
                {
                    header = XlsxHeader.Map(row, columns);
                    if (!header.IsSuccess)
                        return new XlsxImportResult<T>(null, header.Errors, [], 0, header.Ignored);
                    continue;
                }
                // Stops reading at once, rather than validating a file that will be refused anyway.
                if (++dataRows > limits.MaxRows)
                    return XlsxImportResult<T>.Failed(XlsxFileError.TooManyRows(limits.MaxRows));
                if (parse(new XlsxRecord(row, header, specs, errors)) is { } item)
                    items.Add(item);
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            // The sheet's XML or its compressed data is damaged part-way; found only when the rows get there.
            return XlsxImportResult<T>.Failed(XlsxFileError.Corrupt());
        }
        if (header is null)
            return XlsxImportResult<T>.Failed(XlsxFileError.NoRows());
        if (dataRows == 0)
            return XlsxImportResult<T>.Failed(XlsxFileError.HeaderOnly());
        return new XlsxImportResult<T>(null, errors.ToList(), items, dataRows, header.Ignored);
    }
}

/// <summary>What an import read: a file error, or the rows' errors and items.</summary>
/// <param name="FileError">Why the file could not be read at all; then nothing else is set.</param>
/// <param name="Errors">Every cell error, header errors included, by row.</param>
/// <param name="Items">What parse returned for the rows (also when there are errors, for previews; save only on success).</param>
/// <param name="DataRows">Non-blank rows below the header.</param>
/// <param name="IgnoredColumns">Headers that matched no expected column.</param>
public sealed record XlsxImportResult<T>(XlsxFileError? FileError, IReadOnlyList<CellError> Errors, IReadOnlyList<T> Items, int DataRows,
    IReadOnlyList<string> IgnoredColumns)
{
    public bool IsSuccess => FileError is null && Errors.Count == 0;

    internal static XlsxImportResult<T> Failed(XlsxFileError error) => new(error, [], [], 0, []);
}

/// <summary>
/// One data row, read by column name. Each getter returns null for a blank cell (recording 不能为空 when the column is
/// required) or a malformed one (recording what was wrong and what is expected), so parse code is a list of getters.
/// </summary>
public sealed class XlsxRecord
{
    private delegate bool TryGet<TValue>(XlsxCell cell, out TValue value);

    private readonly XlsxHeaderMap header;
    private readonly IReadOnlyDictionary<string, XlsxImportColumn> columns;
    private readonly CellErrors errors;
    private readonly int errorsBefore;

    internal XlsxRecord(XlsxRow row, XlsxHeaderMap header, IReadOnlyDictionary<string, XlsxImportColumn> columns, CellErrors errors)
    {
        Cells = row;
        this.header = header;
        this.columns = columns;
        this.errors = errors;
        errorsBefore = errors.Count;
    }

    /// <summary>The Excel row number.</summary>
    public int Row => Cells.Number;

    /// <summary>The raw row, by column index.</summary>
    public XlsxRow Cells { get; }

    /// <summary>Whether this row has had an error recorded so far.</summary>
    public bool HasErrors => errors.Count > errorsBefore;

    /// <summary>Records a rule error for a cell of this row, e.g. AddError("身份证号", "校验位不正确").</summary>
    public void AddError(string column, string message) => errors.Add(Row, column, message);

    /// <summary>Trimmed text; checked against the column's allowed values.</summary>
    public string? Text(string column)
    {
        if (CellOf(column) is not { } cell)
            return null;
        var text = cell.GetString()!;
        var allowed = columns[column].Choices;
        if (allowed.Count > 0 && !allowed.Contains(text))
        {
            AddError(column, $"“{Shown(text)}”不是可选的值，只能填写：{string.Join("、", allowed)}");
            return null;
        }
        return text;
    }

    public DateOnly? Date(string column) => Parse<DateOnly>(column, (XlsxCell c, out DateOnly v) => c.TryGetDate(out v), "不是有效的日期，应填写如 2024-03-01 的日期");
    public int? Int(string column) => Parse<int>(column, (XlsxCell c, out int v) => c.TryGetInt(out v), "不是整数");
    public long? Long(string column) => Parse<long>(column, (XlsxCell c, out long v) => c.TryGetLong(out v), "不是整数");
    public decimal? Decimal(string column) => Parse<decimal>(column, (XlsxCell c, out decimal v) => c.TryGetDecimal(out v), "不是数字");

    /// <summary>An amount in yuan, returned as fen.</summary>
    public long? Money(string column) => Parse<long>(column, (XlsxCell c, out long v) => c.TryGetMoney(out v), "不是有效的金额，应填写元，最多两位小数");

    public bool? Bool(string column) => Parse<bool>(column, (XlsxCell c, out bool v) => c.TryGetBool(out v), "应填写“是”或“否”");

    private TValue? Parse<TValue>(string column, TryGet<TValue> tryGet, string problem) where TValue : struct
    {
        if (CellOf(column) is not { } cell)
            return null;
        if (tryGet(cell, out var value))
            return value;
        AddError(column, $"“{Shown(cell.GetString() ?? "")}”{problem}");
        return null;
    }

    /// <summary>The cell, or null (with 不能为空 recorded for a required column) when blank or when an optional column is absent.</summary>
    private XlsxCell? CellOf(string column)
    {
        if (!columns.TryGetValue(column, out var spec))
            throw new ArgumentException($"'{column}' is not one of the import's columns.", nameof(column));
        if (!header.TryGetIndex(column, out var index))
            return null;
        var cell = Cells[index];
        if (!cell.IsBlank)
            return cell;
        if (spec.Required)
            AddError(column, "不能为空");
        return null;
    }

    // Quotes the user's value back to them, cut so one runaway cell does not flood the error list.
    private static string Shown(string value) => value.Length <= 30 ? value : value[..30] + "…";
}
