using Cunzhi.Domain.Identity;

namespace Cunzhi.Domain.Tests;

public sealed class BankAccountTests
{
    [Theory]
    [InlineData("6217001234567891234", "6217001234567891234")]
    [InlineData("6217 0012 3456 7891 234", "6217001234567891234")]
    [InlineData("6217-0012-3456-7891-234", "6217001234567891234")]
    [InlineData("6217－0012－3456", "621700123456")]                 // full-width dash from a Chinese input method
    [InlineData(" 123456789012 ", "123456789012")]                  // 12 digits, the fewest
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")] // 30, the most
    public void A_valid_number_is_normalized_to_its_digits(string input, string normalized)
    {
        var check = BankAccount.Parse(input);
        check.Errors.ShouldBeEmpty();
        check.Normalized.ShouldBe(normalized);
    }

    public static TheoryData<string?, string[]> Invalid => new()
    {
        { null, ["请填写银行账号"] },
        { "  ", ["请填写银行账号"] },
        { "12345678901", ["银行账号应为 12–30 位数字，当前为 11 位"] },
        { "1234567890123456789012345678901", ["银行账号应为 12–30 位数字，当前为 31 位"] },
        { "6217A01234567891234", ["银行账号只能包含数字、空格和连字符"] },
        { "6217.0012", ["银行账号只能包含数字、空格和连字符", "银行账号应为 12–30 位数字，当前为 9 位"] },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void An_invalid_number_reports_every_problem_in_Chinese(string? input, string[] errors)
    {
        var check = BankAccount.Parse(input);
        check.IsValid.ShouldBeFalse();
        check.Errors.ShouldBe(errors);
    }

    [Theory]
    [InlineData("6217001234567891234", "6217 **** **** 1234")]
    [InlineData("123456789012", "1234 **** **** 9012")]
    [InlineData("123456789012345678901234567890", "1234 **** **** 7890")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    public void The_mask_keeps_only_the_first_and_last_four_digits(string normalized, string masked) =>
        BankAccount.Mask(normalized).ShouldBe(masked);
}
