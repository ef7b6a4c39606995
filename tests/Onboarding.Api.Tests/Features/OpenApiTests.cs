using System.Text.Json;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features;

public sealed class OpenApiTests(AppFixture app) : IntegrationContext(app)
{
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
}
