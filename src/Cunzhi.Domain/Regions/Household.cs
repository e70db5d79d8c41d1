namespace Cunzhi.Domain.Regions;

/// <summary>农户: a household of a village, optionally placed in a villager group and a grid.</summary>
public sealed class Household : IRegionScoped, Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Villager group (村民小组) code, if assigned.</summary>
    public string? GroupCode { get; set; }
    /// <summary>Grid (网格) code, if assigned.</summary>
    public string? GridCode { get; set; }
    /// <summary>Household number (户号), unique within the village.</summary>
    public required string Number { get; set; }
    /// <summary>Name of the head of household (户主).</summary>
    public required string HeadName { get; set; }
    /// <summary>Address within the village.</summary>
    public string Address { get; set; } = "";
    /// <summary>Members.</summary>
    public List<Resident> Residents { get; set; } = [];
}

/// <summary>村民: a member of a household.</summary>
public sealed class Resident : IRegionScoped, Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Household.</summary>
    public long HouseholdId { get; set; }
    /// <summary>Village code (same as the household's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Name.</summary>
    public required string Name { get; set; }
    /// <summary>Gender.</summary>
    public People.Gender Gender { get; set; }
    /// <summary>Birth date.</summary>
    public DateOnly BirthDate { get; set; }
    /// <summary>Relation to the head of household (户主, 配偶, 子, 女 …).</summary>
    public string Relation { get; set; } = "";
    /// <summary>Member of the Communist Party of China.</summary>
    public bool IsPartyMember { get; set; }
}
