using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Web.Features.Audit;

/// <summary>
/// Enum columns in the audit diff: the log stores an enum as its number (Status 1 → 2); this table says which
/// (entity, field) holds which enum and names every value in Chinese (草稿 → 已复核), taking the names the areas' own
/// pages show wherever they have them so a state reads the same on the log as on its page. AuditNamesConventionTests
/// fails on an enum column of the data model that is missing here, or an enum value without a Chinese name.
/// </summary>
public static class AuditEnumNames
{
    /// <summary>(entity type, property) → the enum it holds.</summary>
    public static readonly IReadOnlyDictionary<(string Entity, string Field), Type> Fields = new Dictionary<(string, string), Type>
    {
        [("Region", "Level")] = typeof(RegionLevel),
        [("Cadre", "Gender")] = typeof(Gender),
        [("Cadre", "Status")] = typeof(CadreStatus),
        [("Cadre", "Origin")] = typeof(CadreOrigin),
        [("ReserveCadre", "Gender")] = typeof(Gender),
        [("ReserveCadre", "Source")] = typeof(ReserveSource),
        [("ReserveCadre", "Channel")] = typeof(RecommendationChannel),
        [("ReserveCadre", "Status")] = typeof(ReserveStatus),
        [("ReserveReview", "Outcome")] = typeof(ReviewOutcome),
        [("Resident", "Gender")] = typeof(Gender),
        [("IndicatorTemplate", "Kind")] = typeof(ReviewKind),
        [("IndicatorTemplate", "Status")] = typeof(TemplateStatus),
        [("PeriodReview", "Kind")] = typeof(ReviewKind),
        [("LedgerRecord", "Kind")] = typeof(LedgerKind),
        [("AnnualBatch", "State")] = typeof(AnnualState),
        [("AnnualReview", "State")] = typeof(AnnualState),
        [("AnnualReview", "CandidateRating")] = typeof(Rating),
        [("AnnualReview", "Rating")] = typeof(Rating),
        [("BallotTally", "Choice")] = typeof(BallotChoice),
        [("RankPolicy", "MinimumRating")] = typeof(Rating),
        [("ConductRecord", "Kind")] = typeof(ConductKind),
        [("ConductRecord", "Level")] = typeof(CommendationLevel),
        [("Honour", "Level")] = typeof(CommendationLevel),
        [("Nomination", "Kind")] = typeof(Domain.Care.NominationKind),
        [("Nomination", "Level")] = typeof(Domain.Care.NominationLevel),
        [("Nomination", "Status")] = typeof(Domain.Care.NominationStatus),
        [("CareerMove", "Kind")] = typeof(Domain.Care.CareerMoveKind),
        [("RankProposal", "Kind")] = typeof(ProposalKind),
        [("RankProposal", "Ground")] = typeof(DemotionGround),
        [("RankProposal", "State")] = typeof(ProposalState),
        [("RankChange", "Kind")] = typeof(RankChangeKind),
        [("PayrollRun", "State")] = typeof(PayrollState),
        [("PayLine", "Kind")] = typeof(PayLineKind),
        [("IncomeReward", "State")] = typeof(IncomeRewardState),
        [("ResponsibilityList", "Status")] = typeof(ListStatus),
        [("ResponsibilityItem", "Category")] = typeof(ItemCategory),
        [("TaskRequest", "Channel")] = typeof(TaskChannel),
        [("TaskRequest", "Status")] = typeof(TaskRequestStatus),
        [("WeeklyReport", "Status")] = typeof(WeeklyStatus),
        [("Reminder", "Kind")] = typeof(ReminderKind),
        [("ReminderWebhook", "Kind")] = typeof(RobotKind),
        [("RobotMessage", "Kind")] = typeof(RobotKind),
        [("BurdenEvent", "Kind")] = typeof(BurdenEventKind),
        [("RankingPublication", "Kind")] = typeof(RankingKind),
        [("FormTemplate", "Status")] = typeof(FormStatus),
        [("FormField", "Type")] = typeof(FieldType),
        [("FormSubmission", "Status")] = typeof(SubmissionStatus),
        [("PointsPolicy", "CarryOver")] = typeof(CarryOverRule),
        [("VillagePointsItem", "Sign")] = typeof(PointsSign),
        [("VillagePointsItem", "For")] = typeof(PointsHolderKind),
        [("PointsEntry", "HolderKind")] = typeof(PointsHolderKind),
        [("PointsEntry", "ProposerKind")] = typeof(PointsProposer),
        [("PointsEntry", "State")] = typeof(PointsEntryState),
        [("PointsObjection", "Outcome")] = typeof(ObjectionOutcome),
        [("PointsBalance", "HolderKind")] = typeof(PointsHolderKind),
        [("StockMovement", "Kind")] = typeof(StockMovementKind),
        [("PointsCapUsage", "HolderKind")] = typeof(PointsHolderKind),
        [("PointsPolicy", "LinkedRule")] = typeof(LinkedScoreRule),
        [("Matter", "Kind")] = typeof(Domain.Matters.MatterKind),
        [("MatterDailySummary", "Kind")] = typeof(Domain.Matters.MatterKind),
        [("MatterCloseDays", "Kind")] = typeof(Domain.Matters.MatterKind),
        [("Matter", "Source")] = typeof(Domain.Matters.MatterSource),
        [("Matter", "State")] = typeof(Domain.Matters.MatterState),
        [("Matter", "Level")] = typeof(Domain.Matters.MatterLevel),
        [("MatterEvent", "Kind")] = typeof(Domain.Matters.MatterEventKind),
        [("Complaint", "Category")] = typeof(Domain.Complaints.ComplaintCategory),
        [("Complaint", "State")] = typeof(Domain.Complaints.ComplaintState),
        [("Complaint", "Outcome")] = typeof(Domain.Complaints.ComplaintOutcome),
        [("ComplaintEntry", "Kind")] = typeof(Domain.Complaints.ComplaintEntryKind),
        [("MatterEvent", "Level")] = typeof(Domain.Matters.MatterLevel),
        [("MatterEvent", "State")] = typeof(Domain.Matters.MatterState),
        [("MatterReminder", "Kind")] = typeof(Domain.Matters.MatterReminderKind),
        [("CalendarDay", "Kind")] = typeof(Domain.Calendar.CalendarDayKind),
        [("DutyLeave", "Kind")] = typeof(Domain.Duty.LeaveKind),
        [("DutyLeave", "State")] = typeof(Domain.Duty.LeaveState),
        [("VillageDisclosure", "Category")] = typeof(Domain.Disclosure.DisclosureCategory),
        [("VillageDisclosure", "Frequency")] = typeof(Domain.Disclosure.DisclosureFrequency),
        [("RecordedOccurrence", "Source")] = typeof(Domain.Disclosure.OccurrenceSource),
        [("DegreeProgramme", "Status")] = typeof(Domain.Care.DegreeStatus),
        [("TuitionClaim", "Status")] = typeof(Domain.Care.ClaimStatus),
        [("HardshipAssistance", "Reason")] = typeof(Domain.Care.AssistanceReason),
        [("HardshipAssistance", "Status")] = typeof(Domain.Care.AssistanceStatus),
        [("EconomicAudit", "Reason")] = typeof(Domain.Supervision.AuditReason),
        [("EconomicAudit", "State")] = typeof(Domain.Supervision.AuditState),
        [("SupervisionFinding", "Category")] = typeof(Domain.Supervision.FindingCategory),
        [("SupervisionFinding", "Severity")] = typeof(Domain.Supervision.FindingSeverity),
        [("SupervisionFinding", "State")] = typeof(Domain.Supervision.FindingState),
        [("TrainingSession", "Kind")] = typeof(Domain.Training.TrainingKind),
        [("PowerExercise", "Category")] = typeof(Domain.Disclosure.PowerCategory),
        [("PowerExercise", "State")] = typeof(Domain.Disclosure.PowerExerciseState),
    };

