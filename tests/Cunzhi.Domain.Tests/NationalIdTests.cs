using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Tests;

public sealed class NationalIdTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);

    /// <summary>17 digits plus their own check character, so a case fails only on the rule it is about.</summary>
    private static string WithCheck(string first17) => first17 + NationalId.CheckDigit(first17);

    // Worked by hand, ISO 7064 MOD 11-2 with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
    //   11010519491231002: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    //   44052418800101001: 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → "10X98765432"[8] = 4
    // The other fixtures were computed by a separate script, not by the code under test.
    [Theory]
    [InlineData("11010519491231002", 'X')]   // GB 11643-1999's own example
    [InlineData("44052418800101001", '4')]   // GB 11643-1999's own example
    [InlineData("36092219850615123", '2')]
    [InlineData("36092220000229004", '4')]
    [InlineData("43010219900101123", '8')]
    [InlineData("51010219760812345", '6')]
    public void Check_digit_follows_ISO_7064_MOD_11_2(string first17, char expected) => NationalId.CheckDigit(first17).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]       // 16 digits
    [InlineData("110105194912310021")]     // 18 digits
    [InlineData("1101051949123100a")]
    public void Check_digit_needs_exactly_17_digits(string first17) =>
        Should.Throw<ArgumentException>(() => NationalId.CheckDigit(first17)).Message.ShouldContain("17 位数字");

    public static TheoryData<string, string, DateOnly, Gender, string> ValidNumbers => new()
    {
        { "11010519491231002X", "11010519491231002X", new(1949, 12, 31), Gender.Female, "110105" },
        { "11010519491231002x", "11010519491231002X", new(1949, 12, 31), Gender.Female, "110105" },   // lower-case x
        { "  360922198506151232\t", "360922198506151232", new(1985, 6, 15), Gender.Male, "360922" },  // trimmed
        { "110105194912310011", "110105194912310011", new(1949, 12, 31), Gender.Male, "110105" },
        { "360922200002290044", "360922200002290044", new(2000, 2, 29), Gender.Female, "360922" },    // 2000 is a leap year
        { "360922202402290085", "360922202402290085", new(2024, 2, 29), Gender.Female, "360922" },
        { "360922202311301017", "360922202311301017", new(2023, 11, 30), Gender.Male, "360922" },
        { "430102199001011238", "430102199001011238", new(1990, 1, 1), Gender.Male, "430102" },
        { "510102197608123456", "510102197608123456", new(1976, 8, 12), Gender.Male, "510102" },
        { "650101190001010001", "650101190001010001", new(1900, 1, 1), Gender.Female, "650101" },    // earliest date accepted
    };

    [Theory, MemberData(nameof(ValidNumbers))]
    public void A_valid_number_yields_its_birth_date_gender_and_region(string input, string normalized, DateOnly birth, Gender gender, string prefix)
    {
        var check = NationalId.Parse(input, AsOf);
        check.Errors.ShouldBeEmpty();
        check.IsValid.ShouldBeTrue();
        check.Normalized.ShouldBe(normalized);
        check.BirthDate.ShouldBe(birth);
        check.Gender.ShouldBe(gender);
        check.RegionPrefix.ShouldBe(prefix);
    }

    [Theory]
    [InlineData("36092219850615101", Gender.Male)]
    [InlineData("36092219850615103", Gender.Male)]
    [InlineData("36092219850615109", Gender.Male)]
    [InlineData("36092219850615100", Gender.Female)]
    [InlineData("36092219850615102", Gender.Female)]
    [InlineData("36092219850615108", Gender.Female)]
    public void The_seventeenth_digit_is_odd_for_men_and_even_for_women(string first17, Gender expected) =>
        NationalId.Parse(WithCheck(first17), AsOf).Gender.ShouldBe(expected);

    [Fact]
    public void A_birth_date_on_the_as_of_day_is_accepted() =>
        NationalId.Parse(WithCheck("36092220261121001"), AsOf).IsValid.ShouldBeTrue();

    // Each input is correct but for one rule; the check character is computed, so only that rule fails.
    [Theory]
    [InlineData("36092219850230123", "出生日期 19850230 不是有效日期")]      // 2月30日
    [InlineData("36092219851301123", "出生日期 19851301 不是有效日期")]      // 13月
    [InlineData("36092219851200123", "出生日期 19851200 不是有效日期")]      // day 00
    [InlineData("36092220230229123", "出生日期 20230229 不是有效日期")]      // 2023 is not a leap year
    [InlineData("36092219000229123", "出生日期 19000229 不是有效日期")]      // 1900 is not a leap year (century rule)
    [InlineData("36092220261122123", "出生日期 2026-11-22 晚于 2026-11-21")]  // the day after asOf
    [InlineData("36092220990101123", "晚于 2026-11-21")]
    [InlineData("44052418800101001", "出生日期 1880-01-01 早于 1900-01-01")]  // the standard's own example, checksum valid
    [InlineData("36092218991231123", "早于 1900-01-01")]
    [InlineData("99092219850615123", "前两位 99 不是有效的省级代码")]
    [InlineData("00092219850615123", "前两位 00 不是有效的省级代码")]
    [InlineData("16092219850615123", "前两位 16 不是有效的省级代码")]           // a gap between 15 and 21
    [InlineData("83092219850615123", "前两位 83 不是有效的省级代码")]
    [InlineData("36002219850615123", "第 3–4 位（地市代码）不能为 00")]
    [InlineData("36090019850615123", "第 5–6 位（县级代码）不能为 00")]
    public void A_number_breaking_one_rule_reports_that_rule_only(string first17, string message)
    {
        var check = NationalId.Parse(WithCheck(first17), AsOf);
        check.IsValid.ShouldBeFalse();
        check.Errors.ShouldHaveSingleItem().ShouldContain(message);
        check.Normalized.ShouldBeNull();
        check.BirthDate.ShouldBeNull();
        check.Gender.ShouldBeNull();
        check.RegionPrefix.ShouldBeNull();
    }

    [Theory]
    [InlineData("110105194912310020")]   // expected X
    [InlineData("110105194912310029")]
    [InlineData("360922198506151233")]   // expected 2
    [InlineData("36092219850615123X")]
    [InlineData("360922198506151322")]   // two digits swapped, check character untouched
    public void A_wrong_check_character_is_refused_without_naming_the_expected_one(string input)
    {
        var error = NationalId.Parse(input, AsOf).Errors.ShouldHaveSingleItem();
        error.ShouldBe("身份证号校验位不符，请逐位核对号码");
    }

    [Theory]
    [InlineData("360922850615123")]
    [InlineData(" 110105491231002 ")]
    public void A_fifteen_digit_legacy_number_is_refused_with_its_own_message(string input) =>
        NationalId.Parse(input, AsOf).Errors.ShouldBe(["15 位旧身份证号已停止使用，请填写 18 位号码"]);

    public static TheoryData<string?, string[]> Malformed => new()
    {
        { null, ["请填写身份证号"] },
        { "", ["请填写身份证号"] },
        { "   ", ["请填写身份证号"] },
        { "36092219850615123", ["身份证号应为 18 位，当前为 17 位"] },
        { "3609221985061512321", ["身份证号应为 18 位，当前为 19 位"] },
        { "36092285061512X", ["身份证号应为 18 位，当前为 15 位"] },              // 15 characters but not a legacy number
        { "360922 198506151232", ["身份证号应为 18 位，当前为 19 位", "身份证号只能由数字组成，最后一位可以是 X"] },
        { "36092219850615123２", ["身份证号最后一位只能是数字或 X"] },              // a full-width digit
        { "36092219850615123Y", ["身份证号最后一位只能是数字或 X"] },
        { "3609221985O615123X", ["身份证号前 17 位只能是数字"] },                    // letter O in the date: the date is not judged
        { "36092X198506151232", ["身份证号前 17 位只能是数字"] },                    // the region is not judged
        { "X60922198506151232", ["身份证号前 17 位只能是数字"] },
        { "36092219850615x232", ["身份证号前 17 位只能是数字"] },                    // only a trailing x is upper-cased
    };

    [Theory, MemberData(nameof(Malformed))]
    public void A_malformed_number_is_refused_in_Chinese(string? input, string[] errors) =>
        NationalId.Parse(input, AsOf).Errors.ShouldBe(errors);

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        // Province 99, prefecture 00, county 00, February 30th and a wrong check character at once.
        NationalId.Parse("990000198502301230", AsOf).Errors.ShouldBe(
        [
            "身份证号前两位 99 不是有效的省级代码",
            "身份证号第 3–4 位（地市代码）不能为 00",
            "身份证号第 5–6 位（县级代码）不能为 00",
            "身份证号中的出生日期 19850230 不是有效日期",
            "身份证号校验位不符，请逐位核对号码",
        ]);
        // A letter in the body hides the check character, but the region and date are still judged.
        NationalId.Parse("00092220990101A23X", AsOf).Errors.ShouldBe(
        [
            "身份证号前 17 位只能是数字",
            "身份证号前两位 00 不是有效的省级代码",
            "身份证号中的出生日期 2099-01-01 晚于 2026-11-21",
        ]);
    }

    [Fact]
    public void All_34_provincial_codes_are_accepted()
    {
        NationalId.ProvinceCodes.Count.ShouldBe(34);
        foreach (var province in NationalId.ProvinceCodes)
            NationalId.Parse(WithCheck(province + "010119850615123"), AsOf).IsValid.ShouldBeTrue(province);
    }

    public static TheoryData<DateOnly, Gender, string[]> Agreement => new()
    {
        { new(1985, 6, 15), Gender.Male, [] },
        { new(1985, 6, 16), Gender.Male, ["出生日期与身份证号不符"] },
        { new(1985, 6, 15), Gender.Female, ["性别与身份证号不符"] },
        { new(1958, 6, 15), Gender.Female, ["出生日期与身份证号不符", "性别与身份证号不符"] },
    };

    [Theory, MemberData(nameof(Agreement))]
    public void Typed_birth_date_and_gender_must_agree_with_the_number(DateOnly typedBirth, Gender typedGender, string[] errors)
    {
        var check = NationalId.Parse(WithCheck("36092219850615123"), AsOf);   // 1985-06-15, male
        NationalId.AgreesWith(check, typedBirth, typedGender).ShouldBe(errors);
    }

    [Fact]
    public void An_invalid_number_leaves_agreement_to_its_own_errors()
    {
        var check = NationalId.Parse("360922198506151230", AsOf);
        check.IsValid.ShouldBeFalse();
        NationalId.AgreesWith(check, new(2000, 1, 1), Gender.Female).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("430102199001011238", "430***********1238")]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*******")]    // too short to show ends without showing everything
    [InlineData("", "")]
    public void Masking_shows_the_first_three_and_last_four(string number, string masked) => NationalId.Mask(number).ShouldBe(masked);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20261121)]
    public void Composed_numbers_parse_back_to_what_they_were_made_of(int seed)
    {
        var random = new Random(seed);
        var earliest = NationalId.EarliestBirthDate.DayNumber;
        for (var n = 0; n < 500; n++)
        {
            var prefix = NationalId.ProvinceCodes[random.Next(NationalId.ProvinceCodes.Count)]
                         + random.Next(1, 100).ToString("00") + random.Next(1, 100).ToString("00");
            var birth = DateOnly.FromDayNumber(random.Next(earliest, AsOf.DayNumber + 1));
            var sequence = random.Next(0, 1000);
            var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;

            var number = NationalId.Compose(prefix, birth, sequence, gender);
            var context = $"{prefix} {birth} {sequence} {gender} → {number}";

            var check = NationalId.Parse(number, AsOf);
            check.Errors.ShouldBeEmpty(context);
            check.Normalized.ShouldBe(number, context);
            check.RegionPrefix.ShouldBe(prefix, context);
            check.BirthDate.ShouldBe(birth, context);
            check.Gender.ShouldBe(gender, context);
            int.Parse(number[14..17]).ShouldBeInRange(sequence - 1, sequence + 1, context);
            NationalId.FindAllValidIn($"<td>{number}</td>").ShouldBe([number], context);
        }
    }

    [Theory]
    [InlineData(122, Gender.Female, "122")]
    [InlineData(122, Gender.Male, "123")]
    [InlineData(123, Gender.Male, "123")]
    [InlineData(123, Gender.Female, "122")]
    [InlineData(0, Gender.Female, "000")]
    [InlineData(0, Gender.Male, "001")]
    [InlineData(999, Gender.Male, "999")]
    [InlineData(999, Gender.Female, "998")]
    public void Compose_moves_the_sequence_to_the_gender_parity_within_000_to_999(int sequence, Gender gender, string digits) =>
        NationalId.Compose("360922", new(1985, 6, 15), sequence, gender)[14..17].ShouldBe(digits);

    [Fact]
    public void Compose_builds_the_standard_example() =>
        NationalId.Compose("110105", new(1949, 12, 31), 2, Gender.Female).ShouldBe("11010519491231002X");

    public static TheoryData<string, DateOnly, int, Gender> UncomposableInputs => new()
    {
        { "990922", new(1985, 6, 15), 123, Gender.Male },
        { "360022", new(1985, 6, 15), 123, Gender.Male },
        { "360900", new(1985, 6, 15), 123, Gender.Male },
        { "36092", new(1985, 6, 15), 123, Gender.Male },
        { "36092a", new(1985, 6, 15), 123, Gender.Male },
        { "360922", new(1899, 12, 31), 123, Gender.Male },
        { "360922", new(1985, 6, 15), -1, Gender.Male },
        { "360922", new(1985, 6, 15), 1000, Gender.Male },
        { "360922", new(1985, 6, 15), 123, (Gender)0 },
    };

    [Theory, MemberData(nameof(UncomposableInputs))]
    public void Compose_refuses_inputs_that_cannot_give_a_valid_number(string prefix, DateOnly birth, int sequence, Gender gender) =>
        Should.Throw<ArgumentException>(() => NationalId.Compose(prefix, birth, sequence, gender));

    public static TheoryData<string, string[]> Texts => new()
    {
        { "", [] },
        { "11010519491231002X", ["11010519491231002X"] },                                  // the whole text
        {
            """
            <table><tr><td>张三</td><td>11010519491231002x</td><td>13812345678</td></tr>
            <tr><td data-id="360922198506151232">李四</td><td>430***********1238</td></tr></table>
            """,
            ["11010519491231002X", "360922198506151232"]
        },
        { "身份证号360922198506151232，电话138 1234 5678", ["360922198506151232"] },          // Chinese text around it
        { "id=430102199001011238&x=1;110105194912310011", ["430102199001011238", "110105194912310011"] },
        { "ID:360922198506151232X", ["360922198506151232"] },                               // a letter after 18 digits is no digit
        { "<td>360922198506151233</td>", [] },                                              // wrong check character
        { "<td>440524188001010014</td>", [] },                                              // born before 1900
        { "<td>990922198506151232</td>", [] },                                              // unknown province
        { "<td>1360922198506151232</td>", [] },                                             // tail of a 19-digit run
        { "<td>3609221985061512320</td>", [] },                                             // head of a 19-digit run
        { "order 202611211105101010123456789", [] },                                        // long serials
        { "36092219850615123", [] },                                                        // 17 digits
        { "360922850615123", [] },                                                          // legacy 15 digits are not scanned
    };

    [Theory, MemberData(nameof(Texts))]
    public void Scanning_text_finds_full_valid_numbers_only(string text, string[] expected) =>
        NationalId.FindAllValidIn(text).ShouldBe(expected);

    [Fact]
    public void Scanning_has_no_as_of_date_so_a_future_birth_date_is_still_found()
    {
        var number = NationalId.Compose("360922", new(2099, 1, 1), 123, Gender.Male);
        NationalId.Parse(number, AsOf).IsValid.ShouldBeFalse();
        NationalId.FindAllValidIn($"<p>{number}</p>").ShouldBe([number]);
    }
}
