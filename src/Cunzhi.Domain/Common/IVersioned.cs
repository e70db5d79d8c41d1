namespace Cunzhi.Domain.Common;

/// <summary>
/// An aggregate edited through a form or a PUT: <see cref="RowVersion"/> counts its saved changes. The data context
/// makes it a concurrency token and adds one on every save that modifies the row, so an edit made from version n
/// succeeds only if the row is still at version n (no lost update: the second of two editors gets a conflict).
/// Named RowVersion because some aggregates (pay settings, rank policy, indicator templates) already have a
/// <c>Version</c>, their published version number.
/// </summary>
public interface IVersioned
{
    /// <summary>Number of saved changes, starting at 0; set by the data context, never by rules.</summary>
    int RowVersion { get; set; }
}
