using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres.Import;

/// <summary>/Cadres/Import: county and town admins import cadres from the template.</summary>
[Authorize(Policy = Permissions.CadresEdit)]
public sealed class IndexModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : ImportPageModel(jobs, kinds)
{
    protected override string KindName => CadreImporter.Kind;
    protected override string ListUrl => "/Cadres";
    protected override string ListName => "村干部档案";
}
