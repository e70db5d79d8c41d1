using System.Text;
using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>What users upload instead of a good .xlsx, and the message each gets.</summary>
public sealed class XlsxFileCheckTests
{
    private static readonly XlsxImportColumn[] Columns = [new("姓名"), new("身份证号")];

    [Fact]
    public void An_empty_file_is_reported()
    {
        var error = XlsxFiles.FileError([]);
        error!.Problem.ShouldBe(XlsxFileProblem.Empty);
        error.Message.ShouldBe("文件是空的，请重新选择文件");
    }

    [Fact]
    public void Random_bytes_are_not_an_xlsx()
    {
        var bytes = new byte[4096];
        new Random(360922).NextBytes(bytes);
        bytes[0] = 0x01; // whatever the seed, not a zip and not text

        var error = XlsxFiles.FileError(bytes);
        error!.Problem.ShouldBe(XlsxFileProblem.NotXlsx);
        error.Message.ShouldStartWith("文件不是 .xlsx 格式");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    [InlineData("html")]
    public void A_csv_or_html_file_renamed_to_xlsx_is_recognised_as_text(string kind)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = kind switch
        {
            "html" => Encoding.UTF8.GetBytes("<html><body><table><tr><td>姓名</td></tr></table></body></html>"),
            _ => Encoding.GetEncoding(kind).GetBytes("姓名,身份证号\r\n张三,36092219790301001X\r\n"),
        };

        var error = XlsxFiles.FileError(bytes);
        error!.Problem.ShouldBe(XlsxFileProblem.NotXlsx);
        error.Message.ShouldContain("文本格式（如 CSV）");
        error.Message.ShouldContain("另存为");
    }

    [Fact]
    public void An_old_xls_or_an_encrypted_workbook_is_told_to_be_saved_as_xlsx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = XlsxFiles.FileError(ole);
        error!.Problem.ShouldBe(XlsxFileProblem.Encrypted);
        error.Message.ShouldBe("文件已加密或是旧版 .xls 格式，请另存为 .xlsx");
    }

    [Fact]
    public void A_zip_without_a_workbook_is_not_an_xlsx()
    {
        var zip = XlsxFiles.Zip(("readme.txt", "hello"), ("data/名单.csv", "姓名\n张三"));

        var error = XlsxFiles.FileError(zip);
        error!.Problem.ShouldBe(XlsxFileProblem.NotXlsx);
        error.Message.ShouldContain("没有 Excel 工作簿");
    }

    [Fact]
    public void A_word_document_renamed_to_xlsx_is_not_an_xlsx()
    {
        var docx = XlsxFiles.Zip(
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""));

        XlsxFiles.FileError(docx)!.Problem.ShouldBe(XlsxFileProblem.NotXlsx);
    }

    [Fact]
    public void A_truncated_workbook_is_reported_as_damaged()
    {
        var file = XlsxFiles.Workbook("""<row r="1"><c r="A1"><v>1</v></c></row>""");

        var error = XlsxFiles.FileError(file[..(file.Length / 2)]);
        error!.Problem.ShouldBeOneOf(XlsxFileProblem.Corrupt, XlsxFileProblem.NotXlsx);
        error.Message.ShouldContain("另存为");
    }

    [Fact]
    public void A_sheet_damaged_part_way_is_reported_on_import_rather_than_thrown()
    {
        var file = XlsxFiles.Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row><row r="2"><c r="A2">""");

        var result = XlsxImport.Read(new MemoryStream(file), Columns, r => r.Text("姓名"));
        result.FileError!.Problem.ShouldBe(XlsxFileProblem.Corrupt);
        result.FileError.Message.ShouldStartWith("文件已损坏");
    }

    [Fact]
    public async Task A_file_over_the_byte_limit_is_refused_with_its_size()
    {
        var small = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", [new XlsxColumn("姓名")], [["张三"]]));
        byte[] large = [.. small, .. new byte[1024 * 1024 + 512 * 1024 - small.Length]];

        var error = XlsxFiles.FileError(large, new XlsxLimits(MaxBytes: 1024 * 1024));
        error!.Problem.ShouldBe(XlsxFileProblem.TooLarge);
        error.Message.ShouldBe("文件大小为 1.5 MB，超过了 1 MB 的上限，请拆分成多个文件分别导入");
        XlsxFiles.FileError(small, new XlsxLimits(MaxBytes: 1024 * 1024)).ShouldBeNull();
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_with_the_same_checks()
    {
        var file = XlsxFiles.Workbook("""<row r="1"><c r="A1"><v>1</v></c></row>""");

        var opened = XlsxReader.Open(new ForwardOnlyStream(file));
        opened.IsSuccess.ShouldBeTrue();
        using (opened.Reader)
            opened.Reader.ReadRows().Single().GetString(0).ShouldBe("1");

        XlsxReader.Open(new ForwardOnlyStream(file), new XlsxLimits(MaxBytes: 100)).Error!.Problem.ShouldBe(XlsxFileProblem.TooLarge);
        XlsxReader.Open(new ForwardOnlyStream([])).Error!.Problem.ShouldBe(XlsxFileProblem.Empty);
    }

    [Fact]
    public void Shared_strings_beyond_the_text_limit_are_refused_before_any_row_is_read()
    {
        var file = XlsxFiles.Workbook("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""",
            sharedStrings: $"<si><t>{new string('村', 5000)}</t></si>");

        XlsxFiles.FileError(file, new XlsxLimits { MaxSharedStringChars = 1000 })!.Problem.ShouldBe(XlsxFileProblem.TooLarge);
    }

    [Fact]
    public void A_workbook_with_no_rows_is_reported_on_import()
    {
        var result = XlsxImport.Read(new MemoryStream(XlsxFiles.Workbook("")), Columns, r => r.Text("姓名"));
        result.FileError!.Problem.ShouldBe(XlsxFileProblem.NoRows);
        result.FileError.Message.ShouldContain("没有任何内容");
    }

    [Fact]
    public async Task A_workbook_with_only_a_header_is_reported_on_import()
    {
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", [new XlsxColumn("姓名"), new XlsxColumn("身份证号")], Array.Empty<object?[]>()));

        var result = XlsxImport.Read(new MemoryStream(file), Columns, r => r.Text("姓名"));
        result.IsSuccess.ShouldBeFalse();
        result.FileError!.Problem.ShouldBe(XlsxFileProblem.HeaderOnly);
        result.FileError.Message.ShouldBe("表格只有表头，没有数据行");
    }

    [Fact]
    public async Task Rows_beyond_the_row_limit_stop_the_import()
    {
        var file = await XlsxFiles.WriteAsync(new XlsxSheet("村干部", [new XlsxColumn("姓名"), new XlsxColumn("身份证号")],
            Enumerable.Range(1, 11).Select(i => new object?[] { $"村民{i}", "36092219790301001X" })));

        var limits = new XlsxLimits(MaxRows: 10);
        var result = XlsxImport.Read(new MemoryStream(file), Columns, r => r.Text("姓名"), limits);
        result.FileError!.Problem.ShouldBe(XlsxFileProblem.TooManyRows);
        result.FileError.Message.ShouldBe("数据超过了 10 行的上限，请拆分成多个文件分别导入");
        XlsxImport.Read(new MemoryStream(file), Columns, r => r.Text("姓名"), new XlsxLimits(MaxRows: 11)).IsSuccess.ShouldBeTrue();
    }
}
