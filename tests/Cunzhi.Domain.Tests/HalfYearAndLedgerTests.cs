using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class HalfYearAndLedgerTests
{
    private static readonly AssessmentSettings S = AssessmentSettings.DefaultFor("360922000000");

    public static TheoryData<HalfYearInput, AttentionKind[]> Cases => new()
    {
        { new(85, 6, Rating.Competent, Rating.Competent, 0.9m, 2025), [] },
        { new(null, 0, null, null, null, null), [] },
        { new(59.99m, 6, Rating.Competent, null, 0.9m, 2025), [AttentionKind.LowMonthlyAverage] },
        { new(60, 6, Rating.Competent, null, 0.9m, 2025), [] },
        { new(80, 6, Rating.BasicallyCompetent, null, null, null), [AttentionKind.LastYearBasicallyCompetent] },
        { new(80, 6, Rating.Incompetent, Rating.Competent, null, null), [AttentionKind.LastYearIncompetent] },
        { new(80, 6, Rating.Competent, Rating.Incompetent, null, null), [] },
        { new(80, 6, Rating.Competent, null, 0.5999m, 2025), [AttentionKind.LowSatisfaction] },
        { new(80, 6, Rating.Competent, null, 0.60m, 2025), [] },
        { new(50, 3, Rating.Incompetent, Rating.Incompetent, 0.4m, 2025),
            [AttentionKind.LowMonthlyAverage, AttentionKind.LastYearIncompetent, AttentionKind.LowSatisfaction, AttentionKind.ConsecutiveIncompetent] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_reason_is_returned(HalfYearInput input, AttentionKind[] kinds) =>
        HalfYearAnalysis.Reasons(input, 2026, S).Select(r => r.Kind).ShouldBe(kinds);

    [Fact]
    public void Reasons_explain_themselves()
    {
        var r = HalfYearAnalysis.Reasons(new(50, 3, Rating.Incompetent, Rating.Incompetent, 0.4m, 2025), 2026, S);
        r.Select(x => x.Message).ShouldBe([
            "本半年 3 个月的月度考评均分 50.00，低于 60 分",
            "2025 年度考核为不称职",
            "2025 年双述双评满意率 40%，低于 60%",
            "2024、2025 连续两年不称职，建议罢免或调整",
        ]);
    }

    [Fact]
    public void Attention_thresholds_are_configurable()
    {
        var s = AssessmentSettings.DefaultFor("c");
        (s.LowMonthlyAverage, s.LowSatisfactionPercent) = (80, 95);
        HalfYearAnalysis.Reasons(new(79, 6, null, null, 0.9m, 2025), 2026, s).Select(x => x.Kind)
            .ShouldBe([AttentionKind.LowMonthlyAverage, AttentionKind.LowSatisfaction]);
    }

    [Theory]
    [InlineData(1, 1, 6)]
    [InlineData(2, 7, 12)]
    public void Halves_cover_six_months(int half, int from, int to) => HalfYearAnalysis.Months(half).ShouldBe((from, to));

    [Fact]
    public void Only_half_one_or_two() => Should.Throw<RuleException>(() => HalfYearAnalysis.Months(3));

    private static readonly DateOnly Today = new(2026, 3, 6);
    private static readonly DateTime At = new(2026, 3, 6, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-03-06", LedgerKind.Commendation, "抗洪抢险表现突出", null)]
    [InlineData("2026-03-07", LedgerKind.Commendation, "明天的事", "不能晚于今天")]
    [InlineData("2023-01-01", LedgerKind.Absence, "旧账", "近两年")]
    [InlineData("2026-03-01", (LedgerKind)9, "说明", "请选择台账类别")]
    [InlineData("2026-03-01", LedgerKind.Criticism, "  ", "请填写情况说明")]
    public void Ledger_record_rules(string date, LedgerKind kind, string note, string? error)
    {
        if (error is null)
        {
            var r = LedgerRecord.Record(1, "360922106208", DateOnly.Parse(date), kind, note, "town.sanxing", At, Today);
            (r.Kind, r.Note, r.RecordedBy).ShouldBe((kind, note, "town.sanxing"));
        }
        else Should.Throw<RuleException>(() => LedgerRecord.Record(1, "v", DateOnly.Parse(date), kind, note, "x", At, Today)).Message.ShouldContain(error);
    }

    [Fact]
    public void A_note_may_not_be_longer_than_500() =>
        Should.Throw<RuleException>(() => LedgerRecord.Record(1, "v", Today, LedgerKind.Other, new string('字', 501), "x", At, Today));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2 }, "a.jpg", "image/jpeg", null)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "a.png", "image/png", null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "a.pdf", "application/pdf", null)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, "photo.jpg", null, "只能是 JPG、PNG 图片或 PDF")] // an .exe named .jpg
    [InlineData(new byte[] { }, "a.jpg", null, "空文件")]
    public void Attachments_are_checked_by_content(byte[] content, string name, string? type, string? error)
    {
        var (t, problem) = LedgerFiles.Check(name, content);
        (t, problem is null ? null : error).ShouldBe((type, error));
        if (error is not null) problem!.ShouldContain(error);
    }

    [Fact]
    public void Attachments_larger_than_2_MB_are_refused()
    {
        var big = new byte[LedgerFiles.MaxBytes + 1];
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        LedgerFiles.Check("a.jpg", big).Problem.ShouldBe("附件不能超过 2 MB");
        LedgerFiles.Check("a.jpg", big.AsSpan(0, LedgerFiles.MaxBytes)).Problem.ShouldBeNull();
    }
}
