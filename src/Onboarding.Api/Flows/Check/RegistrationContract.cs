using System.Text.Json.Nodes;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// What an HTTP request block must agree on with POST /register_driver_typebot, read from the endpoint's own types
/// so the checker follows the endpoint when it changes.
/// </summary>
public static class RegistrationContract
{
    public const string Route = "/register_driver_typebot";
    public const string ApiKeyHeader = ApiKeyAuthenticationHandler.HeaderName;

    /// <summary>The only value the file may hold for the key; the operator replaces it in Typebot after import.</summary>
    public const string ApiKeyPlaceholder = "__ONBOARDING_API_KEY__";

    /// <summary>The body members the endpoint reads (snake_case JSON names).</summary>
    public static IReadOnlyList<string> Fields => RegisterDriverRequest.FieldNames;

    /// <summary>The members without which the endpoint refuses a registration.</summary>
    public static IReadOnlyList<string> RequiredFields => RegisterDriverRequest.RequiredFieldNames;

    /// <summary>The bodies the endpoint answers with: success, and the flat failure of every other status.</summary>
    public static IReadOnlyList<Type> ResponseTypes { get; } = [typeof(RegisterDriverResponse), typeof(FlatError)];

    /// <summary>The registration route as one of the flows' contracts (<see cref="ApiContract.All"/>).</summary>
    public static ApiContract Contract { get; } = new(Route, Fields, RequiredFields, ResponseTypes);

    /// <summary>True for an HTTP request block whose URL path ends with the route (query and trailing slash ignored).</summary>
    public static bool Targets(FlowBlock block) => Contract.Targets(block);

    public static JsonObject? Webhook(FlowBlock block) => block.Options?["webhook"] as JsonObject;

    public static string? Url(FlowBlock block) => JsonText.Of(Webhook(block)?["url"]);
}
