using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;

namespace Cunzhi.Domain.Tests;

public sealed class ComplaintRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = D("2026-04-02");
    private static readonly DateTime At = TestClock.Instant;

    private static Complaint New(ComplaintState state, ComplaintOutcome? outcome = null, long? matter = null) => new()
    {
        Id = 3, RegionCode = "360922106208", Subject = "村干部优亲厚友", Category = ComplaintCategory.WorkStyle, ReceiptHash = "h", State = state,
        Outcome = outcome, MatterId = matter, CadreId = 9, FiledOn = Today.AddDays(-10),
    };

    private static string Outcome(Func<ComplaintEntry> step)
    {
        try { var e = step(); return $"{e.Kind}:{e.Complaint!.State}"; }
        catch (RuleException e) { return e.Message; }
    }

    private static (Complaint, ComplaintEntry) File(bool anonymous, string? name, string? phone, string? subject = "村里低保评定不公", ComplaintCategory category = ComplaintCategory.Other) =>
        Complaint.File("360922106208", category, subject, null, anonymous, name, phone, "hash", s => "enc:" + s, Today, At);

    [Theory]
    // state before, step → entry kind and state after, or the refusal
    [InlineData(ComplaintState.Received, "accept", "Accepted:Accepted")]
    [InlineData(ComplaintState.Accepted, "accept", "该举报已受理，不能再受理")]
    [InlineData(ComplaintState.Refused, "accept", "该举报不予受理，不能再受理")]
    [InlineData(ComplaintState.Received, "refuse", "Refused:Refused")]
    [InlineData(ComplaintState.Accepted, "refuse", "该举报已受理，不能再作不予受理")]
    [InlineData(ComplaintState.Accepted, "investigate", "Investigating:Investigating")]
    [InlineData(ComplaintState.Received, "investigate", "请先受理该举报，再开始调查")]
    [InlineData(ComplaintState.Investigating, "investigate", "该举报调查中，不能开始调查")]
    [InlineData(ComplaintState.Investigating, "conclude", "Concluded:Concluded")]
    [InlineData(ComplaintState.Accepted, "conclude", "该举报尚未开始调查，不能办结")]
    [InlineData(ComplaintState.Concluded, "conclude", "该举报已办结，不能再办结")]
    [InlineData(ComplaintState.Received, "supplement", "Supplement:Received")]
    [InlineData(ComplaintState.Investigating, "supplement", "Supplement:Investigating")]
    [InlineData(ComplaintState.Concluded, "supplement", "该举报已办结，不能再补充材料")]
    [InlineData(ComplaintState.Refused, "supplement", "该举报不予受理，不能再补充材料")]
    public void The_state_machine_allows_only_its_steps(ComplaintState before, string step, string expected)
    {
        var c = New(before);
        Outcome(() => step switch
        {
            "accept" => c.Accept(null, "discipline", Today, At),
            "refuse" => c.Refuse("不属于受理范围", "discipline", Today, At),
            "investigate" => c.Investigate(null, "discipline", At),
            "conclude" => c.Conclude(ComplaintOutcome.Unfounded, "经核查不属实", null, "discipline", Today, At),
            "supplement" => c.Supplement("补充一张照片的说明", At),
            _ => throw new ArgumentException(step),
        }).ShouldBe(expected);
    }

    [Theory]
    // outcome, findings → the refusal, or "ok"
    [InlineData(null, "经核查属实", "请选择调查结果（查实、部分查实或不实）")]
    [InlineData(ComplaintOutcome.Verified, "", "请填写调查结论")]
    [InlineData(ComplaintOutcome.Verified, "   ", "请填写调查结论")]
    [InlineData((ComplaintOutcome)9, "经核查属实", "请选择调查结果（查实、部分查实或不实）")]
    [InlineData(ComplaintOutcome.PartlyVerified, "部分属实", "ok")]
    public void Concluding_needs_an_outcome_and_findings(ComplaintOutcome? outcome, string findings, string expected)
    {
        var c = New(ComplaintState.Investigating);
        string result;
        try { c.Conclude(outcome, findings, null, "discipline", Today, At); result = "ok"; }
        catch (RuleException e) { result = e.Message; }
        result.ShouldBe(expected);
        if (expected != "ok") c.State.ShouldBe(ComplaintState.Investigating);
    }

    [Theory]
    // outcome → whether the concerned cadre gets a conduct record
    [InlineData(ComplaintOutcome.Verified, true)]
    [InlineData(ComplaintOutcome.PartlyVerified, true)]
    [InlineData(ComplaintOutcome.Unfounded, false)]
    public void Only_a_verified_outcome_names_the_cadre_to_record(ComplaintOutcome outcome, bool recorded)
    {
        var c = New(ComplaintState.Investigating);
        c.Conclude(outcome, "核查情况", null, "discipline", Today, At);
        (c.CadreToRecord == 9).ShouldBe(recorded);
    }

    [Fact]
    public void Refusing_needs_a_reason()
    {
        var c = New(ComplaintState.Received);
        Should.Throw<RuleException>(() => c.Refuse("  ", "discipline", Today, At)).Message.ShouldBe("请填写不予受理理由");
    }

    [Theory]
    // anonymous, name, phone → the refusal, or "ok"
    [InlineData(true, null, null, "ok")]
    [InlineData(true, "张三", null, "匿名举报不填写姓名和电话；如需留下联系方式，请选择实名举报")]
    [InlineData(true, null, "13800138000", "匿名举报不填写姓名和电话；如需留下联系方式，请选择实名举报")]
    [InlineData(false, "张三", "13800138000", "ok")]
    [InlineData(false, "", "13800138000", "实名举报请填写姓名")]
    [InlineData(false, "张三", "1380013", "手机号应为 11 位，当前为 7 位")]
    [InlineData(false, "张三", null, "请填写手机号")]
    public void Filing_checks_the_reporter(bool anonymous, string? name, string? phone, string expected)
    {
        string result;
        try { File(anonymous, name, phone); result = "ok"; }
        catch (RuleException e) { result = e.Message; }
        result.ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "请填写举报内容")]
    [InlineData(null, "请填写举报内容")]
    public void Filing_needs_a_subject(string? subject, string expected) =>
        Should.Throw<RuleException>(() => File(true, null, null, subject)).Message.ShouldBe(expected);

    [Fact]
    public void Filing_an_unknown_category_is_refused() =>
        Should.Throw<RuleException>(() => File(true, null, null, category: (ComplaintCategory)0)).Message.ShouldBe("请选择举报类别");

    [Fact]
    public void A_named_reporter_is_kept_encrypted_and_masked()
    {
        var (c, _) = File(false, "张三华", "138 0013 8000");
        c.ReporterNameCipher.ShouldBe("enc:张三华");
        c.ReporterPhoneCipher.ShouldBe("enc:13800138000");
        c.ReporterNameMasked.ShouldBe("张*华");
        c.ReporterPhoneMasked.ShouldBe("138****8000");
    }

    private static Matters.Matter NewMatter() => new() { RegionCode = "360922106208", Title = "t", ReceiptHash = "h", CreatedBy = "discipline" };

    [Fact]
    public void Raising_a_matter_twice_is_refused() =>
        Should.Throw<RuleException>(() => New(ComplaintState.Accepted, matter: 5).RaiseMatter(NewMatter(), "discipline", At)).Message.ShouldBe("该举报已转为诉求，不能重复转办");

    [Fact]
    public void A_refused_complaint_raises_no_matter() =>
        Should.Throw<RuleException>(() => New(ComplaintState.Refused).RaiseMatter(NewMatter(), "discipline", At)).Message.ShouldBe("该举报不予受理，不能转为诉求");

    [Theory]
    // days open → bucket
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(90, 2)]
    [InlineData(91, 3)]
    [InlineData(400, 3)]
    public void Open_complaints_fall_in_age_buckets(int days, int bucket) =>
        ComplaintRules.AgeBucket(Today.AddDays(-days), Today).ShouldBe(bucket);
}
