namespace Cunzhi.Domain.Regions;

/// <summary>
/// A row that belongs to one region. Every read and write of such rows is limited to the
/// signed-in account's region (the web project enforces this in the data context, once).
/// </summary>
public interface IRegionScoped
{
    /// <summary>Code of the region the row belongs to (see <see cref="RegionCodes"/>).</summary>
    string RegionCode { get; }
}
