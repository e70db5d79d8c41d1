using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>/Reserves/Import: county and town admins import reserve candidates into village or town pools (several in one file if they like).</summary>
[Authorize(Policy = Permissions.ReservesEdit)]
public sealed class ImportModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : ImportPageModel(jobs, kinds)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Code { get; set; }

    protected override string KindName => ReserveImporter.Kind;
    protected override string ListUrl => string.IsNullOrEmpty(Code) ? "/Reserves" : $"/Reserves?code={Code}";
    protected override string ListName => "后备干部库";
}
