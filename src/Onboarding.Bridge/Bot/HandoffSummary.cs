using System.Globalization;
using System.Text;
using Npgsql;
using Onboarding.Bridge.Contacts;
using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Bridge.Bot;

/// <summary>
/// The private note agents read on handoff: the registration the bot collected (sensitive numbers masked) with a
/// link to the console, or why the bot stopped.
/// </summary>
public static class HandoffSummary
{
    public static async Task<string> BuildAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BotConversation conversation,
        string reason, string? detail, Uri? publicUrl, CancellationToken ct)
    {
        var driver = conversation.PhoneE164 is { } phone ? await DriverRepository.FactsAsync(connection, transaction, phone, ct) : null;

        var note = new StringBuilder();
        note.Append(CultureInfo.InvariantCulture, $"🤖 Passagem para um agente: {HandoffReasons.Describe(reason)}.");
        if (!string.IsNullOrWhiteSpace(detail))
        {
            note.Append(CultureInfo.InvariantCulture, $"\nMotivo técnico: {detail}");
        }

        if (driver is null)
        {
            note.Append("\nRegisto: ainda não concluído no bot.");
            return note.ToString();
        }

        note.Append(CultureInfo.InvariantCulture, $"\n\nCondutor: {driver.FullName}");
        note.Append(CultureInfo.InvariantCulture, $"\nRegisto: {driver.Id} (estado: {driver.Status})");
        note.Append(CultureInfo.InvariantCulture, $"\nNIF: {Mask.Nif(driver.Nif)} · IBAN: {Mask.Iban(driver.Iban)}");
        var vehicle = driver.VehicleType is null ? "—" : driver.LicencePlate is { } plate ? $"{driver.VehicleType} ({plate})" : driver.VehicleType;
        note.Append(CultureInfo.InvariantCulture, $"\nVeículo: {vehicle}");
        note.Append(CultureInfo.InvariantCulture, $"\nZona: {Districts.NameOf(driver.DistrictCode) ?? driver.DistrictCode ?? "—"}{(driver.Municipality is { } m ? " / " + m : "")}");
        if (publicUrl is not null)
        {
            note.Append(CultureInfo.InvariantCulture, $"\nConsola: {new Uri(publicUrl, "console#/drivers/" + driver.Id)}");
        }

        return note.ToString();
    }
}
