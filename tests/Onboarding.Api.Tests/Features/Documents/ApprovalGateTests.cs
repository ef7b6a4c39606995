using System.Net.Http.Json;
using System.Text.Json;
using Onboarding.Api.Tests.Console;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Documents;

/// <summary>
/// The approval gate (docs/0033) is written by the registration's own statement: a driver registered while a checklist
/// is configured cannot be approved with a document missing, and a resubmission keeps them under it. Drivers of a host
/// without a checklist are approved freely (DriverRecordsTests).
/// </summary>
public sealed class ApprovalGateTests(DocumentsConsoleHost host) : IClassFixture<DocumentsConsoleHost>
{
    [Fact]
    public async Task A_driver_registered_under_a_checklist_is_not_approved_while_a_document_is_missing()
    {
        var registration = DriverScenarios.ValidRegistration("+351917780000", nif: null);
        var driver = await host.RegisterAsync(registration);
        await host.ChangeStatusAsync(driver, "under_review", 1);

        var (status, body) = await ChangeStatusAsync(driver, "approved", 2);

        status.ShouldBe(409, body.ToString());
        var errors = body.GetProperty("errors").ToString();
        errors.ShouldContain("The driver cannot be approved yet");
        errors.ShouldContain("em falta");
    }

    [Fact]
    public async Task A_resubmission_keeps_the_driver_under_the_gate()
    {
        var registration = DriverScenarios.ValidRegistration("+351917780001", nif: null);
        var driver = await host.RegisterAsync(registration);
        registration["email"] = "outro.endereco@example.pt";
        using (var resubmit = new HttpRequestMessage(HttpMethod.Post, "/register_driver_typebot") { Content = JsonContent.Create(registration) })
        {
            resubmit.Headers.Add("X-Api-Key", AppFixture.TypebotKey);
            using var response = await host.Http.SendAsync(resubmit, TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(200);
        }

        await host.ChangeStatusAsync(driver, "under_review", 2);

        (await ChangeStatusAsync(driver, "approved", 3)).Status.ShouldBe(409);
    }

    private async Task<(int Status, JsonElement Body)> ChangeStatusAsync(Guid id, string status, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drivers/{id}/status") { Content = JsonContent.Create(new { status, version }) };
        request.Headers.Add("X-Api-Key", AppFixture.StaffKey);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
