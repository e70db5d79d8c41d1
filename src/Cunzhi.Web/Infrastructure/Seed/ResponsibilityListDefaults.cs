using Cunzhi.Domain.Tasks;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The default responsibility list a county starts from, published as version 1.
/// ILLUSTRATIVE DEFAULTS, written after the pattern the news reports describe — Wanzai's 72 own
/// duties (down from 134), assist-government items each with a county department, and Hunan's
/// "57+5" cancelled items (57 cancelled matters, 5 cancelled certificates). They are not an
/// official text: the county edits them on /Tasks/List and publishes its own version.
/// </summary>
public static class ResponsibilityListDefaults
{
    public sealed record DefaultItem(string Code, string Title, ItemCategory Category, string? Area, string? Department, string? Keywords, string? Synonyms = null);

    public static string Title(string countyName) => $"{countyName}村级组织工作事务清单";

    private static readonly (string Area, string[] Titles)[] OwnDuties =
    [
        ("党的建设", [
            "落实\"三会一课\"制度", "开展主题党日活动", "发展党员和党员教育管理", "党费收缴、使用和管理", "流动党员管理服务",
            "村\"两委\"班子自身建设", "村级后备力量培养", "落实\"四议两公开\"工作法", "党务公开", "关爱帮扶困难党员和老党员",
            "召开组织生活会和民主评议党员", "党员联系服务群众"]),
        ("村务管理", [
            "召开村民会议和村民代表会议", "村务公开和民主管理", "村级财务管理", "村集体资产、资金、资源管理", "村规民约修订和执行",
            "村民小组建设管理", "村级档案管理", "村务监督委员会日常监督", "村级公益事业一事一议", "村级印章管理使用",
            "村级小微权力清单运行", "村干部轮流值班和便民服务"]),
        ("社会服务", [
            "为群众帮办代办政务服务事项", "低保、特困等救助对象入户调查和民主评议", "留守儿童、留守老人和困境儿童关爱", "残疾人关爱服务",
            "退役军人服务保障", "就业信息发布和外出务工人员登记", "城乡居民医保和养老保险参保动员", "村级互助养老服务",
            "村卫生室和家庭医生签约服务配合", "教育助学政策宣传", "殡葬改革和移风易俗服务", "村级综合服务站运行"]),
        ("乡风文明", [
            "新时代文明实践站活动", "评选表彰好媳妇好婆婆等先进典型", "红白理事会运行", "农家书屋管理", "群众性文体活动",
            "家风家教和孝老爱亲宣传", "村史馆和文化阵地管理", "志愿服务队伍建设", "反对封建迷信和陈规陋习"]),
        ("平安建设", [
            "矛盾纠纷排查调处", "人民调解委员会工作", "村级治安巡逻", "网格员日常走访", "重点人员关心关爱和帮扶",
            "防范电信网络诈骗宣传", "农村消防安全宣传和隐患提醒", "\"雪亮工程\"村级点位管护", "村级应急队伍建设", "法律明白人培养和普法"]),
        ("生态环境", [
            "村庄环境卫生整治", "农村生活垃圾收集转运", "农村生活污水设施管护", "村庄绿化美化", "农村改厕后续管护",
            "房前屋后\"三清三拆\"", "村级河道和山塘日常保洁", "农村公厕管护", "禁止露天焚烧垃圾宣传"]),
        ("经济发展", [
            "村级集体经济发展规划和经营", "村集体经营性资产运营", "农民专业合作社发展引导", "土地承包经营权流转服务",
            "特色产业发展", "村级光伏等收益项目管理", "农村产权交易信息发布", "村级集体经济收益分配"]),
    ];

    private static readonly (string Title, string Department)[] Assists =
    [
        ("协助开展森林防火巡查和宣传", "县林业局"),
        ("协助开展防汛抗旱和地质灾害隐患巡查", "县应急管理局"),
        ("协助开展耕地保护和违法占地巡查", "县自然资源局"),
        ("协助开展农村房屋安全隐患排查", "县住房和城乡建设局"),
        ("协助开展人口普查、农业普查等统计调查", "县统计局"),
        ("协助开展城乡居民医保征缴", "县医疗保障局"),
        ("协助开展征兵宣传和兵役登记", "县人民武装部"),
        ("协助开展疫苗接种动员和爱国卫生运动", "县卫生健康委员会"),
        ("协助开展禁毒宣传", "县公安局"),
        ("协助落实河湖长制日常巡河", "县水利局"),
        ("协助开展秸秆禁烧巡查", "县农业农村局"),
        ("协助开展动物防疫和病死畜禽无害化处理", "县农业农村局"),
        ("协助开展高标准农田建后管护", "县农业农村局"),
        ("协助开展防止返贫动态监测", "县农业农村局"),
        ("协助开展残疾人两项补贴申请初审", "县残疾人联合会"),
        ("协助开展退役军人信息采集", "县退役军人事务局"),
        ("协助开展农村集体聚餐备案和食品安全宣传", "县市场监督管理局"),
        ("协助开展农村道路交通安全劝导", "县公安局交通管理大队"),
        ("协助开展全民参保登记", "县人力资源和社会保障局"),
        ("协助开展农村危房改造对象初审", "县住房和城乡建设局"),
    ];

