using System.Collections;
using System.Globalization;
using System.Text;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>One problem in an uploaded sheet, to show the user as it is.</summary>
/// <param name="Row">The Excel row number the user sees at the left of the sheet.</param>
/// <param name="Column">The column's header (身份证号): what the user reads above the cell.</param>
/// <param name="Message">What is wrong, in Chinese.</param>
public sealed record CellError(int Row, string Column, string Message)
{
    public override string ToString() => $"第 {Row} 行【{Column}】：{Message}";
}

/// <summary>
/// Gathers every error of an import, not just the first: an all-or-nothing import must let the user fix the whole
/// file in one go. Enumerates by row, and in the order found within a row.
/// </summary>
public sealed class CellErrors : IReadOnlyCollection<CellError>
{
    private readonly List<CellError> errors = [];

    public int Count => errors.Count;
    public bool HasErrors => errors.Count > 0;

    /// <summary>How many distinct rows have at least one error.</summary>
    public int RowCount => errors.Select(e => e.Row).Distinct().Count();

    public void Add(int row, string column, string message) => errors.Add(new CellError(row, column, message));
    public void Add(CellError error) => errors.Add(error);
    public void AddRange(IEnumerable<CellError> more) => errors.AddRange(more);

    /// <summary>All errors by row; OrderBy is stable, so a row's errors keep the order the columns were checked in.</summary>
    public IReadOnlyList<CellError> ToList() => [.. errors.OrderBy(e => e.Row)];

    /// <summary>A short text for a page or a message box: the count, then the first errors, then how many more.</summary>
    public string Summary(int maxLines = 20)
    {
        if (errors.Count == 0)
            return "";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"共 {errors.Count} 处错误，涉及 {RowCount} 行，请修改后重新导入：");
        var sorted = ToList();
        foreach (var error in sorted.Take(maxLines))
            text.Append('\n').Append(error);
        if (sorted.Count > maxLines)
            text.Append(CultureInfo.InvariantCulture, $"\n……另有 {sorted.Count - maxLines} 处错误，请下载错误清单查看");
        return text.ToString();
    }

    /// <summary>The full list as a sheet for <see cref="XlsxWriter"/>: the download behind "请下载错误清单查看".</summary>
    public XlsxSheet ToSheet(string name = "错误清单") => new(name,
        [new XlsxColumn("行号", XlsxKind.Integer), new XlsxColumn("列", Width: 20), new XlsxColumn("问题", Width: 60)],
        ToList().Select(e => new object?[] { e.Row, e.Column, e.Message }));

    public IEnumerator<CellError> GetEnumerator() => ToList().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
