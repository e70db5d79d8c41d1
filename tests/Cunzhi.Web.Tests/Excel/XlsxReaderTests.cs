using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>Reading workbooks as Excel and WPS write them (shared strings, styles), built by hand.</summary>
public sealed class XlsxReaderTests
{
    [Fact]
    public void Shared_strings_are_resolved_joining_rich_text_without_phonetic_readings()
    {
        var file = XlsxFiles.Workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            """,
            sharedStrings: """
            <si><t>张三</t></si>
            <si><r><t>万载</t></r><r><rPr><b/></rPr><t>县</t></r><rPh sb="0" eb="2"><t>ワンザイ</t></rPh></si>
            <si><t>第一行_x000D_</t></si>
            """);

        var row = XlsxFiles.Read(file).Single();
        row.GetString(0).ShouldBe("张三");
        row.GetString(1).ShouldBe("万载县");
        row[2].Raw.ShouldBe("第一行\r");
    }

    [Fact]
    public void Boolean_formula_error_or_inline_string_cells_are_read()
    {
        var file = XlsxFiles.Workbook(
            """
            <row r="1">
              <c r="A1" t="b"><v>1</v></c>
              <c r="B1" t="str"><f>A1&amp;"村"</f><v>闹坪村</v></c>
              <c r="C1" t="e"><v>#N/A</v></c>
              <c r="D1" t="inlineStr"><is><t>内联</t></is></c>
              <c r="E1"><f>1+1</f><v>2</v></c>
            </row>
            """);

        var row = XlsxFiles.Read(file).Single();
        row[0].Type.ShouldBe(XlsxCellType.Boolean);
        row.TryGetBool(0, out var flag).ShouldBeTrue();
        flag.ShouldBeTrue();
        row.GetString(1).ShouldBe("闹坪村");
        row[2].Type.ShouldBe(XlsxCellType.Error);
        row.TryGetInt(2, out _).ShouldBeFalse();
        row.GetString(3).ShouldBe("内联");
        row.TryGetInt(4, out var sum).ShouldBeTrue();
        sum.ShouldBe(2);
    }

    [Fact]
    public void Numbers_shown_with_date_formats_read_as_dates()
    {
        // 45352 is 2024-03-01. xf 1: built-in 14 (m/d/yyyy); 2: 31, the Chinese yyyy"年"m"月"d"日"; 3: a custom
        // Chinese format; 4: a plain number format; 0: General.
        var file = XlsxFiles.Workbook(
            """
            <row r="1">
              <c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352</v></c><c r="C1" s="3"><v>45352</v></c>
              <c r="D1" s="4"><v>45352</v></c><c r="E1"><v>45352</v></c><c r="F1" s="5"><v>45352.5</v></c>
            </row>
            """,
            styles: """
            <numFmts count="3"><numFmt numFmtId="176" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0.00&quot;元&quot;"/><numFmt numFmtId="178" formatCode="yyyy/m/d\ h:mm"/></numFmts>
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/></cellXfs>
            """);

        var row = XlsxFiles.Read(file).Single();
        foreach (var column in new[] { 0, 1, 2, 5 })
        {
            row[column].Type.ShouldBe(XlsxCellType.Date);
            row.TryGetDate(column, out var date).ShouldBeTrue();
            date.ShouldBe(new DateOnly(2024, 3, 1));
        }
        row.GetString(5).ShouldBe("2024-03-01 12:00:00");
        row[3].Type.ShouldBe(XlsxCellType.Number);
        row[4].Type.ShouldBe(XlsxCellType.Number);
        // A bare serial may be a date that lost its format, or not a date at all: refused rather than guessed.
        row.TryGetDate(4, out _).ShouldBeFalse();
    }

    [Fact]
    public void Dates_of_a_workbook_in_the_1904_date_system_are_shifted()
    {
        var file = XlsxFiles.Workbook("""<row r="1"><c r="A1" s="1"><v>43890</v></c></row>""",
            styles: """<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>""", date1904: true);

        XlsxFiles.Read(file).Single().TryGetDate(0, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void Blank_or_format_only_rows_are_skipped()
    {
        var rows = XlsxFiles.Read(RowsWithGaps());

        rows.Select(r => r.Number).ShouldBe([2, 7]);
    }

    [Fact]
    public void Rows_and_cells_keep_their_Excel_positions()
    {
        var rows = XlsxFiles.Read(RowsWithGaps());

        rows[^1].Number.ShouldBe(7);
        rows[1].GetString(1).ShouldBe("张三");
        rows[1].IsBlank(0).ShouldBeTrue();
        rows[1].GetString(26).ShouldBe("1");
        rows[1]["AA"].GetString().ShouldBe("1");
    }

    /// <summary>Data on rows 2 and 7, a format-only row 3 and a blank row 4; row 7 has a cell in column AA.</summary>
    private static byte[] RowsWithGaps() => XlsxFiles.Workbook(
        """
        <row r="2"><c r="B2" t="inlineStr"><is><t>姓名</t></is></c></row>
        <row r="3" s="1" customFormat="1"/>
        <row r="4"><c r="A4" s="1"/><c r="B4" t="inlineStr"><is><t>   </t></is></c></row>
        <row r="7"><c r="B7" t="inlineStr"><is><t>张三</t></is></c><c r="AA7"><v>1</v></c></row>
        """);

    [Fact]
    public void Cells_and_rows_without_references_follow_the_previous_ones()
    {
        var file = XlsxFiles.Workbook(
            """
            <row><c t="inlineStr"><is><t>甲</t></is></c><c t="inlineStr"><is><t>乙</t></is></c></row>
            <row><c r="C2"><v>3</v></c><c><v>4</v></c></row>
            """);

        var rows = XlsxFiles.Read(file);
        rows.Select(r => r.Number).ShouldBe([1, 2]);
        rows[0].GetString(1).ShouldBe("乙");
        rows[1].GetString(2).ShouldBe("3");
        rows[1].GetString(3).ShouldBe("4");
    }

    [Fact]
    public void The_first_visible_worksheet_is_read()
    {
        var file = XlsxFiles.Workbook(
        [
            new XlsxFiles.Sheet("选项", """<row r="1"><c r="A1" t="inlineStr"><is><t>男</t></is></c></row>""", Hidden: true),
            new XlsxFiles.Sheet("村干部", """<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>"""),
        ]);

        var opened = XlsxReader.Open(new MemoryStream(file));
        using var reader = opened.Reader!;
        reader.SheetName.ShouldBe("村干部");
        reader.ReadRows().Single().GetString(0).ShouldBe("姓名");
    }

    [Fact]
    public void Rows_can_be_read_again()
    {
        using var reader = XlsxReader.Open(new MemoryStream(XlsxFiles.Workbook("""<row r="1"><c r="A1"><v>1</v></c></row>"""))).Reader!;

        reader.ReadRows().Count().ShouldBe(1);
        reader.ReadRows().Count().ShouldBe(1);
    }

    [Fact]
    public void Disposing_the_reader_leaves_the_callers_stream_open()
    {
        var stream = new MemoryStream(XlsxFiles.Workbook("""<row r="1"><c r="A1"><v>1</v></c></row>"""));
        using (var reader = XlsxReader.Open(stream).Reader!)
            reader.ReadRows().Count().ShouldBe(1);

        stream.CanRead.ShouldBeTrue();
    }
}
