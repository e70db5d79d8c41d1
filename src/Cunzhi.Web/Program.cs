using Cunzhi.Web.Features;
using Cunzhi.Web.Infrastructure.Cli;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;

var verb = CliVerbs.Find(args);
var builder = WebApplication.CreateBuilder(verb is null ? args : args[1..]);
builder.AddCunzhiData();
builder.AddCunzhiSecurity();
builder.AddCunzhiWeb();
builder.Services.AddCunzhiFeatures();

var app = builder.Build();
if (verb is not null) return await CliVerbs.RunAsync(app, verb, args);

await app.PrepareDatabaseAsync();
ReadReplica.UseReadYourOwnWrites(app);
app.UseCunzhiWeb();
app.MapCunzhiApi();
app.PrintBannerOnStart();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
