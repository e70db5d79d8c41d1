using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>One row of a reserve import as read: the pool (a village, or a town for a town-level pool) is resolved while parsing.</summary>
public sealed class ReserveImportRow
{
    public required int Row { get; init; }
    public string? Name { get; init; }
    public Gender? Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? EducationCode { get; init; }
    public bool IsPartyMember { get; init; }
    public string? PoolText { get; init; }
    public string? PoolCode { get; init; }
    public ReserveSource? Source { get; init; }
    public RecommendationChannel? Channel { get; init; }
    public string? Recommender { get; init; }
    public DateOnly? RecommendedDate { get; init; }
    public string? PlacementPostCode { get; init; }
    public string? TrainingNote { get; init; }
    public string? NationalId { get; init; }
}

/// <summary>
/// 后备干部批量导入. Each row passes the rules of entering one candidate (<see cref="CreateReserveValidator"/>); the
/// pool is a village in scope or, as the create command allows, a town (a town-level pool). A person (same name and
/// birth date) may be in a pool once: checked within the file and against the active candidates of each pool, a
/// thousand names at a time.
/// </summary>
public sealed class ReserveImporter(AppDbContext db, IValidator<CreateReserve> validator, Infrastructure.Security.PersonalDataProtector protector, TimeProvider clock)
    : IImporter<ReserveImportRow>
{
    public const string Kind = "reserves";
    public const string Title = "后备干部";

    public const string Name = "姓名*";
    public const string GenderColumn = "性别*";
    public const string BirthDate = "出生日期*";
    public const string Education = "学历*";
    public const string Party = "政治面貌";
    public const string Pool = "所在村（社区）*";
    public const string Source = "来源*";
    public const string Channel = "推荐渠道*";
    public const string Recommender = "推荐人*";
    public const string RecommendedDate = "推荐日期*";
    public const string Placement = "培养岗位";
    public const string TrainingNote = "跟岗实训说明";
    public const string NationalIdColumn = "身份证号";

    public const string PartyMember = "中共党员";
    public const string Masses = "群众";

    public static IReadOnlyList<XlsxImportColumn> Columns { get; } =
    [
        new(Name) { Note = "不超过 30 个字", Example = "钟小明" },
        new(GenderColumn) { AllowedValues = ["男", "女"] },
        new(BirthDate, XlsxKind.Date) { Aliases = ["出生年月"], Note = $"推荐时须年满 {ReserveFieldsValidator<CreateReserve>.MinimumAge} 周岁", Example = "1995-06-01" },
        new(Education) { AllowedValues = [.. ReferenceData.EducationLevels.Select(e => e.Name)], Note = "最高学历", Width = 12 },
        new(Party, Required: false) { AllowedValues = [PartyMember, Masses], Note = "不填视为群众" },
        new(Pool)
        {
            Aliases = ["所在村", "村（社区）", "所属村（社区）", "后备干部库"], Format = "12 位区划代码、“乡镇名/村名”或本辖区内唯一的村名", Example = "三兴镇/闹坪村", Width = 18,
            Note = "只能填写本账号管辖范围内的村（社区）；乡镇后备干部库填写乡镇名称或其 12 位代码",
        },
        new(Source) { Aliases = ["人员类别"], AllowedValues = [.. Enum.GetValues<ReserveSource>().Select(ReserveNames.Of)], Width = 14 },
        new(Channel) { AllowedValues = [.. Enum.GetValues<RecommendationChannel>().Select(ReserveNames.Of)], Width = 16 },
        new(Recommender) { Aliases = ["推荐人或推荐单位"], Note = "署名推荐的领导，或推荐的单位；不超过 60 个字", Example = "三兴镇党委", Width = 16 },
        new(RecommendedDate, XlsxKind.Date) { Note = "入库日期，不能晚于今天", Example = "2025-03-01" },
        new(Placement, Required: false) { Aliases = ["定岗职务"], AllowedValues = [.. ReferenceData.Posts.Select(p => p.Name)], Note = "定人定岗的岗位", Width = 16 },
        new(TrainingNote, Required: false) { Aliases = ["跟岗实训安排"], Note = "不超过 200 个字", Width = 30 },
        new(NationalIdColumn, Required: false) { Aliases = ["公民身份号码"], Note = "18 位，须与出生日期、性别相符；可不填，任用时必须填写", Width = 20 },
    ];

    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        [nameof(CreateReserve.Name)] = Name,
        [nameof(CreateReserve.Gender)] = GenderColumn,
        [nameof(CreateReserve.BirthDate)] = BirthDate,
        [nameof(CreateReserve.EducationCode)] = Education,
        [nameof(CreateReserve.Source)] = Source,
        [nameof(CreateReserve.Channel)] = Channel,
        [nameof(CreateReserve.Recommender)] = Recommender,
        [nameof(CreateReserve.RecommendedDate)] = RecommendedDate,
        [nameof(CreateReserve.PlacementPostCode)] = Placement,
        [nameof(CreateReserve.TrainingNote)] = TrainingNote,
        [nameof(CreateReserve.NationalId)] = NationalIdColumn,
    };

    private static readonly Dictionary<string, ReserveSource> Sources = Enum.GetValues<ReserveSource>().ToDictionary(ReserveNames.Of);
    private static readonly Dictionary<string, RecommendationChannel> Channels = Enum.GetValues<RecommendationChannel>().ToDictionary(ReserveNames.Of);

    private VillageResolver villages = null!;

    public async Task PrepareAsync(CancellationToken ct) => villages = await VillageResolver.LoadAsync(db, ct);

    public ReserveImportRow? Parse(XlsxRecord r)
    {
        var name = r.Text(Name);
        var genderText = r.Text(GenderColumn);
        var birth = r.Date(BirthDate);
        var educationName = r.Text(Education);
        var party = r.Text(Party);
        var poolText = r.Text(Pool);
        var sourceText = r.Text(Source);
        var channelText = r.Text(Channel);
        var recommender = r.Text(Recommender);
        var recommended = r.Date(RecommendedDate);
        var placementName = r.Text(Placement);
        var note = r.Text(TrainingNote);
        var nationalId = r.Text(NationalIdColumn);

        string? poolCode = null;
        if (poolText is not null)
        {
            poolCode = villages.TownOf(poolText);
            if (poolCode is null)
            {
                var match = villages.Resolve(poolText);
                if (match.Error is { } error)
                    r.AddError(Pool, error);
                poolCode = match.Code;
            }
        }
        Gender? gender = genderText switch { "男" => Domain.People.Gender.Male, "女" => Domain.People.Gender.Female, _ => null };
        var educationCode = ReferenceData.EducationLevels.FirstOrDefault(e => e.Name == educationName)?.Code;
        ReserveSource? source = sourceText is not null && Sources.TryGetValue(sourceText, out var s) ? s : null;
        RecommendationChannel? channel = channelText is not null && Channels.TryGetValue(channelText, out var c) ? c : null;
        var placementCode = ReferenceData.Posts.FirstOrDefault(p => p.Name == placementName)?.Code;

        // The same rules as entering one candidate, except where the cell already said what is wrong (blank, not a
        // date, not one of the choices) and the pool, which the resolver has judged.
        var command = new CreateReserve(poolCode ?? "", name ?? "", gender ?? default, birth ?? DateOnly.MinValue, educationCode ?? "", party == PartyMember,
            source ?? default, channel ?? default, recommender ?? "", recommended ?? DateOnly.MinValue, null, null, placementCode, note, nationalId);
        var reported = new HashSet<string> { nameof(CreateReserve.RegionCode) };
        if (name is null) reported.Add(nameof(CreateReserve.Name));
        if (gender is null) reported.Add(nameof(CreateReserve.Gender));
        if (birth is null) reported.Add(nameof(CreateReserve.BirthDate));
        if (educationCode is null) reported.Add(nameof(CreateReserve.EducationCode));
        if (source is null) reported.Add(nameof(CreateReserve.Source));
        if (channel is null) reported.Add(nameof(CreateReserve.Channel));
        if (recommender is null) reported.Add(nameof(CreateReserve.Recommender));
        if (recommended is null) reported.Add(nameof(CreateReserve.RecommendedDate));
        foreach (var failure in validator.Validate(command).Errors)
            if (!reported.Contains(failure.PropertyName))
                r.AddError(ColumnOf.GetValueOrDefault(failure.PropertyName, Name), failure.ErrorMessage);

        return new ReserveImportRow
        {
            Row = r.Row, Name = name, Gender = gender, BirthDate = birth, EducationCode = educationCode, IsPartyMember = party == PartyMember,
            PoolText = poolText, PoolCode = poolCode, Source = source, Channel = channel, Recommender = recommender, RecommendedDate = recommended,
            PlacementPostCode = placementCode, TrainingNote = note, NationalId = nationalId,
        };
    }

    private string PoolName(string code) => villages.PathOf(code) ?? villages.TownName(code) ?? code;

    public async Task CheckAsync(IReadOnlyList<ReserveImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var unknown = rows.Where(r => r.PoolText is not null && r.PoolCode is null && villages.Resolve(r.PoolText).IsUnknown).ToList();
        if (unknown.Count > 0)
        {
            var why = await villages.ExplainAsync(unknown.Select(r => r.PoolText!), ct);
            foreach (var row in unknown)
                errors.Add(row.Row, Pool, why[row.PoolText!]);
        }

        var people = rows.Where(r => r.PoolCode is not null && r.Name is not null && r.BirthDate is not null).ToList();
        foreach (var same in people.GroupBy(r => (r.PoolCode, r.Name, r.BirthDate)).Where(g => g.Count() > 1))
            foreach (var row in same)
                errors.Add(row.Row, Name, $"与第 {string.Join("、", same.Where(o => o != row).Select(o => o.Row))} 行是同一人（姓名、出生日期相同，同一后备干部库内不能重复）");

        foreach (var pool in people.GroupBy(r => r.PoolCode!))
        {
            var active = new HashSet<(string, DateOnly)>();
            foreach (var chunk in pool.Select(r => r.Name!.Trim()).Distinct().Chunk(1000))
                active.UnionWith((await db.Set<ReserveCadre>().AsNoTracking()
                        .Where(x => x.RegionCode == pool.Key && x.Status == ReserveStatus.Active && chunk.Contains(x.Name))
                        .Select(x => new { x.Name, x.BirthDate }).ToListAsync(ct))
                    .Select(x => (x.Name, x.BirthDate)));
            foreach (var row in pool.Where(r => active.Contains((r.Name!.Trim(), r.BirthDate!.Value))))
                errors.Add(row.Row, Name, $"{row.Name}（{row.BirthDate:yyyy-MM-dd} 出生）已在{PoolName(pool.Key)}后备干部库中");
        }
    }

    public void Add(AppDbContext context, ReserveImportRow row)
    {
        var reserve = NewReserve(row);
        // Kept as a single entry is: encrypted, keyed hash, masked (see ReserveHandlers.SetNationalId).
        if (!string.IsNullOrWhiteSpace(row.NationalId)
            && Domain.Identity.NationalId.Parse(row.NationalId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Normalized is { } normalized)
            (reserve.NationalIdCipher, reserve.NationalIdHash, reserve.NationalIdMasked) =
                (protector.Protect(normalized), protector.Hash(normalized), Domain.Identity.NationalId.Mask(normalized));
        context.Set<ReserveCadre>().Add(reserve);
    }

    private static ReserveCadre NewReserve(ReserveImportRow row) => new()
    {
        RegionCode = row.PoolCode!, Name = row.Name!.Trim(), Gender = row.Gender!.Value, BirthDate = row.BirthDate!.Value, EducationCode = row.EducationCode!,
        IsPartyMember = row.IsPartyMember, Source = row.Source!.Value, Channel = row.Channel!.Value, Recommender = row.Recommender!.Trim(),
        RecommendedDate = row.RecommendedDate!.Value, PlacementPostCode = row.PlacementPostCode,
        TrainingNote = string.IsNullOrWhiteSpace(row.TrainingNote) ? null : row.TrainingNote.Trim(),
    };
}
