using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("１２０．５", "120.5")]
    [InlineData("１２０。５", "120.5")]
    [InlineData("　３００　", "300")]
    [InlineData("－１５", "-15")]
    [InlineData("＋８", "+8")]
    [InlineData("１，２００", "1,200")]
    [InlineData("120.5", "120.5")]
    [InlineData(" 42 ", "42")]
    [InlineData("", "")]
    [InlineData("十二", "十二")]
    [InlineData("ａｂｃ", "abc")]
    [InlineData("1²", "1²")]
    public void Full_width_number_text_reads_as_ascii(string typed, string read) =>
        NumberText.Normalize(typed).ShouldBe(read);
}

public sealed class FormNumberTests
{
    [Theory]
    [InlineData("１２０．５", 120.5)]
    [InlineData("２４５", 245)]
    [InlineData("－３", -3)]
    [InlineData("245", 245)]
    public void A_form_number_typed_in_full_width_is_read(string typed, double expected)
    {
        Forms.FormEntry.TryNumber(typed, out var n).ShouldBeTrue();
        n.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("十二")]
    [InlineData("１２ａ")]
    [InlineData("")]
    public void Text_that_is_not_a_number_stays_refused(string typed) =>
        Forms.FormEntry.TryNumber(typed, out _).ShouldBeFalse();
}
