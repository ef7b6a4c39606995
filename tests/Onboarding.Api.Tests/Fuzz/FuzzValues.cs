using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>The hostile values every route is fed: JSON of the wrong type, bodies that are not JSON, text that breaks naive code.</summary>
public static class FuzzValues
{
    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A number no 64-bit type holds: 10^400.</summary>
    public static readonly string TenToThe400 = "1" + new string('0', 400);

    /// <summary>JSON values of every type, for a member that expects another.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> WrongTypes =
    [
        ("integer", "123"), ("negative", "-1"), ("zero", "0"), ("fraction", "1.5"), ("negative zero", "-0"),
        ("1e308", "1e308"), ("1e400", "1e400"), ("10^400", TenToThe400), ("-10^400", "-" + TenToThe400),
        ("true", "true"), ("false", "false"), ("null", "null"), ("empty object", "{}"), ("object", """{"a":"b"}"""),
        ("empty array", "[]"), ("array of strings", """["B","A1"]"""), ("nested array", "[1,[2]]"),
        ("array of objects", """[{"x":1}]"""), ("array of null", "[null]"), ("empty string", "\"\""),
    ];

    /// <summary>Text that trips naive code: bidi and invisible characters, emoji, combining marks, both normal forms, injections.</summary>
    public static readonly IReadOnlyList<(string Name, string Text)> NastyText =
    [
        ("RTL override", "\u202Emaria\u202C"), ("RTL marks and Hebrew", "\u200Fמריה\u200F"), ("ZWJ family", "👨‍👩‍👧‍👦"),
        ("ZWJ in a word", "Ma\u200Dria"), ("zero-width space", "Lis\u200Bboa"), ("emoji skin tones", "👍🏽👋🏿🧑🏻‍🦱"),
        ("combining marks", "Z\u0334\u0321\u0354a\u0337l\u0336g\u0335o\u0338"), ("NFD", "Jose\u0301 E\u0301vora"),
        ("NFC", "José Évora"), ("BOM inside", "\uFEFFLisboa"), ("line separators", "a\u2028b\u2029c"),
        ("mathematical letters", "𝕄𝕒𝕣𝕚𝕒"), ("full-width digits", "９１５２１１８３６"), ("Arabic-Indic digits", "٩١٥٢١١٨٣٦"),
        ("dotted capital I", "İSTANBUL ǅ ß"), ("replacement and noncharacter", "\uFFFD\uFFFF"), ("max code point", "\U0010FFFF"),
        ("controls", "a\tb\r\nc\u0001\u007F"), ("SQL quote", "' OR '1'='1"), ("SQL drop", "Robert'); DROP TABLE drivers;--"),
        ("CSV formula", "=cmd|' /C calc'!A0"), ("CSV plus", "+SUM(1+1)*cmd|' /C calc'!A0"), ("CSV minus", "-2+3+cmd|' /C calc'!A0"),
        ("CSV at", "@SUM(1+1)"), ("CSV tab", "\t=1+1"), ("script tag", "<script>alert(1)</script>"),
        ("attribute break", "\"><img src=x onerror=alert(1)>"), ("template", "{{7*7}} ${7*7} #{7*7}"),
        ("JNDI", "${jndi:ldap://127.0.0.1/a}"), ("path traversal", "../../../../etc/passwd"), ("format string", "%s%s%n%x"),
        ("backslashes", "\\\\u0000\\"), ("LIKE wildcards", "%_%\\"), ("header injection", "a\r\nX-Injected: 1"),
        ("placeholder", "{{Phone}}"), ("null word", "null"), ("undefined word", "undefined"), ("blank", "   "),
        ("10,000 characters", new string('a', 10_000)),
    ];

    /// <summary>String literals only an escape can write: NUL and UTF-16 surrogates without their pair.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> EscapedText =
    [
        ("NUL escape", "\"a\\u0000b\""), ("lone high surrogate", "\"a\\ud800b\""), ("lone low surrogate", "\"\\udc00\""),
        ("reversed surrogates", "\"\\udc00\\ud800\""), ("cut emoji", "\"Maria \\ud83d\""),
    ];

