using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Tests;

/// <summary>准入识别: cancelled work is recognised by meaning (keywords with + parts, per-item synonyms), and near-misses are not refused.</summary>
public sealed class ItemMatchingTests
{
    private static readonly DateTime At = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    // As the shipped defaults have them (ResponsibilityListDefaults), plus two listed items.
    private static ResponsibilityList Published()
    {
        var list = new ResponsibilityList { RegionCode = "360922000000", Version = 3, Title = "万载县村级组织工作事务清单", CreatedAtUtc = At };
        list.AddItem("XZ-06", "协助开展城乡居民医保征缴", ItemCategory.AssistGovernment, null, "县医疗保障局", "医保+征缴", null, "征缴、缴费、代缴、收缴；医保、医疗保险");
        list.AddItem("XZ-11", "协助开展秸秆禁烧巡查", ItemCategory.AssistGovernment, null, "县农业农村局", "秸秆+禁烧", null, "禁烧、焚烧、露天焚烧");
        list.AddItem("QX-07", "要求村级组织代收代缴水电费", ItemCategory.Cancelled, null, null, "代收水电费、代收+水电费、代缴+水电费", null,
            "代收、代缴、代交、代为收取、代为缴纳、收缴；水电费、电费、水费、水电费用");
        list.AddItem("QX-24", "要求对村干部按月按季通报排名", ItemCategory.Cancelled, null, null, "通报排名、排名通报、通报+排名", null, "排名、排序、名次");
        list.Publish(null, "county.admin", At);
        return list;
    }

    private static TaskRequest Request(string title, string requirement = "") => new()
    {
        RegionCode = "360922000000", RequestedByUserId = "u1", RequestedBy = "dept.x", DepartmentName = "万载县供电公司",
        Title = title, Requirement = requirement, DueDate = new DateOnly(2026, 3, 31), TargetVillages = ["360922106208"],
    };

    [Theory]
    [InlineData("请各村代收代缴本村水电费", "QX-07")]
    [InlineData("各村代为收取农户电费", "QX-07")]
    [InlineData("水费电费由村里代交", "QX-07")]
    [InlineData("请各村代收水电费", "QX-07")]
    [InlineData("每月通报各村干部工作排名", "QX-24")]
    [InlineData("村干部考勤按月排序后通报", "QX-24")]
    public void A_request_naming_a_cancelled_item_by_meaning_is_refused_naming_it(string title, string code)
    {
        var d = Admission.Decide(Request(title), Published());
        d.Outcome.ShouldBe(AdmissionOutcome.AutoRefused);
        d.ItemCode.ShouldBe(code);
        d.Reason.ShouldContain("命中识别词");
    }

    [Theory]
    [InlineData("宣传水电费缴纳政策")]
    [InlineData("排查本村水电设施损毁情况")]
    [InlineData("代收代缴城乡居民医保")]
    [InlineData("统计农户用电需求")]
    [InlineData("通报表彰优秀村干部")]
    [InlineData("核实农户电费收取标准")]
    public void A_near_miss_is_not_refused(string title)
    {
        var d = Admission.Decide(Request(title), Published());
        d.Outcome.ShouldBe(AdmissionOutcome.Pending);
        d.ItemCode.ShouldBeNull();
    }

    [Fact]
    public void The_refusal_says_which_words_matched()
    {
        var d = Admission.Decide(Request("请各村代收代缴本村水电费"), Published());
        d.Reason.ShouldContain("QX-07 要求村级组织代收代缴水电费");
        d.Reason.ShouldContain("“代收+水电费”");
    }

    [Theory]
    [InlineData("代收代缴城乡居民医保", "XZ-06", "命中识别词“医保+征缴”（请求中为“医保”“代缴”）")]
    [InlineData("宣传水电费缴纳政策", "QX-07", "部分命中识别词“代收+水电费”：含“水电费”，缺“代收”")]
    [InlineData("各村开展秸秆露天焚烧巡查", "XZ-11", "命中识别词“秸秆+禁烧”（请求中为“秸秆”“焚烧”）")]
    public void A_pending_request_shows_the_nearest_item_first_with_why(string title, string code, string reason)
    {
        var near = ItemMatching.Nearest(title, Published());
        near.ShouldNotBeEmpty();
        near[0].Item.Code.ShouldBe(code);
        near[0].Reasons.ShouldContain(reason);
    }

    [Fact]
    public void Nearest_items_leave_out_unrelated_ones()
    {
        var near = ItemMatching.Nearest("组织党员学习", Published());
        near.ShouldBeEmpty();
    }

    [Fact]
    public void Nearest_items_are_at_most_the_number_asked()
    {
        ItemMatching.Nearest("代收代缴医保和水电费，秸秆禁烧，通报排名", Published(), 2).Count.ShouldBe(2);
    }

    [Fact]
    public void Titles_sharing_non_generic_pairs_are_near_by_name()
    {
        var m = ItemMatching.Match("检查水电费发票", Published().Find("QX-07")!);
        (m.Decisive, m.Score > 0).ShouldBe((false, true));
        m.Reasons.ShouldContain(r => r.StartsWith("名称相近") && r.Contains("“水电”") && r.Contains("“电费”"));
    }

    [Theory]
    [InlineData("代收、代缴；水电费，电费/水费", new[] { "代收|代缴", "水电费|电费|水费" })]
    [InlineData("代收；；水；", new[] { "代收" })]
    [InlineData(null, new string[0])]
    public void Synonym_groups_split_on_semicolons_and_drop_single_characters(string? text, string[] expected)
    {
        ItemMatching.SynonymGroups(text).Select(g => string.Join("|", g)).ShouldBe(expected);
    }

    [Fact]
    public void Synonyms_are_copied_into_a_new_draft()
    {
        var draft = Published().NewDraft(4, At);
        draft.Find("QX-07")!.Synonyms.ShouldBe("代收、代缴、代交、代为收取、代为缴纳、收缴；水电费、电费、水费、水电费用");
    }

    [Fact]
    public void A_county_edited_synonym_changes_what_is_refused()
    {
        var list = Published().NewDraft(4, At);
        list.UpdateItem("QX-07", "要求村级组织代收代缴水电费", ItemCategory.Cancelled, null, null, "代收+水电费", null, "代收、催收；水电费、电费");
        list.Publish(null, "county.admin", At);
        Admission.Decide(Request("请各村催收农户电费"), list).Outcome.ShouldBe(AdmissionOutcome.AutoRefused);
        Admission.Decide(Request("各村代交水电费"), list).Outcome.ShouldBe(AdmissionOutcome.Pending);
    }
}
