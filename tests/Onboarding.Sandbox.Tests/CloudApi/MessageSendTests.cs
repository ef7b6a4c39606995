using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.CloudApi;

public sealed class MessageSendTests : CloudApiTestBase
{
    [Fact]
    public async Task A_text_is_answered_with_the_input_the_wa_id_and_a_wamid_then_sent_and_delivered()
    {
        await OpenWindowAsync();

        var (status, body) = await PostMessageAsync(Text("+351 915 211 836", "Bem-vinda!"));

        status.ShouldBe(200);
        body["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        body["contacts"]![0]!["input"]!.GetValue<string>().ShouldBe("+351 915 211 836");
        body["contacts"]![0]!["wa_id"]!.GetValue<string>().ShouldBe(Driver);
        var wamid = Wamid(body);
        wamid.ShouldStartWith("wamid.");
        var sent = await StatusAsync(wamid, "sent");
        sent["recipient_id"]!.GetValue<string>().ShouldBe(Driver);
        sent["conversation"]!["origin"]!["type"]!.GetValue<string>().ShouldBe("service");
        await StatusAsync(wamid, "delivered");
        Api.Phone(Driver).Received.Single().Text.ShouldBe("Bem-vinda!");
    }

    [Fact]
    public async Task A_text_without_a_body_or_a_send_without_to_is_a_graph_error_100_naming_the_parameter()
    {
        var (status, body) = await PostMessageAsync(Message("text", new JsonObject()));
        status.ShouldBe(400);
        ErrorCode(body).ShouldBe(100);
        body["error"]!["message"]!.GetValue<string>().ShouldContain("text['body']");

        var noTo = Text(Driver, "olá");
        noTo.Remove("to");
        var (noToStatus, noToBody) = await PostMessageAsync(noTo);
        noToStatus.ShouldBe(400);
        body["error"]!["message"]!.GetValue<string>().ShouldStartWith("(#100)");
        noToBody["error"]!["message"]!.GetValue<string>().ShouldContain("to");
    }

    [Fact]
    public async Task Media_goes_by_uploaded_id_or_by_link_and_an_unknown_id_is_refused()
    {
        await OpenWindowAsync();
        Callback.Files["carta.pdf"] = "%PDF-1.4 carta"u8.ToArray();
        var upload = await UploadAsync("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0]);

        var (byId, byIdBody) = await PostMessageAsync(Message("image", new JsonObject { ["id"] = upload, ["caption"] = "a foto" }));
        var (byLink, byLinkBody) = await PostMessageAsync(Message("document", new JsonObject { ["link"] = Callback.FileUrl("carta.pdf").ToString(), ["filename"] = "carta.pdf" }));
        var (unknown, unknownBody) = await PostMessageAsync(Message("audio", new JsonObject { ["id"] = "1000000000000000" }));

        byId.ShouldBe(200);
        byLink.ShouldBe(200);
        await StatusAsync(Wamid(byIdBody), "delivered");
        await StatusAsync(Wamid(byLinkBody), "delivered");
        Api.Message(Wamid(byIdBody))!.Media.ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 });
        Api.Message(Wamid(byLinkBody))!.Media.ShouldBe("%PDF-1.4 carta"u8.ToArray());
        unknown.ShouldBe(400);
        ErrorCode(unknownBody).ShouldBe(100);
        ErrorDetails(unknownBody)!.ShouldContain("audio['id']");
    }

