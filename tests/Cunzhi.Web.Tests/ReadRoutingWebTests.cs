using System.Net;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Reads on the standby (issue #22) as far as one PostgreSQL server can show it: with a read connection string the
/// reports and the portal read through it (here it reaches a primary, so the app says <c>primary</c>), a write leaves the
/// primary's WAL position in the reader's cookie, and the read context refuses writes. Without a read string nothing
/// changes. The standby itself is exercised by the cluster test (tests/Cunzhi.Cluster.Tests); the choice is
/// <see cref="ReadRouting"/>, unit-tested in the domain tests.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ReadRoutingWebTests_Postgres(PostgresFactory f) : IClassFixture<PostgresFactory>
{
    private WebApplicationFactory<Program> WithReadString() => f.WithWebHostBuilder(b =>
        b.UseSetting("ConnectionStrings:CunzhiRead", f.Services.GetRequiredService<DatabaseInfo>().ConnectionString));

    private static HttpClient Client(WebApplicationFactory<Program> host, CookieContainer cookies) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    [Fact]
    public async Task With_a_read_string_a_write_remembers_its_position_and_reports_name_their_server()
    {
        await using var node = WithReadString();
        var cookies = new CookieContainer();
        var http = Client(node, cookies);
        (await CunzhiFactory.PostFormAsync(http, "/Account/Login", new() { ["UserName"] = "county.admin", ["Password"] = CunzhiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var wrote = cookies.GetCookies(new Uri("http://localhost"))[ReadReplica.WroteCookie];
        wrote.ShouldNotBeNull("登录（一次写入）后应记下主库的写入位置");
        // Cookie values are URL-encoded on the wire ("3%2F718B430"); the app reads them decoded.
        var lsn = Uri.UnescapeDataString(wrote.Value);
        ReadRouting.TryParseLsn(lsn, out _).ShouldBeTrue(lsn);
        wrote.HttpOnly.ShouldBeTrue();

        foreach (var url in new[] { "/Matters/Stats", "/Gongkai" })
        {
            var r = await http.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            // The read connection reached a primary (no standby here): the report is read there, and says so.
            r.Headers.GetValues(ReadReplica.Header).Single().ShouldBe("primary", url);
        }
        var api = await http.GetAsync("/Matters/Stats?handler=Export");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Headers.GetValues(ReadReplica.Header).Single().ShouldBe("primary");
    }

    [Fact]
    public async Task The_read_context_refuses_writes()
    {
        await using var node = WithReadString();
        var replica = node.Services.GetRequiredService<ReadReplica>();
        await using var db = new PostgresAppDbContext(replica.Options, new UserContext(new Microsoft.AspNetCore.Http.HttpContextAccessor()), node.Services.GetRequiredService<AuditSeal>());
        db.User.AsSystem();
        var e = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        e.Message.ShouldContain("只读");
    }

    [Fact]
    public async Task Without_a_read_string_nothing_changes()
    {
        f.Services.GetService<ReadReplica>().ShouldBeNull();
        var cookies = new CookieContainer();
        var http = Client(f, cookies);
        (await CunzhiFactory.PostFormAsync(http, "/Account/Login", new() { ["UserName"] = "county.admin", ["Password"] = CunzhiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cookies.GetCookies(new Uri("http://localhost"))[ReadReplica.WroteCookie].ShouldBeNull();
        var r = await http.GetAsync("/Matters/Stats");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Headers.Contains(ReadReplica.Header).ShouldBeFalse();
    }
}
