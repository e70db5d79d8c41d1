using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// Reads the first worksheet of an .xlsx row by row with <see cref="OpenXmlReader"/> (SAX), so a 200,000-row upload is
/// never held as a document tree; only the shared-string table (which cells point into) is kept in memory.
/// <see cref="Open"/> checks the file first and says in Chinese what is wrong with it instead of throwing.
/// </summary>
public sealed partial class XlsxReader : IDisposable
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    // Serial 0 of the Mac 1904 date system is serial 1462 of the 1900 system.
    private const int Date1904Offset = 1462;

    private readonly SpreadsheetDocument document;
    private readonly WorksheetPart worksheet;
    private readonly Stream? ownedCopy;
    private readonly string[] sharedStrings;
    private readonly bool[] dateStyles;
    private readonly bool date1904;

    private XlsxReader(SpreadsheetDocument document, WorksheetPart worksheet, string sheetName, Stream? ownedCopy,
        string[] sharedStrings, bool[] dateStyles, bool date1904)
    {
        this.document = document;
        this.worksheet = worksheet;
        this.ownedCopy = ownedCopy;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
        SheetName = sheetName;
    }

    /// <summary>Name of the worksheet being read.</summary>
    public string SheetName { get; }

    /// <summary>
    /// Checks and opens an uploaded workbook. A seekable stream (IFormFile.OpenReadStream()) is read in place and not
    /// disposed; any other stream is first copied to a temporary file, up to the byte limit.
    /// Row-count checks (empty sheet, header only, too many rows) belong to whoever reads the rows: see <see cref="XlsxImport"/>.
    /// </summary>
    public static XlsxOpenResult Open(Stream stream, XlsxLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= XlsxLimits.Default;
        Stream? copy = null;
        SpreadsheetDocument? document = null;
        try
        {
            if (!stream.CanSeek)
            {
                copy = TryCopy(stream, limits.MaxBytes);
                if (copy is null)
                    return XlsxOpenResult.Failure(XlsxFileError.TooLarge(null, limits.MaxBytes));
                stream = copy;
            }
            var size = stream.Length - stream.Position;
            if (size == 0)
                return XlsxOpenResult.Failure(XlsxFileError.Empty());
            if (size > limits.MaxBytes)
                return XlsxOpenResult.Failure(XlsxFileError.TooLarge(size, limits.MaxBytes));
            if (Sniff(stream) is { } wrongKind)
                return XlsxOpenResult.Failure(wrongKind);

            document = OpenDocument(stream, out var openError);
            if (document is null)
                return XlsxOpenResult.Failure(openError!);
            var result = Prepare(document, copy, limits);
            if (result.IsSuccess)
                (document, copy) = (null, null); // the reader owns them now
            return result;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException or OpenXmlPackageException
                                      or InvalidOperationException)
        {
            // A part that is not well-formed or a truncated zip shows only once read.
            return XlsxOpenResult.Failure(XlsxFileError.Corrupt());
        }
        finally
        {
            document?.Dispose();
            copy?.Dispose();
        }
    }

    /// <summary>
    /// Every row that has a value, in file order; blank rows (and rows with only formatting) are skipped, and each row
    /// keeps its Excel row number. Each call reads the sheet afresh. A sheet damaged part-way throws
    /// <see cref="XmlException"/> or <see cref="InvalidDataException"/> when reading gets there (<see cref="XlsxImport"/>
    /// turns that into a file error).
    /// </summary>
    public IEnumerable<XlsxRow> ReadRows()
    {
        using var reader = OpenXmlReader.Create(worksheet);
        var cells = new List<XlsxCell>();
        var number = 0;
        var lastColumn = -1;
        var inRow = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                // A row ends at its end tag, or at the next row's start should a reader report no end for <row/>.
                if (inRow)
                {
                    inRow = false;
                    if (ToRow(number, cells) is { } row)
                        yield return row;
                }
                if (reader.IsStartElement)
                {
                    number = RowNumber(reader) ?? number + 1;
                    lastColumn = -1;
                    cells.Clear();
                    inRow = true;
                }
            }
            else if (inRow && reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                // One small element at a time; measured no slower than picking the cell apart event by event.
                var cell = (Cell)reader.LoadCurrentElement()!;
                // r is optional: a cell without it follows the previous one.
                var column = cell.CellReference?.Value is { } reference ? XlsxColumnLetters.ToIndex(reference) : -1;
                lastColumn = column >= 0 ? column : lastColumn + 1;
                var value = ValueOf(cell);
                if (value.Type == XlsxCellType.Empty || lastColumn >= XlsxColumnLetters.MaxColumns)
                    continue;
                while (cells.Count <= lastColumn)
                    cells.Add(default);
                cells[lastColumn] = value;
            }
        }
        if (inRow && ToRow(number, cells) is { } final)
            yield return final;
    }

    public void Dispose()
    {
        document.Dispose();
        ownedCopy?.Dispose();
    }

    private static XlsxRow? ToRow(int number, List<XlsxCell> cells)
    {
        var last = cells.FindLastIndex(c => !c.IsBlank);
        return last < 0 ? null : new XlsxRow(number, [.. cells.Take(last + 1)]);
    }

    private static int? RowNumber(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
        return null;
    }

    private XlsxCell ValueOf(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        switch (cell.DataType?.Value ?? CellValues.Number)
        {
            case CellValues.SharedString:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length
                    ? new XlsxCell(XlsxCellType.Text, sharedStrings[index])
                    : default;
            case CellValues.InlineString:
                return cell.InlineString is { } inline ? new XlsxCell(XlsxCellType.Text, PlainText(inline)) : default;
            case CellValues.String: // the cached result of a formula
                return raw is null ? default : new XlsxCell(XlsxCellType.Text, Unescape(raw));
            case CellValues.Boolean:
                return raw is null ? default : new XlsxCell(XlsxCellType.Boolean, raw is "1" or "true" ? "1" : "0");
            case CellValues.Error:
                return new XlsxCell(XlsxCellType.Error, raw ?? "#N/A");
            case CellValues.Date: // ISO 8601 text, written by some producers instead of a serial
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && at.Year >= 1900
                    ? new XlsxCell(XlsxCellType.Date, at.ToOADate().ToString("R", CultureInfo.InvariantCulture))
                    : new XlsxCell(XlsxCellType.Text, raw ?? "");
            default:
                if (string.IsNullOrEmpty(raw))
                    return default;
                var style = cell.StyleIndex?.Value ?? 0;
                if (style >= dateStyles.Length || !dateStyles[style])
                    return new XlsxCell(XlsxCellType.Number, raw);
                if (date1904 && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
                    raw = (serial + Date1904Offset).ToString("R", CultureInfo.InvariantCulture);
                return new XlsxCell(XlsxCellType.Date, raw);
        }
    }

    private static Stream? TryCopy(Stream source, long maxBytes)
    {
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                copy.Dispose();
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>Tells an .xlsx (a zip) from what users upload instead, by the first bytes.</summary>
    private static XlsxFileError? Sniff(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[512];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        head = head[..length];
        // An encrypted .xlsx is an OLE compound file holding the encrypted zip, just as an old .xls is.
        if (head.StartsWith(OleSignature))
            return XlsxFileError.Encrypted();
        if (head.StartsWith("PK\u0005\u0006"u8)) // an empty zip
            return XlsxFileError.NoWorkbook();
        if (head.StartsWith("PK\u0003\u0004"u8))
            return null;
        return LooksLikeText(head) ? XlsxFileError.Text() : XlsxFileError.NotXlsx();
    }

    // CSV, tab-separated text and HTML (which some systems export with an .xls name), in UTF-8, GBK or UTF-16.
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith([(byte)0xFF, (byte)0xFE]) || head.StartsWith([(byte)0xFE, (byte)0xFF]))
            return true;
        foreach (var b in head)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' || b == 0x7F)
                return false;
        return true;
    }

    private static SpreadsheetDocument? OpenDocument(Stream stream, out XlsxFileError? error)
    {
        error = null;
        var start = stream.Position;
        try
        {
            return SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException)
        {
            // The SDK refuses a package that is not a spreadsheet (a .docx, a plain .zip) and a damaged one alike;
            // whether the zip holds a workbook part tells the user which.
            stream.Position = start;
            error = HasWorkbookEntry(stream) switch
            {
                true => XlsxFileError.Corrupt(),
                false => XlsxFileError.NoWorkbook(),
                null => XlsxFileError.Corrupt(),
            };
            return null;
        }
    }

    private static bool? HasWorkbookEntry(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static XlsxOpenResult Prepare(SpreadsheetDocument document, Stream? copy, XlsxLimits limits)
    {
        // The SDK takes whatever the package's main part is as the workbook part, a Word document's included.
        if (document.WorkbookPart is not { } workbookPart
            || !(workbookPart.ContentType.Contains("spreadsheetml", StringComparison.Ordinal) || workbookPart.ContentType.Contains("ms-excel", StringComparison.Ordinal))
            || workbookPart.Workbook is not { } workbook)
            return XlsxOpenResult.Failure(XlsxFileError.NoWorkbook());
        var sheets = (workbook.Sheets?.Elements<Sheet>() ?? [])
            .Select(s => (Sheet: s, Part: s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null))
            .Where(s => s.Part is not null)
            .ToList();
        // The first sheet a user sees: a hidden first sheet is usually a lookup list behind drop-downs.
        var chosen = sheets.FirstOrDefault(s => s.Sheet.State is null || s.Sheet.State.Value == SheetStateValues.Visible);
        if (chosen.Part is null)
            chosen = sheets.FirstOrDefault();
        if (chosen.Part is null)
            return XlsxOpenResult.Failure(XlsxFileError.NoWorksheet());

        var strings = SharedStrings(workbookPart.SharedStringTablePart, limits.MaxSharedStringChars);
        if (strings is null)
            return XlsxOpenResult.Failure(XlsxFileError.TooMuchText());
        var date1904 = workbook.WorkbookProperties?.Date1904?.Value == true;
        return XlsxOpenResult.Success(new XlsxReader(document, chosen.Part, chosen.Sheet.Name?.Value ?? "", copy, strings,
            DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet), date1904));
    }

    private static string[]? SharedStrings(SharedStringTablePart? part, long maxChars)
    {
        if (part is null)
            return [];
        var strings = new List<string>();
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
                continue;
            var text = PlainText(reader.LoadCurrentElement()!);
            if ((chars += text.Length) > maxChars)
                return null;
            strings.Add(text);
        }
        return [.. strings];
    }

    /// <summary>For each cell format (a cell's s attribute), whether it shows numbers as dates.</summary>
    private static bool[] DateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } formats)
            return [];
        var codes = (stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value);
        return [.. formats.Elements<CellFormat>().Select(f =>
        {
            var id = f.NumberFormatId?.Value ?? 0;
            return XlsxStyles.IsDateFormat(id, codes.GetValueOrDefault(id));
        })];
    }

    /// <summary>
    /// The text of a shared or inline string: plain, or the runs of rich text. Phonetic runs (rPh, reading aids above
    /// the characters) are not part of the value.
    /// </summary>
    private static string PlainText(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
                text.Append(t.Text);
            else if (child is Run { Text: { } runText })
                text.Append(runText.Text);
        }
        return Unescape(text.ToString());
    }

    // Excel writes characters XML cannot hold (and a literal "_x") as _xHHHH_.
    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedChar().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedChar();
}
