namespace Onboarding.Api.Flows.Check;

/// <summary>Variables the flow gets from outside rather than from its own blocks (typebot-flows/README.md).</summary>
public static class BridgeVariables
{
    /// <summary>What the WhatsApp bridge sends as <c>prefilledVariables</c> at every <c>startChat</c>.</summary>
    public static readonly IReadOnlyList<string> Prefilled = ["phone", "whatsapp_name", "wa_chat_id", "chatwoot_conversation_id", "driver_id", "resume_at"];

    /// <summary>The API's base URL, set for each deployment and sent with the prefilled variables.</summary>
    public const string ApiUrl = "onboarding_api_url";

    public static bool IsFilledFromOutside(string name) => name == ApiUrl || Prefilled.Contains(name);
}
