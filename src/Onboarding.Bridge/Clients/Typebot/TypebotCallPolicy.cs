using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// Neither chat call may be repeated: a repeated continueChat feeds the same answer to the flow twice (the driver
/// would skip a question, or be registered twice), and a repeated startChat opens a second session and result.
/// Both run the flow's HTTP request blocks before answering (up to 10 s each in Typebot), so both are slow.
/// </summary>
public sealed class TypebotCallPolicy : IUpstreamCallPolicy
{
    public bool IsRetrySafe(HttpRequestMessage request) => request.Method == HttpMethod.Get;

    public bool IsSlow(HttpRequestMessage request) => request.Method == HttpMethod.Post;
}
