using System.Text.Json;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features;

public sealed class OpenApiTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly (string, string) Staff = ("X-Api-Key", AppFixture.StaffKey);

    [Fact]
    public async Task Outside_the_sandbox_the_document_is_only_for_the_staff_key()
    {
        (await Host.SendRawAsync("GET", "/swagger/v1/swagger.json")).Status.ShouldBe(404);
        (await Host.SendRawAsync("GET", "/swagger/index.html")).Status.ShouldBe(404);
        (await Host.SendRawAsync("GET", "/swagger/v1/swagger.json", headers: [("X-Api-Key", "not-a-key-0123456789")])).Status.ShouldBe(404);
        (await Host.SendRawAsync("GET", "/swagger/v1/swagger.json", headers: [Staff])).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Every_driver_route_documents_an_example()
    {
        var (status, doc) = await Host.StaffGetAsync("/swagger/v1/swagger.json");

        status.ShouldBe(200);
        var missing = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal) || p.Name == "/register_driver_typebot"))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!JsonSerializer.Serialize(operation.Value).Contains("\"example\"", StringComparison.Ordinal))
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_names_no_server_and_a_callers_host_headers_can_neither_break_nor_poison_it()
    {
        // NSwag generates the document once per process and serves that copy (or its exception) to every later caller;
        // whichever request of the assembly comes first generates it.
        var badHost = await Host.SendRawAsync("GET", "/swagger/v1/swagger.json", headers: [("Host", "evil.invalid:99999"), Staff]);
        var badProto = await Host.SendRawAsync("GET", "/swagger/v1/swagger.json", headers: [("X-Forwarded-Proto", "a b"), ("X-Forwarded-Host", "::::"), Staff]);
        var forged = await Host.SendRawAsync("GET", "/swagger/v1/swagger.json", headers: [("X-Forwarded-Host", "evil.example"), Staff]);
        var (status, plain) = await Host.StaffGetAsync("/swagger/v1/swagger.json");

        badHost.Status.ShouldBe(200, badHost.Body);
        badProto.Status.ShouldBe(200, badProto.Body);
        forged.Status.ShouldBe(200, forged.Body);
        forged.Body.ShouldNotContain("evil.example");
        status.ShouldBe(200);
        plain.ToString().ShouldNotContain("evil");
        (!plain.TryGetProperty("servers", out var servers) || servers.GetArrayLength() == 0).ShouldBeTrue(plain.ToString()[..200]);
    }
}
