using System.Text.RegularExpressions;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Tests.Messages;

/// <summary>The catalogue every driver-facing text of the registration API comes from.</summary>
public sealed partial class DriverTextsTests
{
    public static TheoryData<string> Entries()
    {
        var entries = new TheoryData<string>();
        foreach (var text in DriverTexts.All)
        {
            entries.Add($"{text.Code}: {text.Portuguese}");
        }

        return entries;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_text_has_an_english_version_with_the_same_holes(string entry)
    {
        var text = DriverTexts.All.Single(t => $"{t.Code}: {t.Portuguese}" == entry);

        text.English.ShouldNotBeNullOrWhiteSpace();
        text.English.ShouldNotBe(text.Portuguese);
        Holes(text.English).ShouldBe(Holes(text.Portuguese));
        // An accented letter in the English text is a Portuguese sentence left untranslated.
        text.English.ShouldNotMatch("[áàâãçéêíóôõú]");
    }

    [Fact]
    public void Entries_are_named_by_code_and_distinct()
    {
        // A driver text can only be made inside the catalogue (internal constructor), and All finds every entry.
        DriverTexts.All.ShouldNotBeEmpty();
        DriverTexts.All.ShouldAllBe(t => CodeShape().IsMatch(t.Code));
        DriverTexts.All.Select(t => t.Portuguese).ShouldBeUnique();
    }

    [Theory]
    [InlineData("nif.checksum")]
    [InlineData("registration.conflict")]
    [InlineData("registration.closed")]
    [InlineData("registration.created")]
    [InlineData("registration.updated")]
    [InlineData("licence_categories.vehicle_mismatch")]
    [InlineData("body.malformed_json")]
    [InlineData("field.type")]
    [InlineData("idempotency_key.reused")]
    public void The_codes_the_api_answers_with_are_in_the_catalogue(string code) =>
        DriverTexts.All.ShouldContain(t => t.Code == code);

    [Fact]
    public void Values_and_nested_messages_are_rendered_in_the_asked_language()
    {
        var summary = DriverTexts.MoreToFix.With(DriverTexts.IbanCountryLength.With("DE", 22), 2);

        summary.In(Language.Portuguese).ShouldBe("Um IBAN de DE deve ter 22 caracteres. (e mais 2 campo(s) a corrigir)");
        summary.In(Language.English).ShouldBe("An IBAN from DE must have 22 characters. (and 2 more answer(s) to fix)");
        summary.Code.ShouldBe("registration.more_to_fix");
    }

    private static string[] Holes(string format) => [.. Hole().Matches(format).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"^[a-z_]+\.[a-z_]+$")]
    private static partial Regex CodeShape();
}
