using System.Collections.Frozen;
using System.Reflection;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Accounts;

/// <summary>
/// One grant of a capability: accounts of <see cref="Role"/> bound to a region of one of <see cref="Levels"/>
/// (by default every level the role may be bound to, <see cref="Roles.AllowedLevels"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class GrantedAttribute(string role, params RegionLevel[] levels) : Attribute
{
    /// <summary>The role granted.</summary>
    public string Role { get; } = role;
    /// <summary>The region levels an account of the role must be bound to.</summary>
    public IReadOnlyList<RegionLevel> Levels { get; } = levels.Length > 0 ? levels : Roles.AllowedLevels(role);
}

/// <summary>The Chinese description of a capability (README table, AccessDenied).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class DescribedAttribute(string text) : Attribute
{
    /// <summary>The description.</summary>
    public string Text { get; } = text;
}

/// <summary>A capability's grants, read from its <see cref="GrantedAttribute"/>s.</summary>
public sealed record Capability(string Name, string Description, IReadOnlyList<GrantedAttribute> Grants)
{
    /// <summary>Whether an account holding <paramref name="roles"/>, bound to a region of <paramref name="level"/>, has it.</summary>
    public bool Allows(IEnumerable<string> roles, RegionLevel? level) =>
        level is { } l && roles.Any(r => Grants.Any(g => g.Role == r && g.Levels.Contains(l)));
}

