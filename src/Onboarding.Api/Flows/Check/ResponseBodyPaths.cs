using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Which <c>bodyPath</c> values of a response mapping read something the endpoint answers: <c>statusCode</c>,
/// <c>data</c>, or <c>data.member</c> / <c>data.list[0].member</c> of its response records, named as the API
/// serialises them (snake_case).
/// </summary>
internal static partial class ResponseBodyPaths
{
    [GeneratedRegex(@"^data(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\])+$")]
    private static partial Regex MemberPath();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_$][A-Za-z0-9_$]*)|\[\d+\]")]
    private static partial Regex Segment();

    /// <summary>The members of the response bodies, for messages.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = TopLevelOf(RegistrationContract.ResponseTypes);

    public static IReadOnlyList<string> TopLevelOf(IReadOnlyList<Type> responseTypes) => responseTypes
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => JsonName(p.Name))
        .Distinct()
        .ToList();

    public static bool IsKnown(string path) => IsKnown(path, RegistrationContract.ResponseTypes);

    public static bool IsKnown(string path, IReadOnlyList<Type> responseTypes)
    {
        if (path is "statusCode" or "data")
        {
            return true;
        }

        if (!MemberPath().IsMatch(path))
        {
            return false;
        }

        IEnumerable<Type> types = responseTypes;
        foreach (Match segment in Segment().Matches(path, "data".Length))
        {
            types = segment.Groups["name"].Success
                ? types.Select(t => MemberType(t, segment.Groups["name"].Value)).OfType<Type>().ToList()
                : types.Select(ElementType).OfType<Type>().ToList();
            if (!types.Any())
            {
                return false;
            }
        }

        return true;
    }

    public static string JsonName(string member) => JsonNamingPolicy.SnakeCaseLower.ConvertName(member);

    /// <summary>Only the API's own records have members a mapping may read (not Guid or string internals).</summary>
    private static Type? MemberType(Type type, string name) =>
        type.Assembly != typeof(ResponseBodyPaths).Assembly
            ? null
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => JsonName(p.Name) == name)?.PropertyType;

    private static Type? ElementType(Type type) =>
        type == typeof(string)
            ? null
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?
                .GetGenericArguments()[0];
}
