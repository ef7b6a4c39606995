using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Retention;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>Personal data past its purpose goes; what is still needed stays.</summary>
[Collection(BridgeCollection.Name)]
public sealed class RetentionTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task Old_rejected_and_withdrawn_drivers_are_anonymised_and_abandoned_contacts_deleted_the_rest_kept()
    {
        await ScalarAsync<int>(
            """
            INSERT INTO drivers (id, phone_e164, full_name, nif, email, iban, status, updated_at) VALUES
              (gen_random_uuid(), '+351910000001', 'Rejeitado Antigo', '123456789', 'a@example.pt', 'PT50000201231234567890154', 'rejected', now() - interval '200 days'),
              (gen_random_uuid(), '+351910000002', 'Rejeitado Recente', '123456790', 'b@example.pt', NULL, 'rejected', now() - interval '10 days'),
              (gen_random_uuid(), '+351910000003', 'Desistiu', NULL, 'c@example.pt', NULL, 'withdrawn', now() - interval '40 days'),
              (gen_random_uuid(), '+351910000004', 'Aprovado Antigo', NULL, 'd@example.pt', NULL, 'approved', now() - interval '900 days')
            """);
        await ScalarAsync<int>(
            """
            INSERT INTO contacts (wa_chat_id, phone_e164, display_name, updated_at) VALUES
              ('351910000009@c.us', '+351910000009', 'Abandonou', now() - interval '100 days'),
              ('351910000008@c.us', '+351910000008', 'Recente', now() - interval '5 days'),
              ('351910000001@c.us', '+351910000001', 'Rejeitado Antigo', now() - interval '300 days'),
              ('351910000004@c.us', '+351910000004', 'Aprovado Antigo', now() - interval '300 days')
            """);

        var (anonymised, abandoned) = await Bridge.Services.GetRequiredService<GdprRetention>().RunOnceAsync(TestContext.Current.CancellationToken);

        anonymised.ShouldBe(2);
        // The erased driver's WhatsApp contact goes with the erasure, the abandoned one after it; the approved driver's stays.
        abandoned.ShouldBe(1);
        (await QueryAsync<string>("SELECT status FROM drivers ORDER BY created_at, status")).Order().ShouldBe(["approved", "erased", "erased", "rejected"]);
        (await QueryAsync<string>("SELECT full_name FROM drivers WHERE status <> 'erased' ORDER BY full_name")).ShouldBe(["Aprovado Antigo", "Rejeitado Recente"]);
        (await ScalarAsync<long>("SELECT count(*) FROM drivers WHERE status = 'erased' AND (full_name IS NOT NULL OR nif IS NOT NULL OR email IS NOT NULL OR iban IS NOT NULL)")).ShouldBe(0);
        (await QueryAsync<string>("SELECT display_name FROM contacts ORDER BY display_name")).ShouldBe(["Aprovado Antigo", "Recente"]);
        (await ScalarAsync<long>("SELECT count(*) FROM driver_status_history WHERE actor = 'retention'")).ShouldBe(2);
    }
}
