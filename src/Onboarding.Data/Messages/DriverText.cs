using System.Globalization;

namespace Onboarding.Data.Messages;

/// <summary>
/// One text a driver may read, in every language, under the code it is reported with (<c>nif.checksum</c>). Texts
/// with values hold composite-format holes (<c>{0}</c>) filled by <see cref="With"/>. Only <see cref="DriverTexts"/>
/// creates them, so no driver-facing text can bypass the catalogue.
/// </summary>
public sealed record DriverText
{
    internal DriverText(string code, string portuguese, string english)
    {
        Code = code;
        Portuguese = portuguese;
        English = english;
    }

    /// <summary>The machine code of the failure (or, for texts that are not failures, the key naming the text).</summary>
    public string Code { get; }

    /// <summary>The pt-PT format.</summary>
    public string Portuguese { get; }

    /// <summary>The English format.</summary>
    public string English { get; }

    /// <summary>The text with its holes filled in, ready to be rendered in any language.</summary>
    public DriverMessage With(params object[] args) => new(this, args);

    /// <summary>The format for <paramref name="language"/>.</summary>
    internal string FormatIn(Language language) => language == Language.English ? English : Portuguese;
}

/// <summary>
/// A <see cref="DriverText"/> with its values: what a parser returns and an endpoint renders in the caller's
/// language. A value that is itself a message is rendered in the same language.
/// </summary>
public sealed record DriverMessage(DriverText Text, IReadOnlyList<object> Args) : ILocalised
{
    public string Code => Text.Code;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string In(Language language) =>
        Args.Count == 0
            ? Text.FormatIn(language)
            : string.Format(CultureInfo.InvariantCulture, Text.FormatIn(language), [.. Args.Select(a => a is ILocalised m ? m.In(language) : a)]);
}

/// <summary>A value rendered in the language of the message that holds it (a nested message, a document's name).</summary>
public interface ILocalised
{
    string In(Language language);
}
