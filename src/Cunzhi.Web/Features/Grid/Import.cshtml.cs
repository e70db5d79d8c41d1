using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;

namespace Cunzhi.Web.Features.Grid;

/// <summary>/Grid/Import: a village, town or county imports 干部联村组 and 党员联农户 links (all or nothing, row errors listed).</summary>
[Authorize(Policy = Permissions.GridManage)]
public sealed class ImportModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : ImportPageModel(jobs, kinds)
{
    protected override string KindName => NetLinkImporter.Kind;
    protected override string ListUrl => "/Grid/Village";
    protected override string ListName => "网格与联系";
}