/// <summary>
/// The one table of who may do what: each capability names an action, and its <see cref="GrantedAttribute"/>s the
/// roles (and region levels) that may take it. The web layer registers one authorization policy per capability
/// (policy name = the capability string); endpoints, pages, handlers and views name the capability, never a role.
/// Region scope (which rows) is enforced separately by the data context.
/// </summary>
public static class Permissions
{
    // Each capability is documented by its [Described] text (shown in the README table), not an XML comment.
#pragma warning disable CS1591
    // ── Regions and households ──────────────────────────────────────────────
    [Described("修改区划、新建下级区划，新建、修改、导入农户及家庭成员")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string RegionsEdit = "regions.edit";

    [Described("查看、导出农户")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string HouseholdsRead = "households.read";

    // ── Grid governance (一网三联) ─────────────────────────────────────────
    [Described("查看本辖区的网格、干部联村组、党员联农户及一网三联设置")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string GridRead = "grid.read";

    [Described("维护本辖区的网格划分、网格员、干部联村组、党员联农户，导入导出联系名单")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string GridManage = "grid.manage";

    [Described("查看一网三联覆盖情况（县、乡镇逐级下钻到村）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string GridCoverageRead = "grid.coverage.read";

    [Described("在首页待办跟进无联系干部的村民小组（村：本村；乡镇：所辖各村）")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string GridFollowUp = "grid.follow-up";

    [Described("修改一网三联设置（每名党员联系户数范围）")]
    [Granted(Roles.CountyAdmin)]
    public const string GridSettingsEdit = "grid.settings.edit";

    // ── Cadres and reserves ─────────────────────────────────────────────────
    [Described("查看、导出干部档案")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre), Granted(Roles.DisciplineInspector)]
    public const string CadresRead = "cadres.read";

    [Described("新建、修改、导入干部档案，任免、离任")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CadresEdit = "cadres.edit";

    [Described("查看、导出后备干部和村级缺额")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string ReservesRead = "reserves.read";

    [Described("新建、修改、考察、使用、导入后备干部")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string ReservesEdit = "reserves.edit";

    // ── Accounts and audit ──────────────────────────────────────────────────
    [Described("管理本辖区账号（县委组织部全部角色，乡镇村干部）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string AccountsManage = "accounts.manage";

    [Described("在导航中看到接口文档（对接其他系统的是县乡管理员；文档本身公开）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string ApiDocsLink = "api.docs.link";

    [Described("查看操作日志")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AuditRead = "audit.read";

    // ── Assessment ──────────────────────────────────────────────────────────
    [Described("查看考核指标和考核设置")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentTemplatesRead = "assessment.templates.read";

    [Described("编辑、发布考核指标，修改考核设置")]
    [Granted(Roles.CountyAdmin)]
    public const string AssessmentTemplatesEdit = "assessment.templates.edit";

    [Described("查看平时台账")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentLedgerRead = "assessment.ledger.read";

    [Described("登记平时台账")]
    [Granted(Roles.TownAdmin)]
    public const string AssessmentLedgerRecord = "assessment.ledger.record";

    [Described("查看月度考评、季度考核")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentReviewsRead = "assessment.reviews.read";

    [Described("月度考评、季度考核打分")]
    [Granted(Roles.TownAdmin)]
    public const string AssessmentReviewsScore = "assessment.reviews.score";

    [Described("查看年度考核")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentAnnualRead = "assessment.annual.read";

    [Described("查看各乡镇年度考核上报与审定情况")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentAnnualBatchesRead = "assessment.annual.batches.read";

    [Described("生成年度考核、确定等次、上报")]
    [Granted(Roles.TownAdmin)]
    public const string AssessmentAnnualPropose = "assessment.annual.propose";

    [Described("审定、退回年度考核")]
    [Granted(Roles.CountyAdmin)]
    public const string AssessmentAnnualApprove = "assessment.annual.approve";

    [Described("查看已审定的年度等次")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.VillageCadre)]
    public const string AssessmentRatingsRead = "assessment.ratings.read";

    [Described("查看半年研判")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentHalfYearRead = "assessment.halfyear.read";

    // ── Public evaluations (双述双评) ───────────────────────────────────────
    [Described("查看双述双评")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre), Granted(Roles.DisciplineInspector)]
    public const string EvaluationsRead = "evaluations.read";

    [Described("安排、开始、结束双述双评")]
    [Granted(Roles.CountyAdmin)]
    public const string EvaluationsOpen = "evaluations.open";

    [Described("生成、作废票码")]
    [Granted(Roles.TownAdmin)]
    public const string EvaluationsIssueCodes = "evaluations.codes.issue";

    [Described("填写述职报告")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string EvaluationsEditReports = "evaluations.reports.edit";

    [Described("查看评议结果")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string EvaluationsResultsRead = "evaluations.results.read";

    // ── Forms (报表) ────────────────────────────────────────────────────────
    [Described("设计报表")]
    [Granted(Roles.Department)]
    public const string FormsDesign = "forms.design";

    [Described("查看报表目录和数据来源")]
    [Granted(Roles.Department), Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin)]
    public const string FormsRegistryRead = "forms.registry.read";

    [Described("查看、导出各村填报情况")]
    [Granted(Roles.Department), Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string FormsSubmissionsRead = "forms.submissions.read";

    [Described("查看某村的报表")]
    [Granted(Roles.Department), Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string FormsSubmissionRead = "forms.submission.read";

    [Described("查看下发到本村（乡镇：所辖各村）的报表")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin)]
    public const string FormsInboxRead = "forms.inbox.read";

    [Described("填报报表")]
    [Granted(Roles.VillageCadre)]
    public const string FormsFill = "forms.fill";

    [Described("查看某村某月收到的报表数")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string FormsCountsRead = "forms.counts.read";

    [Described("查看全县的报表目录（不限本部门）")]
    [Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin), Granted(Roles.Department)]
    public const string FormsCountyRead = "forms.county.read";

    [Described("以县直部门身份设计并只看本部门及已下发的报表")]
    [Granted(Roles.Department)]
    public const string FormsOwnDepartment = "forms.own-department";

    // ── Pay and rewards ─────────────────────────────────────────────────────
    [Described("查看工资批次")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string PayrollRead = "payroll.read";

    [Described("计算、复核本乡镇工资，调整项")]
    [Granted(Roles.TownAdmin, RegionLevel.Town)]
    public const string PayrollComputeTown = "payroll.compute.town";

    [Described("计算全县各乡镇工资，退回、审批、锁定")]
    [Granted(Roles.CountyAdmin, RegionLevel.County)]
    public const string PayrollApprove = "payroll.approve";

    [Described("查看报酬标准")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string PaySettingsRead = "pay.settings.read";

    [Described("修改、发布报酬标准")]
    [Granted(Roles.CountyAdmin)]
    public const string PaySettingsEdit = "pay.settings.edit";

    [Described("查看好书记奖励")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string AwardsRead = "rewards.awards.read";

    [Described("授予、撤销好书记奖励")]
    [Granted(Roles.CountyAdmin)]
    public const string AwardsGrant = "rewards.awards.grant";

    [Described("查看集体经济创收奖励")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.VillageCadre)]
    public const string IncomeRewardsRead = "rewards.income.read";

    [Described("登记集体经济收入")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin)]
    public const string IncomeRewardsEnter = "rewards.income.enter";

    [Described("修改创收奖励分配权重")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin)]
    public const string IncomeRewardsShare = "rewards.income.share";

    [Described("审核创收奖励")]
    [Granted(Roles.TownAdmin)]
    public const string IncomeRewardsApprove = "rewards.income.approve";

    // ── Ranks (职级) ────────────────────────────────────────────────────────
    [Described("查看晋升资格和职级申请")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string RanksProposalsRead = "ranks.proposals.read";

    [Described("申请晋升")]
    [Granted(Roles.TownAdmin)]
    public const string RanksPropose = "ranks.propose";

    [Described("申请降级")]
    [Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string RanksDemote = "ranks.demote";

    [Described("因年度考核不称职申请降级")]
    [Granted(Roles.TownAdmin)]
    public const string RanksDemoteIncompetent = "ranks.demote.incompetent";

    [Described("批准、驳回职级申请")]
    [Granted(Roles.CountyAdmin)]
    public const string RanksApprove = "ranks.approve";

    [Described("查看职级历史")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.VillageCadre)]
    public const string RanksHistoryRead = "ranks.history.read";

    [Described("查看履职记录")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string ConductRead = "ranks.conduct.read";

    [Described("登记、撤回履职记录")]
    [Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string ConductRecord = "ranks.conduct.record";

    [Described("登记处分、立案审查、信访举报查实、审计发现问题、一票否决")]
    [Granted(Roles.DisciplineInspector)]
    public const string ConductRecordDiscipline = "ranks.conduct.record.discipline";

    [Described("查看信访举报（举报人身份打码）")]
    [Granted(Roles.DisciplineInspector)]
    public const string ComplaintsRead = "complaints.read";

    [Described("受理、调查、办结信访举报，转为诉求")]
    [Granted(Roles.DisciplineInspector)]
    public const string ComplaintsHandle = "complaints.handle";

    [Described("查看信访举报的举报人身份（每次查看记入操作日志）")]
    [Granted(Roles.DisciplineInspector)]
    public const string ComplaintsRevealReporter = "complaints.reporter.reveal";

    [Described("登记无故缺勤、表彰")]
    [Granted(Roles.TownAdmin)]
    public const string ConductRecordTown = "ranks.conduct.record.town";

    [Described("办结履职记录")]
    [Granted(Roles.DisciplineInspector)]
    public const string ConductClose = "ranks.conduct.close";

    [Described("在职级页面选择乡镇（乡镇账号只看本乡镇）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string RanksPickTown = "ranks.pick-town";

    [Described("查看定级")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string GradingRead = "ranks.grading.read";

    [Described("定级")]
    [Granted(Roles.CountyAdmin)]
    public const string Grade = "ranks.grade";

    [Described("查看晋升办法")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string RankPolicyRead = "ranks.policy.read";

    [Described("修改、发布晋升办法")]
    [Granted(Roles.CountyAdmin)]
    public const string RankPolicyEdit = "ranks.policy.edit";

    // ── Points (积分, 一网三联) ─────────────────────────────────────────────
    [Described("查看积分细则")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string PointsRulesRead = "points.rules.read";

    [Described("修改、发布积分细则")]
    [Granted(Roles.CountyAdmin)]
    public const string PointsRulesEdit = "points.rules.edit";

    [Described("在县级限额内增加、停用本村自定积分条目")]
    [Granted(Roles.VillageCadre)]
    public const string PointsVillageItemsEdit = "points.village-items.edit";

    [Described("查看积分台账和农户、党员积分")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string PointsLedgerRead = "points.ledger.read";

    [Described("提出积分记录")]
    [Granted(Roles.VillageCadre)]
    public const string PointsPropose = "points.propose";

    [Described("审核积分记录（不能审核自己提出的），登记、复核公示异议，冲销")]
    [Granted(Roles.VillageCadre)]
    public const string PointsApprove = "points.approve";

    [Described("查看积分超市：商品、库存台账和兑换记录")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string PointsStoreRead = "points.store.read";

    [Described("管理积分超市商品（村管本村商品，乡镇管全镇共享商品）：上架、调价、下架、入库、报损")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string PointsStoreManage = "points.store.manage";

    [Described("为本村农户兑换积分超市商品并打印兑换单")]
    [Granted(Roles.VillageCadre)]
    public const string PointsRedeem = "points.store.redeem";
    [Described("发布本村年度积分排名（按县里的排名发布间隔）")]
    [Granted(Roles.VillageCadre)]
    public const string PointsRankingsPublish = "points.rankings.publish";
    // ── Matters (诉求, 上门问事、下沉议事、一线办事) ───────────────────────────
    [Described("查看本辖区的诉求和下沉议事")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string MattersRead = "matters.read";

    [Described("登记诉求（群众得到一次性回执码）")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string MattersRegister = "matters.register";

    [Described("办理本层级的诉求：受理、办结、提级、退回下级、重新办理")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string MattersHandle = "matters.handle";

    [Described("召开下沉议事，记录议程和决定")]
    [Granted(Roles.TownAdmin)]
    public const string MatterMeetingsHold = "matters.meetings.hold";

    [Described("修改诉求设置（确认后可要求重新办理的天数）")]
    [Granted(Roles.CountyAdmin)]
    public const string MatterSettingsEdit = "matters.settings.edit";

    [Described("查看本辖区的诉求和走访统计（走访村数、户数、各类诉求办结数、办结用时、逾期率），导出 Excel；省级账号看全省各县，逐级下钻到村")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.ProvinceViewer)]
    public const string MatterStatsRead = "matters.stats.read";
    // ── Visits (上门问事) and the working-day calendar ─────────────────────────
    [Described("查看走访轮次和走访覆盖情况（县看各乡镇，乡镇看本乡镇，村看本村农户）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string VisitsRead = "visits.read";

    [Described("安排走访轮次，把本乡镇各村农户分给乡镇干部，调整分工")]
    [Granted(Roles.TownAdmin)]
    public const string VisitsPlan = "visits.plan";

    [Described("查看本人的走访名单，填写走访记录")]
    [Granted(Roles.TownAdmin)]
    public const string VisitsRecord = "visits.record";

    [Described("查看本县工作日历（法定节假日、调休上班日）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string CalendarRead = "calendar.read";

    [Described("维护本县工作日历：导入国家节假日安排，增加本地假日，修改、删除")]
    [Granted(Roles.CountyAdmin)]
    public const string CalendarEdit = "calendar.edit";

    // ── Duty roster (坐班值班) and leave (休假) ─────────────────────────────
    [Described("查看本辖区各村的值班表、休假申请和值班覆盖情况")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string DutyRead = "duty.read";

    [Described("编排本辖区各村的值班表：逐日设置、自动轮换排班")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string DutyEdit = "duty.edit";

    [Described("为本辖区的村干部申请休假")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string DutyLeaveRequest = "duty.leave.request";

    [Described("审批村干部休假（必要时指定顶班人）")]
    [Granted(Roles.TownAdmin)]
    public const string DutyLeaveDecide = "duty.leave.decide";

    // ── Village affairs disclosure (村务公开) ─────────────────────────────
    [Described("查看本辖区各村的村务公开、公开日历（待公开、逾期、已公开）和县公开目录")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre), Granted(Roles.DisciplineInspector)]
    public const string DisclosureRead = "disclosure.read";

    [Described("发布、撤回本村（乡镇为所辖村）的村务公开：文字、表格和附件，发布前检查身份证号、手机号、银行卡号")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string DisclosurePost = "disclosure.post";

    [Described("修改、发布本县村务公开目录与期限（公开规则）")]
    [Granted(Roles.CountyAdmin)]
    public const string DisclosureSettingsEdit = "disclosure.settings.edit";

    [Described("认定本县（乡镇为所辖村）各村集体财务往来较多的时段（其间财务事项每月公开）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string DisclosureSpellsEdit = "disclosure.spells.edit";

    [Described("登记本村（乡镇为所辖村）需随时公开的事项（低保评定、宅基地审批等），公开日历据此提示期限")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string DisclosureOccurrencesRecord = "disclosure.occurrences.record";

    // ── Care (关爱: accident insurance, health checks) ─────────────────────────
    [Described("查看干部意外保险、年度体检及其覆盖情况（县看各乡镇，乡镇看本乡镇各村）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CareRead = "care.read";

    [Described("登记干部意外保险保单（保险公司、保单号、期限、被保险干部）和年度体检情况")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CareEdit = "care.edit";

    [Described("登记和撤销干部荣誉表彰（县级以上且晋升办法计分的，同时生成晋升加分所读的表彰记录）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CareHonoursEdit = "care.honours.edit";

    [Described("登记干部两代表一委员推荐及其结果（当选、未当选）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CareNominationsEdit = "care.nominations.edit";

    [Described("登记干部职业发展去向（专业化管理村党组织书记、乡镇公务员或事业编、事业单位等；离开村干部岗位的同时办理离任）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string CareCareersEdit = "care.careers.edit";

    // ── 学历提升 (degree programmes, tuition claims) and 困难帮扶 (hardship assistance) ──────
    [Described("查看干部学历提升项目、学费报销申请和本县学历提升报销办法")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string DegreesRead = "care.degrees.read";

    [Described("登记干部学历提升项目（入学、毕业或退学；毕业时提高档案学历），申请学费报销并上传票据")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string DegreesEnrol = "care.degrees.enrol";

    [Described("审批学费报销（在县定报销上限内按比例报销，或说明理由不予报销）")]
    [Granted(Roles.CountyAdmin)]
    public const string DegreeClaimsDecide = "care.degrees.decide";

    [Described("修改并发布学历提升报销办法（报销比例、每人每年和每个项目的上限）")]
    [Granted(Roles.CountyAdmin)]
    public const string DegreeSettingsEdit = "care.degrees.settings";

    [Described("查看困难帮扶申请及审批结果")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string AssistanceRead = "care.assistance.read";

    [Described("推荐本乡镇在任干部的困难帮扶申请（困难类别、简要说明、申请金额）")]
    [Granted(Roles.TownAdmin)]
    public const string AssistanceRecommend = "care.assistance.recommend";

    [Described("审批困难帮扶（批准金额不超过申请金额，或说明理由不予批准）")]
    [Granted(Roles.CountyAdmin)]
    public const string AssistanceDecide = "care.assistance.decide";

    // ── Supervision (监督: 经济责任审计, 巡察, findings and rectification) ─────────
    [Described("查看经济责任审计、巡察及其发现问题和整改情况（县看全县，乡镇看所辖各村，村看本村的问题）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string SupervisionRead = "supervision.read";

    [Described("安排和记录经济责任审计、巡察，登记发现问题（整改要求、责任村或干部、期限），退回或销号整改")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string SupervisionManage = "supervision.manage";

    [Described("为本村（乡镇：所辖各村）的发现问题登记整改情况和佐证材料，报整改完成")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string SupervisionRectify = "supervision.rectify";

    [Described("查看发现问题统计（各乡镇按整改状态、逾期），逐级下钻，导出 Excel")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.TownAdmin)]
    public const string SupervisionDashboard = "supervision.dashboard.read";

    [Described("查看监督总览：各乡镇（乡镇看各村）的村务公开按时情况、信访举报（仅纪委可见）和审计巡察发现问题，按月、季、年，逐级下钻，导出 Excel")]
    [Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string SupervisionOverview = "supervision.overview.read";

    // ── Training (培训) and 1+1 mentoring (帮带) ─────────────────────────────
    [Described("查看培训、学时、学时缺口、年度计划和培训覆盖（县看全县，乡镇看本乡镇，村看本村干部）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string TrainingRead = "training.read";

    [Described("组织培训：新建、修改、取消本级培训，报名干部，培训结束后登记出勤和学时")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string TrainingOrganise = "training.organise";

    [Described("设置各职务每年应完成的培训学时")]
    [Granted(Roles.CountyAdmin)]
    public const string TrainingRequirementsEdit = "training.requirements.edit";

    [Described("查看 1+1 帮带：新任干部、结对和每月帮带记录")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string MentoringRead = "mentoring.read";

    [Described("为本乡镇新任干部结对乡镇领导，填写每月帮带记录")]
    [Granted(Roles.TownAdmin)]
    public const string MentoringManage = "mentoring.manage";

    // ── Burden (减负) ───────────────────────────────────────────────────────
    [Described("查看提醒消息")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin)]
    public const string RemindersRead = "burden.reminders.read";

    [Described("管理提醒推送（Webhook）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string WebhooksEdit = "burden.webhooks.edit";

    [Described("查看负担监测")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector), Granted(Roles.VillageCadre)]
    public const string BurdenMeterRead = "burden.meter.read";

    [Described("查看减负规则")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string BurdenPolicyRead = "burden.policy.read";

    [Described("修改减负规则")]
    [Granted(Roles.CountyAdmin)]
    public const string BurdenPolicyEdit = "burden.policy.edit";

    [Described("查看会议和检查")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string BurdenEventsRead = "burden.events.read";

    [Described("登记、删除会议和检查")]
    [Granted(Roles.TownAdmin)]
    public const string BurdenEventsLog = "burden.events.log";

    [Described("查看排名")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string RankingsRead = "burden.rankings.read";

    [Described("拟定、发布排名")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin)]
    public const string RankingsPublish = "burden.rankings.publish";

    [Described("查看乡镇考核事项")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.TownAdmin), Granted(Roles.DisciplineInspector)]
    public const string AssessmentItemsRead = "burden.assessment-items.read";

    [Described("登记、撤销乡镇考核事项")]
    [Granted(Roles.TownAdmin)]
    public const string AssessmentItemsRegister = "burden.assessment-items.register";

    // ── Tasks (准入) ────────────────────────────────────────────────────────
    [Described("查看村级事项清单")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.Department), Granted(Roles.DisciplineInspector)]
    public const string TaskListRead = "tasks.list.read";

    [Described("编辑、发布村级事项清单")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice)]
    public const string TaskListEdit = "tasks.list.edit";

    [Described("查看待审批的准入申请（准入审批队列）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice)]
    public const string TaskQueueRead = "tasks.queue.read";

    [Described("提交、撤回准入申请")]
    [Granted(Roles.Department)]
    public const string TaskRequestsFile = "tasks.requests.file";

    [Described("审批准入申请")]
    [Granted(Roles.CoordinationOffice)]
    public const string TaskRequestsDecide = "tasks.requests.decide";

    [Described("查看准入申请")]
    [Granted(Roles.Department), Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string TaskRequestsRead = "tasks.requests.read";

    [Described("查看全部部门的准入申请（不限本部门）")]
    [Granted(Roles.CoordinationOffice), Granted(Roles.CountyAdmin), Granted(Roles.DisciplineInspector)]
    public const string TaskRequestsReadAll = "tasks.requests.read-all";

    [Described("查看各部门准入统计")]
    [Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.Department), Granted(Roles.DisciplineInspector)]
    public const string TaskStatsRead = "tasks.stats.read";

    [Described("查看下达到村的任务")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice)]
    public const string VillageTasksRead = "tasks.village.read";

    [Described("查看周一清单")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice)]
    public const string WeeklyRead = "tasks.weekly.read";

    [Described("周五汇报、上传佐证材料")]
    [Granted(Roles.VillageCadre)]
    public const string WeeklyReport = "tasks.weekly.report";

    [Described("查看乡镇周报看板")]
    [Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin)]
    public const string WeeklyBoardRead = "tasks.board.read";

    [Described("看板上选择乡镇")]
    [Granted(Roles.CountyAdmin)]
    public const string WeeklyBoardPickTown = "tasks.board.pick-town";

    [Described("查看佐证材料")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice), Granted(Roles.Department)]
    public const string EvidenceRead = "tasks.evidence.read";

    [Described("查看全部佐证材料（不限本部门的任务）")]
    [Granted(Roles.VillageCadre), Granted(Roles.TownAdmin), Granted(Roles.CountyAdmin), Granted(Roles.CoordinationOffice)]
    public const string EvidenceReadAll = "tasks.evidence.read-all";

    // ── 小微权力清单 (small and micro power list) ─────────────────────────
    [Described("查看小微权力清单和本辖区各村的权力运行记录（逐步办理情况、逾期）")]
    [Granted(Roles.CountyAdmin), Granted(Roles.TownAdmin), Granted(Roles.VillageCadre), Granted(Roles.DisciplineInspector)]
    public const string PowersRead = "powers.read";

    [Described("登记本村的权力事项运行并逐步记录办理情况（村）；记录清单规定由乡镇办理的步骤（乡镇）")]
    [Granted(Roles.TownAdmin), Granted(Roles.VillageCadre)]
    public const string PowersRecord = "powers.record";

    [Described("修改并发布本县小微权力清单（权力事项、运行流程、办理主体和时限）")]
    [Granted(Roles.CountyAdmin)]
    public const string PowersSettingsEdit = "powers.settings.edit";

#pragma warning restore CS1591

    private static readonly Lazy<IReadOnlyList<Capability>> List = new(() => typeof(Permissions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => new Capability((string)f.GetRawConstantValue()!,
            f.GetCustomAttribute<DescribedAttribute>()?.Text ?? "",
            f.GetCustomAttributes<GrantedAttribute>().ToList()))
        .ToList());

    private static readonly Lazy<FrozenDictionary<string, Capability>> Table = new(() => List.Value.ToFrozenDictionary(c => c.Name));

    /// <summary>Every capability with its grants, in the table's order.</summary>
    public static IReadOnlyList<Capability> All => List.Value;

    /// <summary>The capability named <paramref name="capability"/>; throws for a name not in the table (a typo must fail loudly).</summary>
    public static Capability Get(string capability) =>
        Table.Value.TryGetValue(capability, out var c) ? c : throw new ArgumentException($"Unknown capability '{capability}'", nameof(capability));

    /// <summary>Whether an account holding <paramref name="roles"/>, bound to a region of <paramref name="level"/>, may <paramref name="capability"/>.</summary>
    public static bool Allows(string capability, IEnumerable<string> roles, RegionLevel? level) => Get(capability).Allows(roles, level);
}
