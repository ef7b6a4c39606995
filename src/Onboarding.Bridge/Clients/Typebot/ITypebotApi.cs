using Refit;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// Typebot's public chat API (viewer, v3.x). Neither route needs a token: the published bot's public id and the session
/// id are the capabilities. <see cref="TypebotClient"/> classifies the answers.
/// </summary>
public interface ITypebotApi
{
    [Post("/api/v1/typebots/{publicId}/startChat")]
    Task<IApiResponse<TypebotTurn>> StartChatAsync(string publicId, [Body] TypebotStartChatRequest body, CancellationToken ct);

    [Post("/api/v1/sessions/{sessionId}/continueChat")]
    Task<IApiResponse<TypebotTurn>> ContinueChatAsync(string sessionId, [Body] TypebotContinueChatRequest body, CancellationToken ct);
}
