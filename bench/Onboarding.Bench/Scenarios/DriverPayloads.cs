using System.Globalization;
using System.Text.Json;

namespace Onboarding.Bench.Scenarios;

/// <summary>Registrations as the Typebot flow posts them (every value a string), with valid, distinct NIFs and phones.</summary>
public static class DriverPayloads
{
    /// <summary>
    /// The <paramref name="n"/>-th NIF of a natural person: prefix 2, seven digits from <paramref name="n"/>, and the
    /// mod-11 check digit of <c>Onboarding.Data.Portugal.Nif</c> (weights 9..2; remainder 0 or 1 gives 0, else 11 - r).
    /// </summary>
    public static string Nif(int n)
    {
        var body = "2" + (n % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (body[i] - '0') * (9 - i);
        }

        var r = sum % 11;
        return body + (r < 2 ? 0 : 11 - r).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A Portuguese mobile number (9x xxx xxxx) from <paramref name="n"/>; <paramref name="prefix"/> 91, 92, 93 or 96.</summary>
    public static string Phone(string prefix, int n) => $"+351{prefix}{n % 10_000_000:D7}";

    /// <summary>A distinct surname per <paramref name="n"/> (names take letters only).</summary>
    public static string Letters(int n)
    {
        var letters = new System.Text.StringBuilder("S");
        do
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return letters.ToString();
    }

    /// <summary>The registration as JSON; without <paramref name="consent"/> the privacy answer is missing (a 422 after every parser).</summary>
    public static string Json(string phone, string nif, int n, bool consent = true) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["phone"] = phone,
        ["full_name"] = "Maria Condutora " + Letters(n),
        ["nif"] = nif,
        ["district"] = "Lisboa",
        ["vehicle_type"] = "Carro",
        ["licence_categories"] = "B",
        ["privacy_notice_version"] = "2026-11",
        ["privacy_accepted"] = consent ? "sim" : "",
    });
}
