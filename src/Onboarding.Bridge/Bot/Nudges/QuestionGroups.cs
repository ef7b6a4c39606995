using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>A flow's group: its id (what <c>resume_at</c> names) and its title (how a nudge names the question).</summary>
public sealed record QuestionGroup(string Id, string Title);

/// <summary>
/// The group each input block belongs to, read from flow exports: the chat API names the block a session waits on but
/// not its group. The shipped <c>typebot-flows/*.json</c> are built into the bridge; <c>Nudges:FlowExports</c> adds
/// exports of flows edited in Typebot. A block found in none (a flow edited and not exported here) has no group:
/// its nudge does not name the question and a lost session starts from the beginning.
/// </summary>
public sealed partial class QuestionGroups
{
    private readonly Dictionary<string, QuestionGroup> _byBlock = new(StringComparer.Ordinal);

    public QuestionGroups(IOptions<NudgeOptions> options, ILogger<QuestionGroups> logger)
    {
        var assembly = typeof(QuestionGroups).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("typebot-flows/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            Add(JsonDocument.Parse(stream));
        }

        foreach (var path in options.Value.FlowExports)
        {
            try
            {
                Add(JsonDocument.Parse(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // A missing export costs the question's name and the resume point, not the nudges: say so and go on.
                LogExportUnreadable(logger, path, e.Message);
            }
        }
    }

    /// <summary>The group of an input block, or null when no known export has it.</summary>
    public QuestionGroup? Of(string? blockId) => blockId is not null && _byBlock.TryGetValue(blockId, out var group) ? group : null;

    // Configured exports come after the shipped ones and win: they describe the flows actually published.
    private void Add(JsonDocument flow)
    {
        using (flow)
        {
            if (!flow.RootElement.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var group in groups.EnumerateArray())
            {
                if (Text(group, "id") is not { } id || !group.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var question = new QuestionGroup(id, Text(group, "title") ?? "");
                foreach (var block in blocks.EnumerateArray())
                {
                    if (Text(block, "id") is { } blockId)
                    {
                        _byBlock[blockId] = question;
                    }
                }
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow export {Path} could not be read ({Error}); its questions are not named in nudges")]
    private static partial void LogExportUnreadable(ILogger logger, string path, string error);
}
