using System.Security.Cryptography;
using System.Text;
using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

/// <summary>An adjustment line on a draft run correcting a line of a locked run (amount in fen, may be negative).</summary>
public sealed record AddAdjustment(long LineId, long AmountFen, string Reason);

public sealed class AddAdjustmentValidator : AbstractValidator<AddAdjustment>
{
    public AddAdjustmentValidator()
    {
        RuleFor(c => c.LineId).GreaterThan(0).WithMessage("请选择要更正的明细");
        RuleFor(c => c.AmountFen).NotEqual(0).WithMessage("调整金额不能为 0").InclusiveBetween(-10_000_000_00, 10_000_000_00).WithMessage("调整金额超出范围");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写调整原因").MaximumLength(500).WithMessage("调整原因不超过 500 字");
    }
}

/// <summary>Corrections of a locked run: adjustment lines on a later draft run of the same town.</summary>
public sealed class PayrollAdjustment(AppDbContext db, PayRunViews views)
{
    /// <summary>
    /// Adds an adjustment to the draft run <paramref name="runId"/> correcting a line of an earlier locked run of the same
    /// town. Null when either is not found in scope.
    /// </summary>
    public async Task<RunView?> AddAdjustmentAsync(long runId, AddAdjustment c, CancellationToken ct = default)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var original = await db.Set<PayLine>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == c.LineId, ct);
        if (run is null || original is null) return null;
        var source = await db.Set<PayrollRun>().AsNoTracking().FirstAsync(r => r.Id == original.RunId, ct);
        run.EnsureDraft();
        if (source.State != PayrollState.Locked) throw new RuleException($"{source.Label}的批次尚未锁定：请直接重新计算该批次，不需要调整项");
        if (source.RegionCode != run.RegionCode) throw new RuleException("只能更正本乡镇的工资明细");
        if ((source.Year, source.Month).CompareTo((run.Year, run.Month)) >= 0) throw new RuleException("调整项只能加在被更正月份以后的批次中");
        var line = new PayLine
        {
            RunId = run.Id, RegionCode = original.RegionCode, CadreId = original.CadreId, CadreName = original.CadreName, PostCode = original.PostCode,
            Kind = PayLineKind.Adjustment, DaysInMonth = PayRules.DaysInMonth(run.MonthStart), AdjustmentFen = c.AmountFen,
            AdjustsLineId = original.Id, AdjustsRunId = source.Id, Reason = c.Reason.Trim(),
            Explanation = $"更正 {source.Label}工资明细（编号 {original.Id}，原实发 {PayRules.Yuan(original.TotalFen)} 元）：{(c.AmountFen > 0 ? "补发" : "扣回")} {PayRules.Yuan(Math.Abs(c.AmountFen))} 元",
        };
        line.Total();
        db.Add(line);
        run.LineCount++;
        run.TotalFen += line.TotalFen;
        db.RecordEvent("PayAdjustmentAdded", nameof(PayLine), $"{run.Id}/{original.Id}", line.RegionCode,
            System.Text.Json.JsonSerializer.Serialize(new { runId = run.Id, adjustsRunId = source.Id, adjustsLineId = original.Id, amountFen = c.AmountFen, reason = line.Reason }));
        await db.SaveChangesAsync(ct);
        return await views.GetAsync(run.Id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }

    /// <summary>
    /// Removes an adjustment line from a draft run. Null (404) only when the run or the line is not there; a line of a run
    /// past draft is refused with the run's state (a locked run says it is locked), and a computed line with how it changes.
    /// </summary>
    public async Task<RunView?> RemoveAdjustmentAsync(long runId, long lineId, CancellationToken ct = default)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var line = await db.Set<PayLine>().FirstOrDefaultAsync(l => l.Id == lineId && l.RunId == runId, ct);
        if (run is null || line is null) return null;
        run.EnsureDraft();
        if (line.Kind != PayLineKind.Adjustment)
            throw new RuleException("只能删除调整项；计算所得的工资明细随重新计算更新");
        db.Remove(line);
        run.LineCount--;
        run.TotalFen -= line.TotalFen;
        db.RecordEvent("PayAdjustmentRemoved", nameof(PayLine), $"{run.Id}/{line.Id}", line.RegionCode,
            System.Text.Json.JsonSerializer.Serialize(new { runId = run.Id, lineId = line.Id, amountFen = line.AdjustmentFen, reason = line.Reason }));
        await db.SaveChangesAsync(ct);
        return await views.GetAsync(run.Id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }
}
