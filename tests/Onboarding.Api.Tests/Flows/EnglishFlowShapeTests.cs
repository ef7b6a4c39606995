using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Api.Tests.Flows.Check;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// The English flow is the Portuguese one in other words: same groups, blocks, edges, variables, conditions, request
/// and mappings, and choices that save the same values. Only the texts a driver reads, the flow's own ids and the
/// <c>Accept-Language</c> header differ.
/// </summary>
public sealed partial class EnglishFlowShapeTests
{
    [Fact]
    public void Without_its_texts_the_english_flow_is_the_portuguese_flow()
    {
        var portuguese = WithoutTexts(ShippedFlow.Copy());
        var english = ShippedFlow.Copy(ShippedFlow.English);
        // Every request to the API (the registration and the document loop) asks for English answers.
        var webhooks = ShippedFlow.Groups(english).SelectMany(g => g!["blocks"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "Webhook").Select(b => b!["options"]!["webhook"]!).ToList();
        webhooks.Count.ShouldBe(4);
        foreach (var webhook in webhooks)
        {
            var headers = webhook["headers"]!.AsArray();
            var acceptLanguage = headers.Single(h => h!["key"]!.GetValue<string>() == "Accept-Language")!;
            acceptLanguage["value"]!.GetValue<string>().ShouldBe("en");
            headers.Remove(acceptLanguage);
        }

        JsonNode.DeepEquals(WithoutTexts(english), portuguese).ShouldBeTrue();
    }

    [Fact]
    public void The_english_flow_has_its_own_ids_and_keeps_the_privacy_notice_version()
    {
        var english = ShippedFlow.Copy(ShippedFlow.English);

        (english["id"]!.GetValue<string>(), english["publicId"]!.GetValue<string>()).ShouldBe(("driver-onboarding-en", "driver-onboarding-en"));
        ShippedFlow.Block(english, "b_set_notice_version")["options"]!["expressionToEvaluate"]!.GetValue<string>().ShouldBe("\"2026-11\"");
    }

    /// <summary>
    /// A copy without what a driver reads: text leaves keep only their <c>{{variables}}</c>, a choice keeps the value
    /// it saves (its value, else its label), input labels and retry texts go.
    /// </summary>
    private static JsonObject WithoutTexts(JsonObject root)
    {
        foreach (var key in (string[])["id", "publicId", "name"])
        {
            root.Remove(key);
        }

        root["settings"]!["general"]!["systemMessages"]!.AsObject().Remove("invalidMessage");
        foreach (var block in ShippedFlow.Groups(root).SelectMany(g => g!["blocks"]!.AsArray()).Select(b => b!.AsObject()))
        {
            foreach (var leaf in block["content"]?["richText"]?.AsArray().SelectMany(p => p!["children"]!.AsArray()) ?? [])
            {
                leaf!["text"] = string.Concat(Variable().Matches(leaf["text"]!.GetValue<string>()).Select(m => m.Value));
            }

            if (block["type"]!.GetValue<string>() == "choice input")
            {
                foreach (var item in block["items"]!.AsArray().Select(i => i!.AsObject()))
                {
                    item["value"] = (item["value"] ?? item["content"])!.GetValue<string>();
                    item.Remove("content");
                }
            }

            if (block["options"] is JsonObject options)
            {
                options.Remove("labels");
                options.Remove("buttonLabel");
                options.Remove("retryMessageContent");
            }
        }

        return root;
    }

    [GeneratedRegex(@"\{\{[^{}]+\}\}")]
    private static partial Regex Variable();
}
