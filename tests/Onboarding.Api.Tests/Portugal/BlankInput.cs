namespace Onboarding.Api.Tests.Portugal;

/// <summary>Values Typebot sends for "nothing entered".</summary>
public static class BlankInput
{
    public static TheoryData<string?> Values => new(null, "", "   ", "\t\n", "null", "NULL", "undefined", "Undefined", "{{Nif}}", "\u200B");
}
