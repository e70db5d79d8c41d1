using Cunzhi.Web.Infrastructure.Excel;

namespace Cunzhi.Web.Tests.Excel;

/// <summary>Reading values out of cells the ways county staff type them.</summary>
public sealed class XlsxCellTests
{
    private static XlsxCell Text(string s) => new(XlsxCellType.Text, s);
    private static XlsxCell Number(string s) => new(XlsxCellType.Number, s);

    [Theory]
    [InlineData("2024-03-01")]
    [InlineData("2024/3/1")]
    [InlineData("2024/03/01")]
    [InlineData("2024.3.1")]
    [InlineData("20240301")]
    [InlineData("2024年3月1日")]
    [InlineData("2024年03月01")]
    [InlineData(" 2024-3-1 ")]
    [InlineData("２０２４－０３－０１")]
    [InlineData("2024-03-01 00:00:00")]
    [InlineData("2024-03-01T08:30")]
    public void Dates_typed_as_text_are_read(string text)
    {
        Text(text).TryGetDate(out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024/3-1")]
    [InlineData("24/3/1")]
    [InlineData("3/1/2024")]
    [InlineData("1899-12-31")]
    [InlineData("2024030")]
    [InlineData("二〇二四年三月一日")]
    [InlineData("待定")]
    public void Text_that_is_not_a_clear_date_is_refused(string text) =>
        Text(text).TryGetDate(out _).ShouldBeFalse();

    [Fact]
    public void Excel_date_cells_are_read_as_their_day()
    {
        new XlsxCell(XlsxCellType.Date, "45352").TryGetDate(out var serial).ShouldBeTrue();
        serial.ShouldBe(new DateOnly(2024, 3, 1));
        new XlsxCell(XlsxCellType.Date, "45352.75").TryGetDate(out var withTime).ShouldBeTrue();
        withTime.ShouldBe(new DateOnly(2024, 3, 1));
        new XlsxCell(XlsxCellType.Date, "60").TryGetDate(out _).ShouldBeFalse(); // Excel's phantom 1900-02-29
    }

    [Fact]
    public void Number_cells_are_dates_only_as_valid_yyyymmdd_never_as_bare_serials()
    {
        Number("20240301").TryGetDate(out var typed).ShouldBeTrue();
        typed.ShouldBe(new DateOnly(2024, 3, 1));
        Number("45352").TryGetDate(out _).ShouldBeFalse();
        Number("20241301").TryGetDate(out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(XlsxCellType.Number, "42", 42)]
    [InlineData(XlsxCellType.Number, "42.0", 42)]
    [InlineData(XlsxCellType.Text, " 42 ", 42)]
    [InlineData(XlsxCellType.Text, "４２", 42)]
    [InlineData(XlsxCellType.Text, "1,234", 1234)]
    [InlineData(XlsxCellType.Text, "-7", -7)]
    public void Whole_numbers_are_read_from_number_or_text_cells(XlsxCellType type, string raw, int expected)
    {
        new XlsxCell(type, raw).TryGetInt(out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData(XlsxCellType.Number, "42.5")]
    [InlineData(XlsxCellType.Number, "3000000000")]
    [InlineData(XlsxCellType.Text, "四十二")]
    [InlineData(XlsxCellType.Text, "42岁")]
    [InlineData(XlsxCellType.Date, "45352")]
    [InlineData(XlsxCellType.Boolean, "1")]
    [InlineData(XlsxCellType.Empty, "")]
    public void What_is_not_a_whole_int_is_refused(XlsxCellType type, string raw) =>
        new XlsxCell(type, raw).TryGetInt(out _).ShouldBeFalse();

    [Fact]
    public void Decimals_read_as_Excel_shows_them()
    {
        Number("0.30000000000000004").TryGetDecimal(out var rounded).ShouldBeTrue();
        rounded.ShouldBe(0.3m);
        Text("1,234.50").TryGetDecimal(out var text).ShouldBeTrue();
        text.ShouldBe(1234.5m);
    }

    [Fact]
    public void Money_in_yuan_is_read_as_fen()
    {
        Number("1234.56").TryGetMoney(out var fen).ShouldBeTrue();
        fen.ShouldBe(123456L);
        Text("800").TryGetMoney(out var whole).ShouldBeTrue();
        whole.ShouldBe(80000L);
        Number("12.345").TryGetMoney(out _).ShouldBeFalse(); // no such thing as a third decimal of a yuan
    }

    [Theory]
    [InlineData(XlsxCellType.Text, "是", true)]
    [InlineData(XlsxCellType.Text, "否", false)]
    [InlineData(XlsxCellType.Text, "Y", true)]
    [InlineData(XlsxCellType.Text, "no", false)]
    [InlineData(XlsxCellType.Boolean, "1", true)]
    [InlineData(XlsxCellType.Number, "0", false)]
    public void Yes_and_no_are_read_in_the_forms_people_type(XlsxCellType type, string raw, bool expected)
    {
        new XlsxCell(type, raw).TryGetBool(out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Fact]
    public void Strings_are_trimmed_to_null_when_blank()
    {
        Text("\u3000 张三 \u00A0").GetString().ShouldBe("张三");
        Text("   ").GetString().ShouldBeNull();
        Text("   ").IsBlank.ShouldBeTrue();
    }

    [Fact]
    public void Other_cells_read_as_strings_the_way_a_general_cell_shows_them()
    {
        Number("13800138000").GetString().ShouldBe("13800138000");
        Number("0.30000000000000004").GetString().ShouldBe("0.3");
        // An ID number that Excel already turned into a number has lost its last digits; it must not look exact.
        Number("3.60922197903010E+17").GetString().ShouldBe("3.6092219790301E+17");
        new XlsxCell(XlsxCellType.Date, "45352").GetString().ShouldBe("2024-03-01");
        new XlsxCell(XlsxCellType.Error, "#DIV/0!").GetString().ShouldBe("#DIV/0!");
        default(XlsxCell).GetString().ShouldBeNull();
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(16383, "XFD")]
    public void Column_letters_convert_both_ways(int index, string letters)
    {
        XlsxColumnLetters.ToLetters(index).ShouldBe(letters);
        XlsxColumnLetters.ToIndex(letters + "12").ShouldBe(index);
    }
}
