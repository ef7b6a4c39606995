namespace Onboarding.Api.Flows.Check;

/// <summary>The answer of POST /api/flows/check: the verdict, the counts and every finding.</summary>
public sealed record FlowReportResponse(string Verdict, int Errors, int Warnings, IReadOnlyList<FlowFindingResponse> Findings)
{
    public static FlowReportResponse From(FlowReport report) => new(
        Text(report.Verdict),
        report.Errors,
        report.Warnings,
        report.Findings.Select(f => new FlowFindingResponse(Text(f.Severity), f.Rule, f.Group, f.Block, f.Message)).ToList());

    /// <summary>What <c>flows check</c> says about a copy whose body lost <c>phone</c> (OpenAPI example).</summary>
    public static readonly FlowReportResponse Example = new("error", 1, 1,
    [
        new FlowFindingResponse("error", "api-body-missing-required", "Enviar candidatura", "2 (Webhook)",
            "group \"Enviar candidatura\", block 2 (Webhook): required field \"phone\" is missing from the body"),
        new FlowFindingResponse("warning", "whatsapp-too-many-choices", "Distrito", "2 (choice input)",
            "group \"Distrito\", block 2 (choice input): 20 choices in one question make a numbered list of 20 lines on a phone; keep to 10 or split the question"),
    ]);

    public static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>One finding as the API returns it; <c>message</c> names the group and block too.</summary>
public sealed record FlowFindingResponse(string Severity, string Rule, string? Group, string? Block, string Message);
