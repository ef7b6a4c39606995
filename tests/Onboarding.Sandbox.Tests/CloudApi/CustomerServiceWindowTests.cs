using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.CloudApi;

public sealed class CustomerServiceWindowTests : CloudApiTestBase
{
    [Fact]
    public async Task A_free_form_message_to_a_driver_who_never_wrote_is_accepted_then_fails_with_131047()
    {
        var (status, body) = await PostMessageAsync(Text(Driver, "Olá"));

        status.ShouldBe(200);
        var failed = await StatusAsync(Wamid(body), "failed");
        var error = failed["errors"]![0]!;
        error["code"]!.GetValue<int>().ShouldBe(131047);
        error["title"]!.GetValue<string>().ShouldBe("Re-engagement message");
        error["error_data"]!["details"]!.GetValue<string>().ShouldContain("24 hours");
        Callback.Statuses(Wamid(body)).ShouldAllBe(s => (string?)s["status"] == "failed");
        Api.Phone(Driver).Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Thirty_hours_after_the_driver_last_wrote_free_form_fails_and_a_template_still_goes()
    {
        await OpenWindowAsync();
        var (inside, insideBody) = await PostMessageAsync(Text(Driver, "Recebemos os documentos."));
        await StatusAsync(Wamid(insideBody), "delivered");

        Clock.Advance(TimeSpan.FromHours(30));
        var (outside, outsideBody) = await PostMessageAsync(Message("interactive", MessageSendTests.Buttons("Sim", "Não")));
        var (template, templateBody) = await PostMessageAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = Driver,
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["name"] = "document_reminder",
                ["language"] = new JsonObject { ["code"] = "pt_PT" },
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "body",
                    ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Maria" }),
                }),
            },
        });

        inside.ShouldBe(200);
        outside.ShouldBe(200);
        template.ShouldBe(200);
        (await StatusAsync(Wamid(outsideBody), "failed"))["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(131047);
        var sent = await StatusAsync(Wamid(templateBody), "sent");
        sent["pricing"]!["category"]!.GetValue<string>().ShouldBe("utility");
        Api.Message(Wamid(outsideBody))!.Error!.Code.ShouldBe(131047);
    }

    [Fact]
    public async Task The_driver_writing_again_reopens_the_window()
    {
        await OpenWindowAsync();
        Clock.Advance(TimeSpan.FromHours(25));
        await Api.Phone(Driver).SendTextAsync("ainda estou interessada");

        var (_, body) = await PostMessageAsync(Text(Driver, "Ótimo!"));

        await StatusAsync(Wamid(body), "delivered");
        Api.Chat(Driver)!.WindowOpen(Clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_number_without_whatsapp_fails_with_131026()
    {
        Api.MarkUndeliverable("+351 912 345 678");

        var (status, body) = await PostMessageAsync(Message("template", new JsonObject
        {
            ["name"] = "document_reminder",
            ["language"] = new JsonObject { ["code"] = "pt_PT" },
            ["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Rui" }) }),
        }, to: "351912345678"));

        status.ShouldBe(200);
        (await StatusAsync(Wamid(body), "failed"))["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(131026);
    }
}
