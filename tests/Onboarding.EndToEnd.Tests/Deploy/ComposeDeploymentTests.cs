using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Data.Documents.Files;
using Onboarding.EndToEnd.Tests.Bot;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// The deployment as shipped: the host booted in Production with the onboarding service's environment from
/// deploy/docker-compose.yml and deploy/.env.example registers a driver through the whole bot flow.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class ComposeDeploymentTests(ComposeFixture compose) : BotContext(compose)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 512).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task The_shipped_compose_environment_registers_a_driver_hands_off_with_a_console_link_and_tells_the_approval()
    {
        var e164 = NewPhone();
        var phone = compose.Wpp.Phone(e164, "Maria");
        await SayAsync(phone, "Olá");
        var sessionId = await ScalarAsync<string>("SELECT v.typebot_session_id FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.phone_e164 = @e164", new { e164 });
        sessionId.ShouldNotBeNullOrEmpty();
        foreach (var answer in new[] { "1", "Maria da Silva Santos", "123456789", "maria.santos@example.pt", "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(phone, answer);
        }

        var replies = await SayAsync(phone, "Manhãs, Fins de semana");
        replies.ShouldContain(r => r.StartsWith("Obrigado, Maria!", StringComparison.Ordinal));
        var driverId = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        driverId.ShouldNotBe(Guid.Empty);

        // The shipped checklist for a car (docs/0033): every side as a photo, an expiry date where one is asked, until
        // the bot has them all; the files go to the stack's S3-compatible store.
        for (var step = 0; step < 20 && !replies.Any(r => r.StartsWith("Obrigado! Já temos todos os documentos", StringComparison.Ordinal)); step++)
        {
            replies = replies[^1].Contains("data de validade", StringComparison.Ordinal)
                ? await SayAsync(phone, "31/12/2030")
                : await SendFileAsync(phone, "image", Jpeg, "image/jpeg");
        }

        replies.ShouldContain(r => r.StartsWith("Obrigado! Já temos todos os documentos", StringComparison.Ordinal));
        await Eventually.TrueAsync(QuietAsync, "the handoff");
        var link = new Uri(compose.HostUrl, "/console#/drivers/" + driverId).ToString();
        NotesOf(e164).Where(n => n.Contains("o fluxo do bot terminou", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain(link);
        NotesOf(e164).Count(n => n.Contains("Documentos completos", StringComparison.Ordinal)).ShouldBe(1);
        foreach (var file in await DocumentFilesAsync(driverId))
        {
            using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{file}/approve") { Content = JsonContent.Create(new { }) };
            approve.Headers.Add("X-Api-Key", compose.StaffApiKey);
            using var approved = await compose.Http.SendAsync(approve, TestContext.Current.CancellationToken);
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await compose.Chatwoot.AgentReplyAsync(ConversationOf(e164)!.Id, "Olá Maria, envie a carta por favor.");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Olá Maria, envie a carta por favor."), "the agent's reply on WhatsApp");

        foreach (var (status, version) in new[] { ("under_review", 1), ("approved", 2) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drivers/{driverId}/status") { Content = JsonContent.Create(new { status, version }) };
            request.Headers.Add("X-Api-Key", compose.StaffApiKey);
            using var response = await compose.Http.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body?.StartsWith("Parabéns, Maria!", StringComparison.Ordinal) == true), "the approval notice on WhatsApp");
        await Eventually.TrueAsync(QuietAsync, "everything sent");

        // No secret, token, session id, phone number, NIF, IBAN or message text in any line the defaults enable.
        var secrets = compose.Variables.Where(v => v.Key.Contains("KEY", StringComparison.Ordinal) || v.Key.Contains("TOKEN", StringComparison.Ordinal)
            || v.Key.Contains("SECRET", StringComparison.Ordinal) || v.Key.Contains("PASSWORD", StringComparison.Ordinal)).Select(v => v.Value).Where(v => v.Length >= 8);
        string[] personal = [sessionId, e164, e164.TrimStart('+'), e164[4..], "123456789", "PT50000201231234567890154", "PT50 0002", "Maria da Silva Santos",
            "maria.santos@example.pt", "AA-00-AA", "Manhãs, Fins de semana", "Olá Maria, envie a carta", "Parabéns, Maria"];
        var lines = compose.Logs.Lines.ToList();
        lines.ShouldNotBeEmpty();
        foreach (var value in secrets.Concat(personal))
        {
            lines.Where(l => l.Contains(value, StringComparison.Ordinal)).ShouldBeEmpty($"a log line holds \"{value}\"");
        }
    }

    [Fact]
    public async Task A_file_sent_to_a_file_input_reaches_the_flow_as_a_signed_link()
    {
        // The shipped flow has no file input yet: a test flow with one, published under the same public id.
        var publicId = compose.Variables["TYPEBOT_PUBLIC_ID"];
        compose.Typebot.LoadFlow(publicId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Bot", "Flows", "licence-photo.json"), TestContext.Current.CancellationToken));
        try
        {
            var phone = compose.Wpp.Phone(NewPhone(), "Rui");
            await SayAsync(phone, "Olá");
            var before = phone.Received.Count;
            await phone.SendMediaAsync("image", Jpeg, "image/jpeg", "carta.jpg");
            await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), "the bot's answer to the photo");

            var reply = phone.Received[^1].Body!;
            reply.ShouldStartWith("Recebido: " + new Uri(compose.HostUrl, "media/"));
            reply.ShouldContain("sig=");
            using var served = await compose.Http.GetAsync(new Uri(reply["Recebido: ".Length..]), TestContext.Current.CancellationToken);
            (await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(Jpeg);
        }
        finally
        {
            compose.Typebot.LoadFlow(publicId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json"), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_get_with_a_json_content_type_and_no_body_answers_as_a_get_without_it()
    {
        // Clients that always send "Content-Type: application/json" (once 400 "The input does not contain any JSON tokens").
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drivers?limit=5") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", compose.StaffApiKey);

        using var response = await compose.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Typebot__OnboardingApiUrl", "Bridge__PublicUrl")]
    [InlineData("Bridge__MediaSigningKey")]
    [InlineData("Documents__Storage__S3__Bucket")]
    [InlineData("Documents__Storage__S3__AccessKey")]
    public async Task A_compose_file_without_the_bot_settings_fails_the_boot_naming_them(params string[] removed)
    {
        var edited = string.Join('\n', ComposeFixture.ComposeText.Split('\n').Where(l => !removed.Any(r => l.TrimStart().StartsWith(r + ":", StringComparison.Ordinal))));

        var failure = await compose.TryBootAsync(edited);

        failure.ShouldNotBeNull().ToString().ShouldContain(removed[0].Replace("__", ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ONBOARDING_STAFF_API_KEY", "change-me-staff-api-key", "Api:Keys:0:Key")]
    [InlineData("ONBOARDING_MEDIA_SIGNING_KEY", "0123456789", "Bridge:MediaSigningKey")]
    [InlineData("WPPCONNECT_WEBHOOK_TOKEN", "change-me-wppconnect-webhook-token", "WppConnect:WebhookToken")]
    [InlineData("CHATWOOT_WEBHOOK_SECRET", "change-me-chatwoot-webhook-secret", "Chatwoot:WebhookSecret")]
    [InlineData("WPPCONNECT_SECRET_KEY", "THISISMYSECURETOKEN", "WppConnect:SecretKey")]
    [InlineData("MINIO_ROOT_PASSWORD", "change-me-minio-root-password", "Documents:Storage:S3:SecretKey")]
    public async Task Production_refuses_a_placeholder_an_example_or_a_short_secret_naming_the_setting(string variable, string value, string setting)
    {
        var failure = await compose.TryBootAsync(ComposeFixture.ComposeText, new Dictionary<string, string> { [variable] = value });

        var message = failure.ShouldNotBeNull().ToString();
        message.ShouldContain(setting);
        message.ShouldNotContain(value);
    }

    [Fact]
    public async Task The_shipped_compose_keeps_documents_in_its_s3_store_and_creates_the_bucket_at_boot()
    {
        var files = compose.Services.GetRequiredService<IDocumentFiles>().ShouldBeOfType<S3DocumentFiles>();
        files.Bucket.ShouldBe(compose.Variables["DOCUMENTS_BUCKET"]);
        using var client = S3DocumentFiles.CreateClient(new DocumentFilesOptions.S3Settings { ServiceUrl = compose.S3.Url.ToString(), AccessKey = compose.S3.AccessKey, SecretKey = compose.S3.SecretKey });
        (await client.ListBucketsAsync(TestContext.Current.CancellationToken)).Buckets.ShouldContain(b => b.BucketName == files.Bucket);

        var key = "drivers/" + Guid.NewGuid().ToString("N") + "/identity-front";
        await files.PutAsync(key, new MemoryStream(Jpeg), "image/jpeg", TestContext.Current.CancellationToken);
        (await client.GetObjectMetadataAsync(files.Bucket, key, TestContext.Current.CancellationToken)).ContentLength.ShouldBe(Jpeg.Length);
        await files.DeleteAsync(key, TestContext.Current.CancellationToken);
    }

    private async Task<List<Guid>> DocumentFilesAsync(Guid driverId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/drivers/{driverId}/documents");
        request.Headers.Add("X-Api-Key", compose.StaffApiKey);
        using var response = await compose.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("file").GetProperty("id").GetGuid()).ToList();
    }
}