    // Title, keywords (phrases that give the work away in a request's wording).
    private static readonly (string Title, string? Keywords)[] CancelledMatters =
    [
        ("各类创建评比挂牌", "挂牌、创建评比"), ("要求村级组织参与招商引资", "招商引资"), ("要求村级组织承担行政执法", "行政执法"),
        ("要求村干部坐班打卡", "坐班、打卡签到"), ("要求村级组织承担安全生产监管执法", "安全生产执法"), ("要求村级组织承担征地拆迁主体责任", "征地拆迁"),
        ("要求村级组织代收代缴水电费", "代收水电费、代收+水电费、代缴+水电费"), ("要求村级组织开展市场主体登记核查", "市场主体登记"), ("要求村级组织参与环保执法检查", "环保执法"),
        ("要求村级组织强制拆除违法建筑", "强制拆除"), ("要求村级组织协助征收企业税费", "征收税费"), ("要求村级组织审查食品生产经营许可", "食品经营许可"),
        ("要求村干部参加与村务无关的会议", "陪会"), ("以村级组织名义开展的各类达标考核", "达标考核"), ("要求村级组织每日在工作群报送工作动态", "每日报送"),
        ("要求村干部在政务APP上签到打卡", "APP签到、APP打卡"), ("要求村级组织推销商业保险", "商业保险"), ("要求村级组织处置非法集资", "非法集资处置"),
        ("要求村级组织迎接文明城市创建测评", "创建测评"), ("要求村级组织填报与村级无关的统计报表", null), ("要求村级组织工作拍照留痕", "拍照留痕、视频留痕"),
        ("要求村级组织制作工作展板和宣传画册", "展板、宣传画册"), ("要求村级组织设置专门办公室并挂牌", "专门办公室"), ("要求对村干部按月按季通报排名", "通报排名、排名通报"),
        ("要求村级组织承担学校安全管理责任", null), ("要求村级组织开展药品质量监督", "药品监督"), ("要求村级组织处理道路交通事故", "交通事故处理"),
        ("要求村级组织承担劳动争议仲裁", "劳动仲裁"), ("要求村级组织开展计量器具检定", "计量检定"), ("要求村级组织代办机动车驾驶证", null),
        ("要求村级组织参与企业债务清收", "债务清收"), ("要求村级组织开展社会组织登记管理", null), ("要求村级组织开展消防行政检查", "消防检查"),
        ("要求村级组织开展特种设备安全检查", "特种设备"), ("要求村级组织开展矿产资源执法巡查", "矿产执法"), ("要求村级组织监督建设工程质量", "工程质量监督"),
        ("要求村级组织开展统计执法检查", "统计执法"), ("要求村级组织开展价格监督检查", "价格检查"), ("要求村级组织开展广告监督管理", null),
        ("要求村级组织开展烟草专卖管理", "烟草专卖"), ("要求村级组织检查出版物市场", null), ("要求村级组织开展文物行政执法", null),
        ("要求村级组织检查网吧和娱乐场所", "网吧"), ("要求村级组织查处无证行医", "无证行医"), ("要求村级组织为项目融资提供担保", "融资担保"),
        ("要求村级组织为企业经营出具担保", "出具担保"), ("要求村级组织催收银行贷款", "催收贷款、信贷催收"), ("要求村级组织审批宗教活动场所", null),
        ("要求村级组织开展野生动物保护执法", null), ("要求村级组织开展渔政执法", "渔政执法"), ("要求村级组织征收水资源费", "水资源费"),
        ("要求村级组织审批城乡规划许可", "规划许可"), ("要求村级组织办理房屋产权登记", "产权登记"), ("要求村级组织参与信访\"控访\"", "控访"),
        ("要求村级组织组织群众线上投票刷票", "投票刷票、刷票"), ("要求村级组织组织群众关注公众号和下载APP", "下载APP、关注公众号"), ("要求村级组织逐户收集签名承诺书", "签名承诺书"),
    ];

