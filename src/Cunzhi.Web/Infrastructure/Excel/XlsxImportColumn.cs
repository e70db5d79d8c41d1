namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// A column an import expects. Declared once per import, it drives the header check (<see cref="XlsxHeader"/>), the
/// reading of each cell (<see cref="XlsxRecord"/>) and the downloadable template (<see cref="XlsxTemplate"/>), so the
/// three cannot drift apart.
/// </summary>
/// <param name="Name">The header, in Chinese, as the template writes it.</param>
/// <param name="Kind">What the cells hold; sets the template column's format and the default 格式要求 text.</param>
/// <param name="Required">A required column must be present in the header, and its cells must not be blank.</param>
public sealed record XlsxImportColumn(string Name, XlsxKind Kind = XlsxKind.Text, bool Required = true)
{
    /// <summary>Other headers accepted for this column (身份证号码, 公民身份号码 for 身份证号), as sheets made by hand vary.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The only values allowed (a drop-down in the template); for Boolean columns 是/否 is implied.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>格式要求 in the template's 填写说明 sheet; by default a description of <see cref="Kind"/>.</summary>
    public string? Format { get; init; }

    /// <summary>An example value for the 填写说明 sheet.</summary>
    public string? Example { get; init; }

    /// <summary>Anything else the person filling in the sheet must know.</summary>
    public string? Note { get; init; }

    /// <summary>Template column width; null sizes it from the header.</summary>
    public double? Width { get; init; }

    internal IReadOnlyList<string> Choices => AllowedValues.Count == 0 && Kind == XlsxKind.Boolean ? ["是", "否"] : AllowedValues;

    internal string FormatText => Format ?? Kind switch
    {
        XlsxKind.Integer => "整数",
        XlsxKind.Decimal => "数字",
        XlsxKind.Money => "金额（元），最多两位小数",
        XlsxKind.Date => "日期，如 2024-03-01",
        XlsxKind.DateTime => "日期时间，如 2024-03-01 08:30",
        XlsxKind.Boolean => "是 或 否",
        _ => "文本",
    };
}
