using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Features.Analytics.Funnel;

/// <summary>
/// Names the chat API's input block ids after the flow exports the service ships (<c>typebot-flows/</c> next to the
/// program) or is configured with (<c>Funnel:FlowFolder</c>): the group's title and the variable the block sets, in
/// the flow's order. The first export that knows a block names it; an unknown block is shown by its id.
/// </summary>
public sealed partial class FlowQuestionNames
{
    private readonly Dictionary<string, FunnelQuestionName> _names = new(StringComparer.Ordinal);

    public FlowQuestionNames(string folder, ILogger<FlowQuestionNames> logger)
    {
        if (!Directory.Exists(folder))
        {
            LogNoFolder(logger, folder);
            return;
        }

        // driver-onboarding.json before driver-onboarding.en.json: the main flow names a block both share.
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").OrderBy(f => Path.GetFileName(f).Count(c => c == '.')).ThenBy(f => f, StringComparer.Ordinal))
        {
            TypebotFlow flow;
            try
            {
                flow = FlowParser.Parse(File.ReadAllText(file));
            }
            catch (FlowFormatException e)
            {
                LogUnreadable(logger, Path.GetFileName(file), e.Message);
                continue;
            }

            foreach (var group in flow.Groups)
            {
                foreach (var block in group.Blocks.Where(b => b.Type.EndsWith(" input", StringComparison.Ordinal)))
                {
                    var variable = flow.FindVariable(block.Option("variableId"))?.Name;
                    _names.TryAdd(block.Id, new FunnelQuestionName(group.Id, group.Title, variable ?? block.Type, _names.Count));
                }
            }
        }
    }

    /// <summary>The name of <paramref name="blockId"/>, or its id with no group when no export knows it.</summary>
    public FunnelQuestionName Name(string blockId) =>
        _names.TryGetValue(blockId, out var name) ? name : new FunnelQuestionName(null, null, blockId, int.MaxValue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Funnel: no flow folder at {Folder}; questions are shown by block id")]
    private static partial void LogNoFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Funnel: flow export {File} is unreadable ({Error}); its questions are shown by block id")]
    private static partial void LogUnreadable(ILogger logger, string file, string error);
}

/// <summary>A question's group (id and title), its own name (the variable it sets) and its place in the flow.</summary>
public sealed record FunnelQuestionName(string? GroupId, string? Group, string Block, int Order);
