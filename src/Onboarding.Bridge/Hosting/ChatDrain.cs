using Npgsql;
using Onboarding.Data;

namespace Onboarding.Bridge.Hosting;

/// <summary>
/// Runs per-chat work across replicas: chats in parallel, each chat by one holder at a time (a Postgres advisory
/// lock), so the work of one chat stays in order whichever replica does it.
/// </summary>
public static class ChatDrain
{
    /// <summary>Calls <paramref name="drain"/> for every chat whose lock this replica gets; returns the sum of its results.</summary>
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> chats, string lockPrefix, int parallelism,
        Func<NpgsqlConnection, string, CancellationToken, Task<int>> drain, CancellationToken ct)
    {
        var finished = 0;
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (chat, token) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            var key = lockPrefix + chat;
            if (!await AdvisoryLock.TryTakeAsync(connection, key, token))
            {
                return;
            }

            try
            {
                Interlocked.Add(ref finished, await drain(connection, chat, token));
            }
            finally
            {
                await AdvisoryLock.ReleaseAsync(connection, key);
            }
        });
        return finished;
    }
}
