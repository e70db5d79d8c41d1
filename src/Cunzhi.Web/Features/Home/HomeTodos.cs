using System.Security.Claims;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Audit;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Forms;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Features.Reserves;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Home;

/// <summary>
/// One thing waiting for the account: what it is (Chinese), how many, and the page where it is acted on. <paramref name="Note"/>
/// adds a line (a deadline, a completion figure); <paramref name="Details"/> lists the items themselves where the count alone
/// is not enough (blocked items with their notes).
/// </summary>
public sealed record TodoItem(string Key, string Title, long Count, string Link, string? Note = null, IReadOnlyList<string>? Details = null);

/// <summary>The account's to-dos: its region, the current ISO week (China time) with its Friday report deadline, and the items.</summary>
public sealed record TodoList(string? RegionCode, string? RegionName, DateOnly Today, DateOnly Week, DateOnly FridayDeadline, IReadOnlyList<TodoItem> Items);

/// <summary>
/// 待办: what waits for the signed-in account, the one place both the home page and <c>GET /api/v1/me/todos</c> read.
/// Each item is chosen by the capability that acts on it (never by role) and counted through the area's own scoped query,
/// so every account sees only its region's items. Items the account may act on are always listed, with 0 when nothing waits.
/// </summary>
public sealed class HomeTodos(
    IHttpContextAccessor http, TimeProvider clock, RegionHandlers regions, PromotionHandlers proposals, ConductHandlers conduct, PayRunViews runs,
    TaskRequestViews requests, EvaluationHandlers evaluations, WeeklyHandlers weekly, FormFilling inbox, FormReads forms, ReserveHandlers reserves,
    ReminderHandlers reminders, AuditHandlers audit, Points.PointsLedger points, Grid.CoverageQueries coverage, Matters.MatterDesk matters, Visits.VisitRecording visits,
    Care.InsurancePolicies insurance,
    Training.TrainingSessions training, Training.Mentoring mentoring,
    Duty.DutyCoverageReports duty, Disclosure.DisclosureCalendars disclosure, Complaints.ComplaintDesk complaints, Powers.PowerExerciseHandlers powers,
    Supervision.SupervisionFindings findings, Matters.MatterStats stats)
{
    /// <summary>How far back 近期变化 (vetoes and conduct records) reaches.</summary>
    public const int RecentDays = 7;

    private static readonly PageRequest CountOnly = new(1, 1);
    private static readonly PageRequest Widest = new(1, PageRequest.MaxSize);

    /// <summary>Most pages read when a to-do must look at every row of a list (weekly items, board villages): 200 × 50 rows.</summary>
    private const int MaxPages = 50;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public async Task<TodoList> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var monday = Week.MondayOf(today);
        var friday = monday.AddDays(4);
        var root = await regions.RootAsync(ct);
        var items = new List<TodoItem>();
        var u = User;
        if (root is null)
        {
            // A province account (issue #19) has no region row: its home points it to what it reads, its counties' statistics.
            var own = u.FindFirstValue(Cunzhi.Data.Security.CunzhiClaims.Region);
            if (RegionCodes.LevelOf(own) != RegionLevel.Province || !u.Can(Permissions.MatterStatsRead)) return new(null, null, today, monday, friday, items);
            items.Add(new("province-stats", "全省各县诉求统计", await stats.CountiesAsync(ct), "/Matters/Stats",
                "各县走访村数、户数和四类诉求办结数，逐级下钻到乡镇、村；数字为本省已导入区划的县数"));
            return new(own, ProvinceNames.Of(own), today, monday, friday, items);
        }

        // County: approvals.
        if (u.Can(Permissions.RanksApprove))
            items.Add(new("rank-proposals", "待批复的职级申请", (await proposals.ProposalsAsync(new(ProposalState.Pending, null, null), CountOnly, ct)).Total,
                "/Ranks/Proposals?State=Pending"));
        if (u.Can(Permissions.PayrollApprove))
        {
            items.Add(new("pay-approve", "待审批的工资批次", await RunsAsync(PayrollState.Reviewed, ct), "/Pay?State=Reviewed"));
            items.Add(new("pay-lock", "待锁定的工资批次", await RunsAsync(PayrollState.Approved, ct), "/Pay?State=Approved"));
        }
        // Town: its payroll of this month.
        if (u.Can(Permissions.PayrollComputeTown))
        {
            var thisMonth = (await runs.ListAsync(null, today.Year, today.Month, null, CountOnly, ct)).Total;
            items.Add(new("pay-compute", "本月工资待计算", thisMonth == 0 ? 1 : 0, "/Pay", $"{today.Year}年{today.Month}月"));
            items.Add(new("pay-review", "待复核的工资批次", await RunsAsync(PayrollState.Draft, ct), "/Pay?State=Draft"));
        }
        // County and coordination office: the admission queue.
        if (u.Can(Permissions.TaskQueueRead))
            items.Add(new("task-queue", "待审批的准入申请", (await requests.QueueAsync(CountOnly, ct)).Total, "/Tasks/Queue"));
        if (u.Can(Permissions.EvaluationsOpen))
        {
            items.Add(new("evaluations-open", "待开始的双述双评", await WindowsAsync(WindowState.NotYetOpen, ct), "/Evaluations?State=NotYetOpen"));
            items.Add(new("evaluations-close", "评议中待结束的双述双评", await WindowsAsync(WindowState.Open, ct), "/Evaluations?State=Open"));
        }
        // Weekly rhythm: the county sees towns, a town its villages and blocked items, a village its own list.
        if (u.Can(Permissions.WeeklyBoardRead))
        {
            if (u.Can(Permissions.WeeklyBoardPickTown))
                items.Add(new("weekly-towns", "本周有村未汇报的乡镇", await TownsWithUnreportedAsync(ct), "/Tasks/Board?Show=Unreported",
                    Deadline(friday, today)));
            else
            {
                items.Add(new("weekly-villages", "本周未汇报的村", (await weekly.BoardAsync(null, null, CountOnly, ct, null, BoardShow.Unreported)).Rows.Total,
                    "/Tasks/Board?Show=Unreported", Deadline(friday, today)));
                var blocked = (await WeekItemsAsync(ct)).Where(i => i.Status == WeeklyStatus.Blocked).ToList();
                items.Add(new("weekly-blocked", "本周受阻的事项", blocked.Count, "/Tasks/Board?Show=Blocked", null,
                    blocked.Select(b => $"{b.VillageName ?? b.RegionCode} · {b.Title}：{(string.IsNullOrWhiteSpace(b.Note) ? "（无说明）" : b.Note)}").ToList()));
            }
        }
        if (u.Can(Permissions.WeeklyReport))
        {
            var week = await WeekItemsAsync(ct);
            items.Add(new("weekly-report", "本周待汇报事项", week.Count(i => i.Status is null), "/Tasks/Weekly",
                $"本周清单共 {week.Count} 项，{Deadline(friday, today)}"));
        }
        if (u.Can(Permissions.FormsFill))
        {
            var unfilled = (await inbox.InboxAsync(null, true, CountOnly, ct)).Total;
            var drafts = (await inbox.InboxAsync(SubmissionStatus.Draft, false, CountOnly, ct)).Total;
            items.Add(new("forms-fill", "待填报表", unfilled + drafts, "/Forms/Inbox", drafts > 0 ? $"其中 {drafts} 张已保存草稿未提交" : null));
        }
        if (u.Can(Permissions.VisitsRecord))
            items.Add(new("visits-pending", "本轮待走访", await visits.PendingCountAsync(ct), "/Visits/Mine", "进行中的走访轮次里分给您、尚未走访的农户（户）"));
        if (u.Can(Permissions.CareEdit))
            items.Add(new("insurance-expiring", "保险 30 天内到期", await insurance.ExpiringCountAsync(ct), "/Care/Policies?expiring=true", "份保单，请及时续保"));
        // 培训 and 1+1 帮带: the organiser's held sessions awaiting attendance; the town's unpaired new cadres and silent pairs.
        if (u.Can(Permissions.TrainingOrganise))
            items.Add(new("training-attendance", "培训待登记出勤", await training.AwaitingAttendanceAsync(ct), "/Training", "已结束、尚有报名干部未登记出勤的本级培训（场）"));
        if (u.Can(Permissions.MentoringManage))
        {
            items.Add(new("mentoring-unpaired", "新任干部未结对", await mentoring.UnpairedCountAsync(ct), "/Training/Mentoring", "近 12 个月内首次任职、尚无帮带领导的干部（人）"));
            items.Add(new("mentoring-silent", "帮带本月未记录", await mentoring.SilentCountAsync(ct), "/Training/Mentoring?silent=true", "上个月没有帮带记录的结对（对）"));
        }
        // 坐班值班: next week's working days with nobody available on duty, for the village and its town before the week starts.
        if (u.Can(Permissions.DutyEdit))
            items.Add(new("duty-gaps", "下周值班空缺", await duty.NextWeekGapsAsync(ct), $"/Duty?year={monday.AddDays(7).Year}&month={monday.AddDays(7).Month}",
                "下周无人值班（或值班干部均在休假）的工作日（村·天）"));
        // 村务公开: a village's owed disclosures due soon and overdue; a town's (county's) villages with an overdue one.
        if (u.Can(Permissions.DisclosurePost) && Infrastructure.Security.PermissionPolicies.LevelOf(u) == Domain.Regions.RegionLevel.Village)
        {
            var (soon, late) = await disclosure.VillageCountsAsync(ct);
            items.Add(new("disclosure-due", "待公开（临期）", soon, "/Disclosure/Calendar?state=Pending", "临近公开期限、尚未公开的事项"));
            items.Add(new("disclosure-late", "村务公开逾期", late, "/Disclosure/Calendar?state=Overdue", "已过公开期限仍未公开的事项"));
        }
        else if (u.Can(Permissions.DisclosureRead) && Infrastructure.Security.PermissionPolicies.LevelOf(u) == Domain.Regions.RegionLevel.Town)
            items.Add(new("disclosure-late-villages", "村务公开逾期的村", await disclosure.VillagesLateAsync(ct), "/Disclosure/Calendar?state=Overdue",
                "上季度和本季度有事项逾期未公开的村（个）"));
        // 小微权力: exercises with an overdue step (village), villages with one (town).
        if (u.Can(Permissions.PowersRecord))
            items.Add(root.Level == RegionLevel.Village
                ? new("powers-overdue", "权力运行逾期", await powers.OverdueCountAsync(ct), "/Powers?overdue=true", "有步骤超过清单时限仍未办理的权力运行（件）")
                : new("powers-overdue", "权力运行逾期的村", await powers.OverdueCountAsync(ct), "/Powers?overdue=true", "有步骤超过清单时限仍未办理的村（个）"));
        if (u.Can(Permissions.PointsApprove))
            items.Add(new("points-pending", "积分待审核", await points.PendingCountAsync(ct), "/Points/Ledger?tab=pending", "提出人以外的村两委成员审核"));
        // 一网三联: a group whose cadre left (or never had one) waits for a new link; a town follows its villages on the coverage page.
        if (u.Can(Permissions.GridFollowUp))
            items.Add(new("groups-uncovered", "村民小组无联系干部", await coverage.GroupsWithoutCadreAsync(ct),
                u.Can(Permissions.GridCoverageRead) ? "/Grid/Coverage" : "/Grid/Village"));
        if (u.Can(Permissions.MattersHandle))
        {
            items.Add(new("matters-waiting", "待处理诉求", await matters.WaitingCountAsync(ct), "/Matters", "本层级受理、办理、提级或退回的诉求"));
            items.Add(new("matters-overdue", "逾期诉求", await matters.OverdueCountAsync(ct), "/Matters?due=Overdue", "本层级和下一级超过办理期限仍未办结的诉求"));
            items.Add(new("matters-due-soon", "临期诉求", await matters.DueSoonCountAsync(ct), "/Matters?due=DueSoon", "本层级临近办理期限的诉求"));
        }
        // 审计、巡察发现问题: the owner village and its town see overdue and soon-due rectification; the inspecting side what waits for 销号.
        if (u.Can(Permissions.SupervisionRectify))
        {
            items.Add(new("findings-overdue", "整改逾期的问题", await findings.OverdueCountAsync(ct), "/Supervision/Findings?overdue=true",
                "审计、巡察发现的问题已过整改期限仍未报整改完成（个）"));
            items.Add(new("findings-due-soon", "整改临期的问题", await findings.DueSoonCountAsync(ct), "/Supervision/Findings",
                $"{Domain.Supervision.SupervisionRules.DueSoonDays} 天内到整改期限、尚未报整改完成（个）"));
        }
        if (u.Can(Permissions.SupervisionManage))
            items.Add(new("findings-to-close", "待销号的问题", await findings.AwaitingCloseCountAsync(ct), "/Supervision/Findings?state=Rectified",
                "已报整改完成、等待审核销号（个）"));
        if (u.Can(Permissions.ReservesEdit))
            items.Add(new("reserve-vacancies", "有空缺岗位的村", (await reserves.VacanciesAsync(root.Code, ct))?.Villages.Count ?? 0,
                $"/Reserves/Vacancies?code={root.Code}"));
        // Department: its requests and forms.
        if (u.Can(Permissions.TaskRequestsFile))
        {
            foreach (var (status, title) in new[] { (TaskRequestStatus.Pending, "待审批的准入申请（本部门）"), (TaskRequestStatus.Admitted, "已准入的申请"),
                         (TaskRequestStatus.Refused, "被负面清单拦截的申请"), (TaskRequestStatus.Rejected, "被退回的申请") })
                items.Add(new($"requests-{status.ToString().ToLowerInvariant()}", title,
                    (await requests.RequestsAsync(new(status, null), CountOnly, ct)).Total, $"/Tasks/Requests?Status={status}"));
        }
        if (u.Can(Permissions.FormsDesign))
        {
            items.Add(new("forms-draft", "未报送的报表草稿", (await forms.ListAsync(new(FormStatus.Draft, null), CountOnly, ct)).Total, "/Forms?Status=Draft"));
            var filed = await forms.ListAsync(new(FormStatus.Filed, null), Widest, ct);
            var sent = filed.Items.Where(f => f.GateStatus == TaskRequestStatus.Admitted).ToList();
            items.Add(new("forms-filling", "已下发、各村填报中的报表", sent.Count(f => f.Submitted < f.Villages), "/Forms?Status=Filed",
                $"已下发 {sent.Count} 张，各村已提交 {sent.Sum(f => f.Submitted)} / {sent.Sum(f => f.Villages)} 份"));
        }
        // Discipline: what changed lately.
        if (u.Can(Permissions.ConductRecordDiscipline))
        {
            var since = clock.StartUtc(today.AddDays(-(RecentDays - 1)));
            items.Add(new("recent-vetoes", $"近{RecentDays}天的一票否决", (await conduct.ListAsync(new(null, null, ConductKind.Veto, RecordedSinceUtc: since), CountOnly, ct)).Total,
                $"/Ranks/Conduct?Kind={ConductKind.Veto}"));
            items.Add(new("recent-conduct", $"近{RecentDays}天登记的履职记录", (await conduct.ListAsync(new(null, null, null, RecordedSinceUtc: since), CountOnly, ct)).Total,
                "/Ranks/Conduct"));
        }
        // Discipline: complaints waiting for acceptance, and open ones past the handling period.
        if (u.Can(Permissions.ComplaintsHandle))
        {
            items.Add(new("complaints-received", "待受理的信访举报",
                (await complaints.ListAsync(new(Domain.Complaints.ComplaintState.Received, null), CountOnly, ct)).Total, "/Complaints?State=Received"));
            var days = Domain.Complaints.ComplaintRules.OverdueDays;
            items.Add(new("complaints-overdue", $"超过{days}天未办结的信访举报",
                (await complaints.ListAsync(new(null, days), CountOnly, ct)).Total, $"/Complaints?Age={days}"));
        }
        // The account that watches for changes (discipline) sees whether the chain verifies: the entries written since the
        // last check at once, the whole chain again at most every 10 minutes (AuditChainWatch); 操作日志 verifies it all on demand.
        if (u.Can(Permissions.AuditRead) && u.Can(Permissions.ConductRecordDiscipline))
        {
            var check = await audit.WatchAsync(ct);
            var full = $"全链复核于 {clock.Show(check.FullAtUtc, "HH:mm")}，每 {(int)AuditChainWatch.FullEvery.TotalMinutes} 分钟一次；操作日志页可随时完整校验";
            items.Add(new("audit-breaks", "操作日志哈希链断裂", check.Intact ? 0 : 1, "/Audit",
                check.FirstBreak is { } b ? $"第 {b.Sequence} 条起校验不通过（{full}）" : $"最近核验：截至第 {check.Sequence} 条，完整（{full}）"));
        }
        if (u.Can(Permissions.RemindersRead))
            items.Add(new("reminders", "未读消息", await reminders.UnreadAsync(ct), "/Burden/Messages?Unread=true"));
        return new(root.Code, root.Name, today, monday, friday, items);
    }

    private static string Deadline(DateOnly friday, DateOnly today) =>
        today > friday ? $"周五（{friday:M月d日}）汇报期限已过" : $"周五（{friday:M月d日}）前汇报";

    private async Task<long> RunsAsync(PayrollState state, CancellationToken ct) => (await runs.ListAsync(null, null, null, state, CountOnly, ct)).Total;

    private async Task<long> WindowsAsync(WindowState state, CancellationToken ct) =>
        (await evaluations.ListAsync(new(null, state, null), CountOnly, ct)).Total;

    /// <summary>Every item of this week's Monday list in scope (a village: its own; a town: its villages'), read page by page.</summary>
    private async Task<List<WeeklyItem>> WeekItemsAsync(CancellationToken ct)
    {
        var all = new List<WeeklyItem>();
        for (var p = 1; p <= MaxPages; p++)
        {
            var page = (await weekly.MondayListAsync(null, null, new PageRequest(p, PageRequest.MaxSize), ct)).Items;
            all.AddRange(page.Items);
            if (p >= page.PageCount) break;
        }
        return all;
    }

    /// <summary>Towns with at least one village that has not reported every item of this week's list.</summary>
    private async Task<long> TownsWithUnreportedAsync(CancellationToken ct)
    {
        var towns = new HashSet<string>();
        for (var p = 1; p <= MaxPages; p++)
        {
            var rows = (await weekly.BoardAsync(null, null, new PageRequest(p, PageRequest.MaxSize), ct, null, BoardShow.Unreported)).Rows;
            foreach (var r in rows.Items) if (RegionCodes.TownOf(r.VillageCode) is { } t) towns.Add(t);
            if (p >= rows.PageCount) break;
        }
        return towns.Count;
    }
}
