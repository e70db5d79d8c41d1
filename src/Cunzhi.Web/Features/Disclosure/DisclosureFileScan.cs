using System.Globalization;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Privacy;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>What an attachment is, judged by its content.</summary>
public enum DisclosureFileKind
{
    /// <summary>Not a PDF, XLSX, JPG or PNG.</summary>
    Unknown = 0,
    /// <summary>PDF: its text is extracted page by page and scanned.</summary>
    Pdf = 1,
    /// <summary>Excel 2007+ workbook: every cell of every sheet is scanned.</summary>
    Xlsx = 2,
    /// <summary>JPG or PNG: cannot be scanned, accepted only with the 「不含个人信息」 confirmation.</summary>
    Image = 3,
}

/// <summary>
/// Reads an attachment's text for <see cref="PersonalDataGuard"/>. The type comes from the content, never the name:
/// <c>%PDF-</c>, a zip holding an Excel workbook, or a JPEG/PNG signature.
/// <para>PDF: the text of each page through PdfPig (Apache-2.0), which decodes the page's content stream with its fonts'
/// encodings into Unicode text — PDFsharp only parses the content operators and leaves the font decoding (CID fonts,
/// ToUnicode maps: every Chinese PDF) to the caller. A PDF that cannot be opened (damaged, encrypted) or that has a page
/// without any readable text (a scan: the numbers are in the picture, beyond the scan) is refused, naming the page: a
/// file we cannot read cannot be shown to hold no ID numbers. Such a page can be posted as an image with the confirmation.</para>
/// <para>XLSX: every sheet's cells (shared strings, inline strings, numbers written out in full — an ID or mobile number
/// typed as a number is still found), each hit named by sheet, row and column.</para>
/// </summary>
public static class DisclosureFileScan
{
    /// <summary>Most cells read from one workbook (a 10 MB file of text holds far fewer).</summary>
    public const int MaxCells = 2_000_000;

    /// <summary>
    /// Checks files a user uploads to anything the public may see (a disclosure posting, a power step's evidence), as one
    /// rule for both: the kind by content, not empty, at most <paramref name="maxBytes"/>, images only when
    /// <paramref name="imagesConfirmed"/> (「不含个人信息」), the text of every PDF and workbook scanned. Refusals go to
    /// <paramref name="problems"/> under <c>{area}.file</c> and <c>{area}.image</c>, personal numbers found to
    /// <paramref name="hits"/>; nothing is stored. Returns each file's kind, in order (at most <paramref name="maxFiles"/>).
    /// </summary>
    public static async Task<List<DisclosureFileKind>> CheckUploadsAsync(IReadOnlyList<IFormFile> files, int maxFiles, long maxBytes, bool imagesConfirmed,
        string area, List<RuleProblem> problems, List<PersonalDataHit> hits, CancellationToken ct)
    {
        var kinds = new List<DisclosureFileKind>();
        foreach (var file in files.Take(maxFiles))
        {
            var name = Path.GetFileName(file.FileName);
            var head = new byte[8];
            int n;
            await using (var s = file.OpenReadStream()) n = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var kind = Sniff(head.AsSpan(0, n));
            kinds.Add(kind);
            if (file.Length == 0) { problems.Add(new($"{area}.file", "files", $"附件「{name}」是空文件")); continue; }
            if (file.Length > maxBytes) { problems.Add(new($"{area}.file", "files", $"附件「{name}」超过 {maxBytes / (1024 * 1024)} MB")); continue; }
            switch (kind)
            {
                case DisclosureFileKind.Unknown:
                    problems.Add(new($"{area}.file", "files", $"附件「{name}」不是 PDF、Excel（.xlsx）、JPG 或 PNG 文件"));
                    break;
                case DisclosureFileKind.Image when !imagesConfirmed:
                    problems.Add(new($"{area}.image", "imagesHaveNoPersonalData", $"附件「{name}」是图片，系统无法检查其中的文字：请确认图片不含身份证号、手机号、银行卡号等个人信息后勾选「不含个人信息」"));
                    break;
                case DisclosureFileKind.Pdf or DisclosureFileKind.Xlsx:
                    await using (var s = file.OpenReadStream())
                    {
                        var (fileHits, unreadable) = Scan(kind, s, name);
                        if (unreadable is not null) problems.Add(new($"{area}.file", "files", unreadable));
                        hits.AddRange(fileHits);
                    }
                    break;
            }
        }
        return kinds;
    }

