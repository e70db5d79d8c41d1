using System.Reflection;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Tests;

public sealed class AdmissionTests
{
    private static readonly DateTime At = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static ResponsibilityList Published(int version = 1)
    {
        var list = new ResponsibilityList { RegionCode = "360922000000", Version = version, Title = "万载县村级组织工作事务清单", CreatedAtUtc = At };
        list.AddItem("ZR-01", "落实\"三会一课\"制度", ItemCategory.OwnDuty, "党的建设", null, null, null);
        list.AddItem("XZ-11", "协助开展秸秆禁烧巡查", ItemCategory.AssistGovernment, null, "县农业农村局", null, null);
        list.AddItem("QX-01", "各类创建评比挂牌", ItemCategory.Cancelled, null, null, "挂牌", null);
        list.AddItem("QZ-01", "村级组织出具无犯罪记录证明", ItemCategory.Cancelled, null, null, "无犯罪记录证明", null);
        list.Publish(null, "county.admin", At);
        return list;
    }

    private static TaskRequest Request(string title = "秋冬季秸秆禁烧", string requirement = "组织巡查并登记火点", string? code = null, params string[] villages) => new()
    {
        RegionCode = "360922000000", RequestedByUserId = "u1", RequestedBy = "dept.agri", DepartmentName = "万载县农业农村局",
        Title = title, Requirement = requirement, ClaimedItemCode = code, DueDate = new DateOnly(2026, 3, 31),
        TargetVillages = villages.Length == 0 ? ["360922106208", "360922106200"] : [.. villages],
    };

    [Theory]
    [InlineData("ZR-01", "党员学习", "组织学习", AdmissionOutcome.Admitted, "ZR-01")]
    [InlineData("xz-11", "秸秆禁烧", "巡查", AdmissionOutcome.Admitted, "XZ-11")]
    [InlineData("QX-01", "示范村", "评选", AdmissionOutcome.AutoRefused, "QX-01")]
    [InlineData(null, "请各村出具无犯罪记录证明", "为务工人员开具", AdmissionOutcome.AutoRefused, "QZ-01")]
    [InlineData("ZR-01", "党建示范点", "各村制作并悬挂党建示范挂牌", AdmissionOutcome.AutoRefused, "QX-01")]
    [InlineData(null, "各类创建评比挂牌", "", AdmissionOutcome.AutoRefused, "QX-01")]
    [InlineData(null, "农机购置补贴摸底", "统计农户需求", AdmissionOutcome.Pending, null)]
    [InlineData("ZZ-99", "农机购置补贴摸底", "统计农户需求", AdmissionOutcome.Pending, null)]
    public void The_gate_admits_list_items_refuses_cancelled_ones_and_leaves_the_rest_pending(string? code, string title, string requirement, AdmissionOutcome expected, string? item)
    {
        var d = Admission.Decide(Request(title, requirement, code), Published());
        d.Outcome.ShouldBe(expected);
        d.ItemCode.ShouldBe(item);
        d.ListVersion.ShouldBe(1);
        if (expected == AdmissionOutcome.AutoRefused) d.Reason.ShouldContain("取消事项");
        if (item is not null) d.Reason.ShouldContain(item);
    }

    [Fact]
    public void Without_a_list_in_force_everything_waits_for_the_office()
    {
        Admission.Decide(Request(code: "ZR-01"), null).Outcome.ShouldBe(AdmissionOutcome.Pending);
        var draft = new ResponsibilityList { RegionCode = "360922000000", Version = 1, Title = "草稿" };
        draft.AddItem("ZR-01", "x", ItemCategory.OwnDuty, null, null, null, null);
        Admission.Decide(Request(code: "ZR-01"), draft).Outcome.ShouldBe(AdmissionOutcome.Pending);
    }

    [Fact]
    public void Admission_creates_one_village_task_per_village_and_names_the_item()
    {
        var r = Request(code: "XZ-11", villages: ["360922106208", "360922106208", "360922106200"]);
        r.Pass(Admission.Decide(r, Published()), At);
        r.Status.ShouldBe(TaskRequestStatus.Admitted);
        r.DecidedBy.ShouldBe(TaskRequest.GateName);
        r.VillageTasks.Select(t => t.RegionCode).ShouldBe(["360922106208", "360922106200"]);
        r.VillageTasks.ShouldAllBe(t => t.ItemCode == "XZ-11" && t.Title == r.Title && t.AdmittedAtUtc == At);
    }

    /// <summary>A request that has passed the gate (with its default title: pending, not on the list).</summary>
    private static TaskRequest Passed(string? code = null)
    {
        var r = Request(code: code);
        r.Pass(Admission.Decide(r, Published()), At);
        return r;
    }

    private static TaskRequest Approved()
    {
        var r = Passed();
        r.Approve("coord.office", null, At);
        return r;
    }

    private static TaskRequest Rejected()
    {
        var r = Passed();
        r.Reject("coord.office", "与农机补贴系统数据重复，请向乡镇取数", At);
        return r;
    }

