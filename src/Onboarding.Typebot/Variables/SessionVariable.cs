namespace Onboarding.Typebot.Variables;

/// <summary>A variable of one flow in a running session.</summary>
public sealed class SessionVariable(string id, string name, VariableValue? value, bool isSessionVariable)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public VariableValue? Value { get; set; } = value;

    public bool IsSessionVariable { get; set; } = isSessionVariable;
}