    /// <summary>The kind of a file from its first bytes (a zip is taken as XLSX here; <see cref="Scan"/> proves it).</summary>
    public static DisclosureFileKind Sniff(ReadOnlySpan<byte> head) => FileKinds.Sniff(head) switch
    {
        "application/pdf" => DisclosureFileKind.Pdf,
        "image/jpeg" or "image/png" => DisclosureFileKind.Image,
        _ when head.StartsWith("PK\u0003\u0004"u8) => DisclosureFileKind.Xlsx,
        _ => DisclosureFileKind.Unknown,
    };

    /// <summary>The content type stored for a kind (images keep their own).</summary>
    public static string ContentType(DisclosureFileKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        DisclosureFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => FileKinds.Sniff(head) ?? "application/octet-stream",
    };

    /// <summary>
    /// The personal numbers in a PDF or XLSX (each place prefixed with the file's name), or the reason it cannot be
    /// read (then nothing may be posted). Images and unknown files are not scanned here.
    /// </summary>
    public static (IReadOnlyList<PersonalDataHit> Hits, string? Unreadable) Scan(DisclosureFileKind kind, Stream content, string fileName) => kind switch
    {
        DisclosureFileKind.Pdf => ScanPdf(content, fileName),
        DisclosureFileKind.Xlsx => ScanXlsx(content, fileName),
        _ => ([], null),
    };

    private static (IReadOnlyList<PersonalDataHit>, string?) ScanPdf(Stream content, string fileName)
    {
        var pages = new List<string>();
        var raw = new List<string>();
        try
        {
            using var pdf = PdfDocument.Open(content);
            foreach (var page in pdf.GetPages())
            {
                var text = string.Join("\n", page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key)
                    .Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
                if (string.IsNullOrWhiteSpace(text))
                    return ([], $"附件「{fileName}」第 {page.Number} 页没有可读取的文字（可能是扫描件），无法检查是否含个人信息；请上传可复制文字的 PDF，或将该页作为图片上传并确认不含个人信息");
                pages.Add(text);
                raw.Add(page.Text);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], $"附件「{fileName}」无法读取（文件损坏或已加密），无法检查是否含个人信息");
        }
        if (pages.Count == 0) return ([], $"附件「{fileName}」没有页面");
        // Lines rebuilt from the words give the line numbers; the page's raw text is scanned too, so a number the layout
        // split into two words cannot slip through (its hits are used only when the lines found none, not to repeat them).
        var hits = PersonalDataGuard.ScanPages(pages, fileName);
        return (hits.Count > 0 ? hits : PersonalDataGuard.ScanPages(raw, fileName), null);
    }

    private static (IReadOnlyList<PersonalDataHit>, string?) ScanXlsx(Stream content, string fileName)
    {
        var hits = new List<PersonalDataHit>();
        try
        {
            using var doc = SpreadsheetDocument.Open(content, false);
            if (doc.WorkbookPart?.Workbook.Sheets is not { } sheets) return ([], $"附件「{fileName}」不是有效的 Excel 文件");
            var shared = doc.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var cells = 0;
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || doc.WorkbookPart.GetPartById(id) is not WorksheetPart part) continue;
                var rows = new List<IReadOnlyList<string?>>();
                var rowNumbers = new List<int>();
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var values = new List<string?>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        if (++cells > MaxCells) return ([], $"附件「{fileName}」单元格超过 {MaxCells:N0} 个，无法检查");
                        var col = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
                        while (values.Count < col) values.Add(null);
                        values.Add(Text(cell, shared));
                    }
                    rows.Add(values);
                    rowNumbers.Add((int)(row.RowIndex?.Value ?? (uint)rows.Count));
                }
                // Each row scanned on its own so the row number named is the sheet's own (rows may be skipped in the file).
                var headers = rows.Count > 0 ? rows[0] : null;
                for (var i = 0; i < rows.Count; i++)
                    foreach (var h in PersonalDataGuard.ScanTable([rows[i]], i == 0 ? null : headers, rowNumbers[i]))
                        hits.Add(h with { Where = $"附件「{fileName}」工作表「{sheet.Name?.Value}」{h.Where}" });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], $"附件「{fileName}」不是有效的 Excel（.xlsx）文件，无法检查是否含个人信息");
        }
        return (hits, null);
    }

    private static string? Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (raw is null) return null;
        // A number typed into a cell (13812345678, 1.3812345678E10): written out in full so the guard sees its digits.
        if ((cell.DataType is null || cell.DataType.Value == CellValues.Number)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d))
            return d.ToString("0", CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>0-based column of a reference like <c>C12</c>, or null.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') n = n * 26 + (c - 'A' + 1);
            else break;
        }
        return n == 0 || n > 16_384 ? null : n - 1;
    }
}
