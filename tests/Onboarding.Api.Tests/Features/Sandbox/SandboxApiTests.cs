using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Sandbox;

/// <summary>
/// The production program has no Sandbox API (it lives in the Sandbox program, whose use is in the console's browser
/// tests).
/// </summary>
public sealed class SandboxApiTests(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/api/sandbox/phones")]
    [InlineData("/api/sandbox/phones/351915211836/messages")]
    [InlineData("/api/sandbox/conversations")]
    [InlineData("/api/sandbox/conversations/1/messages")]
    public async Task Staff_get_404_outside_the_sandbox(string url)
    {
        (await Host.StaffGetAsync(url)).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Nothing_can_be_sent_outside_the_sandbox()
    {
        (await Host.StaffPostAsync("/api/sandbox/phones/351915211836/messages", new { name = "Maria", text = "Olá" })).Status.ShouldBe(404);
        (await Host.StaffPostAsync("/api/sandbox/phones/351915211836/choices", new { message_id = "wamid.x", choice_id = "b1" })).Status.ShouldBe(404);
        (await Host.StaffPostAsync("/api/sandbox/conversations/1/replies", new { text = "Olá" })).Status.ShouldBe(404);
        (await Host.StaffPostAsync("/api/sandbox/conversations/1/resolve", new { })).Status.ShouldBe(404);
    }

    [Fact]
    public async Task The_staff_key_is_never_given_outside_the_sandbox()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/sandbox/info");
            s.StatusCodeShouldBe(404);
        });

        (await result.ReadAsTextAsync()).ShouldNotContain(AppFixture.StaffKey);
    }
}
