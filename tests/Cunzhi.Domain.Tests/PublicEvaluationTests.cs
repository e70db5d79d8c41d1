using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class PublicEvaluationTests
{
    private static DateTime T(string s) => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-12-01 08:59:59", null, WindowState.NotYetOpen)]
    [InlineData("2026-12-01 09:00:00", null, WindowState.Open)]      // opening moment is open
    [InlineData("2026-12-01 11:59:59", null, WindowState.Open)]
    [InlineData("2026-12-01 12:00:00", null, WindowState.Closed)]    // closing moment is closed
    [InlineData("2026-12-02 00:00:00", null, WindowState.Closed)]
    [InlineData("2026-12-01 10:00:00", "2026-12-01 09:30:00", WindowState.Closed)] // ended early by the county
    [InlineData("2026-11-30 10:00:00", "2026-11-30 09:30:00", WindowState.Closed)] // results written: closed whatever the clock
    public void State_follows_the_clock_and_an_early_close(string now, string? closedAt, WindowState expected) =>
        PublicEvaluationRules.StateAt(T("2026-12-01 09:00:00"), T("2026-12-01 12:00:00"), closedAt is null ? null : T(closedAt), T(now)).ShouldBe(expected);

    [Theory]
    [InlineData(2026, "2026-12-01 09:00", "2026-12-01 12:00", "2026-11-01 00:00", "")]
    [InlineData(2026, "2026-12-01 09:00", "2026-12-01 09:00", "2026-11-01 00:00", "结束时间必须晚于开始时间")]
    [InlineData(2026, "2026-12-01 09:00", "2027-01-05 09:00", "2026-11-01 00:00", "评议期不能超过 31 天")]
    [InlineData(2026, "2026-10-01 09:00", "2026-10-02 09:00", "2026-11-01 00:00", "结束时间已过")]
    [InlineData(1999, "2026-12-01 09:00", "2026-12-01 12:00", "2026-11-01 00:00", "年度不正确")]
    [InlineData(1999, "2026-10-01 09:00", "2026-10-01 08:00", "2026-11-01 00:00", "年度不正确|结束时间必须晚于开始时间|结束时间已过")] // every reason
    public void Window_times_are_checked_with_every_reason(int year, string opens, string closes, string now, string expected) =>
        string.Join("|", PublicEvaluationRules.CheckTimes(year, T(opens), T(closes), T(now))).ShouldBe(expected);

    [Fact]
    public void A_window_is_opened_per_village_only() =>
        Should.Throw<RuleException>(() => EvaluationWindow.Create("360922106000", 2026, T("2026-12-01 09:00"), T("2026-12-01 12:00"), "c", T("2026-11-01 00:00")))
            .Message.ShouldBe("评议只能按村开启");

    [Fact]
    public void A_window_opens_now_only_before_it_opened()
    {
        var w = EvaluationWindow.Create("360922106208", 2026, T("2026-12-01 09:00"), T("2026-12-01 12:00"), "c", T("2026-11-01 00:00"));
        w.OpenNow(T("2026-11-30 08:00"));
        w.StateAt(T("2026-11-30 08:00")).ShouldBe(WindowState.Open);
        Should.Throw<RuleException>(() => w.OpenNow(T("2026-11-30 08:01")));
    }

    [Theory]
    [InlineData(WindowState.NotYetOpen, true)]
    [InlineData(WindowState.Open, false)]
    [InlineData(WindowState.Closed, false)]
    public void Reports_change_only_before_the_window_opens(WindowState state, bool allowed)
    {
        var report = EvaluationReport.For(1, "360922106208", 7, "张三", "SJ", 0);
        if (allowed)
        {
            report.Edit(" 一年来…… ", "town.sanxing", state);
            report.Text.ShouldBe("一年来……");
        }
        else Should.Throw<RuleException>(() => report.Edit("x", "town.sanxing", state)).Message.ShouldBe("评议已开始，述职报告不能再修改");
    }

    [Theory]
    [InlineData(WindowState.NotYetOpen, true)]
    [InlineData(WindowState.Open, false)]
    [InlineData(WindowState.Closed, false)]
    public void Codes_are_voided_only_before_the_window_opens(WindowState state, bool allowed)
    {
        var code = BallotCode.Issue(1, "360922106208", "h");
        if (allowed)
        {
            code.Void(state);
            code.Voided.ShouldBeTrue();
        }
        else Should.Throw<RuleException>(() => code.Void(state)).Message.ShouldBe("评议已开始，票码不能再作废");
    }

    [Theory]
    [InlineData("K7M2-PQ9X-4HTB", "K7M2PQ9X4HTB", null)]
    [InlineData("k7m2 pq9x 4htb", "K7M2PQ9X4HTB", null)]
    [InlineData(" K7M2PQ9X4HTB ", "K7M2PQ9X4HTB", null)]
    [InlineData("", null, "请输入票码")]
    [InlineData("   ", null, "请输入票码")]
    [InlineData("K7M2-PQ9X-4HT0", null, "票码中没有数字 0、1 和字母 O、I，请核对票面")]
    [InlineData("K7M2-PQ9X-4HTO", null, "票码中没有数字 0、1 和字母 O、I，请核对票面")]
    [InlineData("K7M2-PQ9X-4HT1", null, "票码中没有数字 0、1 和字母 O、I，请核对票面")]
    [InlineData("K7M2-PQ9X-4HT!", null, "票码只含数字和英文字母，请核对票面")]
    [InlineData("K7M2-PQ9X-4HT", null, "票码应为 12 位（不含连字符），请核对票面")]
    [InlineData("K7M2-PQ9X-4HTBB", null, "票码应为 12 位（不含连字符），请核对票面")]
    public void Typed_codes_are_normalized_or_refused_with_a_reason(string typed, string? code, string? error) =>
        BallotCodeFormat.Normalize(typed).ShouldBe((code, error));

    [Fact]
    public void The_code_alphabet_has_32_symbols_without_0_O_1_or_I()
    {
        BallotCodeFormat.Alphabet.Length.ShouldBe(32);
        BallotCodeFormat.Alphabet.ShouldNotContain('0');
        BallotCodeFormat.Alphabet.ShouldNotContain('O');
        BallotCodeFormat.Alphabet.ShouldNotContain('1');
        BallotCodeFormat.Alphabet.ShouldNotContain('I');
    }

    [Fact]
    public void Generated_codes_take_each_symbol_the_random_source_picks()
    {
        var counter = 0;
        var code = BallotCodeFormat.Generate(n => counter++ % n);
        code.ShouldBe("23456789ABCD");
        BallotCodeFormat.Display(code).ShouldBe("2345-6789-ABCD");
    }

    /// <summary>200 codes from a seeded random source.</summary>
    private static List<string> ManyCodes()
    {
        var random = new Random(1);
        return Enumerable.Range(0, 200).Select(_ => BallotCodeFormat.Generate(random.Next)).ToList();
    }

    [Fact]
    public void Generated_codes_are_12_symbols_of_the_alphabet() =>
        ManyCodes().ShouldAllBe(c => c.Length == 12 && c.All(ch => BallotCodeFormat.Alphabet.Contains(ch)));

    [Fact]
    public void Generated_codes_are_distinct() => ManyCodes().Distinct().Count().ShouldBe(200);

    [Fact]
    public void A_generated_code_reads_back_from_its_display_form() =>
        ManyCodes().All(c => BallotCodeFormat.Normalize(BallotCodeFormat.Display(c)).Code == c).ShouldBeTrue();

    public static TheoryData<long[], (long, BallotChoice?)[], string> Ballots => new()
    {
        { [1, 2], [(1, BallotChoice.Satisfied), (2, BallotChoice.Dissatisfied)], "" },
        { [1, 2], [(1, BallotChoice.Satisfied)], "请对李四作出评价" },
        { [1, 2], [(1, null), (2, null)], "请对张三作出评价|请对李四作出评价" },
        { [1, 2], [(1, BallotChoice.Satisfied), (2, (BallotChoice)9)], "对李四的评价无效" },
        { [1], [(1, BallotChoice.Satisfied), (3, BallotChoice.Satisfied)], "选票中有不在本次评议名单上的干部" },
    };

    [Theory]
    [MemberData(nameof(Ballots))]
    public void A_ballot_answers_every_cadre_once(long[] cadres, (long, BallotChoice?)[] answers, string expected)
    {
        var names = new Dictionary<long, string> { [1] = "张三", [2] = "李四" };
        PublicEvaluationRules.CheckBallot(cadres.ToDictionary(c => c, c => names[c]), answers.ToDictionary(a => a.Item1, a => a.Item2))
            .ShouldBe(expected.Length == 0 ? [] : expected.Split('|'));
    }

    [Fact]
    public void The_tally_gives_each_cadre_counts_rate_and_turnout()
    {
        var results = PublicEvaluationRules.Tally(5, "360922106208", 2026, [1, 2, 3],
            [(1, BallotChoice.Satisfied, 20), (1, BallotChoice.BasicallySatisfied, 10), (1, BallotChoice.Dissatisfied, 10),
             (2, BallotChoice.Satisfied, 0), (2, BallotChoice.BasicallySatisfied, 0), (2, BallotChoice.Dissatisfied, 40)], 50, 40);
        results.Select(r => (r.CadreId, r.Satisfied, r.BasicallySatisfied, r.Dissatisfied, r.SatisfactionRate, r.Turnout)).ShouldBe(
        [
            (1L, 20, 10, 10, 0.75m, 0.8m),
            (2L, 0, 0, 40, 0m, 0.8m),
            (3L, 0, 0, 0, (decimal?)null, 0.8m),
        ]);
        results.ShouldAllBe(r => r.WindowId == 5 && r.Year == 2026 && r.RegionCode == "360922106208" && r.CodesIssued == 50 && r.CodesUsed == 40);
    }

    [Fact]
    public void A_tally_with_more_codes_used_than_issued_is_refused() =>
        Should.Throw<RuleException>(() => PublicEvaluationRules.Tally(5, "360922106208", 2026, [1], [], 3, 4));
}
