using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>
/// Writes .xlsx workbooks row by row. The package is assembled with <see cref="ZipArchive"/> in create mode and every
/// part is written with <see cref="OpenXmlWriter"/>: the SDK's own package (System.IO.Packaging) can only be created
/// read-write, which keeps each whole part in memory until it closes. Here memory stays flat however many rows come,
/// and output reaches the destination (an HTTP response body) in chunks, asynchronously, while rows are still read.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Rows looked at to size columns; columns come before the rows in a worksheet, so they cannot wait for all.</summary>
    private const int SampleRows = 100;
    private const int MinWidth = 6;
    private const int MaxWidth = 60;

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    // Excel counts 1900-02-29 (a Lotus bug it kept), so serials before March 1900 are off by one; such dates go out as text.
    private static readonly DateOnly FirstExactDate = new(1900, 3, 1);

    public static Task WriteAsync(Stream destination, XlsxSheet sheet, CancellationToken ct = default) =>
        WriteAsync(destination, [sheet], ct);

    public static async Task WriteAsync(Stream destination, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (sheets.Count == 0)
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        // Excel compares sheet names case-insensitively.
        if (sheets.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheets.Count)
            throw new ArgumentException("Sheet names must be unique.", nameof(sheets));

        var spool = new SpoolStream(destination);
        var written = new WrittenSheet[sheets.Count];
        using (var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            // [Content_Types].xml first: file-type sniffers look at the first entry.
            WriteXmlPart(zip, "[Content_Types].xml", xml => ContentTypes(xml, sheets.Count));
            WriteXmlPart(zip, "_rels/.rels", xml => Relationships(xml, [("rId1", "officeDocument", "xl/workbook.xml")]));
            WriteXmlPart(zip, "xl/_rels/workbook.xml.rels", xml => Relationships(xml,
                [.. sheets.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")), ($"rId{sheets.Count + 1}", "styles", "styles.xml")]));
            WriteElementPart(zip, "xl/styles.xml", XlsxStyles.Build());
            for (var i = 0; i < sheets.Count; i++)
                written[i] = await WriteSheetAsync(zip, spool, sheets[i], i, ct);
            // Last, because the filter ranges are known only once the rows are written.
            WriteElementPart(zip, "xl/workbook.xml", Workbook(sheets, written));
        }
        await spool.DrainAsync(ct);
        await destination.FlushAsync(ct);
    }

    /// <summary>What the workbook part must name for a written sheet: its filter range and the rows to repeat when printed.</summary>
    private sealed record WrittenSheet(string? Filter, string? PrintTitles);

    // The children of <worksheet> must come in the schema's order (ECMA-376 CT_Worksheet) or Excel "repairs" the file:
    // sheetPr, sheetViews, cols, sheetData, autoFilter, mergeCells, dataValidations, printOptions, pageMargins,
    // pageSetup, headerFooter.
    private static async Task<WrittenSheet> WriteSheetAsync(ZipArchive zip, SpoolStream spool, XlsxSheet sheet, int index, CancellationToken ct)
    {
        var columns = sheet.Columns;
        var header = sheet.HeaderRow;
        await using var rows = sheet.Rows.GetAsyncEnumerator(ct);
        var sample = new List<object?[]>(SampleRows);
        var more = true;
        while (sample.Count < SampleRows && (more = await rows.MoveNextAsync()))
            sample.Add(rows.Current);

        using var stream = zip.CreateEntry($"xl/worksheets/sheet{index + 1}.xml", CompressionLevel.Optimal).Open();
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        var cells = new RowWriter(writer, columns);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        if (sheet.Print is { FitToWidth: true })
            writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var firstData = $"A{header + 1}";
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = header, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { TabSelected = index == 0, WorkbookViewId = 0 }));
        var widths = Widths(columns, sample);
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true, Style = XlsxStyles.For(c.Kind),
        })));
        writer.WriteStartElement(new SheetData());
        if (sheet.Title is { } title)
            cells.WriteTitle(title);
        cells.WriteHeader(header);
        var last = header;
        foreach (var row in sample)
            cells.Write(++last, row);
        while (more && await rows.MoveNextAsync())
        {
            cells.Write(++last, rows.Current);
            if (spool.ShouldDrain)
                await spool.DrainAsync(ct);
        }
        writer.WriteEndElement();

        var lastLetters = XlsxColumnLetters.ToLetters(columns.Count - 1);
        string? filter = null;
        if (sheet.AutoFilter && last > header)
        {
            filter = $"A{header}:{lastLetters}{last}";
            writer.WriteElement(new AutoFilter { Reference = filter });
        }
        if (sheet.Title is not null && columns.Count > 1)
            writer.WriteElement(new MergeCells(new MergeCell { Reference = $"A1:{lastLetters}1" }) { Count = 1 });
        if (DropDowns(columns, header) is { } dropDowns)
            writer.WriteElement(dropDowns);
        string? printTitles = null;
        if (sheet.Print is { } print)
        {
            writer.WriteElement(new PrintOptions { GridLines = true, HorizontalCentered = true });
            writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup
            {
                PaperSize = 9, // A4
                Orientation = print.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = print.FitToWidth ? 1u : null,
                FitToHeight = print.FitToWidth ? 0u : null, // 0: as many pages tall as the rows need
            });
            var headerFooter = new HeaderFooter();
            if (print.Header is { } top)
                headerFooter.Append(new OddHeader(top));
            if (print.Footer is { } bottom)
                headerFooter.Append(new OddFooter(bottom));
            if (headerFooter.HasChildren)
                writer.WriteElement(headerFooter);
            printTitles = $"${header}:${header}";
        }
        writer.WriteEndElement();
        writer.Close();
        return new WrittenSheet(filter, printTitles);
    }

    private static Workbook Workbook(IReadOnlyList<XlsxSheet> sheets, WrittenSheet[] written)
    {
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));
        string Quoted(int i) => $"'{sheets[i].Name.Replace("'", "''")}'";
        var names = new List<DefinedName>();
        for (var i = 0; i < sheets.Count; i++)
        {
            // The hidden name Excel itself keeps for a sheet's filter range.
            if (written[i].Filter is { } range)
                names.Add(new DefinedName($"{Quoted(i)}!{Absolute(range)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            // The rows Excel repeats at the top of every printed page (页面设置 › 顶端标题行).
            if (written[i].PrintTitles is { } rows)
                names.Add(new DefinedName($"{Quoted(i)}!{rows}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }
        if (names.Count > 0)
            workbook.Append(new DefinedNames(names));
        return workbook;
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var digits = cell.IndexOfAny("0123456789".ToCharArray());
            return $"${cell[..digits]}${cell[digits..]}";
        }));

    /// <summary>A drop-down list for each column with allowed values, over all rows below the header.</summary>
    private static DataValidations? DropDowns(IReadOnlyList<XlsxColumn> columns, int header)
    {
        var lists = new List<DataValidation>();
        for (var i = 0; i < columns.Count; i++)
        {
            var values = columns[i].AllowedValues;
            var source = string.Join(',', values);
            // An inline list is limited to 255 characters and cannot hold commas or quotes; the template's 填写说明
            // sheet still lists such values.
            if (values.Count == 0 || source.Length > 255 || values.Any(v => v.Contains(',') || v.Contains('"')))
                continue;
            var letters = XlsxColumnLetters.ToLetters(i);
            var message = $"请从下拉列表中选择：{string.Join('、', values)}";
            lists.Add(new DataValidation(new Formula1($"\"{source}\""))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                ErrorTitle = "输入有误", Error = message.Length <= 225 ? message : "请从下拉列表中选择",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}{header + 1}:{letters}1048576" },
            });
        }
        return lists.Count == 0 ? null : new DataValidations(lists) { Count = (uint)lists.Count };
    }

    private static double[] Widths(IReadOnlyList<XlsxColumn> columns, List<object?[]> sample)
    {
        var widths = new double[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Width is { } fixedWidth)
            {
                widths[i] = fixedWidth;
                continue;
            }
            var widest = XlsxText.DisplayWidth(column.Header) + 2; // the header is bold and carries the filter button
            foreach (var row in sample)
                if (i < row.Length && row[i] is { } value)
                    widest = Math.Max(widest, SampleWidth(column.Kind, value));
            widths[i] = Math.Clamp(widest + 2, MinWidth, MaxWidth);
        }
        return widths;
    }

    private static int SampleWidth(XlsxKind kind, object value) => kind switch
    {
        XlsxKind.Date => 10,
        XlsxKind.DateTime => 19,
        XlsxKind.Money when value is long or int => (Convert.ToInt64(value, CultureInfo.InvariantCulture) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
        _ => XlsxText.DisplayWidth(DisplayText(value)),
    };

    /// <summary>How a value reads as text: in text columns, and when sizing columns.</summary>
    internal static string DisplayText(object value) => value switch
    {
        string s => s,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void WriteXmlPart(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void WriteElementPart(ZipArchive zip, string path, OpenXmlPartRootElement root)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        root.Save(stream);
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string main = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        xml.WriteStartElement("Types", ns);
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/xl/workbook.xml", main + "sheet.main+xml");
        Override("/xl/styles.xml", main + "styles+xml");
        for (var i = 1; i <= sheetCount; i++)
            Override($"/xl/worksheets/sheet{i}.xml", main + "worksheet+xml");
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        void Override(string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter xml, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        xml.WriteStartElement("Relationships", ns);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", ns);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>
    /// Writes rows as start/end tags with attribute lists over reused element prototypes, so a row allocates strings
    /// and attribute arrays but no element objects.
    /// </summary>
    private sealed class RowWriter(OpenXmlWriter writer, IReadOnlyList<XlsxColumn> columns)
    {
        private static readonly OpenXmlAttribute Preserve = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
        private readonly string[] letters = [.. columns.Select((_, i) => XlsxColumnLetters.ToLetters(i))];
        private readonly Row row = new();
        private readonly Cell cell = new();
        private readonly CellValue value = new();
        private readonly InlineString inline = new();
        private readonly Text text = new();

        public void WriteTitle(string title)
        {
            // Taller than the default 13.5 points, for the 16-point font.
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", "1"), new OpenXmlAttribute("ht", "", "27"), new OpenXmlAttribute("customHeight", "", "1")]);
            WriteText("A1", XlsxStyles.Title, title);
            writer.WriteEndElement();
        }

        public void WriteHeader(int number)
        {
            var r = number.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", r)]);
            for (var i = 0; i < columns.Count; i++)
                WriteText(letters[i] + r, XlsxStyles.Header, columns[i].Header);
            writer.WriteEndElement();
        }

        public void Write(int number, object?[] values)
        {
            if (values.Length != columns.Count)
                throw new ArgumentException($"Row {number} has {values.Length} values for {columns.Count} columns.");
            var r = number.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", r)]);
            for (var i = 0; i < values.Length; i++)
                if (values[i] is { } v && v is not "")
                    WriteCell(columns[i], letters[i] + r, v, number);
            writer.WriteEndElement();
        }

        private void WriteCell(XlsxColumn column, string reference, object v, int number)
        {
            switch (column.Kind)
            {
                case XlsxKind.Text:
                    WriteText(reference, XlsxStyles.Text, DisplayText(v));
                    break;
                case XlsxKind.Boolean when v is bool b:
                    WriteText(reference, XlsxStyles.Text, b ? "是" : "否");
                    break;
                case XlsxKind.Integer when v is int or long or short or byte or sbyte or ushort or uint or ulong:
                    WriteNumber(reference, XlsxStyles.Integer, ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture));
                    break;
                case XlsxKind.Decimal when v is int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                    WriteNumber(reference, XlsxStyles.General, ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture));
                    break;
                case XlsxKind.Decimal when v is double or float && double.IsFinite(Convert.ToDouble(v, CultureInfo.InvariantCulture)):
                    WriteNumber(reference, XlsxStyles.General, Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
                case XlsxKind.Money when v is long or int:
                    WriteNumber(reference, XlsxStyles.Money, (Convert.ToInt64(v, CultureInfo.InvariantCulture) / 100m).ToString(CultureInfo.InvariantCulture));
                    break;
                case XlsxKind.Date when v is DateOnly or DateTime:
                    var date = v is DateTime dt ? DateOnly.FromDateTime(dt) : (DateOnly)v;
                    if (date >= FirstExactDate)
                        WriteNumber(reference, XlsxStyles.Date, (date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture));
                    else
                        WriteText(reference, XlsxStyles.Date, DisplayText(date));
                    break;
                case XlsxKind.DateTime when v is DateTime or DateOnly or DateTimeOffset:
                    var time = v switch
                    {
                        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                        DateTimeOffset o => o.DateTime, // the clock time as the offset shows it
                        _ => (DateTime)v,
                    };
                    if (DateOnly.FromDateTime(time) >= FirstExactDate)
                        WriteNumber(reference, XlsxStyles.DateTime, time.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    else
                        WriteText(reference, XlsxStyles.DateTime, time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                    break;
                default:
                    // A value of the wrong type is a programming error; failing loudly beats a silently wrong export.
                    throw new ArgumentException($"Column '{column.Header}' is {column.Kind}; row {number} has a {v.GetType().Name} ({v}).");
            }
        }

        private void WriteNumber(string reference, uint style, string number)
        {
            writer.WriteStartElement(cell, style == XlsxStyles.General
                ? [new OpenXmlAttribute("r", "", reference)]
                : [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
            writer.WriteStartElement(value);
            writer.WriteString(number);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        // Inline strings rather than a shared-string table: a table would have to hold every distinct string in memory
        // until the end; Excel and WPS read both, and turn inline strings into shared ones on their first save.
        private void WriteText(string reference, uint style, string s)
        {
            s = XlsxText.ForCell(s);
            writer.WriteStartElement(cell, [
                new OpenXmlAttribute("r", "", reference),
                new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)),
                new OpenXmlAttribute("t", "", "inlineStr")]);
            writer.WriteStartElement(inline);
            // Without xml:space="preserve" leading and trailing spaces would be dropped.
            writer.WriteStartElement(text, s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) ? [Preserve] : []);
            writer.WriteString(s);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
