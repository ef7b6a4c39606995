using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Tests.Typebot.Support;
using Onboarding.Sandbox.Typebot.ChatApi;

namespace Onboarding.Sandbox.Tests.Typebot;

/// <summary>
/// typebot-flows/driver-onboarding.json, unchanged, end to end through the chat API against a local stub of
/// POST /register_driver_typebot that answers with the documented 201/422/409/500 shapes (and a document loop with
/// nothing to ask).
/// </summary>
public sealed class DriverOnboardingFlowTests : IAsyncLifetime
{
    private const string ApiKey = "dev-key";
    private const string DriverId = "6f1c2a9e-3b7d-4e5f-9a1b-2c3d4e5f6a7b";
    private const string Confirmation = "Candidatura registada! Vamos analisar os seus dados e entraremos em contacto.";

    private readonly Queue<(int Status, string Body)> _answers = new();
    private LoopbackStub _api = null!;
    private TypebotEmulator _emulator = null!;
    private ChatApiClient _chat = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await LoopbackStub.StartAsync(_ =>
        {
            lock (_answers)
            {
                return _answers.Count > 0 ? _answers.Dequeue() : (500, """{"ok":false,"message":"no answer queued"}""");
            }
        });
        _emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            Placeholders = new Dictionary<string, string> { ["__ONBOARDING_API_KEY__"] = ApiKey },
        }, TestContext.Current.CancellationToken);
        _emulator.LoadFlow("driver-onboarding", Fixtures.DriverOnboardingFlow());
        _chat = new ChatApiClient(_emulator.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _chat.Dispose();
        await _emulator.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Happy_path_posts_the_registration_and_ends_with_the_confirmation()
    {
        Answer(201, Created());
        Answer(200, NothingMissing());

        var (sessionId, start) = await StartAsync(_api.BaseUrl);
        var texts = ChatText.Of(start);
        // The privacy notice, with its version, comes before any question.
        texts.ShouldContain(t => t.Contains("Aviso de privacidade (versão 2026-11)", StringComparison.Ordinal));
        start["input"]!["items"]!.AsArray().Select(i => i!["content"]!.GetValue<string>()).ShouldBe(["Continuar", "Não quero continuar"]);

        var end = await AnswerAllAsync(sessionId);

        ChatText.Of(end).ShouldBe(["Obrigado! Estou a registar a sua candidatura…", Confirmation]);
        end.ContainsKey("input").ShouldBeFalse();
        var request = _api.Received.ElementAt(0);
        _api.Received.ElementAt(1).Path.ShouldBe("/documents/next_typebot");
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/register_driver_typebot");
        request.Headers["X-Api-Key"].ShouldBe(ApiKey);
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        var session = _emulator.Sessions[sessionId];
        JsonNode.DeepEquals(body, JsonNode.Parse($$"""
            {"phone":"+351912345678","full_name":"Ana \"Nini\" Silva","nif":"123456789","email":"ana.silva@example.pt",
             "birth_date":"15/03/1990","district":"PT-11","municipality":"Lisboa","postal_code":"1000-001","vehicle_type":"car",
             "licence_plate":"AA-00-AA","driving_licence_number":"L-1234567 8","licence_categories":"A1, B",
             "iban":"PT50000201231234567890154","availability":"Manhãs, Fins de semana","privacy_notice_version":"2026-11",
             "privacy_accepted":"sim","typebot_result_id":"{{session.ResultId}}","chatwoot_conversation_id":"42",
             "wa_chat_id":"351912345678@c.us"}
            """)).ShouldBeTrue(request.Body);
        session.Variables["driver_id"].ShouldBe(DriverId);
        session.Variables["http_status"].ShouldBe("201");
        (await _chat.ContinueAsync(sessionId, "olá")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validation_error_on_nif_re_asks_only_the_nif_then_posts_again()
    {
        Answer(422, """{"ok":false,"message":"O NIF indicado não é válido.","errors":[{"field":"nif","code":"nif.checksum","message":"O NIF não é válido."}],"first_error_field":"nif"}""");
        Answer(201, Created());
        Answer(200, NothingMissing());
        var (sessionId, _) = await StartAsync(_api.BaseUrl);

        var fix = await AnswerAllAsync(sessionId);

        ChatText.Of(fix).ShouldBe([
            "Obrigado! Estou a registar a sua candidatura…",
            "O NIF indicado não é válido.",
            "Qual é o seu NIF (número de contribuinte, 9 dígitos)?",
        ]);
        fix["input"]!["type"]!.GetValue<string>().ShouldBe("text input");
        var (_, end) = await _chat.ContinueAsync(sessionId, "299999998");
        ChatText.Of(end).ShouldBe(["Obrigado! Estou a registar a sua candidatura…", Confirmation]);
        end.ContainsKey("input").ShouldBeFalse();
        var requests = _api.Received.Where(r => r.Path == "/register_driver_typebot").Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        requests.Count.ShouldBe(2);
        requests[1]["nif"]!.GetValue<string>().ShouldBe("299999998");
        requests[1].Remove("nif");
        requests[0].Remove("nif");
        JsonNode.DeepEquals(requests[0], requests[1]).ShouldBeTrue();
    }

    [Fact]
    public async Task A_409_ends_with_the_apis_explanation()
    {
        Answer(409, """{"ok":false,"message":"Não conseguimos concluir o seu registo automaticamente.","errors":[{"field":"registration","code":"registration.conflict","message":"Não conseguimos concluir o seu registo automaticamente."}],"first_error_field":"registration"}""");
        var (sessionId, _) = await StartAsync(_api.BaseUrl);

        var end = await AnswerAllAsync(sessionId);

        ChatText.Of(end)[1].ShouldContain("Não conseguimos concluir o seu registo automaticamente.");
        end.ContainsKey("input").ShouldBeFalse();
    }

    [Fact]
    public async Task Server_error_ends_with_the_technical_problem_text()
    {
        Answer(500, """{"ok":false,"message":"Erro interno."}""");
        var (sessionId, _) = await StartAsync(_api.BaseUrl);

        var end = await AnswerAllAsync(sessionId);

        ChatText.Of(end)[1].ShouldContain("problema técnico");
        ChatText.Of(end)[1].ShouldContain("Um agente vai continuar");
        end.ContainsKey("input").ShouldBeFalse();
        _emulator.Sessions[sessionId].Variables["http_status"].ShouldBe("500");
    }

    [Fact]
    public async Task Unreachable_api_ends_with_the_technical_problem_text()
    {
        var (sessionId, _) = await StartAsync($"http://127.0.0.1:{ClosedPort()}");

        var end = await AnswerAllAsync(sessionId);

        ChatText.Of(end)[1].ShouldContain("problema técnico");
        end.ContainsKey("input").ShouldBeFalse();
        _api.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_email_gets_the_retry_message_and_the_same_question()
    {
        var (sessionId, _) = await StartAsync(_api.BaseUrl);
        foreach (var reply in new[] { "Continuar", "Ana Silva", "123456789" })
        {
            await _chat.ContinueAsync(sessionId, reply);
        }

        var (_, retry) = await _chat.ContinueAsync(sessionId, "ana.silva@");

        ChatText.Of(retry).ShouldBe(["Este email não parece válido. Pode escrevê-lo novamente?"]);
        retry["input"]!["type"]!.GetValue<string>().ShouldBe("email input");
        var (_, next) = await _chat.ContinueAsync(sessionId, "ana.silva@example.pt");
        ChatText.Of(next).ShouldBe(["Qual é a sua data de nascimento? (dd/mm/aaaa)"]);
    }

    [Fact]
    public async Task Bicycle_skips_the_licence_questions_and_phone_is_never_asked()
    {
        Answer(201, Created());
        Answer(200, NothingMissing());
        var (sessionId, _) = await StartAsync(_api.BaseUrl);
        var replies = new[] { "Continuar", "Ana Silva", "123456789", "ana@example.pt", "15/03/1990", "Porto", "Porto", "4000-001", "Bicicleta" };
        JsonObject last = [];
        foreach (var reply in replies)
        {
            last = (await _chat.ContinueAsync(sessionId, reply)).Body;
            ChatText.Of(last).ShouldNotContain(t => t.Contains("telemóvel", StringComparison.Ordinal));
        }

        ChatText.Of(last).ShouldBe(["Qual é o IBAN da conta onde quer receber os pagamentos?"]);
        await _chat.ContinueAsync(sessionId, "PT50000201231234567890154");
        var (_, end) = await _chat.ContinueAsync(sessionId, "Noites");
        end.ContainsKey("input").ShouldBeFalse();
        var body = JsonNode.Parse(_api.Received.ElementAt(0).Body)!;
        body["vehicle_type"]!.GetValue<string>().ShouldBe("bicycle");
        body["licence_plate"]!.GetValue<string>().ShouldBe("");
        body["district"]!.GetValue<string>().ShouldBe("PT-13");
    }

    [Fact]
    public async Task Declining_the_privacy_notice_ends_without_collecting_data()
    {
        var (sessionId, _) = await StartAsync(_api.BaseUrl);

        var (_, end) = await _chat.ContinueAsync(sessionId, "Não quero continuar");

        ChatText.Of(end).Single().ShouldStartWith("Sem problema");
        end.ContainsKey("input").ShouldBeFalse();
        _api.Received.ShouldBeEmpty();
    }

    private void Answer(int status, string body) => _answers.Enqueue((status, body));

    // The document loop on an API without a checklist: nothing to ask, and the flow ends as before.
    private static string NothingMissing() => """{"ok":true,"done":true,"document":"","prompt":"","message":""}""";

    private static string Created() =>
        $$"""{"ok":true,"driver_id":"{{DriverId}}","status":"submitted","created":true,"message":"{{Confirmation}}"}""";

    private async Task<(string SessionId, JsonObject Start)> StartAsync(string apiUrl)
    {
        var (status, start) = await _chat.StartAsync("driver-onboarding", new JsonObject
        {
            ["prefilledVariables"] = new JsonObject
            {
                ["phone"] = "+351912345678",
                ["whatsapp_name"] = "Ana",
                ["wa_chat_id"] = "351912345678@c.us",
                ["chatwoot_conversation_id"] = "42",
                ["driver_id"] = "",
                ["onboarding_api_url"] = apiUrl,
            },
        });
        status.ShouldBe(HttpStatusCode.OK);
        return (start["sessionId"]!.GetValue<string>(), start);
    }

    /// <summary>Answers every question of the car path; returns the response to the last answer.</summary>
    private async Task<JsonObject> AnswerAllAsync(string sessionId)
    {
        string[] replies =
        [
            "Continuar", "Ana \"Nini\" Silva", "123456789", "Ana.Silva@example.pt", "15/03/1990", "Lisboa", "Lisboa",
            "1000-001", "Carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50000201231234567890154", "Manhãs, Fins de semana",
        ];
        JsonObject last = [];
        foreach (var reply in replies)
        {
            var (status, body) = await _chat.ContinueAsync(sessionId, reply);
            status.ShouldBe(HttpStatusCode.OK);
            (ChatText.Of(body).Count == 1 && ChatText.Of(body)[0].StartsWith("Não percebi", StringComparison.Ordinal)).ShouldBeFalse($"'{reply}' was rejected");
            last = body;
        }

        return last;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
