using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Assessment;

/// <summary>Where a 双述双评 window stands at a given moment.</summary>
public enum WindowState
{
    /// <summary>未开始: reports may be edited, codes generated or voided; no ballot.</summary>
    NotYetOpen = 1,
    /// <summary>评议中: codes cast ballots.</summary>
    Open = 2,
    /// <summary>已结束: no ballot; results visible.</summary>
    Closed = 3,
}

/// <summary>
/// 双述双评 evaluation window: one village, one year, open from <see cref="OpensAtUtc"/> until
/// <see cref="ClosesAtUtc"/> (or until the county ends it). <see cref="BallotsCast"/> is a counter only.
/// Holds nothing about who voted or how.
/// </summary>
public sealed class EvaluationWindow : IRegionScoped
{
    /// <summary>Longest report text (述职报告) in characters.</summary>
    public const int ReportMaxLength = 8000;
    /// <summary>Most codes one generation may make for one village.</summary>
    public const int MaxCodesPerBatch = 500;

    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Assessment year.</summary>
    public int Year { get; private set; }
    /// <summary>When voting starts (UTC).</summary>
    public DateTime OpensAtUtc { get; private set; }
    /// <summary>When voting ends (UTC); moved to the closing moment when the county ends it early.</summary>
    public DateTime ClosesAtUtc { get; private set; }
    /// <summary>When the results were written (UTC); null until then.</summary>
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>Ballots cast so far (a counter; equals the used codes).</summary>
    public int BallotsCast { get; private set; }
    /// <summary>Account that opened the window.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>The window's state at <paramref name="nowUtc"/>.</summary>
    public WindowState StateAt(DateTime nowUtc) => PublicEvaluationRules.StateAt(OpensAtUtc, ClosesAtUtc, ClosedAtUtc, nowUtc);

    /// <summary>A new window; refused when the times are wrong (see <see cref="PublicEvaluationRules.CheckTimes"/>).</summary>
    public static EvaluationWindow Create(string village, int year, DateTime opensAtUtc, DateTime closesAtUtc, string createdBy, DateTime nowUtc)
    {
        var problems = PublicEvaluationRules.CheckTimes(year, opensAtUtc, closesAtUtc, nowUtc);
        if (problems.Count > 0) throw RuleException.Of(problems);
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw new RuleException("评议只能按村开启");
        return new() { RegionCode = village, Year = year, OpensAtUtc = opensAtUtc, ClosesAtUtc = closesAtUtc, CreatedBy = createdBy };
    }

    /// <summary>立即开始: a window not yet open starts now.</summary>
    public void OpenNow(DateTime nowUtc)
    {
        if (StateAt(nowUtc) != WindowState.NotYetOpen) throw new RuleException("评议已经开始或已结束");
        OpensAtUtc = nowUtc;
    }
}

/// <summary>述职: one cadre's report in a window, with the name and post as they were when the window was opened.</summary>
public sealed class EvaluationReport : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The window.</summary>
    public long WindowId { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>The cadre reporting.</summary>
    public long CadreId { get; private set; }
    /// <summary>Name at opening.</summary>
    public string CadreName { get; private set; } = "";
    /// <summary>Post code at opening.</summary>
    public string PostCode { get; private set; } = "";
    /// <summary>Order on the ballot (by post).</summary>
    public int Position { get; private set; }
    /// <summary>述职报告 text; empty until entered.</summary>
    public string Text { get; private set; } = "";
    /// <summary>Who last entered the text.</summary>
    public string? EditedBy { get; private set; }

    /// <summary>A cadre on the window's ballot.</summary>
    public static EvaluationReport For(long windowId, string village, long cadreId, string name, string postCode, int position) =>
        new() { WindowId = windowId, RegionCode = village, CadreId = cadreId, CadreName = name, PostCode = postCode, Position = position };

    /// <summary>Enters the report; refused once the window has opened (voters must all read the same text).</summary>
    public void Edit(string text, string by, WindowState state)
    {
        if (state != WindowState.NotYetOpen) throw new RuleException("评议已开始，述职报告不能再修改");
        if (text.Length > EvaluationWindow.ReportMaxLength) throw new RuleException($"述职报告不能超过 {EvaluationWindow.ReportMaxLength} 个字");
        Text = text.Trim();
        EditedBy = by;
    }
}

