using System.Text.RegularExpressions;
using Npgsql;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Bridge.DeadLetters;

/// <summary>An outbox row given up after its retry budget, as staff see it: the chat masked, the error kept.</summary>
public sealed record DeadLetter(
    long Id, string Chat, string Lane, string Kind, int Attempts, string? LastError, DateTime CreatedAt, long? ChatwootConversationId);

/// <summary>The newest dead letters and the total.</summary>
public sealed record DeadLettersResponse(long Total, IReadOnlyList<DeadLetter> Items);

/// <summary>Reads the outbox's dead letters and the state of one row (the retry answers 404 and 409 from it).</summary>
internal static partial class DeadLetterQueries
{
    public const int Limit = 100;

    public static async Task<DeadLettersResponse> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (rows, total) = await OutboxStore.DeadLettersAsync(connection, Limit, ct);
        return new DeadLettersResponse(total, rows.Select(r => new DeadLetter(
            r.Id, MaskChat(r.WaChatId), r.Lane, r.Kind, r.Attempts, MaskNumbers(r.LastError), r.CreatedAt, r.ChatwootConversationId)).ToList());
    }

    /// <summary>The row's state (<c>pending</c>, <c>sending</c>, <c>sent</c>, <c>dead</c>), or null when there is no such row.</summary>
    public static async Task<string?> StateAsync(NpgsqlDataSource dataSource, long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await OutboxStore.StateAsync(connection, id, ct);
    }

    /// <summary>"351915211836@c.us" → "+351*****1836"; other ids keep their last 4 characters and their server.</summary>
    public static string MaskChat(string chatId)
    {
        if (Phone.FromChatId(chatId) is { } e164)
        {
            return Mask.Phone(e164);
        }

        var at = chatId.IndexOf('@', StringComparison.Ordinal);
        var (user, server) = at < 0 ? (chatId, "") : (chatId[..at], chatId[at..]);
        return (user.Length <= 4 ? new string('*', user.Length) : new string('*', user.Length - 4) + user[^4..]) + server;
    }

    /// <summary>Upstream errors may quote the number ("O número 351915211836 não existe."): long digit runs keep 4.</summary>
    public static string? MaskNumbers(string? error) =>
        error is null ? null : DigitRun().Replace(error, m => new string('*', m.Length - 4) + m.Value[^4..]);

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex DigitRun();
}
