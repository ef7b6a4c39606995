using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// The console host as <c>./run.sh</c> starts it, the Sandbox program: the WPPConnect and Chatwoot fakes and the
/// Typebot emulator (running the shipped flow) start inside the child process on the three ports after the host's,
/// and the real bridge talks to them.
/// </summary>
public sealed class SandboxConsoleHost : ConsoleHost
{
    /// <summary>The host's port; the fakes take the next three.</summary>
    public int Port { get; } = FreePortBlock(4);

    protected override string Program => "Onboarding.Sandbox.dll";

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => new Dictionary<string, string>
    {
        // A fixed port rather than 0: the Sandbox points the fakes' webhooks at the host's own URL before it listens.
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
        ["Sandbox:BasePort"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Typebot:DebounceMs"] = "150",
        ["Bridge:PerChatGap"] = "00:00:00.100",
        // These scenarios end at the registration; the document loop after it has its own tests (DocumentsBrowserTests,
        // the end-to-end DocumentsTests), so the checklist is off here and the handoff follows the registration.
        ["Documents:Enabled"] = "false",
    };

    /// <summary>A port p such that p … p + count - 1 are all free on loopback now.</summary>
    private static int FreePortBlock(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // Below Linux's ephemeral range (32768+), where outgoing connections take their ports.
            var first = Random.Shared.Next(20_000, 32_000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException)
            {
                // Taken: try another block.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports found.");
    }
}
