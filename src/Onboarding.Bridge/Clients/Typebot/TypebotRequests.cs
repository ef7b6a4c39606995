namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// <c>{"prefilledVariables":{…},"textBubbleContentFormat":"richText"}</c>: variable names are matched exactly and
/// unknown ones are ignored by Typebot.
/// </summary>
public sealed record TypebotStartChatRequest(
    IReadOnlyDictionary<string, string> PrefilledVariables,
    string TextBubbleContentFormat = "richText");

/// <summary><c>{"message":{"type":"text","text":"…","metadata":{"replyId":"…"}}}</c>, or <c>{}</c> to skip an optional input.</summary>
public sealed record TypebotContinueChatRequest(TypebotMessage? Message)
{
    public static TypebotContinueChatRequest From(TypebotAnswer answer) => answer.IsSkip ? new((TypebotMessage?)null) : new(new TypebotMessage(
        "text",
        answer.Text,
        answer.ReplyId is null ? null : new TypebotMessageMetadata(answer.ReplyId),
        answer.AttachedFileUrls is { Count: > 0 } urls ? urls.Select(u => u.AbsoluteUri).ToList() : null));
}

/// <summary>The object form of a chat message; null members are left out of the JSON.</summary>
public sealed record TypebotMessage(string Type, string Text, TypebotMessageMetadata? Metadata, IReadOnlyList<string>? AttachedFileUrls);

/// <summary>The item id of the button the user chose; Typebot matches it before the text.</summary>
public sealed record TypebotMessageMetadata(string ReplyId);
