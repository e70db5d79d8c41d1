using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>Limits on an uploaded workbook.</summary>
/// <param name="MaxBytes">Largest file accepted; 20 MB holds well over 200,000 ordinary rows.</param>
/// <param name="MaxRows">Most data rows (below the header) an import accepts.</param>
public sealed record XlsxLimits(long MaxBytes = 20 * 1024 * 1024, int MaxRows = 200_000)
{
    public static XlsxLimits Default { get; } = new();

    /// <summary>
    /// Most characters in the shared-string table, which is held in memory: a 20 MB zip can inflate to gigabytes of
    /// text (a "zip bomb"), and this keeps one upload from taking the server's memory.
    /// </summary>
    public long MaxSharedStringChars { get; init; } = 100_000_000;
}

public enum XlsxFileProblem
{
    Empty,
    TooLarge,
    /// <summary>An OLE compound file: an encrypted .xlsx or an old .xls.</summary>
    Encrypted,
    /// <summary>Not a zip (CSV, HTML, random bytes), or a zip without a workbook (.docx, .zip renamed).</summary>
    NotXlsx,
    /// <summary>A zip that cannot be read as a workbook.</summary>
    Corrupt,
    NoWorksheet,
    NoRows,
    HeaderOnly,
    TooManyRows,
}

/// <summary>Why a file cannot be imported at all, with a message to show the user as it is.</summary>
public sealed record XlsxFileError(XlsxFileProblem Problem, string Message)
{
    private const string SaveAsXlsx = "请用 Excel 或 WPS 打开后另存为“Excel 工作簿(*.xlsx)”再上传";

    internal static XlsxFileError Empty() => new(XlsxFileProblem.Empty, "文件是空的，请重新选择文件");

    internal static XlsxFileError TooLarge(long? bytes, long limit) => new(XlsxFileProblem.TooLarge,
        (bytes is { } size ? $"文件大小为 {Megabytes(size)} MB，" : "文件") + $"超过了 {Megabytes(limit)} MB 的上限，请拆分成多个文件分别导入");

    internal static XlsxFileError TooMuchText() => new(XlsxFileProblem.TooLarge, "文件中的文字内容过多，超过了系统一次能处理的上限，请拆分成多个文件分别导入");

    internal static XlsxFileError Encrypted() => new(XlsxFileProblem.Encrypted, "文件已加密或是旧版 .xls 格式，请另存为 .xlsx");

    internal static XlsxFileError Text() => new(XlsxFileProblem.NotXlsx, $"文件是文本格式（如 CSV），不是 .xlsx 工作簿，{SaveAsXlsx}");

    internal static XlsxFileError NotXlsx() => new(XlsxFileProblem.NotXlsx, $"文件不是 .xlsx 格式，{SaveAsXlsx}");

    internal static XlsxFileError NoWorkbook() => new(XlsxFileProblem.NotXlsx, $"文件是压缩包，但里面没有 Excel 工作簿（可能是改了扩展名的其他文件），{SaveAsXlsx}");

    internal static XlsxFileError Corrupt() => new(XlsxFileProblem.Corrupt, $"文件已损坏，无法读取，{SaveAsXlsx}");

    internal static XlsxFileError NoWorksheet() => new(XlsxFileProblem.NoWorksheet, "工作簿中没有工作表");

    internal static XlsxFileError NoRows() => new(XlsxFileProblem.NoRows, "表格是空的：第一个工作表中没有任何内容");

    internal static XlsxFileError HeaderOnly() => new(XlsxFileProblem.HeaderOnly, "表格只有表头，没有数据行");

    internal static XlsxFileError TooManyRows(int limit) => new(XlsxFileProblem.TooManyRows,
        $"数据超过了 {limit.ToString("N0", CultureInfo.InvariantCulture)} 行的上限，请拆分成多个文件分别导入");

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>Either a reader over the workbook's first worksheet, or why the file cannot be read; never both.</summary>
public sealed class XlsxOpenResult
{
    private XlsxOpenResult(XlsxReader? reader, XlsxFileError? error) => (Reader, Error) = (reader, error);

    public XlsxReader? Reader { get; }
    public XlsxFileError? Error { get; }

    [MemberNotNullWhen(true, nameof(Reader))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess
    {
        get
        {
            if (Error is not null)
                return false;
            return Reader is not null ? true : throw new InvalidOperationException("Neither a reader nor an error.");
        }
    }

    internal static XlsxOpenResult Success(XlsxReader reader) => new(reader, null);
    internal static XlsxOpenResult Failure(XlsxFileError error) => new(null, error);
}