    [Fact]
    public void A_refused_request_reaches_no_village()
    {
        var refused = Passed("QX-01");
        (refused.Status, refused.VillageTasks.Count, refused.MatchedItemTitle).ShouldBe((TaskRequestStatus.Refused, 0, "各类创建评比挂牌"));
    }

    [Fact]
    public void A_pending_request_reaches_no_village()
    {
        var pending = Passed();
        (pending.Status, pending.VillageTasks.Count, pending.DecidedBy).ShouldBe((TaskRequestStatus.Pending, 0, null));
    }

    [Fact]
    public void The_office_approves_a_pending_request()
    {
        var approved = Approved();
        (approved.Status, approved.DecidedBy, approved.VillageTasks.Count).ShouldBe((TaskRequestStatus.Admitted, "coord.office", 2));
    }

    [Fact]
    public void The_office_rejects_a_pending_request_only_with_a_reason()
    {
        Should.Throw<RuleException>(() => Passed().Reject("coord.office", " ", At)).Message.ShouldContain("必须填写理由");
        var rejected = Rejected();
        (rejected.Status, rejected.VillageTasks.Count).ShouldBe((TaskRequestStatus.Rejected, 0));
    }

    [Fact]
    public void The_office_decides_nothing_but_pending_requests()
    {
        var approved = Approved();
        Should.Throw<RuleException>(() => Rejected().Approve("coord.office", null, At)).Message.ShouldContain("该申请未获批准");
        Should.Throw<RuleException>(() => approved.Reject("coord.office", "x", At)).Message.ShouldContain("该申请已准入");
        Should.Throw<RuleException>(() => approved.Pass(Admission.Decide(approved, Published()), At));
        Should.Throw<RuleException>(() => Request().Approve("coord.office", null, At)).Message.ShouldContain("尚未经过准入判定");
    }

    [Fact]
    public void Village_tasks_have_no_public_way_to_be_made()
    {
        typeof(VillageTask).GetConstructors(BindingFlags.Public | BindingFlags.Instance).ShouldBeEmpty();
        typeof(VillageTask).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(VillageTask)).ShouldBeEmpty();
        typeof(VillageTask).GetProperties().ShouldAllBe(p => p.SetMethod == null || !p.SetMethod.IsPublic);
    }

    /// <summary>Version 1 with a request admitted under ZR-01, and a draft version 2 without ZR-01 and with XZ-11 renamed.</summary>
    private static (ResponsibilityList V1, ResponsibilityList V2, TaskRequest Admitted) SecondDraft()
    {
        var v1 = Published();
        var r = Request(code: "ZR-01");
        r.Pass(Admission.Decide(r, v1), At);
        var v2 = v1.NewDraft(2, At);
        v2.Items.Count.ShouldBe(v1.Items.Count);
        v2.RemoveItem("ZR-01");
        v2.UpdateItem("XZ-11", "协助开展秸秆综合利用", ItemCategory.AssistGovernment, null, "县农业农村局", null, null);
        return (v1, v2, r);
    }

    [Fact]
    public void A_new_draft_is_an_independent_copy()
    {
        var (v1, _, _) = SecondDraft();
        v1.Find("XZ-11")!.Title.ShouldBe("协助开展秸秆禁烧巡查");
    }

    [Fact]
    public void Publishing_a_draft_supersedes_the_version_in_force()
    {
        var (v1, v2, _) = SecondDraft();
        v2.Publish(v1, "coord.office", At);
        (v1.Status, v2.Status).ShouldBe((ListStatus.Superseded, ListStatus.Published));
        Admission.Decide(Request(code: "ZR-01"), v2).Outcome.ShouldBe(AdmissionOutcome.Pending);
    }

    [Fact]
    public void Old_decisions_keep_their_version()
    {
        var (v1, v2, r) = SecondDraft();
        v2.Publish(v1, "coord.office", At);
        r.ListVersion.ShouldBe(1);
        r.MatchedItemTitle.ShouldBe("落实\"三会一课\"制度");
    }

    [Theory]
    [InlineData("add-duplicate", "已存在")]
    [InlineData("edit-published", "已发布的清单不能修改")]
    [InlineData("publish-empty", "没有任何事项")]
    [InlineData("blank-title", "请填写事项名称")]
    public void Illegal_list_changes_are_refused_in_Chinese(string what, string message)
    {
        Action act = what switch
        {
            "add-duplicate" => () => Published().NewDraft(2, At).AddItem("zr-01", "x", ItemCategory.OwnDuty, null, null, null, null),
            "edit-published" => () => Published().AddItem("ZR-02", "x", ItemCategory.OwnDuty, null, null, null, null),
            "publish-empty" => () => new ResponsibilityList { RegionCode = "360922000000", Title = "空" }.Publish(null, "x", At),
            _ => () => Published().NewDraft(2, At).AddItem("ZR-09", " ", ItemCategory.OwnDuty, null, null, null, null),
        };
        Should.Throw<RuleException>(act).Message.ShouldContain(message);
    }
}
