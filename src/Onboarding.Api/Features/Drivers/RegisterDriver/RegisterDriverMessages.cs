namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>The pt-PT texts the flow shows to the driver after the call.</summary>
public static class RegisterDriverMessages
{
    public const string NifTaken =
        "Este NIF já está associado a outro registo. Se acha que é um engano, um agente vai ajudar aqui na conversa.";

    public const string AlreadyDecided =
        "O seu registo já foi analisado pela nossa equipa. Um agente vai continuar a conversa consigo.";

    public static string Created(string? fullName, Guid driverId) =>
        $"Obrigado{FirstNameSuffix(fullName)}! Recebemos o seu registo (ref. {Reference(driverId)}). " +
        "A nossa equipa vai analisá-lo e responde-lhe aqui no WhatsApp.";

    public static string Updated(string? fullName, Guid driverId) =>
        $"Obrigado{FirstNameSuffix(fullName)}! Atualizámos o seu registo (ref. {Reference(driverId)}). " +
        "A nossa equipa vai analisá-lo e responde-lhe aqui no WhatsApp.";

    /// <summary>A short reference a driver can read out to an agent: the last 8 hex digits of the id.</summary>
    public static string Reference(Guid driverId) => driverId.ToString("N")[^8..].ToUpperInvariant();

    private static string FirstNameSuffix(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? "" : ", " + fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
