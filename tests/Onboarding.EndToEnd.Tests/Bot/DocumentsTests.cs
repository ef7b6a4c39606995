using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Notifications;
using Onboarding.Data.Documents.Checklist;
using Onboarding.EndToEnd.Tests.Bridge.NumberSafety;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>
/// Documents over WhatsApp, the whole product (docs/0033): the shipped flow asks a car driver for the identity document
/// and the driving licence front and back after the registration, staff review them in the records API, ask again for
/// one, the driver is taken straight to it, and the approval gate, the reminders and the erasure follow.
/// </summary>
[Collection(DocumentsBotCollection.Name)]
public sealed class DocumentsTests(DocumentsBotFixture bot) : BotContext(bot)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 13))];
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 17))];
    private static readonly byte[] Heic = [0, 0, 0, 0x18, .. "ftypheic"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)i)];
    private static int _nifs;

    private const string Received = "Recebido ✅";
    private const string IdentityFront = "documento de identificação (Cartão de Cidadão ou título de residência) (frente)";
    private const string LicenceBack = "carta de condução (verso)";

    [Fact]
    public async Task A_car_driver_sends_identity_and_licence_staff_ask_again_for_one_the_driver_resends_it_and_is_approved()
    {
        var (phone, driverId, e164) = await RegisterAndSendEverythingAsync();

        // Complete: one private note to agents, and the flow ended with the handoff.
        NotesOf(e164).Count(n => n.Contains("Documentos completos", StringComparison.Ordinal)).ShouldBe(1);
        (await ModeOfAsync(e164)).ShouldBe("human");
        var checklist = await DocumentsAsync(driverId);
        checklist.GetProperty("complete").GetBoolean().ShouldBeTrue();
        checklist.GetProperty("gated").GetBoolean().ShouldBeTrue();
        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("document").GetString()).ShouldBe(["identity:front", "identity:back", "driving_licence:front", "driving_licence:back"]);
        items.Select(i => i.GetProperty("file").GetProperty("content_type").GetString()).ShouldBe(["image/jpeg", "image/png", "application/pdf", "image/jpeg"]);
        items[1].GetProperty("file").GetProperty("expires_on").GetString().ShouldBe("2030-12-31");
        // The folder is the fixture's, shared with the other scenarios: this driver's files are under drivers/{id}/.
        Directory.EnumerateFiles(Path.Combine(bot.DocumentsFolder, "drivers", driverId.ToString("D")), "*", SearchOption.AllDirectories)
            .Count(f => !f.EndsWith(".type", StringComparison.Ordinal)).ShouldBe(4);

        // A staff member opens a file: the bytes as sent, and the view in the driver's history.
        var identityFront = items[0].GetProperty("file").GetProperty("id").GetGuid();
        using (var file = await StaffAsync(HttpMethod.Get, $"/api/drivers/{driverId}/documents/{identityFront}/file"))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            (await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(Jpeg);
        }

        var views = (await DocumentsAsync(driverId)).GetProperty("views").EnumerateArray().ToList();
        views.ShouldHaveSingleItem().GetProperty("viewer").GetString().ShouldBe("staff-e2e");

        foreach (var item in items.Take(3))
        {
            (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{item.GetProperty("file").GetProperty("id").GetGuid()}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Staff ask again for the licence's back: the driver reads why on WhatsApp, once.
        var licenceBack = items[3].GetProperty("file").GetProperty("id").GetGuid();
        var before = phone.Received.Count;
        (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{licenceBack}/ask_again", new { reason = "a fotografia está desfocada" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), "the ask-again notice");
        var notice = phone.Received.Skip(before).ShouldHaveSingleItem().Body!;
        notice.ShouldBe($"Olá, Maria! Precisamos que nos envie de novo: {LicenceBack}. Motivo: a fotografia está desfocada. Escreva «documentos» para o enviar.");
        (await ScalarAsync<string>("SELECT message_class FROM outbox WHERE dedupe_key = @key", new { key = $"document-ask-again:{licenceBack:N}" })).ShouldBe("service_notice");

        // The approval gate names what is missing.
        await ChangeStatusAsync(driverId, "under_review", HttpStatusCode.OK);
        var refused = await ChangeStatusAsync(driverId, "approved", HttpStatusCode.Conflict);
        refused.ShouldContain(LicenceBack);
        refused.ShouldContain("pedido de novo");

        // "documentos": straight to the document asked again, then done.
        (await SayAsync(phone, "documentos")).ShouldBe([$"📎 Precisamos de novo: {LicenceBack}. Motivo: a fotografia está desfocada. Envie uma fotografia ou um PDF, ou escreva «enviar depois»."]);
        (await SendFileAsync(phone, "image", Jpeg, "image/jpeg")).ShouldBe([Received, "Qual é a data de validade do documento «carta de condução»? (dd/mm/aaaa)"]);
        (await SayAsync(phone, "15/06/2031")).ShouldContain(r => r.StartsWith("Obrigado! Já temos todos os documentos", StringComparison.Ordinal));

        var resent = (await DocumentsAsync(driverId)).GetProperty("items").EnumerateArray().Last().GetProperty("file");
        resent.GetProperty("state").GetString().ShouldBe("submitted");
        (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{resent.GetProperty("id").GetGuid()}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ChangeStatusAsync(driverId, "approved", HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM driver_documents WHERE driver_id = @driverId AND state = 'replaced'", new { driverId })).ShouldBe(1);
    }

    [Fact]
    public async Task Reminders_go_30_7_and_0_days_before_the_expiry_once_each_and_an_expired_document_flags_the_driver()
    {
        var (phone, driverId, e164) = await RegisterAndSendEverythingAsync();
        var items = (await DocumentsAsync(driverId)).GetProperty("items").EnumerateArray().ToList();
        foreach (var item in items)
        {
            (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{item.GetProperty("file").GetProperty("id").GetGuid()}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The identity expires on 31/12/2030, the licence on 15/06/2031: move the clock to each reminder day.
        var clock = new ManualClock(new DateTimeOffset(2030, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var reminders = new ExpiryReminders(Bot.Services.GetRequiredService<NpgsqlDataSource>(), Bot.Services.GetRequiredService<DocumentChecklist>(),
            Bot.Services.GetRequiredService<IOptions<TypebotOptions>>(), clock, Bot.Services.GetRequiredService<BridgeSignal>());
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(1));
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(23));
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        clock.Advance(TimeSpan.FromDays(7));
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        (await reminders.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await ScalarAsync<string[]>("SELECT array_agg(dedupe_key ORDER BY id) FROM outbox WHERE dedupe_key LIKE 'document-expiry:%' AND lane = 'whatsapp'"))
            .Select(k => k.Split(':')[^1]).ShouldBe(["30", "7", "0"]);
        await Eventually.TrueAsync(() => phone.Received.Count(m => m.Body?.Contains("caduca a 31/12/2030", StringComparison.Ordinal) == true) == 3, "three reminders");

        // A document past its date flags the driver until a new one is approved.
        (await DocumentsAsync(driverId)).GetProperty("documents_expired").GetBoolean().ShouldBeFalse();
        var front = items[0].GetProperty("file").GetProperty("id").GetGuid();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{front}/approve", new { expires_on = yesterday })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DocumentsAsync(driverId)).GetProperty("documents_expired").GetBoolean().ShouldBeTrue();
        (await JsonAsync($"/api/drivers/{driverId}")).GetProperty("documents_expired").GetBoolean().ShouldBeTrue();
        ExpiredInList(await JsonAsync($"/api/drivers?q={Uri.EscapeDataString(e164)}"), driverId).ShouldBeTrue();

        // Staff set a new date on it: the flag clears everywhere.
        var nextYear = DateTime.UtcNow.AddYears(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/documents/{front}/approve", new { expires_on = nextYear })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync($"/api/drivers/{driverId}")).GetProperty("documents_expired").GetBoolean().ShouldBeFalse();
        ExpiredInList(await JsonAsync($"/api/drivers?q={Uri.EscapeDataString(e164)}"), driverId).ShouldBeFalse();
    }

    private static bool ExpiredInList(JsonElement list, Guid driverId) =>
        list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == driverId).GetProperty("documents_expired").GetBoolean();

    [Fact]
    public async Task Erasing_the_driver_deletes_the_document_rows_and_files_and_send_later_ends_the_loop()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Maria");
        await RegisterAsync(phone);
        (await SendFileAsync(phone, "image", Jpeg, "image/jpeg")).ShouldContain(Received);
        (await SayAsync(phone, "enviar depois")).ShouldBe(["Sem problema! Quando quiser continuar, escreva «documentos» e retomamos no documento que falta."]);
        (await ModeOfAsync(e164)).ShouldBe("human");

        var driverId = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        var key = await ScalarAsync<string>("SELECT file_key FROM driver_documents WHERE driver_id = @driverId", new { driverId });
        var path = Path.Combine(bot.DocumentsFolder, key.Replace('/', Path.DirectorySeparatorChar));
        File.Exists(path).ShouldBeTrue();
        var export = JsonDocument.Parse(await (await StaffAsync(HttpMethod.Get, $"/api/drivers/{driverId}/gdpr-export")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        export.GetProperty("documents").GetArrayLength().ShouldBe(1);

        (await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/erase", new { })).IsSuccessStatusCode.ShouldBeTrue();

        File.Exists(path).ShouldBeFalse();
        File.Exists(path + ".type").ShouldBeFalse();
        (await ScalarAsync<long>("SELECT count(*) FROM driver_documents WHERE driver_id = @driverId", new { driverId })).ShouldBe(0);
    }

    /// <summary>A new car driver registers through the flow and sends all four sides (a HEIC refused on the way).</summary>
    private async Task<(SimulatedPhone Phone, Guid DriverId, string E164)> RegisterAndSendEverythingAsync()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Maria");
        await RegisterAsync(phone);
        (await SendFileAsync(phone, "image", Jpeg, "image/jpeg")).ShouldBe([Received, "📎 Envie uma fotografia ou um PDF: documento de identificação (Cartão de Cidadão ou título de residência) (verso). Se preferir enviar mais tarde, escreva «enviar depois»."]);
        (await SendFileAsync(phone, "image", Png, "image/png")).ShouldBe([Received, "Qual é a data de validade do documento «documento de identificação (Cartão de Cidadão ou título de residência)»? (dd/mm/aaaa)"]);
        (await SayAsync(phone, "31/12/2030")).ShouldBe(["📎 Envie uma fotografia ou um PDF: carta de condução (frente). Se preferir enviar mais tarde, escreva «enviar depois»."]);
        var heic = await SendFileAsync(phone, "image", Heic, "image/heic");
        heic[0].ShouldStartWith("Esta fotografia está em formato HEIC (iPhone)");
        heic[^1].ShouldContain("carta de condução (frente)");
        (await SendFileAsync(phone, "document", Pdf, "application/pdf")).ShouldBe([Received, $"📎 Envie uma fotografia ou um PDF: {LicenceBack}. Se preferir enviar mais tarde, escreva «enviar depois»."]);
        (await SendFileAsync(phone, "image", Jpeg, "image/jpeg")).ShouldBe([Received, "Qual é a data de validade do documento «carta de condução»? (dd/mm/aaaa)"]);
        (await SayAsync(phone, "15/06/2031")).ShouldContain(r => r.StartsWith("Obrigado! Já temos todos os documentos", StringComparison.Ordinal));
        await Eventually.TrueAsync(QuietAsync, "the handoff");
        return (phone, await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 }), e164);
    }

    private async Task RegisterAsync(SimulatedPhone phone)
    {
        await SayAsync(phone, "Olá");
        await SayAsync(phone, "1");
        foreach (var answer in new[] { "Maria da Silva Santos", NewNif(), "maria.santos@example.pt", "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(phone, answer);
        }

        var registered = await SayAsync(phone, "Manhãs");
        registered.ShouldContain(r => r.StartsWith("Obrigado, Maria!", StringComparison.Ordinal));
        registered[^1].ShouldBe($"📎 Envie uma fotografia ou um PDF: {IdentityFront}. Se preferir enviar mais tarde, escreva «enviar depois».");
    }

    private Task<JsonElement> DocumentsAsync(Guid driverId) => JsonAsync($"/api/drivers/{driverId}/documents");

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await StaffAsync(HttpMethod.Get, path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    /// <summary>A valid NIF of a person, different for every call (mod-11 check digit).</summary>
    private static string NewNif()
    {
        var body = "2" + (Interlocked.Increment(ref _nifs) + (Environment.ProcessId % 1000 * 1000)).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * (9 - i)).Sum();
        var check = 11 - (sum % 11);
        return body + (check >= 10 ? 0 : check);
    }
}
