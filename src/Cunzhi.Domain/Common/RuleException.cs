namespace Cunzhi.Domain.Common;

/// <summary>
/// One reason a rule refuses a change: a stable <paramref name="Code"/> a client can branch on, the
/// <paramref name="Field"/> of the command it concerns (null when it concerns the whole request) and the Chinese
/// <paramref name="Message"/> shown to the user.
/// </summary>
public sealed record RuleProblem(string Code, string? Field, string Message);

/// <summary>
/// A refusal by a rule (an illegal state change, a policy that does not hold together), carrying every problem found,
/// not only the first. The web answers it 409 as ProblemDetails with an <c>errors</c> array, and a page lists each
/// problem on its form (under its field when the form has one). <see cref="Exception.Message"/> is the messages joined
/// with the separator given (「；」 unless said otherwise), the text the API's <c>detail</c> carries.
/// </summary>
public sealed class RuleException : Exception
{
    /// <summary>The code of a problem thrown with a message only.</summary>
    public const string DefaultCode = "rule";

    /// <summary>What the messages of several problems are joined with unless said otherwise.</summary>
    public const string DefaultSeparator = "；";

    /// <summary>A single problem with a message only.</summary>
    public RuleException(string message) : this(DefaultCode, null, message) { }

    /// <summary>A single problem with a code and, when it concerns one field of the command, that field.</summary>
    public RuleException(string code, string? field, string message) : this(Checked([new RuleProblem(code, field, message)]), DefaultSeparator) { }

    /// <summary>Several problems (at least one); the message joins theirs with <paramref name="separator"/>.</summary>
    public RuleException(IEnumerable<RuleProblem> problems, string separator = DefaultSeparator) : this(Checked(problems), separator) { }

    private RuleException(IReadOnlyList<RuleProblem> problems, string separator) : base(string.Join(separator, problems.Select(p => p.Message)))
    {
        Problems = problems;
        Separator = separator;
    }

    /// <summary>Every problem, in the order found; never empty.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <summary>What <see cref="Exception.Message"/> joins the problems' messages with.</summary>
    public string Separator { get; }

    /// <summary>Several messages, each a problem with <paramref name="code"/> and no field.</summary>
    public static RuleException Of(IEnumerable<string> messages, string code = DefaultCode, string separator = DefaultSeparator) =>
        new(messages.Select(m => new RuleProblem(code, null, m)), separator);

    /// <summary>Throws when <paramref name="messages"/> holds any, each as its own problem; does nothing otherwise.</summary>
    public static void ThrowIfAny(IEnumerable<string> messages, string code = DefaultCode, string separator = DefaultSeparator)
    {
        var list = messages.ToList();
        if (list.Count > 0) throw Of(list, code, separator);
    }

    /// <summary>Throws when <paramref name="problems"/> holds any; does nothing otherwise.</summary>
    public static void ThrowIfAny(IEnumerable<RuleProblem> problems, string separator = DefaultSeparator)
    {
        var list = problems.ToList();
        if (list.Count > 0) throw new RuleException(list, separator);
    }

    private static List<RuleProblem> Checked(IEnumerable<RuleProblem> problems)
    {
        var list = problems.ToList();
        if (list.Count == 0) throw new ArgumentException("A rule exception needs at least one problem.", nameof(problems));
        if (list.Any(p => string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.Message)))
            throw new ArgumentException("Every problem needs a code and a message.", nameof(problems));
        return list;
    }
}
