using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class RuleExceptionTests
{
    [Fact]
    public void A_message_alone_is_one_problem_with_the_default_code_and_no_field()
    {
        var e = new RuleException("批次已锁定");
        e.Problems.ShouldBe([new RuleProblem(RuleException.DefaultCode, null, "批次已锁定")]);
        e.Message.ShouldBe("批次已锁定");
    }

    [Fact]
    public void A_code_and_field_are_kept()
    {
        var e = new RuleException("accounts.user_name_taken", "UserName", "账号 a 已存在");
        e.Problems.Single().ShouldBe(new RuleProblem("accounts.user_name_taken", "UserName", "账号 a 已存在"));
    }

    public static TheoryData<string[], string, string> Joined => new()
    {
        { ["甲"], "；", "甲" },
        { ["甲", "乙"], "；", "甲；乙" },
        { ["甲", "乙", "丙"], "\n", "甲\n乙\n丙" },
    };

    public static TheoryData<string[], string> Separated => new()
    {
        { ["甲"], "；" },
        { ["甲", "乙"], "；" },
        { ["甲", "乙", "丙"], "\n" },
    };

    [Theory]
    [MemberData(nameof(Separated))]
    public void Several_messages_are_separate_problems(string[] messages, string separator) =>
        RuleException.Of(messages, "pay.settings", separator).Problems.Select(p => (p.Code, p.Field, p.Message))
            .ShouldBe(messages.Select(m => ("pay.settings", (string?)null, m)));

    [Theory]
    [MemberData(nameof(Joined))]
    public void The_message_joins_several_messages_with_the_separator(string[] messages, string separator, string message)
    {
        var e = RuleException.Of(messages, "pay.settings", separator);
        e.Message.ShouldBe(message);
        e.Separator.ShouldBe(separator);
    }

    [Fact]
    public void ThrowIfAny_throws_nothing_when_there_is_no_problem()
    {
        Should.NotThrow(() => RuleException.ThrowIfAny(Array.Empty<string>()));
        Should.NotThrow(() => RuleException.ThrowIfAny(Array.Empty<RuleProblem>()));
    }

    [Fact]
    public void ThrowIfAny_throws_every_problem()
    {
        Should.Throw<RuleException>(() => RuleException.ThrowIfAny(["甲", "乙"])).Problems.Count.ShouldBe(2);
        Should.Throw<RuleException>(() => RuleException.ThrowIfAny([new RuleProblem("c", "F", "甲")])).Problems.Single().Field.ShouldBe("F");
    }

    public static TheoryData<RuleProblem[]> Malformed => new()
    {
        Array.Empty<RuleProblem>(),
        new[] { new RuleProblem("", null, "甲") },
        new[] { new RuleProblem("c", null, " ") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_refusal_needs_at_least_one_problem_each_with_a_code_and_a_message(RuleProblem[] problems) =>
        Should.Throw<ArgumentException>(() => new RuleException(problems));

    [Fact]
    public void A_rule_that_finds_several_problems_throws_each_under_its_field()
    {
        var policy = BurdenPolicy.Default("360922000000");
        var e = Should.Throw<RuleException>(() => policy.Change(0, 51, null, 6, "county.admin", TestClock.Instant));
        e.Problems.Select(p => p.Field).ShouldBe([nameof(BurdenPolicy.RankingIntervalMonths), nameof(BurdenPolicy.AssessmentItemCap)]);
        e.Message.ShouldBe("排名发布间隔须在 1 至 60 个月之间；乡镇考核事项上限须在 1 至 50 项之间");
    }
}
