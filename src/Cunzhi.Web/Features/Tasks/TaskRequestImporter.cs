using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>One row of a task-request import: the command as the page would send it, and the villages it resolved to.</summary>
public sealed class TaskRequestImportRow
{
    public required int Row { get; init; }
    public required FileTaskRequest Command { get; init; }
    public required IReadOnlyList<string> Villages { get; init; }
    /// <summary>Target cells the resolver could not place in the account's scope, explained in <see cref="TaskRequestImporter.CheckAsync"/>.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];
}

/// <summary>
/// 任务准入申请批量导入 (.xlsx, departments). Each row obeys the rules of filing one request by page
/// (<see cref="FileTaskRequestValidator"/>), and is written through the same <see cref="TaskGate"/>: admitted when it falls
/// under a list item, refused when it is on the negative list, otherwise pending for the coordination office — an import
/// gives no task a way round the gate. All or nothing: one wrong cell and no row is filed.
/// </summary>
public sealed class TaskRequestImporter(AppDbContext db, TaskAdmission tasks, IValidator<FileTaskRequest> validator) : IImporter<TaskRequestImportRow>
{
    public const string Kind = "task-requests";
    public const string Title = "任务准入申请";

    public const string TitleColumn = "任务名称*";
    public const string Requirement = "村里需要做什么*";
    public const string Targets = "下达范围*";
    public const string DueDate = "完成期限*";
    public const string ItemCode = "清单事项编号";
    public const string Evidence = "需要佐证";
    public const string Justification = "佐证理由";

    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '\n', '\r'];

    public static IReadOnlyList<XlsxImportColumn> Columns { get; } =
    [
        new(TitleColumn) { Aliases = ["任务"], Note = "不超过 100 个字", Example = "秋冬季秸秆禁烧巡查", Width = 24 },
        new(Requirement) { Aliases = ["任务要求", "工作要求"], Note = "不超过 2000 个字", Example = "每周巡查一次辖区田块，发现焚烧及时劝阻并上报", Width = 40 },
        new(Targets)
        {
            Aliases = ["下达到村", "下达村（社区）"], Width = 30, Example = "三兴镇/闹坪村、鹅峰乡",
            Format = "村(社区)填 12 位区划代码、“乡镇名/村名”或本县唯一的村名；填乡镇名称表示该乡镇所有村；多个用顿号、逗号或换行分隔",
        },
        new(DueDate, XlsxKind.Date) { Note = "不能早于今天", Example = "2026-12-31" },
        new(ItemCode, Required: false)
        {
            Aliases = ["对应清单事项"], Example = "XZ-11", Width = 14,
            Note = "属于县工作事务清单的填事项编号，即时准入；属于负面清单（取消事项）的即时拒绝；不填的按任务名称和要求判定，判定不了的报县减负协调办审批",
        },
        new(Evidence, XlsxKind.Boolean, Required: false) { Note = "确需村里留存照片等佐证材料的填“是”；不填视为否（不得默认要求留痕）" },
        new(Justification, Required: false) { Aliases = ["佐证材料理由"], Note = "需要佐证时必填，说明确需佐证的理由；不超过 500 个字", Width = 30 },
    ];

    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        [nameof(FileTaskRequest.Title)] = TitleColumn,
        [nameof(FileTaskRequest.Requirement)] = Requirement,
        [nameof(FileTaskRequest.Villages)] = Targets,
        [nameof(FileTaskRequest.Towns)] = Targets,
        [nameof(FileTaskRequest.DueDate)] = DueDate,
        [nameof(FileTaskRequest.ItemCode)] = ItemCode,
        [nameof(FileTaskRequest.EvidenceRequired)] = Evidence,
        [nameof(FileTaskRequest.EvidenceJustification)] = Justification,
    };

    private VillageResolver villages = null!;
    private ILookup<string, string> villagesOfTown = null!;
    private TaskGate gate = null!;

    public async Task PrepareAsync(CancellationToken ct)
    {
        // Opening the gate first also refuses accounts that are not county-bound, before any row is read.
        gate = await tasks.OpenGateAsync(TaskChannel.Import, ct);
        villages = await VillageResolver.LoadAsync(db, ct);
        villagesOfTown = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.ParentCode != null)
                .Select(r => new { r.Code, Parent = r.ParentCode! }).ToListAsync(ct))
            .ToLookup(r => r.Parent, r => r.Code);
    }

    public TaskRequestImportRow? Parse(XlsxRecord r)
    {
        var title = r.Text(TitleColumn);
        var requirement = r.Text(Requirement);
        var targets = r.Text(Targets);
        var due = r.Date(DueDate);
        var item = r.Text(ItemCode);
        var evidence = r.Bool(Evidence);
        var justification = r.Text(Justification);

        var villageCodes = new List<string>();
        var townCodes = new List<string>();
        var unknown = new List<string>();
        foreach (var part in (targets ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (villages.TownOf(part) is { } town)
            {
                townCodes.Add(town);
                if (!villagesOfTown[town].Any()) r.AddError(Targets, $"{villages.TownName(town)}下没有村(社区)");
                continue;
            }
            var match = villages.Resolve(part);
            if (match.Code is { } code) villageCodes.Add(code);
            else if (match.Error is { } error) r.AddError(Targets, error);
            else unknown.Add(part);
        }
        if (targets is not null && villageCodes.Count + townCodes.Count + unknown.Count == 0 && !r.HasErrors)
            r.AddError(Targets, "请填写下达的村(社区)或乡镇");

        var command = new FileTaskRequest(title ?? "", requirement ?? "", villageCodes, townCodes, due ?? DateOnly.MinValue, evidence ?? false, justification, item);
        // Blank, not-a-date and target cells have been reported by the reader or above; the validator says the rest.
        var reported = new HashSet<string>();
        if (title is null) reported.Add(nameof(FileTaskRequest.Title));
        if (requirement is null) reported.Add(nameof(FileTaskRequest.Requirement));
        if (due is null) reported.Add(nameof(FileTaskRequest.DueDate));
        reported.Add(nameof(FileTaskRequest.Villages));
        reported.Add(nameof(FileTaskRequest.Towns));
        reported.Add("");
        foreach (var failure in validator.Validate(command).Errors)
        {
            var property = failure.PropertyName.Split('[')[0];
            if (!reported.Contains(property) && !reported.Contains(failure.PropertyName))
                r.AddError(ColumnOf.GetValueOrDefault(property, TitleColumn), failure.ErrorMessage);
        }

        return new TaskRequestImportRow
        {
            Row = r.Row, Command = command, Unknown = unknown,
            Villages = [.. villageCodes.Concat(townCodes.SelectMany(t => villagesOfTown[t])).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    public async Task CheckAsync(IReadOnlyList<TaskRequestImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var unknown = rows.Where(r => r.Unknown.Count > 0).ToList();
        if (unknown.Count == 0) return;
        // One batch of queries for every unplaced name: outside the county, or no such place at all.
        var why = await villages.ExplainAsync(unknown.SelectMany(r => r.Unknown), ct);
        foreach (var row in unknown)
            foreach (var part in row.Unknown)
                errors.Add(row.Row, Targets, why[part]);
    }

    public void Add(AppDbContext context, TaskRequestImportRow row) => context.Add(gate.Pass(row.Command, row.Villages));
}
