using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Burden;

/// <summary>What a town logs as load on its villages besides tasks and forms.</summary>
public enum BurdenEventKind
{
    /// <summary>会议 — a meeting village cadres had to attend.</summary>
    Meeting = 1,
    /// <summary>检查 — an inspection, check or appraisal visit (检查、考核、评比).</summary>
    Inspection = 2,
}

/// <summary>
/// 会议 / 检查: one meeting or inspection that took village cadres' time, logged by the town with the organizer and the
/// villages involved (Wanzai: "有时1个小时就要迎接三四个检查"). Counted by the burden meter per village per month.
/// </summary>
public sealed class BurdenEvent : IRegionScoped
{
    /// <summary>Longest title.</summary>
    public const int TitleMaxLength = 100;
    /// <summary>Longest organizer name.</summary>
    public const int OrganizerMaxLength = 60;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Town code (the town logging it).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Meeting or inspection.</summary>
    public BurdenEventKind Kind { get; set; }
    /// <summary>Day it took place.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Organizing department or office, e.g. 县农业农村局.</summary>
    public string Organizer { get; set; } = "";
    /// <summary>Title.</summary>
    public string Title { get; set; } = "";
    /// <summary>The villages involved (each a row, so the meter counts in the database).</summary>
    public List<BurdenEventVillage> Villages { get; set; } = [];
    /// <summary>Who logged it.</summary>
    public string CreatedBy { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Chinese name of a kind.</summary>
    public static string KindName(BurdenEventKind k) => k switch { BurdenEventKind.Meeting => "会议", BurdenEventKind.Inspection => "检查", _ => k.ToString() };
}

/// <summary>One village involved in a <see cref="BurdenEvent"/>.</summary>
public sealed class BurdenEventVillage : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The event.</summary>
    public long BurdenEventId { get; set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; set; } = "";
}
