using System.IO.Compression;
using System.Text;
using Cunzhi.Web.Infrastructure.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>Builds workbooks for the Excel tests: with our writer, or by hand as other programs write them.</summary>
internal static class XlsxFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static async Task<byte[]> WriteAsync(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, sheets);
        return stream.ToArray();
    }

    public static List<XlsxRow> Read(byte[] file)
    {
        var opened = XlsxReader.Open(new MemoryStream(file));
        opened.IsSuccess.ShouldBeTrue(opened.Error?.Message);
        using var reader = opened.Reader;
        return [.. reader.ReadRows()];
    }

    public static XlsxFileError? FileError(byte[] file, XlsxLimits? limits = null)
    {
        var opened = XlsxReader.Open(new MemoryStream(file), limits);
        opened.Reader?.Dispose();
        return opened.Error;
    }

    /// <summary>Every schema error the Open XML SDK finds; an empty list means Excel opens the file without "repairing" it.</summary>
    public static List<string> ValidationErrors(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2007).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>A sheet as other programs write it: rows given as raw sheetData XML, optional shared strings and styles.</summary>
    public sealed record Sheet(string Name, string SheetData, bool Hidden = false);

    public static byte[] Workbook(string sheetData, string? sharedStrings = null, string? styles = null, bool date1904 = false) =>
        Workbook([new Sheet("Sheet1", sheetData)], sharedStrings, styles, date1904);

    public static byte[] Workbook(IReadOnlyList<Sheet> sheets, string? sharedStrings = null, string? styles = null, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var entries = new StringBuilder();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                Feed(part, $"<worksheet xmlns=\"{Main}\"><sheetData>{sheets[i].SheetData}</sheetData></worksheet>");
                entries.Append($"<sheet name=\"{sheets[i].Name}\" sheetId=\"{i + 1}\" {(sheets[i].Hidden ? "state=\"hidden\" " : "")}r:id=\"{workbook.GetIdOfPart(part)}\"/>");
            }
            if (sharedStrings is not null)
                Feed(workbook.AddNewPart<SharedStringTablePart>(), $"<sst xmlns=\"{Main}\">{sharedStrings}</sst>");
            if (styles is not null)
                Feed(workbook.AddNewPart<WorkbookStylesPart>(), $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>");
            Feed(workbook, $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">{(date1904 ? "<workbookPr date1904=\"1\"/>" : "")}<sheets>{entries}</sheets></workbook>");
        }
        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(content);
            }
        return stream.ToArray();
    }

    private static void Feed(OpenXmlPart part, string xml) => part.FeedData(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}

/// <summary>Like Kestrel's response body: not seekable, and synchronous writes are refused.</summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly MemoryStream written = new();

    public byte[] ToArray() => written.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A stream that can only be read forward, like a raw request body.</summary>
internal sealed class ForwardOnlyStream(byte[] content) : Stream
{
    private readonly MemoryStream inner = new(content);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
