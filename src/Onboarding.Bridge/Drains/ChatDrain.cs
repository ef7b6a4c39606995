using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using Onboarding.Data;

namespace Onboarding.Bridge.Drains;

/// <summary>
/// Runs per-chat work across replicas: chats in parallel, each chat by one holder at a time (a Postgres advisory
/// lock), so the work of one chat stays in order whichever replica does it. A slow chat (an upstream timing out)
/// keeps only its own slot: a pass waits a moment for the drains it started, then returns, and the chats whose drain
/// is still running are skipped by later passes until it ends, so other chats never wait behind it.
/// </summary>
public sealed class ChatDrain<T>(NpgsqlDataSource dataSource, Func<T, string> lockKey, BridgeSignal signal, ILogger logger)
    where T : notnull
{
    private static readonly Action<ILogger, string, Exception?> LogDrainFailed =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(1, "DrainFailed"), "Drain of {Chat} failed; the next pass tries again");

    /// <summary>How long a pass waits for its drains before it lets the pump look for more work.</summary>
    private static readonly TimeSpan PassWait = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, Task> _running = new();
    private int _finished;

    /// <summary>Chats whose drain is still running.</summary>
    public int Running => _running.Count;

    /// <summary>
    /// Starts <paramref name="drain"/> for each due chat not already running, up to <paramref name="parallelism"/> at
    /// once; returns how many rows reached a final state since the previous pass.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<T> chats, int parallelism,
        Func<NpgsqlConnection, T, CancellationToken, Task<int>> drain, CancellationToken ct)
    {
        var started = new List<Task>();
        foreach (var chat in chats)
        {
            var key = lockKey(chat);
            if (_running.Count >= parallelism)
            {
                break;
            }

            if (_running.ContainsKey(key))
            {
                continue;
            }

            var task = DrainOneAsync(key, chat, drain, ct);
            _running[key] = task;
            started.Add(task);
            _ = task.ContinueWith(_ => _running.TryRemove(key, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        if (started.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(started), Task.Delay(PassWait, ct));
        }

        return Interlocked.Exchange(ref _finished, 0);
    }

    private async Task DrainOneAsync(string key, T chat, Func<NpgsqlConnection, T, CancellationToken, Task<int>> drain, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            if (!await AdvisoryLock.TryTakeAsync(connection, key, ct))
            {
                return;
            }

            try
            {
                var done = await drain(connection, chat, ct);
                if (done > 0)
                {
                    Interlocked.Add(ref _finished, done);

                    // The pump may be waiting for its next tick: what this drain finished may have made more work due.
                    signal.Wake();
                }
            }
            finally
            {
                await AdvisoryLock.ReleaseAsync(connection, key);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the rows stay where they were and the next start picks them up.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database restarting, or a fault no handler expected: the rows stay due and the next pass tries again.
            LogDrainFailed(logger, key, e);
        }
    }
}
