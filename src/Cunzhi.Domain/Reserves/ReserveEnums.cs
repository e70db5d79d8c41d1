namespace Cunzhi.Domain.Reserves;

/// <summary>Where a reserve candidate comes from (SPEC §1 后备干部来源).</summary>
public enum ReserveSource
{
    /// <summary>大学生.</summary>
    CollegeGraduate = 1,
    /// <summary>农村致富能手.</summary>
    RuralEntrepreneur = 2,
    /// <summary>返乡青年.</summary>
    ReturningYouth = 3,
    /// <summary>退役军人.</summary>
    Veteran = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>Who recommended the candidate into the pool (SPEC §1 推荐渠道).</summary>
public enum RecommendationChannel
{
    /// <summary>领导署名推荐: a leader signs the recommendation and answers for it.</summary>
    LeaderSigned = 1,
    /// <summary>单位党组织推荐.</summary>
    UnitParty = 2,
    /// <summary>组织部推荐.</summary>
    OrganizationDepartment = 3,
}

/// <summary>Where a reserve record stands.</summary>
public enum ReserveStatus
{
    /// <summary>在库: being trained and reviewed, available for backfill.</summary>
    Active = 1,
    /// <summary>已任用: appointed to a post (动态补缺); the record is closed.</summary>
    Promoted = 2,
    /// <summary>已退出: removed from the pool at a review (绌退); the record is closed.</summary>
    Removed = 3,
}

/// <summary>The outcome of a periodic review (定期分析研判, 优进绌退).</summary>
public enum ReviewOutcome
{
    /// <summary>继续培养: stays in the pool.</summary>
    Keep = 1,
    /// <summary>优进: ready to be used; stays in the pool, listed first when a post falls vacant.</summary>
    Promote = 2,
    /// <summary>绌退: leaves the pool.</summary>
    Remove = 3,
}

/// <summary>A leading post of a village that can fall vacant (书记 or 主任).</summary>
public enum VacantPost
{
    /// <summary>党组织书记.</summary>
    Secretary = 1,
    /// <summary>村（居）委会主任.</summary>
    Director = 2,
}

/// <summary>Chinese names of the reserve pool's enumerations, for pages and messages.</summary>
public static class ReserveNames
{
    /// <summary>Name of a source group.</summary>
    public static string Of(ReserveSource s) => s switch
    {
        ReserveSource.CollegeGraduate => "大学生",
        ReserveSource.RuralEntrepreneur => "农村致富能手",
        ReserveSource.ReturningYouth => "返乡青年",
        ReserveSource.Veteran => "退役军人",
        ReserveSource.Other => "其他",
        _ => s.ToString(),
    };

    /// <summary>Name of a recommendation channel.</summary>
    public static string Of(RecommendationChannel c) => c switch
    {
        RecommendationChannel.LeaderSigned => "领导署名推荐",
        RecommendationChannel.UnitParty => "单位党组织推荐",
        RecommendationChannel.OrganizationDepartment => "组织部推荐",
        _ => c.ToString(),
    };

    /// <summary>Name of a status.</summary>
    public static string Of(ReserveStatus s) => s switch
    {
        ReserveStatus.Active => "在库",
        ReserveStatus.Promoted => "已任用",
        ReserveStatus.Removed => "已退出",
        _ => s.ToString(),
    };

    /// <summary>Name of a review outcome.</summary>
    public static string Of(ReviewOutcome o) => o switch
    {
        ReviewOutcome.Keep => "继续培养",
        ReviewOutcome.Promote => "优进（可使用）",
        ReviewOutcome.Remove => "绌退（退出）",
        _ => o.ToString(),
    };

    /// <summary>Name of a vacant leading post.</summary>
    public static string Of(VacantPost p) => p switch
    {
        VacantPost.Secretary => "党组织书记",
        VacantPost.Director => "村（居）委会主任",
        _ => p.ToString(),
    };
}
