namespace Cunzhi.Domain.Assessment;

/// <summary>等次: the four ratings of the annual comprehensive review (年终综合考核), best first.</summary>
public enum Rating
{
    /// <summary>优秀 — capped per town (default 20% of its cadres).</summary>
    Excellent = 1,
    /// <summary>称职.</summary>
    Competent = 2,
    /// <summary>基本称职 — disqualifies promotion (D1).</summary>
    BasicallyCompetent = 3,
    /// <summary>不称职 — demotion; two consecutive years flag the cadre for removal.</summary>
    Incompetent = 4,
}

/// <summary>Chinese names of <see cref="Rating"/>.</summary>
public static class Ratings
{
    /// <summary>The rating's Chinese name.</summary>
    public static string Name(Rating r) => r switch
    {
        Rating.Excellent => "优秀",
        Rating.Competent => "称职",
        Rating.BasicallyCompetent => "基本称职",
        Rating.Incompetent => "不称职",
        _ => "未定",
    };
}
