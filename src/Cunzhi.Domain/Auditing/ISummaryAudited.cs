namespace Cunzhi.Domain.Auditing;

/// <summary>
/// Rows of this type get no row-by-row audit entry (before/after JSON); whoever writes them records one summary
/// event instead. Region scope still applies to them. Used by 双述双评 ballot codes and tallies: a timestamped,
/// ordered entry per code or per counter change would let a reader of the log pair a code with the choices it cast.
/// </summary>
public interface ISummaryAudited;
