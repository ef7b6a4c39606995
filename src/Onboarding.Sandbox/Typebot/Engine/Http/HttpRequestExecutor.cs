using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Http;

/// <summary>
/// The HTTP request block (type <c>Webhook</c>) as Typebot's <c>executeHttpRequestBlock</c> runs it: variables
/// substituted into URL, query, headers and body (JSON-escaped inside a JSON body), a real HTTP call with Typebot's
/// timeouts, and <c>responseVariableMapping</c> applied for every status. It never stops the flow.
/// </summary>
public static class HttpRequestExecutor
{
    public const string SuccessDescription = "Webhook successfuly executed.";
    public const string ErrorDescription = "Webhook returned an error.";
    private const int DefaultTimeoutSeconds = 10;
    private const int MaxTimeoutSeconds = 120;

    public static async Task<BlockOutcome> ExecuteAsync(FlowBlock block, BlockExecution run, CancellationToken cancellationToken)
    {
        if (block.Options?["webhook"] is not JsonObject webhook)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var request = HttpRequestBuilder.Build(webhook, block.OptionFlag("isCustomBody"), run.Frame, run.Now);
        if (request is null)
        {
            run.Turn.Log("error", "Couldn't parse webhook attributes");
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        if (block.OptionFlag("isExecutedOnClient"))
        {
            run.AddClientSideAction(new JsonObject
            {
                ["type"] = "httpRequestToExecute",
                ["httpRequestToExecute"] = request.ToJson(),
                ["expectsDedicatedReply"] = true,
            });
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var timeout = block.Options?["timeout"] is JsonValue t && t.TryGetValue<double>(out var seconds) && seconds != DefaultTimeoutSeconds && seconds > 0
            ? Math.Min(seconds, MaxTimeoutSeconds)
            : DefaultTimeoutSeconds;
        var (statusCode, body) = await SendAsync(request, TimeSpan.FromSeconds(timeout), run, cancellationToken);
        run.Logger.LogHttpRequest(block.Id, request.Method, Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) ? uri.Host : "?", statusCode);
        var isError = statusCode >= 400;
        run.Turn.Log(isError ? "error" : "success", isError ? ErrorDescription : SuccessDescription,
            JsJson.Stringify(new JsonObject { ["statusCode"] = statusCode, ["response"] = body }));
        MapResponse(block, statusCode, body, run);
        return BlockOutcome.Next(block.OutgoingEdgeId);
    }

    /// <summary>Applies <c>responseVariableMapping</c>; an expression that throws leaves its variable unchanged.</summary>
    public static void MapResponse(FlowBlock block, int statusCode, string body, BlockExecution run)
    {
        if (block.Options?["responseVariableMapping"] is not JsonArray mappings)
        {
            return;
        }

        var data = JavaScriptRunner.DataLiteral(body);
        foreach (var mapping in mappings.OfType<JsonObject>())
        {
            var bodyPath = mapping["bodyPath"]?.ToString();
            var variable = run.Frame.ById(mapping["variableId"]?.ToString());
            if (string.IsNullOrEmpty(bodyPath) || variable is null)
            {
                continue;
            }

            var expression = VariableTemplate.Parse(bodyPath, run.Variables, JavaScriptRunner.Inline);
            if (JavaScriptRunner.TryMapResponse(expression, statusCode, data, out var value))
            {
                run.SetVariable(variable, value);
            }
        }
    }

    private static async Task<(int StatusCode, string Body)> SendAsync(
        ExecutableHttpRequest request, TimeSpan timeout, BlockExecution run, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        var contentType = request.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        if (request.Body is not null)
        {
            message.Content = CreateContent(request, contentType);
        }

        foreach (var (key, value) in request.Headers)
        {
            if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(key, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(key, value);
            }
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await run.Options.HttpClient.SendAsync(message, timeoutSource.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeoutSource.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (408, JsJson.Stringify(new JsonObject { ["message"] = $"Request timed out. ({timeout.TotalSeconds}s)" }));
        }
        catch (HttpRequestException e)
        {
            var cause = e.InnerException?.Message ?? (e.HttpRequestError == HttpRequestError.ConnectionError ? "connect ECONNREFUSED" : e.HttpRequestError.ToString());
            return (500, JsJson.Stringify(new JsonObject
            {
                ["context"] = "Unknown error while executing HTTP request",
                ["description"] = $"[{cause}] fetch failed",
            }));
        }
    }

    private static HttpContent CreateContent(ExecutableHttpRequest request, string? contentType)
    {
        if (request.IsJson && contentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.Body is JsonObject form)
        {
            return new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : JsJson.Stringify(p.Value))));
        }

        if (request.IsJson)
        {
            var content = new StringContent(JsJson.Stringify(request.Body), Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType is null ? "application/json" : contentType.Split(';')[0].Trim());
            return content;
        }

        var raw = new StringContent(request.Body is JsonValue rv && rv.TryGetValue<string>(out var text) ? text : JsJson.Stringify(request.Body), Encoding.UTF8);
        raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType is null ? "text/plain" : contentType.Split(';')[0].Trim());
        return raw;
    }
}
