using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Tests;

/// <summary>Duplicate fields stop a form at the gate: which findings hold it, how they are named, and what the gate then decides.</summary>
public sealed class GateHoldTests
{
    private static readonly DateTime At = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static FieldRef F(long form, string title, long id, string label, string? binding = null) => new(form, title, id, label, binding);

    public static TheoryData<string, string?, string, string?, string[]> Cases => new()
    {
        // field of the form checked, its binding, a field of another form, its binding → hold reasons
        { "耕地总面积", null, "耕地面积（亩）", null, ["指标“耕地总面积”与《耕地保护情况表》的“耕地面积（亩）”重复"] },
        { "总人口", null, "大豆种植面积", null, ["指标“总人口”平台已有数据（人口数），应绑定自动填写"] },
        { "农户数", null, "户数", null, ["指标“农户数”与《耕地保护情况表》的“户数”重复", "指标“农户数”平台已有数据（户数），应绑定自动填写"] },
        // Bound fields cost villages nothing: not held.
        { "总户数", "households.count", "户数", "households.count", [] },
        { "户数", "households.count", "农户数", null, [] },
        { "大豆种植面积", null, "耕地面积", null, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Typed_fields_repeating_another_form_or_a_platform_number_hold_the_form(string label, string? binding, string otherLabel, string? otherBinding, string[] expected)
    {
        var findings = FieldDuplicates.Find([F(1, "耕地种植结构调查表", 10, label, binding)], [F(2, "耕地保护情况表", 20, otherLabel, otherBinding)]);
        FieldDuplicates.HoldReasons(findings).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void Repeats_within_one_form_do_not_hold_it()
    {
        var findings = FieldDuplicates.Find([F(1, "表", 1, "耕地面积"), F(1, "表", 2, "耕地总面积")], []);
        findings.ShouldNotBeEmpty();
        FieldDuplicates.HoldReasons(findings).ShouldBeEmpty();
    }

    private static ResponsibilityList Published()
    {
        var list = new ResponsibilityList { RegionCode = "360922000000", Version = 2, Title = "清单", CreatedAtUtc = At };
        list.AddItem("XZ-11", "协助开展秸秆禁烧巡查", ItemCategory.AssistGovernment, null, "县农业农村局", null, null);
        list.AddItem("QZ-01", "村级组织出具无犯罪记录证明", ItemCategory.Cancelled, null, null, "无犯罪记录证明", null);
        list.Publish(null, "county.admin", At);
        return list;
    }

    private static TaskRequest Request(string title, string? code) => new()
    {
        RegionCode = "360922000000", RequestedByUserId = "u1", RequestedBy = "dept.agri", DepartmentName = "万载县农业农村局",
        Title = title, Requirement = "请填报报表", ClaimedItemCode = code, DueDate = new DateOnly(2026, 3, 31), TargetVillages = ["360922106208"],
    };

    private static readonly string[] Holds = ["指标“总户数”与《耕地保护情况表》的“户数”重复"];

    [Fact]
    public void A_held_form_under_a_listed_item_waits_for_the_office_naming_the_duplicates()
    {
        var d = Admission.Decide(Request("秸秆禁烧巡查登记表", "XZ-11"), Published(), Holds);
        d.Outcome.ShouldBe(AdmissionOutcome.Pending);
        d.Reason.ShouldContain("《耕地保护情况表》的“户数”");
        d.Reason.ShouldContain("XZ-11");
    }

    [Fact]
    public void A_held_form_keeps_its_listed_item_for_when_the_office_approves()
    {
        var r = Request("秸秆禁烧巡查登记表", "XZ-11");
        r.Pass(Admission.Decide(r, Published(), Holds), At);
        r.Approve("coord.office", null, At);
        r.VillageTasks.ShouldAllBe(t => t.ItemCode == "XZ-11");
    }

    [Fact]
    public void A_form_without_holds_under_a_listed_item_is_admitted()
    {
        Admission.Decide(Request("秸秆禁烧巡查登记表", "XZ-11"), Published(), []).Outcome.ShouldBe(AdmissionOutcome.Admitted);
    }

    [Fact]
    public void A_held_form_on_the_negative_list_is_still_refused_at_once()
    {
        Admission.Decide(Request("无犯罪记录证明开具情况表", null), Published(), Holds).Outcome.ShouldBe(AdmissionOutcome.AutoRefused);
    }

    [Fact]
    public void A_held_form_with_no_item_names_the_duplicates_too()
    {
        Admission.Decide(Request("农机购置意向摸底表", null), Published(), Holds).Reason.ShouldContain("《耕地保护情况表》");
    }

    [Fact]
    public void A_long_gate_reason_is_cut_to_the_stored_length()
    {
        var r = Request("秸秆禁烧巡查登记表", "XZ-11");
        r.Pass(Admission.Decide(r, Published(), Enumerable.Range(1, 40).Select(i => $"指标“第{i}项”与《某表》的“第{i}项”重复").ToList()), At);
        r.DecisionReason!.Length.ShouldBe(TaskRequest.ReasonMaxLength);
        r.DecisionReason.ShouldEndWith("…");
    }
}
