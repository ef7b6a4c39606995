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
    public static async Task<int> RunAsync<T>(NpgsqlDataSource dataSource, IReadOnlyList<T> chats, Func<T, string> lockKey, int parallelism,
        Func<NpgsqlConnection, T, CancellationToken, Task<int>> drain, CancellationToken ct)
    {
        var finished = 0;
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (chat, token) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            var key = lockKey(chat);
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
