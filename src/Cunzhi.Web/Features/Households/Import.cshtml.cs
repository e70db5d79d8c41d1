using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Households;

/// <summary>/Households/Import: county and town admins import households (several villages in one file if they like).</summary>
[Authorize(Policy = Permissions.RegionsEdit)]
public sealed class ImportModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : ImportPageModel(jobs, kinds)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Code { get; set; }

    protected override string KindName => HouseholdImporter.Kind;
    protected override string ListUrl => string.IsNullOrEmpty(Code) ? "/Regions" : $"/Regions/Households?code={Code}";
    protected override string ListName => string.IsNullOrEmpty(Code) ? "区划与农户" : "农户名册";
}