    private static readonly (string Title, string? Keywords)[] CancelledCertificates =
    [
        ("村级组织出具无犯罪记录证明", "无犯罪记录证明"),
        ("要求村里开具亲属关系证明", "亲属关系证明"),
        ("村级组织出具婚姻状况证明", "婚姻状况证明、未婚证明"),
        ("村级组织出具居民身份和户籍证明", "户籍证明"),
        ("村级组织出具收入和财产状况证明", "收入证明、财产证明"),
    ];

    // Keywords and synonyms that let the gate recognise an item by meaning (ItemMatching), by title. Listed items' keywords
    // only point the coordination office to the nearest item; cancelled items' keywords refuse at once.
    private static readonly Dictionary<string, (string? Keywords, string Synonyms)> Meaning = new()
    {
        ["要求村级组织代收代缴水电费"] = (null, "代收、代缴、代交、代为收取、代为缴纳、收缴；水电费、电费、水费、水电费用"),
        ["要求对村干部按月按季通报排名"] = ("通报排名、排名通报、通报+排名", "排名、排序、名次"),
        ["要求村级组织工作拍照留痕"] = ("拍照留痕、视频留痕、照片+留痕", "照片、拍照、影像；留痕、痕迹管理"),
        ["要求村级组织组织群众关注公众号和下载APP"] = ("下载APP、关注公众号、下载+APP", "app、客户端、小程序"),
        ["要求村干部坐班打卡"] = ("坐班、打卡签到、打卡+考勤", "打卡、签到；考勤、出勤"),
        ["协助开展城乡居民医保征缴"] = ("医保+征缴", "征缴、缴费、代缴、收缴；医保、医疗保险"),
        ["协助开展秸秆禁烧巡查"] = ("秸秆+禁烧", "禁烧、焚烧、露天焚烧"),
        ["协助开展森林防火巡查和宣传"] = ("森林+防火", "防火、火灾、山火"),
        ["协助开展防汛抗旱和地质灾害隐患巡查"] = ("防汛、抗旱、地质灾害", "防汛、汛期、洪涝"),
        ["协助开展征兵宣传和兵役登记"] = ("征兵、兵役登记", "征兵、参军、入伍"),
    };

    private static DefaultItem WithMeaning(DefaultItem i) =>
        Meaning.TryGetValue(i.Title, out var m) ? i with { Keywords = m.Keywords ?? i.Keywords, Synonyms = m.Synonyms } : i;

    /// <summary>Every default item, in list order: ZR-01…ZR-72, XZ-01…XZ-20, QX-01…QX-57, QZ-01…QZ-05.</summary>
    public static IReadOnlyList<DefaultItem> Items { get; } = Build();

    private static List<DefaultItem> Build()
    {
        var items = new List<DefaultItem>();
        var n = 0;
        foreach (var (area, titles) in OwnDuties)
            items.AddRange(titles.Select(t => new DefaultItem($"ZR-{++n:00}", t, ItemCategory.OwnDuty, area, null, null)));
        items.AddRange(Assists.Select((a, i) => new DefaultItem($"XZ-{i + 1:00}", a.Title, ItemCategory.AssistGovernment, "协助政府", a.Department, null)));
        items.AddRange(CancelledMatters.Select((c, i) => new DefaultItem($"QX-{i + 1:00}", c.Title, ItemCategory.Cancelled, "取消事项", null, c.Keywords)));
        items.AddRange(CancelledCertificates.Select((c, i) => new DefaultItem($"QZ-{i + 1:00}", c.Title, ItemCategory.Cancelled, "取消证明事项", null, c.Keywords)));
        return items.Select(WithMeaning).ToList();
    }

    /// <summary>A draft of a county's list with the default items.</summary>
    public static ResponsibilityList Draft(string countyCode, string countyName, int version, DateTime atUtc)
    {
        var list = new ResponsibilityList { RegionCode = countyCode, Version = version, Title = Title(countyName), CreatedAtUtc = atUtc };
        foreach (var i in Items) list.AddItem(i.Code, i.Title, i.Category, i.Area, i.Department, i.Keywords, null, i.Synonyms);
        return list;
    }

    /// <summary>Version 1 of a county's list, published, with the default items.</summary>
    public static ResponsibilityList Version1(string countyCode, string countyName, DateTime atUtc)
    {
        var list = Draft(countyCode, countyName, 1, atUtc);
        list.Publish(null, "system", atUtc);
        return list;
    }
}