    [Fact]
    public async Task A_link_that_cannot_be_fetched_fails_in_the_status_with_131053()
    {
        await OpenWindowAsync();

        var (status, body) = await PostMessageAsync(Message("image", new JsonObject { ["link"] = Callback.FileUrl("missing.jpg").ToString() }));

        status.ShouldBe(200);
        var failed = await StatusAsync(Wamid(body), "failed");
        failed["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(131053);
        failed["errors"]![0]!["error_data"]!["details"]!.GetValue<string>().ShouldContain("404");
    }

    [Fact]
    public async Task A_template_must_exist_in_the_language_and_get_its_parameter_count()
    {
        var template = Template("status_update", "pt_PT", "Maria", "aprovada");
        var (ok, okBody) = await PostMessageAsync(template);
        ok.ShouldBe(200);
        okBody["messages"]![0]!["message_status"]!.GetValue<string>().ShouldBe("accepted");
        await StatusAsync(Wamid(okBody), "delivered");
        Api.Message(Wamid(okBody))!.Text.ShouldBe("Olá Maria, o estado da sua candidatura é aprovada.");

        var (missing, missingBody) = await PostMessageAsync(Template("status_update", "en", "Maria", "approved"));
        missing.ShouldBe(404);
        ErrorCode(missingBody).ShouldBe(132001);
        ErrorDetails(missingBody)!.ShouldBe("template name (status_update) does not exist in en");

        var (unknown, unknownBody) = await PostMessageAsync(Template("no_such_template", "pt_PT"));
        unknown.ShouldBe(404);
        ErrorCode(unknownBody).ShouldBe(132001);

        var (count, countBody) = await PostMessageAsync(Template("status_update", "pt_PT", "Maria"));
        count.ShouldBe(400);
        ErrorCode(countBody).ShouldBe(132000);
        ErrorDetails(countBody)!.ShouldContain("(1) does not match the expected number of params (2)");
    }

    [Fact]
    public async Task Reply_buttons_pass_within_three_and_twenty_characters_and_fail_beyond_with_131009()
    {
        await OpenWindowAsync();

        (await PostMessageAsync(Message("interactive", Buttons("Sim", "Não", "Talvez")))).Status.ShouldBe(200);

        var (four, fourBody) = await PostMessageAsync(Message("interactive", Buttons("1", "2", "3", "4")));
        four.ShouldBe(400);
        ErrorCode(fourBody).ShouldBe(131009);
        fourBody["error"]!["message"]!.GetValue<string>().ShouldBe("(#131009) Parameter value is not valid");
        fourBody["error"]!["error_data"]!["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");

        var (title, titleBody) = await PostMessageAsync(Message("interactive", Buttons("Tenho carta de condução")));
        title.ShouldBe(400);
        ErrorCode(titleBody).ShouldBe(131009);
        ErrorDetails(titleBody)!.ShouldContain("Button title length invalid");

        var (same, sameBody) = await PostMessageAsync(Message("interactive", Buttons("Sim", "Sim")));
        same.ShouldBe(400);
        ErrorCode(sameBody).ShouldBe(131009);

        var noBody = Buttons("Sim");
        noBody.Remove("body");
        var (missing, missingBody) = await PostMessageAsync(Message("interactive", noBody));
        missing.ShouldBe(400);
        ErrorCode(missingBody).ShouldBe(100);
    }

    [Fact]
    public async Task A_list_passes_within_ten_rows_and_twenty_four_characters_and_fails_beyond_with_131009()
    {
        await OpenWindowAsync();

        (await PostMessageAsync(Message("interactive", List(10)))).Status.ShouldBe(200);

        var (eleven, elevenBody) = await PostMessageAsync(Message("interactive", List(11)));
        eleven.ShouldBe(400);
        ErrorCode(elevenBody).ShouldBe(131009);

        var (title, titleBody) = await PostMessageAsync(Message("interactive", List(2, rowTitle: new string('x', 25))));
        title.ShouldBe(400);
        ErrorCode(titleBody).ShouldBe(131009);
        ErrorDetails(titleBody)!.ShouldContain("Row title length invalid");

        var (label, labelBody) = await PostMessageAsync(Message("interactive", List(2, button: "Escolha um dos distritos")));
        label.ShouldBe(400);
        ErrorCode(labelBody).ShouldBe(131009);

        var (description, descriptionBody) = await PostMessageAsync(Message("interactive", List(2, description: new string('d', 73))));
        description.ShouldBe(400);
        ErrorCode(descriptionBody).ShouldBe(131009);
    }

    [Fact]
    public async Task A_reaction_and_a_location_are_accepted_and_an_unknown_type_is_refused()
    {
        await OpenWindowAsync();
        var driverMessage = Api.Messages(Driver).Single();

        var (reaction, _) = await PostMessageAsync(Message("reaction", new JsonObject { ["message_id"] = driverMessage.Id, ["emoji"] = "👍" }));
        var (location, _) = await PostMessageAsync(Message("location", new JsonObject { ["latitude"] = 38.7, ["longitude"] = -9.1, ["name"] = "Armazém" }));
        var (unknown, unknownBody) = await PostMessageAsync(Message("poll", new JsonObject()));

        reaction.ShouldBe(200);
        location.ShouldBe(200);
        unknown.ShouldBe(400);
        ErrorCode(unknownBody).ShouldBe(100);
    }

    [Fact]
    public async Task Mark_as_read_with_the_typing_indicator_reads_the_driver_messages_and_shows_typing()
    {
        var (first, _) = await Api.Phone(Driver, "Maria").SendTextAsync("olá");
        var (second, _) = await Api.Phone(Driver).SendTextAsync("quero trabalhar");

        var (status, body) = await PostMessageAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = second.Id,
            ["typing_indicator"] = new JsonObject { ["type"] = "text" },
        });

        status.ShouldBe(200);
        body["success"]!.GetValue<bool>().ShouldBeTrue();
        first.Status.ShouldBe("read");
        second.Status.ShouldBe("read");
        Api.Chat(Driver)!.TypingUntil.ShouldNotBeNull();

        var (unknown, unknownBody) = await PostMessageAsync(new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = "wamid.nope" });
        unknown.ShouldBe(400);
        ErrorCode(unknownBody).ShouldBe(100);
    }

    private async Task<string> UploadAsync(string mimeType, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", "file.bin");
        form.Add(new StringContent(mimeType), "type");
        form.Add(new StringContent("whatsapp"), "messaging_product");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.GraphApiVersion}/{Api.PhoneNumberId}/media") { Content = form };
        request.Headers.Authorization = new("Bearer", Api.AccessToken);
        using var response = await RawAsync(request);
        ((int)response.StatusCode).ShouldBe(200);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>();
    }

    private static JsonObject Template(string name, string language, params string[] parameters) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["to"] = Driver,
        ["type"] = "template",
        ["template"] = new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["policy"] = "deterministic", ["code"] = language },
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
            }),
        },
    };

    internal static JsonObject Buttons(params string[] titles) => new()
    {
        ["type"] = "button",
        ["body"] = new JsonObject { ["text"] = "Tem carta de condução?" },
        ["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray(titles.Select((t, i) => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = $"b{i}", ["title"] = t },
            }).ToArray()),
        },
    };

    internal static JsonObject List(int rows, string rowTitle = "Lisboa", string button = "Distritos", string? description = null) => new()
    {
        ["type"] = "list",
        ["body"] = new JsonObject { ["text"] = "Em que distrito vive?" },
        ["action"] = new JsonObject
        {
            ["button"] = button,
            ["sections"] = new JsonArray(new JsonObject
            {
                ["title"] = "Distritos",
                ["rows"] = new JsonArray(Enumerable.Range(0, rows).Select(i =>
                {
                    var row = new JsonObject { ["id"] = $"r{i}", ["title"] = i == 0 ? rowTitle : $"Distrito {i}" };
                    if (description is not null)
                    {
                        row["description"] = description;
                    }

                    return (JsonNode)row;
                }).ToArray()),
            }),
        },
    };
}
