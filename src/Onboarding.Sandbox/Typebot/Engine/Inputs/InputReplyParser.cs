using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Sandbox.Typebot.Engine.Logic;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;
using PhoneNumbers;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>Typebot's <c>validateAndParseInputMessage</c>: accepts or rejects a reply and normalises it.</summary>
public static partial class InputReplyParser
{
    [GeneratedRegex("""^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$""")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")]
    private static partial Regex FloatPrefix();

    [GeneratedRegex(@"^(\d{1,2})[:h](\d{2})(?:\s*(am|pm))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    public static ParsedReply Parse(FlowBlock block, ChatReply? reply, IReadOnlyList<SessionVariable> variables)
    {
        if (block.Type == BlockTypes.FileInput)
        {
            return ParseFile(block, reply);
        }

        if (reply is null || (reply.Type != "text" && !(block.Type == BlockTypes.TextInput && reply.Type == "audio")))
        {
            return ParsedReply.Fail;
        }

        var text = reply.Text;
        return block.Type switch
        {
            BlockTypes.TextInput => ParsedReply.Success(text),
            BlockTypes.EmailInput => Email().IsMatch(text) ? ParsedReply.Success(text.ToLowerInvariant()) : ParsedReply.Fail,
            BlockTypes.PhoneInput => ParsePhone(text, block.Option("defaultCountryCode")),
            BlockTypes.UrlInput => UrlValidator.IsUrl(text, requireProtocol: false) ? ParsedReply.Success(text) : ParsedReply.Fail,
            BlockTypes.NumberInput => ParseNumber(text, block, variables),
            BlockTypes.DateInput => ParseDate(text, block),
            BlockTypes.TimeInput => ParseTime(text, block),
            BlockTypes.RatingInput => ParseRating(text, block),
            BlockTypes.PaymentInput => text == "fail" ? ParsedReply.Fail : ParsedReply.Success(text),
            BlockTypes.ChoiceInput or BlockTypes.PictureChoiceInput => block.OptionFlag("isMultipleChoice")
                ? ChoiceReplyParser.ParseMultiple(text, ChoiceItems.Displayed(block, variables))
                : ChoiceReplyParser.ParseSingle(text, reply.ReplyId, ChoiceItems.Displayed(block, variables)),
            _ => ParsedReply.Fail,
        };
    }

    /// <summary>JavaScript's <c>parseFloat</c> after Typebot replaces the first comma by a dot.</summary>
    public static double? SafeParseFloat(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var index = value.IndexOf(',', StringComparison.Ordinal);
        var normalised = index < 0 ? value : value.Remove(index, 1).Insert(index, ".");
        var match = FloatPrefix().Match(normalised);
        return match.Success && double.TryParse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>A number as JavaScript prints it (<c>String(30)</c> is "30").</summary>
    public static string JsNumberText(double n) => n.ToString("R", CultureInfo.InvariantCulture);

    private static ParsedReply ParsePhone(string text, string? defaultCountry)
    {
        var util = PhoneNumberUtil.GetInstance();
        var region = defaultCountry is not null && util.GetSupportedRegions().Contains(defaultCountry) ? defaultCountry : "ZZ";
        var match = util.FindNumbers(text, region).FirstOrDefault();
        return match is null ? ParsedReply.Fail : ParsedReply.Success(util.Format(match.Number, PhoneNumberFormat.E164));
    }

    private static ParsedReply ParseNumber(string text, FlowBlock block, IReadOnlyList<SessionVariable> variables)
    {
        if (text.Length == 0 || SafeParseFloat(text) is not { } number)
        {
            return ParsedReply.Fail;
        }

        // Typebot tests `min && value < min`, so a bound of 0 is ignored.
        var min = SafeParseFloat(VariableTemplate.Parse(block.Options?["min"]?.ToString(), variables, JavaScriptRunner.Inline));
        var max = SafeParseFloat(VariableTemplate.Parse(block.Options?["max"]?.ToString(), variables, JavaScriptRunner.Inline));
        if ((min is { } lo && lo != 0 && number < lo) || (max is { } hi && hi != 0 && number > hi))
        {
            return ParsedReply.Fail;
        }

        return ParsedReply.Success(text.StartsWith('0') ? text : JsNumberText(number));
    }

    private static ParsedReply ParseDate(string text, FlowBlock block)
    {
        var format = block.Option("format");
        var dayFirst = (string.IsNullOrEmpty(format) ? "dd/MM/yyyy" : format).StartsWith("dd", StringComparison.Ordinal);
        if (!DateReplyParser.TryParse(text, dayFirst, out var date))
        {
            return ParsedReply.Fail;
        }

        var outputFormat = !string.IsNullOrEmpty(format) ? format : block.OptionFlag("hasTime") ? "dd/MM/yyyy HH:mm" : "dd/MM/yyyy";
        if ((block.Option("max") is { } max && DateTime.TryParse(max, CultureInfo.InvariantCulture, out var maxDate) && date > maxDate)
            || (block.Option("min") is { } min && DateTime.TryParse(min, CultureInfo.InvariantCulture, out var minDate) && date < minDate))
        {
            return ParsedReply.Fail;
        }

        return block.OptionFlag("isRange") ? ParsedReply.Fail : ParsedReply.Success(DateReplyParser.Format(date, outputFormat));
    }

    private static ParsedReply ParseTime(string text, FlowBlock block)
    {
        var match = Time().Match(text.Trim());
        if (!match.Success)
        {
            return ParsedReply.Fail;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (match.Groups[3].Success)
        {
            hour = hour % 12 + (match.Groups[3].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return ParsedReply.Fail;
        }

        var format = block.Option("format") is { Length: > 0 } f ? f : "HH:mm";
        return ParsedReply.Success(DateReplyParser.Format(new DateTime(2000, 1, 1, hour, minute, 0, DateTimeKind.Unspecified), format));
    }

    private static ParsedReply ParseRating(string text, FlowBlock block)
    {
        var length = block.Options?["length"] is JsonValue v && v.TryGetValue<double>(out var l) && l != 0 ? l : 10;
        var number = ConditionEvaluator.JsNumber(text);
        return !double.IsNaN(number) && number <= length ? ParsedReply.Success(text) : ParsedReply.Fail;
    }

    private static ParsedReply ParseFile(FlowBlock block, ChatReply? reply)
    {
        if (reply is null)
        {
            var isRequired = block.Options?["isRequired"] is not JsonValue r || !r.TryGetValue<bool>(out var required) || required;
            return isRequired ? ParsedReply.Fail : new ParsedReply(ReplyStatus.Skip);
        }

        var urls = reply.Text.Split(", ");
        var hasValidUrls = urls.Any(url =>
            UrlValidator.IsUrl(url, requireProtocol: true, requireTld: !IsLocalhost(url)));
        var allowed = block.Options?["allowedFileTypes"] is JsonObject types
            && types["isEnabled"] is JsonValue en && en.TryGetValue<bool>(out var enabled) && enabled
            && types["types"] is JsonArray { Count: > 0 } list
            ? list.Select(t => t?.ToString() ?? "").ToList()
            : null;
        var allFilesAllowed = allowed is null || urls.All(url => IsAllowed(url, allowed));
        var status = hasValidUrls && allFilesAllowed ? ReplyStatus.Success : ReplyStatus.Fail;
        var content = !block.OptionFlag("isMultipleAllowed") && urls.Length > 1 ? reply.Text.Split(',')[0] : reply.Text;
        return new ParsedReply(status, content);
    }

    private static bool IsLocalhost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host == "localhost";

    // Typebot compares the URL's extension with the extensions of the allowed types.
    private static bool IsAllowed(string url, IReadOnlyList<string> allowedTypes)
    {
        var extension = url.Split('.')[^1].ToLowerInvariant();
        return allowedTypes.Any(type => type.StartsWith('.')
            ? type[1..].Equals(extension, StringComparison.OrdinalIgnoreCase)
            : MimeExtensions(type).Contains(extension));
    }

    private static string[] MimeExtensions(string mime) => mime switch
    {
        "image/*" => ["jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "heic"],
        "video/*" => ["mp4", "mov", "webm", "avi"],
        "audio/*" => ["mp3", "wav", "ogg", "m4a", "aac"],
        "application/pdf" => ["pdf"],
        "image/jpeg" => ["jpg", "jpeg"],
        "image/png" => ["png"],
        _ => [mime.Split('/')[^1]],
    };
}
