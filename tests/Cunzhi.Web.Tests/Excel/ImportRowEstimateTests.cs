using System.IO.Compression;
using System.Text;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>The row count behind an import's progress bar, before the rows are read.</summary>
public sealed class ImportRowEstimateTests
{
    private static async Task<byte[]> SheetWithRows(int rows) => await XlsxFiles.WriteAsync(new XlsxSheet("数据", [new XlsxColumn("序号", XlsxKind.Integer)],
        Enumerable.Range(1, rows).Select(i => new object?[] { i })));

    [Fact]
    public async Task Rows_below_the_header_are_counted_when_the_sheet_has_no_dimension()
    {
        ImportRunner.EstimateRows(new MemoryStream(await SheetWithRows(1234))).ShouldBe(1234);
        ImportRunner.EstimateRows(new MemoryStream(await SheetWithRows(0))).ShouldBe(0);
    }

    [Fact]
    public async Task The_dimension_Excel_writes_is_taken_as_it_is()
    {
        var file = await SheetWithRows(10);
        using var stream = new MemoryStream();
        stream.Write(file);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            entry.Delete();
            var at = xml.IndexOf("<x:sheetViews", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml[..at] + "<x:dimension ref=\"A1:L501\" />" + xml[at..]);
        }

        ImportRunner.EstimateRows(new MemoryStream(stream.ToArray())).ShouldBe(500);
    }

    [Fact]
    public void Anything_that_is_not_a_workbook_is_unknown_rather_than_an_error()
    {
        ImportRunner.EstimateRows(new MemoryStream(Encoding.UTF8.GetBytes("姓名,身份证号\n张三,1\n"))).ShouldBe(0);
        ImportRunner.EstimateRows(new MemoryStream([])).ShouldBe(0);
        ImportRunner.EstimateRows(new MemoryStream(XlsxFiles.Zip(("hello.txt", "not a workbook")))).ShouldBe(0);
    }
}