    /// <summary>Every hostile string as a JSON literal, for a member that expects text.</summary>
    public static IEnumerable<(string Name, string Json)> Strings() =>
        NastyText.Select(t => (t.Name, Json(t.Text))).Concat(EscapedText);

    /// <summary>A JSON string literal with non-ASCII text left as UTF-8, as most clients send it.</summary>
    public static string Json(string text) => JsonSerializer.Serialize(text, RawUnicode);

    /// <summary>Bodies made from a valid one that are not one valid JSON object.</summary>
    public static IEnumerable<(string Name, byte[] Body)> Malformed(byte[] valid)
    {
        var firstString = FirstStringValue(valid);
        yield return ("empty body", []);
        yield return ("whitespace", "  \r\n\t"u8.ToArray());
        yield return ("open brace", "{"u8.ToArray());
        yield return ("truncated in the middle", valid[..(valid.Length / 2)]);
        yield return ("truncated last byte", valid[..^1]);
        yield return ("trailing garbage", [.. valid, .. "xyz"u8]);
        yield return ("second object", [.. valid, .. valid]);
        yield return ("trailing comma", [.. valid[..^1], .. ",}"u8]);
        yield return ("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. valid]);
        yield return ("UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(valid))]);
        yield return ("NUL byte after", [.. valid, 0x00]);
        yield return ("NUL byte before", [0x00, .. valid]);
        yield return ("raw NUL in a string", Insert(valid, firstString, [0x00]));
        yield return ("invalid UTF-8 in a string", Insert(valid, firstString, [0xC3, 0x28, 0xFF]));
        yield return ("UTF-8 encoded surrogate", Insert(valid, firstString, [0xED, 0xA0, 0x80]));
        yield return ("overlong UTF-8", Insert(valid, firstString, [0xC0, 0xAF]));
        yield return ("cut multi-byte sequence", Insert(valid, firstString, [0xE2, 0x82]));
        yield return ("invalid UTF-8 in a name", [.. "{\""u8, 0xFF, 0xFE, .. "\":1,"u8, .. valid[1..]]);
        yield return ("lone surrogate in a name", [.. "{\"\\ud800\":1,"u8, .. valid[1..]]);
        yield return ("raw tab in a string", Insert(valid, firstString, [0x09]));
        yield return ("bad escape", Insert(valid, firstString, "\\q"u8.ToArray()));
        yield return ("hex escape", Insert(valid, firstString, "\\x41"u8.ToArray()));
        yield return ("short unicode escape", Insert(valid, firstString, "\\u12"u8.ToArray()));
        yield return ("nested 10,000 arrays", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("nested 10,000 objects", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
        yield return ("unclosed 10,000 arrays", Encoding.ASCII.GetBytes(new string('[', 10_000)));
        yield return ("single quotes", "{'a':'b'}"u8.ToArray());
        yield return ("names without quotes", "{a:1}"u8.ToArray());
        yield return ("comment", [.. "/* c */"u8, .. valid]);
        yield return ("NaN", "{\"a\":NaN}"u8.ToArray());
        yield return ("Infinity", "{\"a\":-Infinity}"u8.ToArray());
        yield return ("top-level array", [(byte)'[', .. valid, (byte)']']);
        yield return ("top-level string", "\"{}\""u8.ToArray());
        yield return ("top-level number", "42"u8.ToArray());
        yield return ("top-level 10^400", Encoding.ASCII.GetBytes(TenToThe400));
        yield return ("top-level null", "null"u8.ToArray());
        yield return ("top-level true", "true"u8.ToArray());
        yield return ("form encoded", "phone=915211836&full_name=Maria"u8.ToArray());
        yield return ("XML", "<driver><phone>915211836</phone></driver>"u8.ToArray());
        yield return ("JSONP", [.. "cb("u8, .. valid, .. ");"u8]);
        yield return ("unterminated string", "{\"a\":\"b}"u8.ToArray());
    }

    /// <summary>Just after the opening quote of the first string value, or after the first byte.</summary>
    private static int FirstStringValue(byte[] json)
    {
        var colonQuote = json.AsSpan().IndexOf(":\""u8);
        return colonQuote < 0 ? 1 : colonQuote + 2;
    }

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body[..at], .. bytes, .. body[at..]];
}
