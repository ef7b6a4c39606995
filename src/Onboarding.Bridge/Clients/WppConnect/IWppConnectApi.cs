using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Refit;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// WPPConnect server routes (wppconnect-server 2.10). The bearer token is added by <see cref="WppConnectAuthHandler"/>.
/// Envelopes differ per route; <see cref="WppConnectClient"/> hides them.
/// </summary>
public interface IWppConnectApi
{
    [Post("/api/{session}/{secretKey}/generate-token")]
    Task<IApiResponse<WppTokenResponse>> GenerateTokenAsync(string session, string secretKey, CancellationToken ct);

    [Post("/api/{session}/start-session")]
    Task<IApiResponse<WppSessionStatus>> StartSessionAsync(string session, [Body] WppStartSessionRequest body, CancellationToken ct);

    [Get("/api/{session}/status-session")]
    Task<IApiResponse<WppSessionStatus>> GetSessionStatusAsync(string session, CancellationToken ct);

    /// <summary>PNG bytes when a QR exists, otherwise a JSON status body.</summary>
    [Get("/api/{session}/qrcode-session")]
    Task<HttpResponseMessage> GetQrCodeAsync(string session, CancellationToken ct);

    /// <summary>Bare array, ordered by recency.</summary>
    [Post("/api/{session}/list-chats")]
    Task<IApiResponse<List<WppChat>>> ListChatsAsync(string session, [Body] WppListChatsRequest body, CancellationToken ct);

    /// <summary><paramref name="chatId"/> must carry its suffix (<c>@c.us</c>, <c>@lid</c>, <c>@g.us</c>). Errors come back as 401.</summary>
    [Get("/api/{session}/get-messages/{chatId}")]
    Task<IApiResponse<WppEnvelope<List<WppMessage>>>> GetMessagesAsync(
        string session, string chatId, [Query] int? count, [Query] string? direction, [Query] string? id, CancellationToken ct);

    [Post("/api/{session}/send-message")]
    Task<IApiResponse<WppSendEnvelope>> SendMessageAsync(string session, [Body] WppSendTextRequest body, CancellationToken ct);

    [Post("/api/{session}/send-image")]
    Task<IApiResponse<WppSendEnvelope>> SendImageAsync(string session, [Body] WppSendFileRequest body, CancellationToken ct);

    [Post("/api/{session}/send-file-base64")]
    Task<IApiResponse<WppSendEnvelope>> SendFileBase64Async(string session, [Body] WppSendFileRequest body, CancellationToken ct);

    [Post("/api/{session}/send-location")]
    Task<IApiResponse<WppSendEnvelope>> SendLocationAsync(string session, [Body] WppSendLocationRequest body, CancellationToken ct);

    [Post("/api/{session}/contact-vcard")]
    Task<IApiResponse<WppSendEnvelope>> SendContactVcardAsync(string session, [Body] WppSendContactRequest body, CancellationToken ct);

    [Post("/api/{session}/typing")]
    Task<IApiResponse<WppEnvelope<System.Text.Json.JsonElement?>>> SetTypingAsync(string session, [Body] WppTypingRequest body, CancellationToken ct);

    [Get("/api/{session}/get-media-by-message/{messageId}")]
    Task<IApiResponse<WppMediaResponse>> GetMediaByMessageAsync(string session, string messageId, CancellationToken ct);

    [Get("/api/{session}/contact/pn-lid/{pnLid}")]
    Task<IApiResponse<WppPnLidEntry>> GetPnLidAsync(string session, string pnLid, CancellationToken ct);
}
