using System.Text.Json.Nodes;

namespace Onboarding.Api.Tests.Flows.Check;

/// <summary>typebot-flows/driver-onboarding.json (and its English twin) and the upstream fixtures, and the surgery tests do on copies.</summary>
public static class ShippedFlow
{
    public const string Portuguese = "driver-onboarding.json";
    public const string English = "driver-onboarding.en.json";

    public static string FilePath { get; } = PathOf(Portuguese);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "typebot-flows", file);

    public static string Json(string file = Portuguese) => File.ReadAllText(PathOf(file));

    public static JsonObject Copy(string file = Portuguese) => JsonNode.Parse(Json(file))!.AsObject();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "typebot", name));

    public static JsonArray Groups(JsonObject root) => root["groups"]!.AsArray();

    public static JsonObject Group(JsonObject root, string id) =>
        Groups(root).Single(g => g!["id"]!.GetValue<string>() == id)!.AsObject();

    public static JsonObject Block(JsonObject root, string id) =>
        Groups(root).SelectMany(g => g!["blocks"]!.AsArray()).Single(b => b!["id"]!.GetValue<string>() == id)!.AsObject();

    /// <summary>The registration request's <c>options.webhook</c>.</summary>
    public static JsonObject Webhook(JsonObject root) => Block(root, "b_register")["options"]!["webhook"]!.AsObject();

    public static JsonObject Header(JsonObject root, string key) =>
        Webhook(root)["headers"]!.AsArray().Single(h => h!["key"]!.GetValue<string>() == key)!.AsObject();

    public static JsonObject Mapping(JsonObject root, string id) =>
        Block(root, "b_register")["options"]!["responseVariableMapping"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!.AsObject();

    /// <summary>Changes the registration body text, failing when the expected fragment is not there.</summary>
    public static void EditBody(JsonObject root, string from, string to)
    {
        var body = Webhook(root)["body"]!.GetValue<string>();
        body.ShouldContain(from);
        Webhook(root)["body"] = body.Replace(from, to, StringComparison.Ordinal);
    }

    public static JsonObject TextBubble(string id, string text) => new()
    {
        ["id"] = id,
        ["type"] = "text",
        ["content"] = new JsonObject
        {
            ["richText"] = new JsonArray(new JsonObject { ["type"] = "p", ["children"] = new JsonArray(new JsonObject { ["text"] = text }) }),
        },
    };
}
