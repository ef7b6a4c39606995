using Onboarding.Api.Errors;
using Onboarding.Api.Features.Documents.NextDocument;
using Onboarding.Api.Features.Documents.SetDocumentExpiry;
using Onboarding.Api.Features.Documents.StoreDocument;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// What an HTTP request block must agree on with one of the routes for the flow, read from the endpoint's own types:
/// the path, the body members it reads and requires, and the bodies it answers with.
/// </summary>
public sealed record ApiContract(string Route, IReadOnlyList<string> Fields, IReadOnlyList<string> RequiredFields, IReadOnlyList<Type> ResponseTypes)
{
    /// <summary>Every route the flows call: the registration and the document loop (docs/0033).</summary>
    public static IReadOnlyList<ApiContract> All { get; } =
    [
        RegistrationContract.Contract,
        new(NextDocumentEndpoint.Route, NextDocumentEndpoint.FieldNames, NextDocumentEndpoint.RequiredFieldNames,
            [typeof(NextDocumentResponse), typeof(FlatError)]),
        new(StoreDocumentEndpoint.Route, StoreDocumentEndpoint.FieldNames, StoreDocumentEndpoint.RequiredFieldNames,
            [typeof(StoreDocumentResponse), typeof(FlatError)]),
        new(SetDocumentExpiryEndpoint.Route, SetDocumentExpiryEndpoint.FieldNames, SetDocumentExpiryEndpoint.RequiredFieldNames,
            [typeof(SetDocumentExpiryResponse), typeof(FlatError)]),
    ];

    /// <summary>The contract of the route an HTTP request block calls, or null.</summary>
    public static ApiContract? Of(FlowBlock block) => All.FirstOrDefault(c => c.Targets(block));

    /// <summary>True for an HTTP request block whose URL path ends with the route (query and trailing slash ignored).</summary>
    public bool Targets(FlowBlock block)
    {
        if (block.Type != BlockTypes.HttpRequest || RegistrationContract.Url(block) is not { } url)
        {
            return false;
        }

        var path = url.Split('?', '#')[0].Trim().TrimEnd('/');
        return path.EndsWith(Route, StringComparison.OrdinalIgnoreCase);
    }
}
