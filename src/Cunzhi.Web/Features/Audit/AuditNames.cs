using Cunzhi.Data.Auditing;

namespace Cunzhi.Web.Features.Audit;

/// <summary>
/// The one reviewed table that turns the log's code names into Chinese: entity type (the CLR name the log records, and
/// the names of events written with <c>RecordEvent</c>) → 中文名, property → 中文标签 (shared labels, then per entity
/// where a name means something else there), and every action → 中文. A convention test
/// (AuditReadableTests) fails when an entity type of the data model, or an event name used in src/, has no entry.
/// </summary>
public static class AuditNames
{
    /// <summary>Entity type → Chinese name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // 区划与账号
        ["Region"] = "行政区划",
        ["ReferenceItem"] = "代码表条目",
        ["AppUser"] = "账号",
        ["IdentityRole"] = "角色",
        ["IdentityUserRole`1"] = "账号角色",
        ["IdentityUserClaim`1"] = "账号声明",
        ["IdentityRoleClaim`1"] = "角色声明",
        ["IdentityUserLogin`1"] = "外部登录",
        ["IdentityUserToken`1"] = "账号密钥（两步验证）",
        // 村干部与后备
        ["Cadre"] = "村干部",
        ["CadrePost"] = "任职记录",
        ["ReserveCadre"] = "后备干部",
        ["ReserveReview"] = "后备干部考察",
        ["Household"] = "户",
        ["Resident"] = "户成员",
        // 考核
        ["AssessmentSettings"] = "考核设置",
        ["IndicatorTemplate"] = "考核指标模板",
        ["AssessmentIndicator"] = "考核指标",
        ["PeriodReview"] = "月度/季度考核评分",
        ["LedgerRecord"] = "平时台账",
        ["AnnualBatch"] = "年度考核批次",
        ["AnnualReview"] = "年度考核结果",
        // 双述双评
        ["EvaluationWindow"] = "双述双评评议",
        ["EvaluationReport"] = "述职报告",
        ["BallotCode"] = "评议码",
        ["BallotTally"] = "评议计票",
        ["PublicEvaluationResult"] = "评议结果",
        // 职级
        ["RankPolicy"] = "晋升办法",
        ["ConductRecord"] = "履职记录",
        ["RankProposal"] = "职级申请",
        ["RankChange"] = "职级变动",
        // 报酬
        ["PaySettings"] = "报酬标准",
        ["PayrollRun"] = "工资批次",
        ["PayLine"] = "工资明细",
        ["GoodSecretaryAward"] = "好支书奖励",
        ["IncomeReward"] = "集体增收奖励",
        ["IncomeRewardShare"] = "增收奖励分配",
        // 减负
        ["ResponsibilityList"] = "工作事务清单",
        ["ResponsibilityItem"] = "清单事项",
        ["TaskRequest"] = "任务准入申请",
        ["VillageTask"] = "村级任务",
        ["WeeklyReport"] = "周五汇报",
        ["TaskEvidence"] = "佐证材料",
        ["Reminder"] = "提醒",
        ["ReminderWebhook"] = "群机器人",
        ["RobotMessage"] = "群机器人消息",
        ["BurdenEvent"] = "会议与检查",
        ["BurdenEventVillage"] = "会议与检查涉及村",
        ["BurdenPolicy"] = "减负设置",
        ["RankingPublication"] = "排名发布",
        ["AssessmentItem"] = "乡镇考核事项",
        // 一网三联
        ["GridPolicy"] = "一网三联设置",
        ["GridGroup"] = "网格划分",
        ["GridMember"] = "网格员",
        ["CadreGroupLink"] = "干部联村组",
        ["MemberHouseholdLink"] = "党员联农户",
        // 积分（一网三联）
        ["PointsPolicy"] = "积分细则",
        ["VillagePointsItem"] = "村级积分条目",
        ["PointsEntry"] = "积分记录",
        ["PointsObjection"] = "积分公示异议",
        ["PointsBalance"] = "年度积分余额",
        ["StoreItem"] = "积分超市商品",
        ["StockMovement"] = "积分超市库存变动",
        ["StoreRedemption"] = "积分兑换",
        ["PointsCapUsage"] = "积分条目年度上限台账",
        ["Matter"] = "诉求",
        ["MatterEvent"] = "诉求办理记录",
        ["MatterDailySummary"] = "诉求日汇总",
        ["MatterCloseDays"] = "诉求办结用时汇总",
        ["Complaint"] = "信访举报",
        ["ComplaintEntry"] = "信访举报办理记录",
        ["ComplaintsDemo"] = "信访举报演示数据",
        ["MatterMeeting"] = "下沉议事",
        ["MatterMeetingItem"] = "下沉议事议程",
        ["MatterSettings"] = "诉求设置",
        ["SlaPolicy"] = "办理时限",
        ["MatterReminder"] = "诉求期限提醒",
        // 坐班值班与休假
        ["DutyMonth"] = "值班表",
        ["DutyAssignment"] = "值班安排",
        ["DutyLeave"] = "休假",
        ["VillageOffice"] = "村委会办公电话",
        // 走访（上门问事）与工作日历
        ["CalendarDay"] = "工作日历",
        ["VisitRound"] = "走访轮次",
        ["VisitAssignment"] = "走访分工",
        ["VisitRecord"] = "走访记录",
        // 关爱
        ["InsurancePolicy"] = "意外保险保单",
        ["InsuredCadre"] = "被保险干部",
        ["HealthCheck"] = "年度体检",
        ["Honour"] = "荣誉表彰",
        ["Nomination"] = "两代表一委员推荐",
        ["CareerMove"] = "职业发展",
        ["DegreeProgramme"] = "学历提升",
        ["DegreeAllowance"] = "学费年度报销额",
        ["TuitionClaim"] = "学费报销申请",
        ["TuitionReceipt"] = "学费票据",
        ["DegreeSupportPolicy"] = "学历提升报销办法",
        ["HardshipAssistance"] = "困难帮扶",
        // 村务公开
        ["DisclosurePolicy"] = "村务公开规则",
        ["VillageDisclosure"] = "村务公开",
        ["DisclosureAttachment"] = "村务公开附件",
        ["VillageFinanceSpell"] = "集体财务往来较多时段",
        ["RecordedOccurrence"] = "需随时公开的事项",
        // 监督：经济责任审计、巡察
        ["EconomicAudit"] = "经济责任审计",
        ["InspectionTour"] = "巡察",
        ["SupervisionFinding"] = "审计巡察发现问题",
        // 培训与 1+1 帮带
        ["TrainingSession"] = "培训",
        ["TrainingEnrolment"] = "培训报名与出勤",
        ["TrainingRequirement"] = "年度学时要求",
        ["MentorPair"] = "帮带结对",
        ["MentorLog"] = "帮带记录",
        // 一表通
        ["FormTemplate"] = "报表",
        ["FormField"] = "报表字段",
        ["FormSubmission"] = "报表填报",
        ["FormValue"] = "报表填报值",
        // 小微权力
        ["PowerListPolicy"] = "小微权力清单",
        ["PowerExercise"] = "权力运行",
        ["PowerStepEntry"] = "权力运行步骤",
        ["PowerStepFile"] = "权力运行附件",
        // 事件（RecordEvent 写入的对象名）
        ["Account"] = "账号登录",
        ["DemoData"] = "演示数据",
        ["RankDemo"] = "职级演示数据",
        ["GridDemo"] = "一网三联演示数据",
        ["VisitsDemo"] = "走访演示数据",
        ["MattersDemo"] = "诉求演示数据",
        ["TrainingDemo"] = "培训与帮带演示数据",
        ["DutyDemo"] = "值班演示数据",
        ["DisclosureDemo"] = "村务公开演示数据",
        ["CareDemo"] = "关爱演示数据",
        ["StudyDemo"] = "学历提升与困难帮扶演示数据",
        ["PowersDemo"] = "小微权力演示数据",
        ["SupervisionDemo"] = "审计与巡察演示数据",
        ["AssessmentDemo"] = "考核演示数据",
        ["ActivityDemo"] = "减负动态演示数据",
        ["AuditLog"] = "操作日志",
    };

    /// <summary>Actions written by events besides <see cref="AuditActions"/>'s, in Chinese.</summary>
    private static readonly IReadOnlyDictionary<string, string> EventActions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BallotCast"] = "投票",
        ["PointsObjectionFiled"] = "村民在公示栏提出异议",
        ["BallotCodesIssued"] = "生成评议码",
        ["BallotCodesVoided"] = "作废评议码",
        ["EvaluationOpened"] = "开启评议",
        ["EvaluationClosed"] = "评议结束",
        ["EvaluationClosedEarly"] = "提前结束评议",
        ["PayAdjustmentAdded"] = "新增调整行",
        ["PayAdjustmentRemoved"] = "删除调整行",
        ["PayrollComputed"] = "计算工资",
        ["VisitsPlanned"] = "安排走访分工",
        ["InsuranceCovered"] = "登记保单被保险干部",
        ["VisitReassigned"] = "调整走访分工",
        ["DutyGenerated"] = "生成值班表",
    };

    /// <summary>Every action code the log may hold (the kind filter's choices), in a fixed order.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        AuditActions.Insert, AuditActions.Update, AuditActions.Delete, AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.SignOut,
        AuditActions.Reveal, AuditActions.Export, AuditActions.Seed, AuditActions.Redaction, .. EventActions.Keys,
    ];

    /// <summary>Chinese name of an action (the code itself when unknown, so nothing is hidden).</summary>
    public static string Action(string action) => EventActions.TryGetValue(action, out var n) ? n : AuditActions.DisplayName(action);

    /// <summary>Chinese name of an entity type (the code itself when unknown).</summary>
    public static string Entity(string entity) => Entities.TryGetValue(entity, out var n) ? n : entity;

    /// <summary>The entity code for a filter value given as code or Chinese name; null when neither.</summary>
    public static string? EntityCode(string value)
    {
        var v = value.Trim();
        if (Entities.ContainsKey(v)) return v;
        return Entities.FirstOrDefault(e => e.Value == v).Key;
    }

    /// <summary>Labels of property names shared by many entities.</summary>
    private static readonly IReadOnlyDictionary<string, string> Common = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Id"] = "编号", ["RowVersion"] = "版本号", ["Version"] = "版本", ["RegionCode"] = "区划代码", ["CountyCode"] = "县代码",
        ["Code"] = "代码", ["Name"] = "名称", ["Title"] = "标题", ["Kind"] = "类别", ["Status"] = "状态", ["State"] = "状态",
        ["Year"] = "年度", ["Month"] = "月份", ["Period"] = "期次", ["Date"] = "日期", ["StartDate"] = "开始日期", ["EndDate"] = "结束日期",
        ["Note"] = "备注", ["Description"] = "说明", ["Reason"] = "原因", ["Explanation"] = "计算说明", ["Warning"] = "提示", ["Warnings"] = "提示",
        ["SortOrder"] = "排序", ["Level"] = "级别", ["Source"] = "来源", ["Channel"] = "渠道", ["Department"] = "部门", ["DepartmentName"] = "部门",
        ["CadreId"] = "村干部编号", ["CadreName"] = "村干部姓名", ["PostCode"] = "职务", ["Rank"] = "职级", ["Term"] = "届次",
        ["Gender"] = "性别", ["BirthDate"] = "出生日期", ["EducationCode"] = "学历", ["IsPartyMember"] = "中共党员",
        ["NationalIdCipher"] = "身份证号（密文）", ["NationalIdHash"] = "身份证号（检索用哈希）", ["NationalIdMasked"] = "身份证号", ["BankName"] = "开户行", ["BankAccountCipher"] = "银行账号（密文）", ["BankAccountMasked"] = "银行账号",
        ["PhoneCipher"] = "手机号（密文）", ["PhoneMasked"] = "手机号",
        ["CreatedBy"] = "创建人", ["CreatedAtUtc"] = "创建时间", ["UpdatedBy"] = "修改人", ["UpdatedAtUtc"] = "修改时间",
        ["PublishedBy"] = "发布人", ["PublishedAtUtc"] = "发布时间", ["ProposedBy"] = "提出人", ["ProposedAtUtc"] = "提出时间",
        ["DecidedBy"] = "决定人", ["DecidedAtUtc"] = "决定时间", ["DecisionReason"] = "决定理由", ["ReturnReason"] = "退回原因",
        ["ApprovedBy"] = "批准人", ["ApprovedAtUtc"] = "批准时间", ["ReviewedBy"] = "审核人", ["ReviewedAtUtc"] = "审核时间",
        ["LockedBy"] = "锁定人", ["LockedAtUtc"] = "锁定时间", ["ComputedBy"] = "计算人", ["ComputedAtUtc"] = "计算时间",
        ["RecordedBy"] = "记录人", ["RecordedAtUtc"] = "记录时间", ["SubmittedAtUtc"] = "提交时间", ["EnteredBy"] = "填报人", ["EnteredAtUtc"] = "填报时间",
        ["GrantedBy"] = "授予人", ["GrantedAtUtc"] = "授予时间", ["ScoredBy"] = "评分人", ["ScoredAtUtc"] = "评分时间",
        ["ReportedBy"] = "填报人", ["ReportedAtUtc"] = "填报时间", ["UploadedBy"] = "上传人", ["UploadedAtUtc"] = "上传时间",
        ["WithdrawnBy"] = "撤销人", ["WithdrawnAtUtc"] = "撤销时间", ["WithdrawReason"] = "撤销原因", ["PreparedBy"] = "编制人", ["PreparedAtUtc"] = "编制时间",
        ["EditedBy"] = "编辑人", ["ReadBy"] = "已读人", ["ReadAtUtc"] = "已读时间", ["FiledAtUtc"] = "下发时间", ["AdmittedAtUtc"] = "准入时间",
        ["EffectiveFrom"] = "生效日期", ["FromRank"] = "原职级", ["ToRank"] = "新职级", ["WindowId"] = "评议编号", ["TemplateId"] = "模板编号",
        ["TemplateVersion"] = "模板版本", ["Score"] = "得分", ["Scores"] = "各项得分", ["Total"] = "总分", ["Weight"] = "权重",
        ["VillageTaskId"] = "村级任务编号", ["TaskRequestId"] = "任务申请编号", ["FormTemplateId"] = "报表编号", ["WeekStart"] = "周（周一）",
        ["Requirement"] = "要求", ["DueDate"] = "截止日期", ["EvidenceRequired"] = "需佐证材料", ["EvidenceJustification"] = "需佐证的理由",
        ["AmountFen"] = "金额（分）", ["TotalFen"] = "合计（分）", ["PayYear"] = "发放年度", ["PayMonth"] = "发放月份",
        ["AllowanceStepFen"] = "职级津贴级差（分）", ["Days"] = "天数", ["Value"] = "值", ["Label"] = "标签", ["Type"] = "类型",
        ["FileName"] = "文件名", ["ContentType"] = "文件类型", ["Size"] = "大小（字节）", ["Sha256"] = "文件指纹（SHA-256）",
        ["StoredName"] = "存储文件名", ["Enabled"] = "启用", ["Host"] = "地址主机", ["UrlProtected"] = "地址（密文）", ["SecretProtected"] = "加签密钥（密文）",
        ["IsPublished"] = "已发布", ["Hash"] = "哈希", ["Used"] = "已使用", ["Voided"] = "已作废", ["Count"] = "票数", ["Choice"] = "评议选项",
        // 账号（Identity）
        ["UserName"] = "账号名", ["NormalizedUserName"] = "账号名（规范化）", ["DisplayName"] = "显示名称", ["Email"] = "电子邮箱",
        ["NormalizedEmail"] = "电子邮箱（规范化）", ["EmailConfirmed"] = "邮箱已确认", ["PasswordHash"] = "密码（哈希）", ["SecurityStamp"] = "安全戳",
        ["ConcurrencyStamp"] = "并发戳", ["PhoneNumber"] = "电话", ["PhoneNumberConfirmed"] = "电话已确认", ["TwoFactorEnabled"] = "两步验证",
        ["LockoutEnd"] = "锁定至", ["LockoutEnabled"] = "允许锁定", ["AccessFailedCount"] = "连续登录失败次数", ["CanRevealPersonalData"] = "可查看完整证件号",
        ["UserId"] = "账号编号", ["RoleId"] = "角色编号", ["LoginProvider"] = "登录提供方", ["ProviderKey"] = "提供方标识", ["ProviderDisplayName"] = "提供方名称",
        ["ClaimType"] = "声明类型", ["ClaimValue"] = "声明值", ["NormalizedName"] = "名称（规范化）",
        // 事件详情中的键
        ["fullNumbers"] = "含完整证件号", ["region"] = "区划", ["status"] = "状态", ["post"] = "职务", ["q"] = "搜索", ["rows"] = "行数",
        ["count"] = "数量", ["channel"] = "渠道", ["reason"] = "原因", ["filter"] = "筛选条件", ["capped"] = "已截断",
    };

    /// <summary>Labels that differ for one entity (same property name, other meaning there).</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PerEntity = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["Region"] = new Dictionary<string, string> { ["Code"] = "区划代码", ["Name"] = "区划名称", ["Level"] = "层级", ["ParentCode"] = "上级区划代码" },
        ["Cadre"] = new Dictionary<string, string>
        {
            ["Name"] = "姓名", ["Status"] = "在职状态", ["StartDate"] = "任职日期", ["Origin"] = "来源", ["AssignedFrom"] = "派出单位",
            ["IsProfessionalSecretary"] = "专业化管理书记", ["DepartureDate"] = "离任日期", ["DepartureReason"] = "离任原因",
        },
        ["CadrePost"] = new Dictionary<string, string> { ["StartDate"] = "任职日期", ["EndDate"] = "离任日期" },
        ["ReserveCadre"] = new Dictionary<string, string>
        {
            ["Name"] = "姓名", ["Recommender"] = "推荐人", ["RecommendedDate"] = "推荐日期", ["TrainerCadreId"] = "培养联系人编号", ["TrainerName"] = "培养联系人",
            ["PlacementPostCode"] = "拟任职务", ["TrainingNote"] = "培养情况", ["ClosedDate"] = "出库日期", ["PromotedCadreId"] = "转任村干部编号",
            ["PromotedCadre"] = "转任村干部",
        },
        ["ReserveReview"] = new Dictionary<string, string> { ["ReserveCadreId"] = "后备干部编号", ["Reviewer"] = "考察人", ["Outcome"] = "考察结论" },
        ["Household"] = new Dictionary<string, string> { ["GroupCode"] = "村民小组", ["GridCode"] = "网格", ["Number"] = "户号", ["HeadName"] = "户主", ["Address"] = "住址" },
        ["Resident"] = new Dictionary<string, string> { ["HouseholdId"] = "户编号", ["Name"] = "姓名", ["Relation"] = "与户主关系" },
        ["AssessmentSettings"] = new Dictionary<string, string>
        {
            ["MonthlyWeight"] = "月度权重", ["QuarterlyWeight"] = "季度权重", ["SatisfactionWeight"] = "满意度权重", ["ExcellentThreshold"] = "优秀分数线",
            ["CompetentThreshold"] = "称职分数线", ["BasicThreshold"] = "基本称职分数线", ["ExcellentCapPercent"] = "优秀比例上限（%）",
            ["LowMonthlyAverage"] = "月度均分预警线", ["LowSatisfactionPercent"] = "满意度预警线（%）",
        },
        ["AssessmentIndicator"] = new Dictionary<string, string> { ["Name"] = "指标名称", ["MinScore"] = "最低分", ["MaxScore"] = "满分" },
        ["LedgerRecord"] = new Dictionary<string, string>
        {
            ["AttachmentName"] = "附件名", ["AttachmentType"] = "附件类型", ["AttachmentSize"] = "附件大小（字节）", ["AttachmentSha256"] = "附件指纹（SHA-256）",
        },
        ["AnnualReview"] = new Dictionary<string, string>
        {
            ["BatchId"] = "批次编号", ["MonthlyAverage"] = "月度均分", ["QuarterlyAverage"] = "季度均分", ["Satisfaction"] = "满意度",
            ["Score"] = "年度得分", ["CandidateRating"] = "建议等次", ["Rating"] = "等次",
        },
        ["AnnualBatch"] = new Dictionary<string, string> { ["Reviews"] = "考核结果" },
        ["EvaluationWindow"] = new Dictionary<string, string>
        {
            ["OpensAtUtc"] = "开始时间", ["ClosesAtUtc"] = "截止时间", ["ClosedAtUtc"] = "结束时间", ["BallotsCast"] = "已投票数",
        },
        ["EvaluationReport"] = new Dictionary<string, string> { ["Position"] = "岗位", ["Text"] = "述职内容" },
        ["PublicEvaluationResult"] = new Dictionary<string, string>
        {
            ["Satisfied"] = "满意", ["BasicallySatisfied"] = "基本满意", ["Dissatisfied"] = "不满意", ["CodesIssued"] = "发放评议码数", ["CodesUsed"] = "已用评议码数",
        },
        ["RankPolicy"] = new Dictionary<string, string>
        {
            ["MinMonths"] = "各职级最低任职月数", ["MinimumRating"] = "最低年度等次", ["SanctionMonths"] = "处分影响期（月）", ["PeriodMonths"] = "考察期（月）",
            ["MinSatisfactionPercent"] = "满意度下限（%）", ["MaxAbsenceDays"] = "无故缺勤上限（天）", ["ExcellentPoints"] = "优秀加分",
            ["CountyCommendationPoints"] = "县级表彰加分", ["CityCommendationPoints"] = "市级表彰加分", ["ProvinceCommendationPoints"] = "省级表彰加分",
            ["NationalCommendationPoints"] = "国家级表彰加分", ["PointsSteps"] = "加分缩短等待期", ["VetoReasons"] = "一票否决事由",
        },
        ["ConductRecord"] = new Dictionary<string, string> { ["VetoReason"] = "否决事由", ["Description"] = "情况" },
        ["PointsPolicy"] = new Dictionary<string, string>
        {
            ["Items"] = "积分条目", ["PublicityDays"] = "公示天数", ["CarryOver"] = "结转规则", ["CarryOverPercent"] = "结转比例（%）", ["AllowNegative"] = "允许负分",
            ["VillageItemMaxPoints"] = "村级条目分值上限", ["VillageItemMaxYearCap"] = "村级条目年度上限", ["VillageItemMaxCount"] = "村级条目数上限",
            ["LinkedRule"] = "党员积分联农户方式", ["LinkWeightPercent"] = "联系农户积分权重（%）",
        },
        ["VillagePointsItem"] = new Dictionary<string, string>
        {
            ["Sign"] = "加分/扣分", ["Points"] = "分值", ["For"] = "适用对象", ["EvidenceRequired"] = "须有佐证", ["YearCap"] = "年度上限",
            ["PolicyVersion"] = "依据的细则版本", ["RetiredAtUtc"] = "停用时间",
        },
        ["PointsEntry"] = new Dictionary<string, string>
        {
            ["HolderKind"] = "对象类别", ["HolderId"] = "对象编号", ["HolderName"] = "对象姓名", ["PolicyVersion"] = "积分细则版本", ["ItemCode"] = "条目编号",
            ["VillageItemId"] = "村级条目编号", ["ItemName"] = "条目", ["Points"] = "分值", ["AppliedPoints"] = "计入分值", ["Evidence"] = "佐证",
            ["ProposerKind"] = "提出人类别", ["RejectReason"] = "不通过理由", ["PublicityFrom"] = "公示开始", ["PublicityUntil"] = "公示截止",
            ["InForceOn"] = "生效日期", ["ReversesId"] = "冲销的记录编号", ["ReversalReason"] = "冲销理由", ["PendingObjections"] = "待复核异议数",
            ["StoreItemId"] = "积分超市商品编号",
            ["ProposerRefId"] = "提出人编号", ["ProposerName"] = "提出人",
        },
        ["PointsObjection"] = new Dictionary<string, string>
        {
            ["EntryId"] = "积分记录编号", ["ObjectorName"] = "异议人", ["Reason"] = "异议内容", ["RaisedOn"] = "提出日期", ["Outcome"] = "复核结论", ["ReviewNote"] = "复核意见",
        },
        ["DutyMonth"] = new Dictionary<string, string> { ["Year"] = "年", ["Month"] = "月", ["UpdatedBy"] = "最后修改人", ["UpdatedAtUtc"] = "最后修改时间" },
        ["DutyAssignment"] = new Dictionary<string, string> { ["DutyMonthId"] = "值班表编号", ["Date"] = "值班日期", ["CadreId"] = "值班干部编号" },
        ["VillageOffice"] = new Dictionary<string, string> { ["Phone"] = "办公电话" },
        ["DutyLeave"] = new Dictionary<string, string>
        {
            ["CadreId"] = "干部编号", ["FromDate"] = "开始日期", ["ToDate"] = "结束日期", ["Kind"] = "休假类别", ["Reason"] = "事由", ["State"] = "状态",
            ["RequestedBy"] = "申请人", ["DecidedBy"] = "审批人", ["DecidedAtUtc"] = "审批时间", ["ReplacementCadreId"] = "顶班干部编号", ["DecisionNote"] = "审批意见",
        },
        ["TrainingSession"] = new Dictionary<string, string>
        {
            ["Title"] = "培训名称", ["Topic"] = "主题", ["Hours"] = "学时", ["Place"] = "地点", ["Cancelled"] = "已取消", ["RegionCode"] = "组织单位区划",
        },
        ["TrainingEnrolment"] = new Dictionary<string, string>
        {
            ["SessionId"] = "培训编号", ["Attended"] = "出勤", ["CreditedHours"] = "记入学时", ["MarkedBy"] = "登记人", ["MarkedAtUtc"] = "登记时间",
        },
        ["TrainingRequirement"] = new Dictionary<string, string> { ["FromYear"] = "起始年度", ["Hours"] = "每年应完成学时" },
        ["MentorPair"] = new Dictionary<string, string> { ["MentorName"] = "帮带领导", ["MentorPost"] = "帮带领导职务", ["Months"] = "帮带期限（月）", ["EndedOn"] = "结对结束日期", ["EndReason"] = "结对结束原因" },
        ["MentorLog"] = new Dictionary<string, string> { ["PairId"] = "帮带结对编号", ["Note"] = "帮带情况" },
        ["CalendarDay"] = new Dictionary<string, string> { ["Date"] = "日期", ["Kind"] = "类别", ["Name"] = "名称", ["National"] = "来自国家安排" },
        ["InsurancePolicy"] = new Dictionary<string, string> { ["Insurer"] = "保险公司", ["PolicyNumber"] = "保单号", ["FromDate"] = "保险起期", ["ToDate"] = "保险止期" },
        ["InsuredCadre"] = new Dictionary<string, string> { ["PolicyId"] = "保单编号", ["CadreId"] = "干部编号", ["FromDate"] = "保险起期", ["ToDate"] = "保险止期" },
        ["HealthCheck"] = new Dictionary<string, string> { ["CadreId"] = "干部编号", ["Year"] = "年度", ["Date"] = "体检日期", ["Organiser"] = "组织单位", ["RecordedBy"] = "登记人" },
        ["Honour"] = new Dictionary<string, string> { ["Level"] = "表彰级别", ["Title"] = "荣誉称号", ["AwardedBy"] = "授予单位", ["Date"] = "表彰日期", ["AmountFen"] = "奖金（分）", ["ConductRecordId"] = "表彰履职记录编号" },
        ["Nomination"] = new Dictionary<string, string> { ["Kind"] = "类别", ["Level"] = "级别", ["TermFrom"] = "届期起始年份", ["TermTo"] = "届期结束年份", ["Status"] = "推荐结果" },
        ["EconomicAudit"] = new Dictionary<string, string>
        {
            ["CadreId"] = "被审计干部编号", ["Reason"] = "审计类型", ["PeriodFrom"] = "审计期间起", ["PeriodTo"] = "审计期间止", ["AuditorUnit"] = "审计单位",
            ["PlannedStart"] = "计划开始日期", ["StartedOn"] = "实施开始日期", ["ReportedOn"] = "报告日期", ["ReportSummary"] = "审计结论摘要", ["State"] = "审计状态",
        },
        ["InspectionTour"] = new Dictionary<string, string> { ["Name"] = "巡察名称", ["Villages"] = "巡察村", ["From"] = "开始日期", ["To"] = "结束日期", ["Team"] = "巡察组" },
        ["SupervisionFinding"] = new Dictionary<string, string>
        {
            ["AuditId"] = "审计编号", ["TourId"] = "巡察编号", ["Source"] = "来源", ["CadreId"] = "责任干部编号", ["Text"] = "问题描述", ["Category"] = "问题类别",
            ["Severity"] = "严重程度", ["Remedy"] = "整改要求", ["Deadline"] = "整改期限", ["State"] = "整改状态", ["EvidenceText"] = "整改佐证",
            ["EvidenceName"] = "佐证文件名", ["EvidenceType"] = "佐证文件类型", ["EvidenceSize"] = "佐证文件大小", ["EvidenceSha256"] = "佐证文件 SHA-256",
            ["RectifiedBy"] = "报整改人", ["RectifiedOn"] = "报整改日期", ["ClosedBy"] = "销号人", ["ClosedOn"] = "销号日期", ["ReturnReason"] = "退回理由",
            ["ConductRecordId"] = "审计发现问题履职记录编号",
        },
        ["CareerMove"] = new Dictionary<string, string> { ["Kind"] = "去向类别", ["Date"] = "日期", ["Destination"] = "去向", ["LeftOffice"] = "同时离任" },
        ["DegreeProgramme"] = new Dictionary<string, string>
        {
            ["School"] = "学校", ["LevelCode"] = "层次", ["Major"] = "专业", ["StartDate"] = "入学日期", ["EndDate"] = "预计毕业日期",
            ["Status"] = "学习状态", ["FinishedOn"] = "毕业或退学日期", ["ReimbursedFen"] = "已报销（分）",
        },
        ["DegreeAllowance"] = new Dictionary<string, string> { ["ReimbursedFen"] = "本年已报销（分）" },
        ["TuitionClaim"] = new Dictionary<string, string>
        {
            ["ProgrammeId"] = "学历提升编号", ["Term"] = "学期", ["TuitionFen"] = "学费（分）", ["ReimbursedFen"] = "报销金额（分）", ["RejectReason"] = "不予报销理由",
        },
        ["TuitionReceipt"] = new Dictionary<string, string>
        {
            ["ClaimId"] = "报销申请编号", ["FileName"] = "文件名", ["ContentType"] = "文件类型", ["Size"] = "大小（字节）", ["Sha256"] = "SHA-256", ["StoredName"] = "存储名",
        },
        ["PowerListPolicy"] = new Dictionary<string, string> { ["Items"] = "权力事项及运行流程", ["IsPublished"] = "已发布" },
        ["PowerExercise"] = new Dictionary<string, string>
        {
            ["ItemCode"] = "权力事项编号", ["ItemName"] = "权力事项", ["Category"] = "类别", ["PolicyVersion"] = "清单版本", ["Title"] = "事项标题",
            ["Subject"] = "申请人或对象", ["StartedOn"] = "开始日期", ["State"] = "状态", ["NextStep"] = "下一步", ["NextDueOn"] = "下一步时限",
        },
        ["PowerStepEntry"] = new Dictionary<string, string>
        {
            ["ExerciseId"] = "权力运行编号", ["Step"] = "步骤", ["On"] = "办理日期", ["By"] = "办理人", ["Decision"] = "办理结果", ["Rejected"] = "未通过",
            ["Attachment"] = "附件", ["RecordedBy"] = "记录人", ["RecordedAtUtc"] = "记录时间",
        },
        ["PowerStepFile"] = new Dictionary<string, string>
        {
            ["ExerciseId"] = "权力运行编号", ["Step"] = "步骤", ["FileName"] = "文件名", ["ContentType"] = "文件类型", ["Size"] = "大小（字节）", ["Sha256"] = "SHA-256",
            ["StoredName"] = "存储名", ["UploadedBy"] = "上传人", ["UploadedAtUtc"] = "上传时间",
            ["NoPersonalDataConfirmedBy"] = "确认不含个人信息的账号", ["NoPersonalDataConfirmedAtUtc"] = "确认不含个人信息的时间",
        },
        ["DegreeSupportPolicy"] = new Dictionary<string, string>
        {
            ["SharePercent"] = "报销比例（%）", ["CapPerYearYuan"] = "每人每年上限（元）", ["CapPerProgrammeYuan"] = "每个项目上限（元）", ["IsPublished"] = "已发布",
        },
        ["DisclosurePolicy"] = new Dictionary<string, string>
        {
            ["Items"] = "公开目录", ["PeriodicDueWorkingDays"] = "期满后公开期限（工作日）", ["ImmediateDueWorkingDays"] = "随时公开期限（工作日）",
            ["DueSoonWorkingDays"] = "临期提醒（工作日）", ["EffectiveFrom"] = "生效日期", ["IsPublished"] = "已发布", ["PublishedBy"] = "发布人", ["PublishedAtUtc"] = "发布时间",
        },
        ["VillageDisclosure"] = new Dictionary<string, string>
        {
            ["ItemCode"] = "公开事项编号", ["ItemName"] = "公开事项", ["Category"] = "类别", ["PolicyVersion"] = "公开规则版本", ["PeriodStart"] = "期间首日",
            ["PeriodEnd"] = "期间末日", ["Frequency"] = "频次", ["OccurrenceKey"] = "事项名称或文号", ["Body"] = "正文", ["TableJson"] = "表格",
            ["PostedOn"] = "公开日期", ["PostedBy"] = "发布人", ["PostedAtUtc"] = "发布时间", ["WithdrawnAtUtc"] = "撤回时间", ["WithdrawnBy"] = "撤回人", ["WithdrawReason"] = "撤回理由",
        },
        ["DisclosureAttachment"] = new Dictionary<string, string>
        {
            ["DisclosureId"] = "公开编号", ["FileName"] = "文件名", ["ContentType"] = "文件类型", ["Size"] = "大小（字节）", ["Sha256"] = "SHA-256", ["StoredName"] = "存储名",
            ["NoPersonalDataConfirmedBy"] = "确认不含个人信息的账号", ["NoPersonalDataConfirmedAtUtc"] = "确认不含个人信息的时间",
        },
        ["VillageFinanceSpell"] = new Dictionary<string, string> { ["From"] = "起始日期", ["Until"] = "截止日期" },
        ["RecordedOccurrence"] = new Dictionary<string, string>
        {
            ["ItemCode"] = "公开事项编号", ["On"] = "事项发生日期", ["Title"] = "事项名称或文号", ["Source"] = "来源", ["RecordedBy"] = "登记人", ["RecordedAtUtc"] = "登记时间",
        },
        ["HardshipAssistance"] = new Dictionary<string, string>
        {
            ["Reason"] = "困难类别", ["Description"] = "简要说明", ["RequestedFen"] = "申请金额（分）", ["GrantedFen"] = "批准金额（分）", ["RejectReason"] = "不予批准理由",
            ["RecommendedBy"] = "推荐人", ["RecommendedAtUtc"] = "推荐时间",
        },
        ["VisitRound"] = new Dictionary<string, string> { ["Name"] = "名称", ["FromDate"] = "开始日期", ["ToDate"] = "结束日期" },
        ["VisitAssignment"] = new Dictionary<string, string> { ["RoundId"] = "走访轮次编号", ["GroupCode"] = "村民小组", ["HouseholdId"] = "农户编号", ["Official"] = "走访干部" },
        ["VisitRecord"] = new Dictionary<string, string>
        {
            ["RoundId"] = "走访轮次编号", ["HouseholdId"] = "农户编号", ["Date"] = "走访日期", ["VisitedBy"] = "走访人", ["Companions"] = "同行人员", ["Notes"] = "走访情况",
            ["MattersRaised"] = "反映诉求数", ["MattersText"] = "诉求内容", ["RecordedBy"] = "记录人", ["RecordedAtUtc"] = "记录时间",
        },
        ["PointsBalance"] = new Dictionary<string, string>
        {
            ["HolderKind"] = "对象类别", ["HolderId"] = "对象编号", ["Earned"] = "加分合计", ["Deducted"] = "扣分合计", ["Spent"] = "兑换合计", ["Entries"] = "计入记录数",
        },
        ["StoreItem"] = new Dictionary<string, string>
        {
            ["Name"] = "商品名称", ["Points"] = "兑换积分", ["Stock"] = "库存", ["RetiredAtUtc"] = "下架时间",
        },
        ["StockMovement"] = new Dictionary<string, string>
        {
            ["ItemId"] = "商品编号", ["Kind"] = "变动类别", ["Quantity"] = "数量", ["StockAfter"] = "变动后库存", ["Reason"] = "原因", ["RedemptionId"] = "兑换单编号",
            ["By"] = "经办人", ["AtUtc"] = "时间",
        },
        ["StoreRedemption"] = new Dictionary<string, string>
        {
            ["HouseholdId"] = "户编号", ["HolderName"] = "户主", ["ItemId"] = "商品编号", ["ItemName"] = "商品名称", ["Quantity"] = "数量", ["UnitPoints"] = "单价（积分）",
            ["TotalPoints"] = "兑换积分", ["BalanceAfter"] = "兑换后余额", ["EntryId"] = "积分记录编号", ["By"] = "经办人", ["AtUtc"] = "时间",
        },
        ["PointsCapUsage"] = new Dictionary<string, string>
        {
            ["HolderKind"] = "对象类别", ["HolderId"] = "对象编号", ["ItemCode"] = "条目编号", ["Cap"] = "年度上限", ["Used"] = "已通过分值",
        },
        ["Matter"] = new Dictionary<string, string>
        {
            ["HouseholdId"] = "农户编号", ["Kind"] = "类别", ["Source"] = "来源", ["Title"] = "标题", ["Description"] = "诉求内容", ["ResidentName"] = "群众姓名",
            ["State"] = "状态", ["Level"] = "办理层级", ["Owner"] = "承办人", ["DoneText"] = "办理结果", ["ReceivedOn"] = "登记日期", ["DueOn"] = "应办结日期",
            ["DoneOn"] = "办结日期", ["ConfirmedOn"] = "群众确认日期", ["ReceiptHash"] = "回执码（密钥哈希）", ["ReceiptUsed"] = "回执码已使用",
            ["VisitId"] = "走访记录编号", ["PointsEntryId"] = "积分记录编号", ["ComplaintId"] = "信访举报编号",
        },
        ["Complaint"] = new Dictionary<string, string>
        {
            ["CadreId"] = "所涉干部编号", ["Category"] = "举报类别", ["Subject"] = "举报内容", ["Anonymous"] = "匿名", ["ReporterNameCipher"] = "举报人姓名（加密）",
            ["ReporterNameMasked"] = "举报人姓名（打码）", ["ReporterPhoneCipher"] = "举报人电话（加密）", ["ReporterPhoneMasked"] = "举报人电话（打码）",
            ["ReceiptHash"] = "回执码（密钥哈希）", ["State"] = "状态", ["RefusalReason"] = "不予受理理由", ["Outcome"] = "调查结果", ["Findings"] = "调查结论",
            ["FiledOn"] = "举报日期", ["DecidedOn"] = "受理（不予受理）日期", ["ConcludedOn"] = "办结日期", ["ConductRecordId"] = "履职记录编号",
            ["MatterId"] = "诉求编号", ["FiledAtUtc"] = "举报时间",
        },
        ["ComplaintEntry"] = new Dictionary<string, string>
        {
            ["ComplaintId"] = "信访举报编号", ["Kind"] = "办理环节", ["Text"] = "说明", ["Actor"] = "办理人", ["AtUtc"] = "时间",
        },
        ["MatterDailySummary"] = new Dictionary<string, string>
        {
            ["RegionCode"] = "村", ["Day"] = "日期", ["Kind"] = "类别", ["Received"] = "登记数", ["Closed"] = "办结数", ["CloseDaysSum"] = "办结用时合计（天）",
            ["Due"] = "到期数", ["DueOpen"] = "到期未办结数", ["DueClosedLate"] = "逾期办结数",
        },
        ["MatterCloseDays"] = new Dictionary<string, string>
        {
            ["RegionCode"] = "村", ["Day"] = "办结日期", ["Kind"] = "类别", ["Days"] = "办结用时（天）", ["Count"] = "诉求数",
        },
        ["MatterEvent"] = new Dictionary<string, string>
        {
            ["MatterId"] = "诉求编号", ["Kind"] = "办理环节", ["Level"] = "办理层级", ["State"] = "状态", ["Text"] = "说明", ["Actor"] = "办理人",
            ["MeetingId"] = "下沉议事编号", ["On"] = "日期", ["AtUtc"] = "时间", ["DueOn"] = "应办结日期",
        },
        ["MatterMeeting"] = new Dictionary<string, string> { ["Date"] = "日期", ["Subject"] = "议题", ["Attendees"] = "参会人员" },
        ["MatterMeetingItem"] = new Dictionary<string, string> { ["MeetingId"] = "下沉议事编号", ["MatterId"] = "诉求编号", ["Decision"] = "议事决定" },
        ["MatterSettings"] = new Dictionary<string, string> { ["CountyCode"] = "县", ["ReopenDays"] = "确认后可重新办理天数" },
        ["SlaPolicy"] = new Dictionary<string, string>
        {
            ["MicroVillageDays"] = "微实事（村级）工作日", ["MicroTownDays"] = "微实事（乡镇）工作日", ["MicroCountyDays"] = "微实事（县级）工作日",
            ["ProblemVillageDays"] = "问题（村级）工作日", ["ProblemTownDays"] = "问题（乡镇）工作日", ["ProblemCountyDays"] = "问题（县级）工作日",
            ["ProjectVillageDays"] = "发展项目（村级）工作日", ["ProjectTownDays"] = "发展项目（乡镇）工作日", ["ProjectCountyDays"] = "发展项目（县级）工作日",
            ["PlanVillageDays"] = "村庄规划（村级）工作日", ["PlanTownDays"] = "村庄规划（乡镇）工作日", ["PlanCountyDays"] = "村庄规划（县级）工作日",
            ["DueSoonDays"] = "临期提醒（到期前工作日）",
        },
        ["MatterReminder"] = new Dictionary<string, string>
        {
            ["MatterId"] = "诉求编号", ["Kind"] = "提醒类别", ["On"] = "日期", ["DueOn"] = "应办结日期", ["Title"] = "标题", ["Body"] = "内容",
        },
        ["RankProposal"] = new Dictionary<string, string>
        {
            ["Ground"] = "依据", ["GroundYear"] = "依据年度", ["ConductRecordId"] = "履职记录编号", ["Grounds"] = "依据明细",
        },
        ["RankChange"] = new Dictionary<string, string> { ["ProposalId"] = "职级申请编号" },
        ["PaySettings"] = new Dictionary<string, string>
        {
            ["ChiefBaseFen"] = "书记基本报酬（分/月）", ["PostShares"] = "各职务比例", ["PerformanceBaseFen"] = "绩效基数（分）", ["Coefficients"] = "绩效系数表",
            ["GoodSecretaryAwardFen"] = "好支书奖励（分）", ["GoodSecretaryPayMonth"] = "好支书奖励发放月", ["RetirementFenPerYear"] = "离任补贴（分/年）",
            ["RetirementAge"] = "离任补贴起领年龄", ["IncrementCapPercent"] = "增收奖励比例上限（%）", ["IncrementShares"] = "增收奖励默认权重",
        },
        ["PayrollRun"] = new Dictionary<string, string>
        {
            ["SettingsVersion"] = "报酬标准版本", ["RankPolicyVersion"] = "晋升办法版本", ["LineCount"] = "明细行数", ["MissingScores"] = "缺少月度评分人数", ["Lines"] = "明细",
        },
        ["PayLine"] = new Dictionary<string, string>
        {
            ["RunId"] = "工资批次编号", ["DaysInMonth"] = "当月天数", ["CoefficientPermille"] = "绩效系数（‰）", ["BaseFen"] = "基本报酬（分）",
            ["AllowanceFen"] = "职级津贴（分）", ["PerformanceFen"] = "绩效报酬（分）", ["RewardFen"] = "奖励（分）", ["RetirementFen"] = "离任补贴（分）",
            ["AdjustmentFen"] = "调整（分）", ["AdjustsLineId"] = "调整的明细编号", ["AdjustsRunId"] = "调整的批次编号", ["Reason"] = "调整原因",
        },
        ["IncomeReward"] = new Dictionary<string, string>
        {
            ["ThisYearIncomeFen"] = "本年集体经营收入（分）", ["LastYearIncomeFen"] = "上年集体经营收入（分）", ["CapPercent"] = "奖励比例（%）",
            ["PoolFen"] = "奖励总额（分）", ["Shares"] = "分配",
        },
        ["IncomeRewardShare"] = new Dictionary<string, string> { ["IncomeRewardId"] = "增收奖励编号" },
        ["ResponsibilityList"] = new Dictionary<string, string> { ["Items"] = "事项" },
        ["ResponsibilityItem"] = new Dictionary<string, string> { ["ListId"] = "清单编号", ["Category"] = "类别", ["Area"] = "领域", ["Keywords"] = "关键词", ["Synonyms"] = "同义词" },
        ["TaskRequest"] = new Dictionary<string, string>
        {
            ["RequestedByUserId"] = "申请账号编号", ["RequestedBy"] = "申请人", ["TargetVillages"] = "下达村", ["ClaimedItemCode"] = "申报的清单事项",
            ["SubmittedAtUtc"] = "提交时间", ["ListVersion"] = "清单版本", ["MatchedItemCode"] = "匹配事项编号", ["MatchedItemTitle"] = "匹配事项", ["VillageTasks"] = "村级任务",
        },
        ["VillageTask"] = new Dictionary<string, string> { ["ItemCode"] = "清单事项编号", ["ItemTitle"] = "清单事项" },
        ["WeeklyReport"] = new Dictionary<string, string> { ["Status"] = "完成情况", ["Note"] = "情况说明" },
        ["Reminder"] = new Dictionary<string, string> { ["Body"] = "内容", ["Link"] = "链接" },
        ["RobotMessage"] = new Dictionary<string, string>
        {
            ["WebhookId"] = "群机器人编号", ["Text"] = "消息内容", ["Attempts"] = "已尝试次数", ["NextAttemptAtUtc"] = "下次尝试时间", ["ClaimedBy"] = "发送节点",
            ["ClaimedUntilUtc"] = "认领截止时间", ["SentAtUtc"] = "发送时间", ["AbandonedAtUtc"] = "放弃时间", ["LastError"] = "最近失败原因",
        },
        ["BurdenEvent"] = new Dictionary<string, string> { ["Organizer"] = "组织单位", ["Villages"] = "涉及村" },
        ["BurdenEventVillage"] = new Dictionary<string, string> { ["BurdenEventId"] = "会议与检查编号" },
        ["BurdenPolicy"] = new Dictionary<string, string>
        {
            ["RankingIntervalMonths"] = "排名发布最短间隔（月）", ["AssessmentItemCap"] = "考核事项上限", ["BaselineFrom"] = "基线起始月", ["BaselineMonths"] = "基线月数",
        },
        ["RankingPublication"] = new Dictionary<string, string> { ["PublishedOn"] = "发布日期" },
        ["AssessmentItem"] = new Dictionary<string, string> { ["Slot"] = "序位" },
        ["GridPolicy"] = new Dictionary<string, string> { ["MinHouseholds"] = "每名党员联系户数下限", ["MaxHouseholds"] = "每名党员联系户数上限" },
        ["GridGroup"] = new Dictionary<string, string> { ["GridCode"] = "网格", ["GroupCode"] = "村民小组" },
        ["GridMember"] = new Dictionary<string, string> { ["GridCode"] = "网格", ["CadreId"] = "干部编号", ["ResidentId"] = "村民编号", ["FromDate"] = "起始日期", ["ToDate"] = "结束日期" },
        ["CadreGroupLink"] = new Dictionary<string, string> { ["GroupCode"] = "村民小组", ["CadreId"] = "干部编号", ["FromDate"] = "起始日期", ["ToDate"] = "结束日期" },
        ["MemberHouseholdLink"] = new Dictionary<string, string> { ["ResidentId"] = "党员（村民编号）", ["HouseholdId"] = "户编号", ["FromDate"] = "起始日期", ["ToDate"] = "结束日期" },
        ["FormTemplate"] = new Dictionary<string, string> { ["OwnerUserId"] = "所属账号编号", ["Fields"] = "字段" },
        ["FormField"] = new Dictionary<string, string> { ["Unit"] = "单位", ["Required"] = "必填", ["Help"] = "填写说明", ["Choices"] = "选项", ["Binding"] = "自动取数" },
        ["FormSubmission"] = new Dictionary<string, string> { ["AutoFilledCount"] = "自动填写项数", ["TypedCount"] = "手工填写项数", ["Values"] = "填报值" },
        ["FormValue"] = new Dictionary<string, string> { ["SubmissionId"] = "填报编号", ["FieldId"] = "字段编号" },
        ["BallotCode"] = new Dictionary<string, string> { ["Hash"] = "评议码（哈希）" },
        ["IdentityUserToken`1"] = new Dictionary<string, string> { ["Name"] = "密钥名称", ["Value"] = "密钥" },
    };

    /// <summary>Chinese label of a property of an entity; null when the table has none (the caller shows the code).</summary>
    public static string? FieldOrNull(string entity, string property) =>
        PerEntity.TryGetValue(entity, out var own) && own.TryGetValue(property, out var label) ? label
        : Common.TryGetValue(property, out var common) ? common : null;

    /// <summary>Chinese label of a property (the property name itself when the table has none).</summary>
    public static string Field(string entity, string property) => FieldOrNull(entity, property) ?? property;
}
