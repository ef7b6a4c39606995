using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>Blocks the emulator cannot run: a known Typebot block it skips, or a type Typebot does not have.</summary>
internal sealed class BlockSupportRule : IFlowRule
{
    public const string Skipped = "block-skipped";
    public const string Unknown = "block-unknown";

    public IEnumerable<FlowFinding> Check(FlowDocument flow) =>
        from site in flow.Blocks
        let type = site.Block.Type
        where !EmulatorBlockSupport.Runs(type)
        select EmulatorBlockSupport.IsSkipped(type)
            ? FlowFinding.At(FindingSeverity.Warning, Skipped, site,
                $"\"{type}\" blocks are not run by the Sandbox emulator and cannot be shown by the WhatsApp bridge, so this block is skipped")
            : FlowFinding.At(FindingSeverity.Error, Unknown, site,
                $"\"{type}\" is not a Typebot 6.x block type; the emulator and the WhatsApp bridge do not know what to do with it");
}
