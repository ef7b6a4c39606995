using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>
/// The Chatwoot block on Typebot's web runtime: a <c>chatwoot</c> client-side action with the widget script, and the
/// flow goes on. (Typebot's own WhatsApp channel skips it; our bridge reads the action as a handoff signal.)
/// </summary>
public static class ChatwootExecutor
{
    private const string DefaultBaseUrl = "https://app.chatwoot.com";

    public static BlockOutcome Execute(FlowBlock block, BlockExecution run)
    {
        var task = block.Option("task");
        var script = task == "Close widget"
            ? "if (window.$chatwoot) { window.$chatwoot.toggle(\"close\"); window.$chatwoot.toggleBubbleVisibility(\"hide\"); }"
            : OpenScript(block, run);
        run.AddClientSideAction(new JsonObject
        {
            ["type"] = "chatwoot",
            ["chatwoot"] = new JsonObject { ["scriptToExecute"] = new JsonObject { ["content"] = script, ["args"] = new JsonArray() } },
        });
        return BlockOutcome.Next(block.OutgoingEdgeId);
    }

    private static string OpenScript(FlowBlock block, BlockExecution run)
    {
        var baseUrl = block.Option("baseUrl") is { Length: > 0 } url ? url : DefaultBaseUrl;
        var user = block.Options?["user"] as JsonObject;
        string Field(string name) => VariableTemplate.Parse(user?[name]?.ToString(), run.Variables, JavaScriptRunner.Inline);
        var userId = Field("id") is { Length: > 0 } id ? id : Field("email") is { Length: > 0 } email ? email : run.Session.ResultId;
        return $$"""
            (function (d, t) {
              var BASE_URL = {{JsJson.Quote(baseUrl)}};
              var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
              g.src = BASE_URL + "/packs/js/sdk.js"; g.defer = true; g.async = true;
              s.parentNode.insertBefore(g, s);
              g.onload = function () {
                window.chatwootSDK.run({ websiteToken: {{JsJson.Quote(block.Option("websiteToken") ?? "")}}, baseUrl: BASE_URL });
                window.addEventListener("chatwoot:ready", function () {
                  window.$chatwoot.setUser({{JsJson.Quote(userId)}}, { email: {{JsJson.Quote(Field("email"))}}, name: {{JsJson.Quote(Field("name"))}}, phone_number: {{JsJson.Quote(Field("phoneNumber"))}} });
                  window.$chatwoot.toggle("open");
                });
              };
            })(document, "script");
            """;
    }
}
