using Cunzhi.Domain.Auditing;

namespace Cunzhi.Domain.Tests;

public sealed class AuditRedactionTests
{
    private static readonly IReadOnlySet<string> Secrets = new HashSet<string> { "Value", "PasswordHash" };

    public static TheoryData<string?, string?, bool> Cases => new()
    {
        // stored JSON → after redaction, redacted?
        { """{"Name":"AuthenticatorKey","Value":"JBSWY3DPEHPK3PXP"}""", """{"Name":"AuthenticatorKey","Value":"***"}""", true },
        { """{"PasswordHash":"AQAAAAIAAYagAAAAE","UserName":"a"}""", """{"PasswordHash":"***","UserName":"a"}""", true },
        { """{"Value":12345}""", """{"Value":"***"}""", true },
        { """{"Value":null,"Name":"x"}""", """{"Value":null,"Name":"x"}""", false },
        { """{"Value":"***"}""", """{"Value":"***"}""", false },
        { """{"Value":"***(已更改)"}""", """{"Value":"***(已更改)"}""", false },
        { """{"Name":"闹坪村"}""", """{"Name":"闹坪村"}""", false },
        { null, null, false },
        { "not json", "not json", false },
        { "[1,2]", "[1,2]", false },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Secret_values_become_markers_and_everything_else_is_left_alone(string? stored, string? expected, bool redacted)
    {
        var (json, changed) = AuditRedaction.Redact(stored, Secrets);
        json.ShouldBe(expected);
        changed.ShouldBe(redacted);
    }

    [Theory]
    [InlineData(null, false, null)]
    [InlineData("k", false, AuditRedaction.Hidden)]
    [InlineData("k", true, AuditRedaction.Changed)]
    public void A_secret_column_is_written_as_set_or_changed_never_its_value(string? value, bool changed, string? expected) =>
        AuditRedaction.Mark(value, changed).ShouldBe(expected);
}
