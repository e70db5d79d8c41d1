using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Tasks.Requests;

/// <summary>/Tasks/Requests/Import: a department files many task requests from one .xlsx, each through the admission gate.</summary>
[Authorize(Policy = Permissions.TaskRequestsFile)]
public sealed class ImportModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : ImportPageModel(jobs, kinds)
{
    protected override string KindName => TaskRequestImporter.Kind;
    protected override string ListUrl => "/Tasks/Requests?channel=Import";
    protected override string ListName => "任务准入申请";
}