/// <summary>
/// A one-time ballot code (票码). Only its keyed hash is stored, and only a used flag — no timestamp,
/// no link to the tally — so a used code says that it voted, never how or when.
/// </summary>
public sealed class BallotCode : IRegionScoped, ISummaryAudited
{
    /// <summary>Surrogate key (codes side only; nothing on the ballot side refers to it).</summary>
    public long Id { get; private set; }
    /// <summary>The window.</summary>
    public long WindowId { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Keyed hash (HMAC) of the normalized code; the code itself is never stored.</summary>
    public string Hash { get; private set; } = "";
    /// <summary>The code has cast its ballot.</summary>
    public bool Used { get; private set; }
    /// <summary>The town voided the code before the window opened.</summary>
    public bool Voided { get; private set; }

    /// <summary>A new code's row.</summary>
    public static BallotCode Issue(long windowId, string village, string hash) => new() { WindowId = windowId, RegionCode = village, Hash = hash };

    /// <summary>Voids an unused code; only before the window opens.</summary>
    public void Void(WindowState state)
    {
        if (state != WindowState.NotYetOpen) throw new RuleException("评议已开始，票码不能再作废");
        Voided = true;
    }
}

/// <summary>
/// The ballot side: an aggregate counter per (window, cadre, choice). There is no ballot row, no
/// timestamp and no surrogate key, so nothing stored can be paired with the code that added to it.
/// </summary>
public sealed class BallotTally : IRegionScoped, ISummaryAudited
{
    /// <summary>The window.</summary>
    public long WindowId { get; private set; }
    /// <summary>The cadre rated.</summary>
    public long CadreId { get; private set; }
    /// <summary>The answer counted.</summary>
    public BallotChoice Choice { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Ballots giving this answer for this cadre.</summary>
    public int Count { get; private set; }

    /// <summary>The three zero counters of a cadre on a new window.</summary>
    public static IEnumerable<BallotTally> ZeroFor(long windowId, string village, long cadreId) =>
        Enum.GetValues<BallotChoice>().Select(c => new BallotTally { WindowId = windowId, CadreId = cadreId, Choice = c, RegionCode = village });
}

/// <summary>Pure rules of 双述双评 windows and ballots.</summary>
public static class PublicEvaluationRules
{
    /// <summary>Longest a window may stay open.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>
    /// State by time: closed once results are written or the closing time has passed; open from the opening time;
    /// otherwise not yet open. The closing moment itself is closed (a window open 9:00–12:00 refuses a ballot at 12:00).
    /// </summary>
    public static WindowState StateAt(DateTime opensAtUtc, DateTime closesAtUtc, DateTime? closedAtUtc, DateTime nowUtc) =>
        closedAtUtc is not null || nowUtc >= closesAtUtc ? WindowState.Closed
        : nowUtc >= opensAtUtc ? WindowState.Open
        : WindowState.NotYetOpen;

    /// <summary>Every problem with a window's times (empty when fine).</summary>
    public static List<string> CheckTimes(int year, DateTime opensAtUtc, DateTime closesAtUtc, DateTime nowUtc)
    {
        var problems = new List<string>();
        if (year < 2000 || year > 2100) problems.Add("年度不正确");
        if (closesAtUtc <= opensAtUtc) problems.Add("结束时间必须晚于开始时间");
        else if (closesAtUtc - opensAtUtc > MaxDuration) problems.Add($"评议期不能超过 {MaxDuration.Days} 天");
        if (closesAtUtc <= nowUtc) problems.Add("结束时间已过");
        return problems;
    }

    /// <summary>Chinese name of a state.</summary>
    public static string StateName(WindowState s) => s switch
    {
        WindowState.NotYetOpen => "未开始",
        WindowState.Open => "评议中",
        _ => "已结束",
    };

