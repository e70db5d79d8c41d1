using Cunzhi.Domain.Identity;

namespace Cunzhi.Domain.Tests;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("16612345678", "16612345678")]
    [InlineData("  13812345678 ", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("138－1234－5678", "13812345678")]       // full-width dash from a Chinese input method
    [InlineData("138\u30001234\u30005678", "13812345678")]  // ideographic space
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+86-138-1234-5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("0086 138 1234 5678", "13812345678")]
    public void A_valid_number_is_normalized_to_eleven_digits(string input, string normalized)
    {
        var check = MobilePhone.Parse(input);
        check.Errors.ShouldBeEmpty();
        check.IsValid.ShouldBeTrue();
        check.Normalized.ShouldBe(normalized);
    }

    public static TheoryData<string?, string[]> Invalid => new()
    {
        { null, ["请填写手机号"] },
        { "", ["请填写手机号"] },
        { "  ", ["请填写手机号"] },
        { "138123456789", ["手机号应为 11 位，当前为 12 位"] },
        { "1381234567", ["手机号应为 11 位，当前为 10 位"] },
        { "12812345678", ["手机号第 2 位应为 3–9"] },
        { "11812345678", ["手机号第 2 位应为 3–9"] },
        { "23812345678", ["手机号应以 1 开头"] },
        { "86138123456", ["手机号应以 1 开头"] },                           // 11 digits: 86 is not taken as a country code
        { "1381234567a", ["手机号只能包含数字、空格和连字符"] },
        { "(138)12345678", ["手机号只能包含数字、空格和连字符", "手机号应为 11 位，当前为 13 位"] },
        { "+1 415 555 2671", ["只支持中国大陆手机号（+86）"] },
        { "+86 128 1234 5678", ["手机号第 2 位应为 3–9"] },
        { "2212345", ["手机号应为 11 位，当前为 7 位", "手机号应以 1 开头", "手机号第 2 位应为 3–9"] },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void An_invalid_number_reports_every_problem_in_Chinese(string? input, string[] errors)
    {
        var check = MobilePhone.Parse(input);
        check.IsValid.ShouldBeFalse();
        check.Normalized.ShouldBeNull();
        check.Errors.ShouldBe(errors);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19900001111", "199****1111")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void Masking_shows_the_first_three_and_last_four(string number, string masked) => MobilePhone.Mask(number).ShouldBe(masked);
}
