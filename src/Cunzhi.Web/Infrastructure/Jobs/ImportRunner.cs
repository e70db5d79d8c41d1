using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Excel;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cunzhi.Web.Infrastructure.Jobs;

/// <summary>
/// The rules of one kind of all-or-nothing import (cadres, households). The runner calls the members in order —
/// prepare, parse each row, check across rows, then add each row for writing — and owns the file, the progress, the
/// transaction and the batching. The columns belong to the <see cref="ImportKind"/>, as the template needs them
/// without an importer.
/// </summary>
public interface IImporter<TRow> where TRow : class
{
    /// <summary>Loads what the checks need for the acting account (its villages) before the first row is read.</summary>
    Task PrepareAsync(CancellationToken ct);

    /// <summary>
    /// One row's own rules, errors recorded on the record. Returns the row also when it has errors, so checks across
    /// rows (duplicates) can use whatever did parse; null only for a row nothing can be made of.
    /// </summary>
    TRow? Parse(XlsxRecord record);

    /// <summary>Rules across rows and against the database (duplicates, registered numbers), in batches, never a query per row.</summary>
    Task CheckAsync(IReadOnlyList<TRow> rows, CellErrors errors, CancellationToken ct);

    /// <summary>Adds one valid row's entities to the context; the runner saves in batches.</summary>
    void Add(AppDbContext db, TRow row);
}

/// <summary>A registered import kind: its name in jobs, its Chinese title (also the template's sheet), its columns, and how the worker runs it.</summary>
public sealed record ImportKind(string Name, string Title, IReadOnlyList<XlsxImportColumn> Columns, Func<IServiceProvider, ImportJob, CancellationToken, Task> Run)
{
    public static XlsxLimits Limits => XlsxLimits.Default;

    public string TemplateFileName => $"{Title}导入模板.xlsx";

    /// <summary>The downloadable template: the same columns that check the upload, so the two cannot drift apart.</summary>
    public Task WriteTemplateAsync(Stream destination, CancellationToken ct) => XlsxTemplate.WriteAsync(destination, Title, Columns, Limits, ct);
}

public static class ImportSetup
{
    public static IServiceCollection AddImportJobs(this IServiceCollection services)
    {
        services.AddSingleton<ImportJobs>();
        services.AddScoped<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    public static IServiceCollection AddImporter<TImporter, TRow>(this IServiceCollection services, string name, string title,
        IReadOnlyList<XlsxImportColumn> columns) where TImporter : class, IImporter<TRow> where TRow : class
    {
        services.AddScoped<TImporter>();
        services.AddSingleton(new ImportKind(name, title, columns, (sp, job, ct) =>
            sp.GetRequiredService<ImportRunner>().RunAsync(sp.GetRequiredService<TImporter>(), columns, job, ct)));
        return services;
    }
}

/// <summary>
/// Runs one job with its importer, in the uploader's scope (set by the worker): read and check every row, and only
/// when nothing at all is wrong, write every row in one transaction.
/// </summary>
public sealed class ImportRunner(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Entities per SaveChanges. The tracker is cleared after each batch, so memory stays flat however long the file;
    /// each batch still writes one audit entry per row, inside the one transaction.
    /// </summary>
    public const int BatchSize = 2000;

    public async Task RunAsync<TRow>(IImporter<TRow> importer, IReadOnlyList<XlsxImportColumn> columns, ImportJob job, CancellationToken ct)
        where TRow : class
    {
        await using var file = new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        job.StartValidating();
        job.SetEstimate(EstimateRows(file));
        file.Position = 0;
        await importer.PrepareAsync(ct);
        var read = XlsxImport.Read(file, columns, record =>
        {
            ct.ThrowIfCancellationRequested();
            var row = importer.Parse(record);
            job.RowChecked();
            return row;
        }, ImportKind.Limits);
        if (read.FileError is { } fileError)
        {
            job.RejectFile(fileError.Message, clock.GetUtcNow());
            return;
        }
        var errors = new CellErrors();
        errors.AddRange(read.Errors);
        job.SetTotal(read.DataRows);
        if (read.Items.Count > 0)
            await importer.CheckAsync(read.Items, errors, ct);
        if (errors.HasErrors)
        {
            // By row, then left to right as the user reads the row. The template marks required columns with *; the
            // user's own sheet may not, so errors name the bare column.
            var position = columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i);
            job.Reject([.. errors.ToList().OrderBy(e => e.Row).ThenBy(e => position.GetValueOrDefault(e.Column, int.MaxValue))
                .Select(e => e with { Column = e.Column.TrimEnd('*') })], clock.GetUtcNow());
            return;
        }
        if (read.Items.Count != read.DataRows)
            throw new InvalidOperationException($"The importer returned {read.Items.Count} rows of {read.DataRows} without recording an error.");

        job.StartWriting();
        await WriteAsync(importer, read.Items, job, ct);
        job.Complete(clock.GetUtcNow());
    }

    private async Task WriteAsync<TRow>(IImporter<TRow> importer, IReadOnlyList<TRow> rows, ImportJob job, CancellationToken ct) where TRow : class
    {
        // SaveChangesAsync detects changes itself; with automatic detection off, Add does not rescan the whole tracker each time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One transaction for the whole file: all or nothing. The data context's saves join it, audit entries included.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var batch in rows.Chunk(BatchSize))
            {
                foreach (var row in batch)
                    importer.Add(db, row);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                job.RowsWritten(batch.Length);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// Rows below the header, for the progress bar while the rows are read: the sheet's dimension when it has one
    /// (Excel and WPS write it), else a count of row elements. Plain XmlReader over the part, skipping each row's
    /// cells, as the Open XML reader took seconds for 100,000 rows. 0 when unknown; never throws, since telling the
    /// user what is wrong with a bad file is the reader's job.
    /// </summary>
    internal static int EstimateRows(Stream file)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(file, false);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>()
                .Select(s => (Sheet: s, Part: s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null))
                .Where(s => s.Part is not null).ToList() ?? [];
            // The same sheet XlsxReader picks: the first visible one.
            var part = sheets.FirstOrDefault(s => s.Sheet.State is null || s.Sheet.State.Value == SheetStateValues.Visible).Part ?? sheets.FirstOrDefault().Part;
            if (part is null)
                return 0;
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var rows = 0;
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
                {
                    rows++;
                    xml.Skip();
                    continue;
                }
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "dimension" && LastRow(xml.GetAttribute("ref")) is > 1 and var last)
                    return last - 1;
                xml.Read();
            }
            return Math.Max(0, rows - 1);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    /// <summary>ref="A1:L100001" ends at row 100001; "A1" alone is an empty sheet's.</summary>
    private static int LastRow(string? range)
    {
        var colon = range?.IndexOf(':') ?? -1;
        if (colon < 0)
            return 0;
        var digits = range.AsSpan(colon).IndexOfAnyInRange('0', '9');
        return digits >= 0 && int.TryParse(range.AsSpan(colon + digits), out var row) ? row : 0;
    }
}
