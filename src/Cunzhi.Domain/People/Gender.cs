namespace Cunzhi.Domain.People;

/// <summary>Gender as recorded in the household register (GB/T 2261.1 codes 1 and 2).</summary>
public enum Gender
{
    /// <summary>男.</summary>
    Male = 1,
    /// <summary>女.</summary>
    Female = 2,
}
