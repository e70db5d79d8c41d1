using System.Security.Cryptography;
using System.Text;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

public sealed record ReturnRun(string Reason);

public sealed class ReturnRunValidator : AbstractValidator<ReturnRun>
{
    public ReturnRunValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写退回理由").MaximumLength(500).WithMessage("退回理由不超过 500 字");
}

/// <summary>A run's way to the finance office: the town marks it reviewed, the county approves or returns it, then locks it.</summary>
public sealed class PayrollApproval(AppDbContext db, UserContext user, TimeProvider clock, PayRunViews views)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private async Task<RunView?> ChangeAsync(long id, Action<PayrollRun> change, CancellationToken ct)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        change(run);
        await db.SaveChangesAsync(ct);
        return await views.GetAsync(id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }

    public Task<RunView?> MarkReviewedAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.MarkReviewed(user.UserName, Now), ct);
    public Task<RunView?> ReturnAsync(long id, ReturnRun c, CancellationToken ct = default) => ChangeAsync(id, r => r.Return(c.Reason.Trim()), ct);
    public Task<RunView?> ApproveAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.Approve(user.UserName, Now), ct);
    public Task<RunView?> LockAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.Lock(user.UserName, Now), ct);
}
