namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// One row as read: its Excel row number (1-based, as the user sees it, blank rows included in the count) and its cells
/// by 0-based column index. Columns with no cell read as empty, so gaps in a row need no special care.
/// </summary>
public sealed class XlsxRow(int number, XlsxCell[] cells)
{
    public int Number { get; } = number;

    /// <summary>One past the last column that has a cell.</summary>
    public int ColumnCount => cells.Length;

    public XlsxCell this[int column] => (uint)column < (uint)cells.Length ? cells[column] : default;

    /// <summary>By column letters: row["C"].</summary>
    public XlsxCell this[string column] => this[XlsxColumnLetters.ToIndex(column)];

    public bool IsBlank(int column) => this[column].IsBlank;
    public string? GetString(int column) => this[column].GetString();
    public bool TryGetDate(int column, out DateOnly value) => this[column].TryGetDate(out value);
    public bool TryGetInt(int column, out int value) => this[column].TryGetInt(out value);
    public bool TryGetLong(int column, out long value) => this[column].TryGetLong(out value);
    public bool TryGetDecimal(int column, out decimal value) => this[column].TryGetDecimal(out value);
    public bool TryGetMoney(int column, out long fen) => this[column].TryGetMoney(out fen);
    public bool TryGetBool(int column, out bool value) => this[column].TryGetBool(out value);
}
