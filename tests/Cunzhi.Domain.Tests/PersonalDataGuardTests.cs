using Cunzhi.Domain.Common;
using Cunzhi.Domain.Privacy;

namespace Cunzhi.Domain.Tests;

/// <summary>
/// The personal-data guard on real-shaped postings. Fixtures were computed by a separate script (ISO 7064 MOD 11-2 and
/// Luhn), not by the code under test: 360922198506151232 and 11010519491231002X are valid ID numbers (the second is GB
/// 11643-1999's own example); 360922198506151237 has a wrong check character but passes Luhn; 360922198506150205 is a
/// valid ID number that also passes Luhn; 6217001234567893 (16), 62284800123456782 (17), 622202100112345678 (18) and
/// 6217001234567890122 (19) pass Luhn; 6217001234567891 does not.
/// </summary>
public sealed class PersonalDataGuardTests
{
    private const string Id = "360922198506151232";

    /// <summary>Each hit as <c>kind@line:char</c>, joined with spaces; empty for none.</summary>
    private static string Found(string text) =>
        string.Join(" ", PersonalDataGuard.ScanText(text).Select(h => $"{h.Kind}@{h.Line}:{h.Char}"));

    [Theory]
    // ID numbers: whole, with X, grouped as people type them, full-width, inside Chinese text
    [InlineData("360922198506151232", "NationalId@1:1")]
    [InlineData("身份证号：360922198506151232，户主", "NationalId@1:6")]
    [InlineData("11010519491231002X", "NationalId@1:1")]
    [InlineData("11010519491231002x号", "NationalId@1:1")]
    [InlineData("360922 19850615 1232", "NationalId@1:1")]
    [InlineData("3609-2219-8506-1512-32", "NationalId@1:1")]
    [InlineData("３６０９２２１９８５０６１５１２３２", "NationalId@1:1")]
    [InlineData("３６０９２２　１９８５０６１５　１２３２", "NationalId@1:1")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "NationalId@1:1")]
    [InlineData("张三360922198506151232李四", "NationalId@1:3")]
    [InlineData("ID:360922198506151232-01", "NationalId@1:4")]
    [InlineData("360922198506150205", "NationalId@1:1")]                  // passes Luhn too: reported once, as an ID
    // not ID numbers
    [InlineData("360922198506151233", "")]                                // wrong check character, fails Luhn
    [InlineData("36092219850615123", "")]                                 // 17 digits
    [InlineData("13609221985061512321", "")]                              // a 20-digit run holding a valid number
    [InlineData("3609221985061512321", "")]                               // 19 digits, fails Luhn
    [InlineData("3609**********1232", "")]                                // masked
    [InlineData("360***********1232", "")]
    [InlineData("990922198506151232", "")]                                // no such province (checksum aside)
    // 15-digit first-generation numbers, whole only
    [InlineData("旧证号 360922850615123", "LegacyNationalId@1:5")]
    [InlineData("360922851315123", "")]                                   // month 13
    [InlineData("360022850615123", "")]                                   // prefecture 00
    [InlineData("360922 850615 123", "")]                                 // grouped: no check digit, too weak to take
    // mobile numbers
    [InlineData("13812345678", "MobilePhone@1:1")]
    [InlineData("联系电话:13812345678。", "MobilePhone@1:6")]
    [InlineData("138 1234 5678", "MobilePhone@1:1")]
    [InlineData("138-1234-5678", "MobilePhone@1:1")]
    [InlineData("138 12345678", "MobilePhone@1:1")]
    [InlineData("+86 138 1234 5678", "MobilePhone@1:5")]                 // found at the 138
    [InlineData("+8613812345678", "MobilePhone@1:2")]
    [InlineData("008613812345678", "MobilePhone@1:1")]
    [InlineData("１３８１２３４５６７８", "MobilePhone@1:1")]
    [InlineData("电话19912345678、17712345678", "MobilePhone@1:3 MobilePhone@1:15")]
    [InlineData("13812345678.00", "MobilePhone@1:1")]                     // decided: an amount this large does not occur; refuse
    [InlineData("138****5678", "")]                                       // masked
    [InlineData("12812345678", "")]                                       // second digit 2
    [InlineData("23812345678", "")]
    [InlineData("1381234567", "")]                                        // 10 digits
    [InlineData("138123456789", "")]                                      // 12 digits
    [InlineData("1381 2345 678", "")]                                     // 4-4-3 is not how a phone is written
    [InlineData("0791-88881234", "")]                                     // a landline
    [InlineData("20261207", "")]                                          // a date
    [InlineData("2026-12-07 至 2026-12-31", "")]
    [InlineData("20261201-20261231", "")]                                 // a date range: two 8-digit groups
    [InlineData("收入 13812.50 元，支出 5678.00 元", "")]
    // bank cards
    [InlineData("6217001234567893", "BankCard@1:1")]
    [InlineData("62284800123456782", "BankCard@1:1")]
    [InlineData("622202100112345678", "BankCard@1:1")]
    [InlineData("卡号6217001234567890122。", "BankCard@1:3")]
    [InlineData("6217 0012 3456 7890 122", "BankCard@1:1")]
    [InlineData("6217-0012-3456-7893", "BankCard@1:1")]
    [InlineData("360922198506151237", "BankCard@1:1")]                   // not an ID (check character) but a Luhn-valid 18-digit number
    [InlineData("6217001234567891", "")]                                  // fails Luhn
    [InlineData("0000000000000000", "")]                                  // no card number starts with 0
    [InlineData("6217 **** **** 7893", "")]                               // masked
    [InlineData("62170012345678930", "")]                                 // one digit more: fails Luhn
    [InlineData("62170 01234 567893", "")]                                // 5-5-6 is not how a card is printed
    // several on several lines, each at its own place
    [InlineData("户主：王某\n身份证 360922198506151232\r\n手机 13812345678", "NationalId@2:5 MobilePhone@3:4")]
    [InlineData("a\r\rb 13812345678", "MobilePhone@3:3")]
    [InlineData("13812345678 360922198506151232 6217001234567893", "MobilePhone@1:1 NationalId@1:13 BankCard@1:32")]
    [InlineData("138 1234 5678 6217 0012 3456 7893", "MobilePhone@1:1 BankCard@1:15")]
    [InlineData("", "")]
    public void Finds_full_personal_numbers_where_they_start(string text, string expected) => Found(text).ShouldBe(expected);

    [Theory]
    [InlineData("360922198506151232", "第 1 行 第 1 个字处含完整身份证号码")]
    [InlineData("说明\n电话 13812345678", "第 2 行 第 4 个字处含完整手机号码")]
    [InlineData("6217001234567893", "第 1 行 第 1 个字处含完整银行卡号")]
    [InlineData("360922850615123", "第 1 行 第 1 个字处含完整15 位旧身份证号码")]
    public void A_text_hit_names_the_place_it_starts(string text, string message) =>
        PersonalDataGuard.ScanText(text).Single().Message.ShouldBe(message);

    [Fact]
    public void A_text_hit_names_the_field_it_is_in() =>
        PersonalDataGuard.ScanText("电话 13812345678", "正文").Single().Message.ShouldBe("正文第 1 行 第 4 个字处含完整手机号码");

    [Theory]
    [InlineData(Id)]
    [InlineData("13812345678")]
    [InlineData("6217001234567893")]
    [InlineData("11010519491231002X")]
    public void No_message_contains_the_number_or_its_digits(string number)
    {
        var messages = PersonalDataGuard.ScanText($"名单\n{number}").Select(h => h.Message)
            .Concat(PersonalDataGuard.ScanTable([["王某", number]], ["姓名", "号码"]).Select(h => h.Message))
            .Concat(PersonalDataGuard.ScanPages(["", number], "名单.pdf").Select(h => h.Message)).ToList();
        messages.Count.ShouldBe(3);
        foreach (var m in messages)
        {
            m.ShouldNotContain(number);
            m.ShouldNotContain(number[^4..]);
            m.ShouldNotContain(number[..6]);
        }
    }

    [Fact]
    public void A_table_hit_names_its_cell_with_the_column_heading()
    {
        string?[][] rows =
        [
            ["王某", "男", "3609**********1232"],
            ["李某", null, Id],
            ["赵某", "13812345678", "无"],
        ];
        PersonalDataGuard.ScanTable(rows, ["姓名", "联系电话", "身份证号"], firstRowNumber: 2).Select(h => h.Message).ShouldBe(
        [
            "第 3 行 第 3 列「身份证号」含完整身份证号码",
            "第 4 行 第 2 列「联系电话」含完整手机号码",
        ]);
    }

    [Fact]
    public void A_table_without_headings_names_the_column_by_number()
    {
        var hit = PersonalDataGuard.ScanTable([["a", "b"], ["c", "卡号 6217001234567893"]]).Single();
        (hit.Message, hit.Row, hit.Column, hit.ColumnName).ShouldBe(("第 2 行 第 2 列含完整银行卡号", (int?)2, (int?)2, (string?)null));
    }

    [Fact]
    public void Numbers_in_neighbouring_cells_are_not_joined()
    {
        // 138 | 1234 | 5678 in three cells, and an ID's halves in two, are figures, not numbers
        PersonalDataGuard.ScanTable([["138", "1234", "5678"], ["360922198", "506151232"]]).ShouldBeEmpty();
    }

    [Fact]
    public void A_document_hit_names_its_line_on_its_page()
    {
        string?[] pages = ["第一页 合计 13812.00", null, "收支明细\n经办人 王某\n电话 13812345678", Id];
        PersonalDataGuard.ScanPages(pages, "收支明细.pdf").Select(h => (h.Page, h.Line, h.Message)).ShouldBe(
        [
            ((int?)3, (int?)3, "附件「收支明细.pdf」第 3 页 第 3 行含完整手机号码"),
            ((int?)4, (int?)1, "附件「收支明细.pdf」第 4 页 第 1 行含完整身份证号码"),
        ]);
    }

    [Fact]
    public void A_number_in_a_heading_is_found_too() =>
        PersonalDataGuard.ScanTable([["王某"]], ["户主 13812345678"]).Single().Message.ShouldBe("表头第 1 列含完整手机号码");

    [Theory]
    [InlineData("电话 13812345678，身份证 360922198506151232。", "电话 138****5678，身份证 360***********1232。")]
    [InlineData("+86 138-1234-5678", "+86 138****5678")]
    [InlineData("8613812345678", "138****5678")]
    [InlineData("证号 11010519491231002x", "证号 110***********002X")]
    [InlineData("卡号 6217 0012 3456 7893 止", "卡号 6217 **** **** 7893 止")]
    [InlineData("旧证 360922850615123", "旧证 360********5123")]
    [InlineData("１３８１２３４５６７８", "138****5678")]
    [InlineData("合计 13812.50 元", "合计 13812.50 元")]
    [InlineData("", "")]
    public void Masking_replaces_each_number_by_its_masked_form(string text, string masked) =>
        PersonalDataGuard.MaskAll(text).ShouldBe(masked);

    [Theory]
    [InlineData("户主 360922198506151232 电话 138 1234 5678\n卡 6217001234567890122 旧证 360922850615123")]
    [InlineData("３６０９２２１９８５０６１５１２３２、13812345678.00、360922198506150205")]
    public void A_masked_text_passes_the_guard(string text)
    {
        PersonalDataGuard.ScanText(text).ShouldNotBeEmpty();
        PersonalDataGuard.ScanText(PersonalDataGuard.MaskAll(text)).ShouldBeEmpty();
    }

    [Fact]
    public void A_posting_with_hits_is_refused_with_one_problem_per_place()
    {
        var hits = PersonalDataGuard.ScanText($"{Id}\n13812345678", "正文");
        var e = Should.Throw<RuleException>(() => PersonalDataGuard.EnsureNone(hits));
        e.Problems.Select(p => (p.Code, p.Field, p.Message)).ShouldBe(
        [
            ("privacy.personal_data", (string?)"正文", "正文第 1 行 第 1 个字处含完整身份证号码"),
            ("privacy.personal_data", "正文", "正文第 2 行 第 1 个字处含完整手机号码"),
            ("privacy.personal_data", null, "公开内容不能含完整的身份证号、手机号或银行卡号，请删除或打码（如 138****5678）后再提交"),
        ]);
    }

    [Fact]
    public void A_refusal_lists_at_most_twenty_places()
    {
        var rows = Enumerable.Range(0, 77).Select(_ => (IReadOnlyList<string?>)["王某", Id]);
        var e = Should.Throw<RuleException>(() => PersonalDataGuard.EnsureNone(PersonalDataGuard.ScanTable(rows)));
        e.Problems.Count.ShouldBe(PersonalDataGuard.MaxListed + 2);
        e.Problems[^2].Message.ShouldBe("另有 57 处含完整个人号码，未逐一列出");
    }

    [Fact]
    public void A_posting_without_hits_passes() =>
        Should.NotThrow(() => PersonalDataGuard.EnsureNone(PersonalDataGuard.ScanText("2026 年第三季度财务收支：收入 12,345.67 元；联系人 138****5678")));

    [Fact]
    public void A_large_table_is_scanned_whole()
    {
        // 10,000 rows × 10 columns of ordinary figures, two numbers planted far apart: the scan is one pass per cell
        var rows = Enumerable.Range(0, 10_000).Select(r => (IReadOnlyList<string?>)Enumerable.Range(0, 10)
            .Select(c => r == 4_321 && c == 7 ? Id : r == 9_999 && c == 0 ? "13812345678" : $"{r * 10 + c}.50 元 2026-12-07 第{c}组").ToArray()).ToList();
        PersonalDataGuard.ScanTable(rows).Select(h => (h.Row, h.Column, h.Kind)).ShouldBe(
            [((int?)4_322, (int?)8, PersonalDataKind.NationalId), (10_000, 1, PersonalDataKind.MobilePhone)]);
    }

    [Theory]
    [InlineData("79927398713", true)]   // the usual worked example
    [InlineData("79927398710", false)]
    [InlineData("6217001234567893", true)]
    [InlineData("6217001234567891", false)]
    [InlineData("", false)]
    [InlineData("12a4", false)]
    public void Luhn_check(string digits, bool passes) => PersonalDataGuard.PassesLuhn(digits).ShouldBe(passes);
}