    /// <summary>Chinese name of a ballot answer.</summary>
    public static string ChoiceName(BallotChoice c) => c switch
    {
        BallotChoice.Satisfied => "满意",
        BallotChoice.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    /// <summary>
    /// Every problem with a ballot: each cadre on the window needs exactly one answer, and no answer may name
    /// a cadre not on it. A ballot is valid only whole (no partial ballots are counted).
    /// </summary>
    public static List<string> CheckBallot(IReadOnlyDictionary<long, string> cadres, IReadOnlyDictionary<long, BallotChoice?> answers)
    {
        var problems = new List<string>();
        foreach (var (id, name) in cadres)
            if (!answers.TryGetValue(id, out var a) || a is null) problems.Add($"请对{name}作出评价");
            else if (!Enum.IsDefined(a.Value)) problems.Add($"对{name}的评价无效");
        if (answers.Keys.Any(k => !cadres.ContainsKey(k))) problems.Add("选票中有不在本次评议名单上的干部");
        return problems;
    }

    /// <summary>
    /// The closing tally: one <see cref="PublicEvaluationResult"/> per cadre from the counters, with the codes
    /// issued (not voided) and used. Cadres with no counter row get zero counts.
    /// </summary>
    public static List<PublicEvaluationResult> Tally(long windowId, string village, int year, IEnumerable<long> cadres,
        IEnumerable<(long CadreId, BallotChoice Choice, int Count)> counters, int codesIssued, int codesUsed)
    {
        var byCadre = counters.GroupBy(c => c.CadreId).ToDictionary(g => g.Key, g => g.GroupBy(c => c.Choice).ToDictionary(h => h.Key, h => h.Sum(c => c.Count)));
        return cadres.Distinct().Select(id =>
        {
            var n = byCadre.GetValueOrDefault(id) ?? [];
            return PublicEvaluationResult.Close(windowId, id, village, year,
                n.GetValueOrDefault(BallotChoice.Satisfied), n.GetValueOrDefault(BallotChoice.BasicallySatisfied), n.GetValueOrDefault(BallotChoice.Dissatisfied),
                codesIssued, codesUsed);
        }).ToList();
    }
}

/// <summary>
/// 票码 format: <see cref="Length"/> characters from an alphabet without look-alikes (no 0/O, 1/I), shown in groups of four
/// (<c>K7M2-PQ9X-4HTB</c>). 32 symbols × 12 = 60 bits: guessing one of a village's 40 codes at 10 tries per lockout is hopeless.
/// </summary>
public static class BallotCodeFormat
{
    /// <summary>Symbols a code uses: 2–9 and A–Z without I and O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /// <summary>Characters per code.</summary>
    public const int Length = 12;

    /// <summary>A new code drawn with <paramref name="next"/> (uniform in [0, n)); the caller passes a cryptographic source.</summary>
    public static string Generate(Func<int, int> next)
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[next(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>The code as printed: groups of four joined by hyphens.</summary>
    public static string Display(string code) => string.Join("-", Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));

    /// <summary>
    /// What a voter typed, normalized (upper case; spaces and hyphens dropped), or null with the reason. Lower case is
    /// accepted; look-alikes are not guessed (a typed O or 0 is refused with a hint).
    /// </summary>
    public static (string? Code, string? Error) Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return (null, "请输入票码");
        var s = new string(typed.Where(ch => !char.IsWhiteSpace(ch) && ch != '-' && ch != '－').Select(char.ToUpperInvariant).ToArray());
        if (s.Any(ch => ch is '0' or 'O' or '1' or 'I')) return (null, "票码中没有数字 0、1 和字母 O、I，请核对票面");
        if (s.Any(ch => !Alphabet.Contains(ch))) return (null, "票码只含数字和英文字母，请核对票面");
        if (s.Length != Length) return (null, $"票码应为 {Length} 位（不含连字符），请核对票面");
        return (s, null);
    }
}