    /// <summary>Enum → value → Chinese name.</summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<int, string>> Values = new Dictionary<Type, IReadOnlyDictionary<int, string>>
    {
        [typeof(RegionLevel)] = Of<RegionLevel>(RegionCodes.DisplayName),
        [typeof(Gender)] = Of<Gender>(Cadres.CadreNames.Gender),
        [typeof(CadreStatus)] = Of<CadreStatus>(Cadres.CadreNames.Status),
        [typeof(CadreOrigin)] = Of<CadreOrigin>(Cadres.CadreNames.Origin),
        [typeof(ReserveSource)] = Of<ReserveSource>(ReserveNames.Of),
        [typeof(RecommendationChannel)] = Of<RecommendationChannel>(ReserveNames.Of),
        [typeof(ReserveStatus)] = Of<ReserveStatus>(ReserveNames.Of),
        [typeof(ReviewOutcome)] = Of<ReviewOutcome>(ReserveNames.Of),
        [typeof(ReviewKind)] = Of<ReviewKind>(Assessment.ReviewHandlers.KindName),
        [typeof(TemplateStatus)] = Of<TemplateStatus>(Assessment.AssessmentNames.Template),
        [typeof(LedgerKind)] = Of<LedgerKind>(LedgerRecord.KindName),
        [typeof(AnnualState)] = Of<AnnualState>(s => Assessment.AnnualHandlers.StateName(s)),
        [typeof(Rating)] = Of<Rating>(Ratings.Name),
        [typeof(BallotChoice)] = Of<BallotChoice>(PublicEvaluationRules.ChoiceName),
        [typeof(ConductKind)] = Of<ConductKind>(ConductNames.Kind),
        [typeof(CommendationLevel)] = Of<CommendationLevel>(ConductNames.Level),
        [typeof(Domain.Care.NominationKind)] = Of<Domain.Care.NominationKind>(Domain.Care.NominationRules.KindName),
        [typeof(Domain.Care.NominationLevel)] = Of<Domain.Care.NominationLevel>(Domain.Care.NominationRules.LevelName),
        [typeof(Domain.Care.NominationStatus)] = Of<Domain.Care.NominationStatus>(Domain.Care.NominationRules.StatusName),
        [typeof(Domain.Supervision.AuditReason)] = Of<Domain.Supervision.AuditReason>(Domain.Supervision.SupervisionNames.Reason),
        [typeof(Domain.Supervision.AuditState)] = Of<Domain.Supervision.AuditState>(Domain.Supervision.SupervisionNames.State),
        [typeof(Domain.Supervision.FindingCategory)] = Of<Domain.Supervision.FindingCategory>(Domain.Supervision.SupervisionNames.Category),
        [typeof(Domain.Supervision.FindingSeverity)] = Of<Domain.Supervision.FindingSeverity>(Domain.Supervision.SupervisionNames.Severity),
        [typeof(Domain.Supervision.FindingState)] = Of<Domain.Supervision.FindingState>(Domain.Supervision.SupervisionNames.State),
        [typeof(Domain.Care.CareerMoveKind)] = Of<Domain.Care.CareerMoveKind>(Domain.Care.CareerRules.KindName),
        [typeof(ProposalKind)] = Of<ProposalKind>(Ranks.PromotionHandlers.KindName),
        [typeof(DemotionGround)] = Of<DemotionGround>(g => g switch
        {
            DemotionGround.AnnualIncompetent => "年度考核不称职",
            DemotionGround.Veto => "一票否决",
            _ => g.ToString(),
        }),
        [typeof(ProposalState)] = Of<ProposalState>(RankProposal.StateName),
        [typeof(RankChangeKind)] = Of<RankChangeKind>(Ranks.PromotionHandlers.KindName),
        [typeof(PayrollState)] = Of<PayrollState>(Pay.PayNames.State),
        [typeof(PayLineKind)] = Of<PayLineKind>(Pay.PayNames.Kind),
        [typeof(IncomeRewardState)] = Of<IncomeRewardState>(Pay.PayNames.IncomeState),
        [typeof(ListStatus)] = Of<ListStatus>(Tasks.TaskNames.ListStatus),
        [typeof(ItemCategory)] = Of<ItemCategory>(ResponsibilityItem.CategoryName),
        [typeof(Domain.Calendar.CalendarDayKind)] = Of<Domain.Calendar.CalendarDayKind>(Domain.Calendar.WorkingCalendar.KindName),
        [typeof(Domain.Duty.LeaveKind)] = Of<Domain.Duty.LeaveKind>(Domain.Duty.DutyLeave.KindName),
        [typeof(Domain.Duty.LeaveState)] = Of<Domain.Duty.LeaveState>(Domain.Duty.DutyLeave.StateName),
        [typeof(Domain.Disclosure.DisclosureCategory)] = Of<Domain.Disclosure.DisclosureCategory>(Domain.Disclosure.DisclosureRules.CategoryName),
        [typeof(Domain.Disclosure.DisclosureFrequency)] = Of<Domain.Disclosure.DisclosureFrequency>(Domain.Disclosure.DisclosureRules.FrequencyName),
        [typeof(Domain.Care.DegreeStatus)] = Of<Domain.Care.DegreeStatus>(Domain.Care.DegreeRules.StatusName),
        [typeof(Domain.Care.ClaimStatus)] = Of<Domain.Care.ClaimStatus>(Domain.Care.DegreeRules.ClaimStatusName),
        [typeof(Domain.Care.AssistanceReason)] = Of<Domain.Care.AssistanceReason>(Domain.Care.DegreeRules.ReasonName),
        [typeof(Domain.Care.AssistanceStatus)] = Of<Domain.Care.AssistanceStatus>(Domain.Care.DegreeRules.AssistanceStatusName),
        [typeof(Domain.Disclosure.PowerCategory)] = Of<Domain.Disclosure.PowerCategory>(Domain.Disclosure.PowerItem.CategoryName),
        [typeof(Domain.Disclosure.PowerExerciseState)] = Of<Domain.Disclosure.PowerExerciseState>(Domain.Disclosure.PowerExercises.StateName),
        [typeof(Domain.Training.TrainingKind)] = Of<Domain.Training.TrainingKind>(Domain.Training.TrainingRules.KindName),
        [typeof(TaskChannel)] = Of<TaskChannel>(Tasks.TaskNames.Channel),
        [typeof(TaskRequestStatus)] = Of<TaskRequestStatus>(TaskRequest.StatusName),
        [typeof(WeeklyStatus)] = Of<WeeklyStatus>(s => WeeklyReport.StatusName(s)),
        [typeof(ReminderKind)] = Of<ReminderKind>(k => k switch
        {
            ReminderKind.MondayList => "本周清单已下发",
            ReminderKind.FridayReport => "周五汇报提醒",
            ReminderKind.TownUnreported => "村级周报未汇报",
            ReminderKind.CountySummary => "本周周报汇总",
            ReminderKind.DisclosureDueSoon => "村务公开临期提醒",
            ReminderKind.DisclosureOverdue => "村务公开逾期提醒",
            ReminderKind.DisclosureTownLate => "村务公开逾期的村",
            _ => k.ToString(),
        }),
        [typeof(RobotKind)] = Of<RobotKind>(Burden.WebhookHandlers.Name),
        [typeof(Domain.Disclosure.OccurrenceSource)] = Of<Domain.Disclosure.OccurrenceSource>(s => s switch
        {
            Domain.Disclosure.OccurrenceSource.Registered => "登记", Domain.Disclosure.OccurrenceSource.PowerExercise => "权力运行办结自动登记", _ => s.ToString(),
        }),
        [typeof(BurdenEventKind)] = Of<BurdenEventKind>(BurdenEvent.KindName),
        [typeof(RankingKind)] = Of<RankingKind>(RankingGuard.KindName),
        [typeof(FormStatus)] = Of<FormStatus>(s => s switch { FormStatus.Draft => "草稿", FormStatus.Filed => "已报送", _ => s.ToString() }),
        [typeof(FieldType)] = Of<FieldType>(FormTemplate.TypeName),
        [typeof(SubmissionStatus)] = Of<SubmissionStatus>(s => FormSubmission.StatusName(s)),
        [typeof(CarryOverRule)] = Of<CarryOverRule>(Points.PointsNames.CarryOver),
        [typeof(PointsSign)] = Of<PointsSign>(Points.PointsNames.Sign),
        [typeof(PointsHolderKind)] = Of<PointsHolderKind>(Points.PointsNames.For),
        [typeof(PointsProposer)] = Of<PointsProposer>(Points.PointsNames.Proposer),
        [typeof(LinkedScoreRule)] = Of<LinkedScoreRule>(Points.LinkedPoints.RuleName),
        [typeof(PointsEntryState)] = Of<PointsEntryState>(Points.PointsLedger.Name),
        [typeof(ObjectionOutcome)] = Of<ObjectionOutcome>(Points.PointsNames.Outcome),
        [typeof(StockMovementKind)] = Of<StockMovementKind>(Points.PointsNames.Movement),
        [typeof(Domain.Matters.MatterKind)] = Of<Domain.Matters.MatterKind>(Domain.Matters.MatterRules.KindName),
        [typeof(Domain.Complaints.ComplaintCategory)] = Of<Domain.Complaints.ComplaintCategory>(Domain.Complaints.ComplaintRules.CategoryName),
        [typeof(Domain.Complaints.ComplaintState)] = Of<Domain.Complaints.ComplaintState>(Domain.Complaints.ComplaintRules.StateName),
        [typeof(Domain.Complaints.ComplaintOutcome)] = Of<Domain.Complaints.ComplaintOutcome>(Domain.Complaints.ComplaintRules.OutcomeName),
        [typeof(Domain.Complaints.ComplaintEntryKind)] = Of<Domain.Complaints.ComplaintEntryKind>(Domain.Complaints.ComplaintRules.EntryName),
        [typeof(Domain.Matters.MatterSource)] = Of<Domain.Matters.MatterSource>(Domain.Matters.MatterRules.SourceName),
        [typeof(Domain.Matters.MatterState)] = Of<Domain.Matters.MatterState>(Domain.Matters.MatterRules.StateName),
        [typeof(Domain.Matters.MatterLevel)] = Of<Domain.Matters.MatterLevel>(Domain.Matters.MatterRules.LevelName),
        [typeof(Domain.Matters.MatterEventKind)] = Of<Domain.Matters.MatterEventKind>(Domain.Matters.MatterRules.EventName),
        [typeof(Domain.Matters.MatterReminderKind)] = Of<Domain.Matters.MatterReminderKind>(Domain.Matters.MatterReminders.KindName),
    };

    private static IReadOnlyDictionary<int, string> Of<T>(Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => Convert.ToInt32(v), name);

    /// <summary>The Chinese name of <paramref name="number"/> when (<paramref name="entity"/>, <paramref name="field"/>) is an enum column and the number one of its values; else null.</summary>
    public static string? Name(string entity, string field, long number) =>
        Fields.TryGetValue((entity, field), out var type) && Values.TryGetValue(type, out var names) && number is >= int.MinValue and <= int.MaxValue
            && names.TryGetValue((int)number, out var name) ? name : null;
}
