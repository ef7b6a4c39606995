using System.Text.Json;
using Npgsql;
using Onboarding.Bridge.Bot.Media;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Inbound.Processing;

namespace Onboarding.Bridge.Bot;

/// <summary>The driver's messages not yet given to the bot, oldest first: a burst typed in a few seconds is one answer.</summary>
public sealed record BotBurst(long[] RowIds, IReadOnlyList<WppMessage> Messages, DateTime NewestReceivedAt);

/// <summary>Collects a chat's unrouted messages and turns them into one answer for the input the bot waits on.</summary>
public sealed class BotBursts(MediaLinks media, Microsoft.Extensions.Options.IOptions<TypebotOptions> options)
{
    public const string FileInput = "file input";

    public async Task<BotBurst> PendingAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct)
    {
        var rows = await InboundLedger.UnroutedAsync(connection, waChatId, ct);
        var messages = rows.Select(r => JsonSerializer.Deserialize<WppMessage>(r.Payload, WppConnectJson.Options) ?? new WppMessage()).ToList();
        return new BotBurst([.. rows.Select(r => r.Id)], messages, rows.Count == 0 ? DateTime.MinValue : rows.Max(r => r.ReceivedAt));
    }

    /// <summary>
    /// The burst as one answer: texts joined by line breaks, resolved against a choice input; files sent while a file
    /// input waits become signed links to our media route.
    /// </summary>
    public TypebotAnswer Answer(TypebotInputBlock? input, BotBurst burst)
    {
        var text = string.Join("\n", burst.Messages.Select(InboundContent.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (input?.Type == FileInput && media.CanSign)
        {
            var files = burst.Messages.Where(m => InboundContent.IsMedia(m) && m.Id is not null).Select(m => media.Sign(m.Id!)).ToList();
            if (files.Count > 0)
            {
                return new TypebotAnswer(string.Join(", ", files.Select(f => f.AbsoluteUri))) { AttachedFileUrls = files };
            }

            // "enviar depois" to a file input the flow lets the driver skip.
            if (IsOptional(input) && Keywords.Matches(text, options.Value.SkipKeywords))
            {
                return TypebotAnswer.Skip;
            }
        }

        return ChoiceAnswer.Resolve(input, text);
    }

    private static bool IsOptional(TypebotInputBlock input) =>
        input.Options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("isRequired", out var required) && required.ValueKind == JsonValueKind.False;
}
