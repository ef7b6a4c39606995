using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>One problem in a flow, with a kebab-case rule code and a sentence that names the group and block.</summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Rule">The rule's kebab-case code, e.g. <c>api-body-unknown-key</c>.</param>
/// <param name="Message">A plain-English sentence that starts with the group and block it is about.</param>
/// <param name="Group">The group title, when the finding is about a group or one of its blocks.</param>
/// <param name="Block">The block as the operator finds it in the group: <c>3 (Webhook)</c>, counted from 1.</param>
public sealed record FlowFinding(FindingSeverity Severity, string Rule, string Message, string? Group = null, string? Block = null)
{
    public static FlowFinding InFlow(FindingSeverity severity, string rule, string detail) => new(severity, rule, detail);

    public static FlowFinding InGroup(FindingSeverity severity, string rule, FlowGroup group, string detail) =>
        new(severity, rule, $"group \"{BlockSite.TitleOf(group)}\": {detail}", BlockSite.TitleOf(group));

    public static FlowFinding At(FindingSeverity severity, string rule, BlockSite site, string detail) =>
        new(severity, rule, $"group \"{site.GroupTitle}\", block {site.Describe()}: {detail}", site.GroupTitle, site.Describe());
}
