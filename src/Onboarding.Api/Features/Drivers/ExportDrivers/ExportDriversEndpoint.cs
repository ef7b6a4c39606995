using System.Globalization;
using System.Text;
using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Api.Features.Drivers.ListDrivers;
using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.ExportDrivers;

/// <summary>CSV of the drivers matching the list filters, streamed page by page.</summary>
public sealed class ExportDriversEndpoint(DriverRepository drivers) : Endpoint<ListDriversRequest>
{
    private const int PageSize = 500;

    private static readonly string[] Header =
    [
        "id", "status", "full_name", "phone_e164", "nif", "email", "birth_date", "district_code", "district_name",
        "municipality", "postal_code", "vehicle_type", "licence_plate", "driving_licence_number", "licence_categories",
        "availability", "created_at", "updated_at",
    ];

    public override void Configure()
    {
        Get("/api/drivers/export.csv");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Drivers").Produces(200, contentType: "text/csv"));
        Summary(s =>
        {
            s.Summary = "Export the filtered drivers as CSV (UTF-8, comma separated; IBAN left out)";
            s.ExampleRequest = new ListDriversRequest { Status = "approved", District = "Porto" };
        });
    }

    public override async Task HandleAsync(ListDriversRequest req, CancellationToken ct)
    {
        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=drivers.csv";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join(',', Header));
        var query = req.ToQuery() with { Limit = PageSize };
        while (true)
        {
            var page = await drivers.ListAsync(query, ct);
            foreach (var d in page)
            {
                await writer.WriteLineAsync(Row(d));
            }

            if (page.Count < PageSize)
            {
                break;
            }

            query = query with { AfterCreatedAt = page[^1].CreatedAt, AfterId = page[^1].Id };
        }
    }

    private static string Row(Driver d) => string.Join(',', new[]
    {
        d.Id.ToString(), d.Status, d.FullName, d.PhoneE164, d.Nif, d.Email,
        d.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DistrictCode, Districts.NameOf(d.DistrictCode),
        d.Municipality, d.PostalCode, d.VehicleType, d.LicencePlate, d.DrivingLicenceNumber,
        string.Join(' ', d.LicenceCategories), d.Availability,
        d.CreatedAt.ToString("O", CultureInfo.InvariantCulture), d.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
    }.Select(Escape));

    /// <summary>RFC 4180 quoting, plus a leading quote for cells a spreadsheet would run as a formula.</summary>
    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A validated E.164 number cannot carry a formula; anything else starting like one is defused.
        var isPhone = value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !isPhone)
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
