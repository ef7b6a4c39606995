namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Checks an exported Typebot flow before it is published: the contract with POST /register_driver_typebot,
/// variables, the graph, what the emulator and the WhatsApp bridge can run and show, and pasted secrets.
/// </summary>
public static class FlowChecker
{
    private static readonly IFlowRule[] Rules =
    [
        new RegistrationRequestRule(),
        new RegistrationBodyRule(),
        new RegistrationResponseRule(),
        new UndeclaredVariableRule(),
        new UnsetVariableRule(),
        new UnreachableGroupRule(),
        new DeadEndInputRule(),
        new BlockSupportRule(),
        new WhatsAppLimitsRule(),
        new SecretsRule(),
    ];

    public static FlowReport Check(string json)
    {
        var (document, problem) = FlowLoader.Load(json);
        if (document is null)
        {
            return new FlowReport([problem!]);
        }

        // OrderBy is stable: within a severity, findings keep the rules' order and the flow's order.
        return new FlowReport(Rules.SelectMany(r => r.Check(document)).OrderBy(f => f.Severity).ToList());
    }
}
