using System.Text.RegularExpressions;
using Cunzhi.Data.Auditing;
using Cunzhi.Web.Features.Audit;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The audit log's Chinese table (<see cref="AuditNames"/>) keeps up with the code: a new entity type, event name or
/// column added without its Chinese name fails here, instead of showing an English class name to an inspector.
/// </summary>
public sealed partial class AuditNamesConventionTests(SqliteFactory f) : IClassFixture<SqliteFactory>
{
    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    private List<Microsoft.EntityFrameworkCore.Metadata.IEntityType> AuditedTypes()
    {
        using var scope = f.SystemScope(out var db);
        return db.Model.GetEntityTypes().Where(t => !AuditCapture.Unaudited.Contains(t.ClrType)).ToList();
    }

    [Fact]
    public void Every_entity_type_of_the_data_model_has_a_Chinese_name()
    {
        var types = AuditedTypes();
        types.Count.ShouldBeGreaterThan(40);
        types.Select(t => t.ClrType.Name).Distinct().Where(n => !AuditNames.Entities.ContainsKey(n)).ShouldBeEmpty("缺少中文名的实体类型");
    }

    [Fact]
    public void Every_property_of_an_audited_entity_has_a_Chinese_label()
    {
        var missing = AuditedTypes().SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType.Name, Property: p.Name)))
            .Where(x => AuditNames.FieldOrNull(x.Entity, x.Property) is null).Select(x => $"{x.Entity}.{x.Property}").Distinct().ToList();
        missing.ShouldBeEmpty("缺少中文标签的字段");
    }

    [Fact]
    public void Every_enum_column_of_an_audited_entity_is_listed_with_its_enum()
    {
        var columns = AuditedTypes().SelectMany(t => t.GetProperties()
                .Select(p => (Entity: t.ClrType.Name, Property: p.Name, Type: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            .Where(x => x.Type.IsEnum).Distinct().ToList();
        columns.Count.ShouldBeGreaterThan(30);
        columns.Where(x => AuditEnumNames.Fields.GetValueOrDefault((x.Entity, x.Property)) != x.Type)
            .Select(x => $"{x.Entity}.{x.Property} ({x.Type.Name})").ShouldBeEmpty("审计表中缺少（或类型不符）的枚举字段");
    }

    [Fact]
    public void Every_value_of_an_audited_enum_has_a_Chinese_name()
    {
        var missing = AuditEnumNames.Fields.Values.Distinct()
            .SelectMany(type => Enum.GetValues(type).Cast<object>().Select(v => (Type: type, Value: v)))
            .Where(x => !AuditEnumNames.Values.TryGetValue(x.Type, out var names) || !names.TryGetValue(Convert.ToInt32(x.Value), out var name)
                        || !ChineseName().IsMatch(name))
            .Select(x => $"{x.Type.Name}.{x.Value}").ToList();
        missing.ShouldBeEmpty("缺少中文名的枚举值");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseName();

    [GeneratedRegex("""RecordEvent\(\s*(?<action>[^,]+),\s*(?:"(?<entity>[^"]+)"|nameof\((?<nameof>\w+)\))""")]
    private static partial Regex RecordEventCall();

    [Fact]
    public void Every_event_written_in_src_has_a_Chinese_entity_and_action_name()
    {
        var calls = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => RecordEventCall().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Match: m)))
            .ToList();
        calls.Count.ShouldBeGreaterThan(10);
        var entities = calls.Select(c => c.Match.Groups["entity"].Success ? c.Match.Groups["entity"].Value : c.Match.Groups["nameof"].Value).Distinct();
        entities.Where(e => !AuditNames.Entities.ContainsKey(e)).ShouldBeEmpty("RecordEvent 的对象名缺少中文名");
        // Literal action names ("BallotCast") and the ternary's two ("A" : "B"); AuditActions.X constants are checked below.
        var literals = calls.SelectMany(c => Regex.Matches(c.Match.Groups["action"].Value, "\"(\\w+)\"").Select(m => m.Groups[1].Value)).Distinct();
        literals.Where(a => AuditNames.Action(a) == a).ShouldBeEmpty("RecordEvent 的操作名缺少中文名");
        AuditNames.Actions.Where(a => AuditNames.Action(a) == a).ShouldBeEmpty();
    }
}
