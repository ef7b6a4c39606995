using System.Net;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.CloudApi;

public sealed class MediaRoundTripTests : CloudApiTestBase
{
    [Fact]
    public async Task A_received_photo_is_fetched_by_its_media_id_then_its_url_with_the_token()
    {
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        await Api.Phone(Driver, "Maria").SendImageAsync(photo, caption: "carta");
        var mediaId = Callback.Values.Single()["messages"]![0]!["image"]!["id"]!.GetValue<string>();

        var (status, info) = await SendAsync(HttpMethod.Get, $"{Api.GraphApiVersion}/{mediaId}", null, Api.AccessToken);

        status.ShouldBe(200);
        info["mime_type"]!.GetValue<string>().ShouldBe("image/jpeg");
        info["file_size"]!.GetValue<int>().ShouldBe(photo.Length);
        info["id"]!.GetValue<string>().ShouldBe(mediaId);
        var url = info["url"]!.GetValue<string>();
        (await DownloadAsync(url, Api.AccessToken)).Content.ShouldBe(photo);
        (await DownloadAsync(url, token: null)).Status.ShouldBe(HttpStatusCode.Unauthorized);

        Clock.Advance(TimeSpan.FromMinutes(6));
        (await DownloadAsync(url, Api.AccessToken)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_or_deleted_media_id_is_a_graph_error()
    {
        await Api.Phone(Driver).SendDocumentAsync("%PDF"u8.ToArray(), "cc.pdf");
        var mediaId = Callback.Values.Single()["messages"]![0]!["document"]!["id"]!.GetValue<string>();

        var (deleted, deletedBody) = await SendAsync(HttpMethod.Delete, $"{Api.GraphApiVersion}/{mediaId}", null, Api.AccessToken);
        var (gone, goneBody) = await SendAsync(HttpMethod.Get, $"{Api.GraphApiVersion}/{mediaId}", null, Api.AccessToken);

        deleted.ShouldBe(200);
        deletedBody["success"]!.GetValue<bool>().ShouldBeTrue();
        gone.ShouldBe(400);
        ErrorCode(goneBody).ShouldBe(100);
    }

    [Fact]
    public async Task An_upload_of_an_unsupported_type_fails_with_131053()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2]), "file", "x.exe" },
            { new StringContent("application/x-msdownload"), "type" },
            { new StringContent("whatsapp"), "messaging_product" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.GraphApiVersion}/{Api.PhoneNumberId}/media") { Content = form };
        request.Headers.Authorization = new("Bearer", Api.AccessToken);

        using var response = await RawAsync(request);

        ((int)response.StatusCode).ShouldBe(400);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!["code"]!.GetValue<int>().ShouldBe(131053);
    }

    private async Task<(HttpStatusCode Status, byte[] Content)> DownloadAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await RawAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct));
    }
}
