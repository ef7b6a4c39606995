using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Flows;

/// <summary>Base of the tests that run a shipped flow against the in-memory API (TestServer: the whole pipeline and Postgres).</summary>
public abstract class FlowRunContext(AppFixture app) : IntegrationContext(app)
{
    private HttpClient _client = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _client = Host.Server.CreateClient();
    }

    public override ValueTask DisposeAsync()
    {
        _client.Dispose();
        return base.DisposeAsync();
    }

    protected Task<FlowRun> StartAsync(string flowFile, string apiKey = AppFixture.TypebotKey) => FlowRun.StartAsync(_client, flowFile, apiKey);

    /// <summary>The one stored driver, as staff read it: identifiers in canonical form, availability as typed.</summary>
    protected Task<(string Phone, string Nif, string Email, string District, string Municipality, string Postal, string Vehicle, string Plate, string Iban, DateOnly Birth, string Availability, string Status)> StoredDriverAsync() =>
        QuerySingleAsync<(string, string, string, string, string, string, string, string, string, DateOnly, string, string)>(
            "SELECT phone_e164, nif, email, district_code, municipality, postal_code, vehicle_type, licence_plate, iban, birth_date, availability, status FROM drivers");
}
