using System.Text.RegularExpressions;

namespace Onboarding.Bridge.Tests.Architecture;

/// <summary>
/// One owner per table (ARCHITECTURE.md, "Who owns which table"): a table is written only by its store, and read only
/// by its store or inside another store's query (a join, a subquery). Features, jobs, webhooks and the bot call the
/// stores. Scans the SQL text of every source file, so a query added anywhere else fails here.
/// </summary>
public sealed partial class TableOwnershipTests
{
    private const string DriverRepository = "src/Onboarding.Data/Drivers/DriverRepository.cs";
    private const string DocumentStore = "src/Onboarding.Data/Documents/DocumentStore.cs";
    private const string ContactDirectory = "src/Onboarding.Bridge/Contacts/ContactDirectory.cs";
    private const string ContactDirectoryConversations = "src/Onboarding.Bridge/Contacts/ContactDirectory.Conversations.cs";
    private const string ContactDirectoryNudges = "src/Onboarding.Bridge/Contacts/ContactDirectory.Nudges.cs";
    private const string ApplicationProgress = "src/Onboarding.Data/Applications/ApplicationProgress.cs";
    private const string ApplicationFunnel = "src/Onboarding.Data/Applications/ApplicationProgress.Funnel.cs";

    /// <summary>The owner map of ARCHITECTURE.md: each application table and the file(s) of its one store class.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Owners = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["drivers"] = [DriverRepository],
        ["driver_status_history"] = [DriverRepository],
        ["idempotency_keys"] = ["src/Onboarding.Data/Idempotency/IdempotencyStore.cs"],
        ["contacts"] = [ContactDirectory, ContactDirectoryConversations, ContactDirectoryNudges],
        ["conversations"] = [ContactDirectory, ContactDirectoryConversations, ContactDirectoryNudges],
        ["inbound_messages"] = ["src/Onboarding.Bridge/Inbound/Ledger/InboundLedger.cs"],
        ["outbox"] = ["src/Onboarding.Bridge/Outbound/Outbox/OutboxStore.cs"],
        ["message_receipts"] = ["src/Onboarding.Bridge/Outbound/Outbox/DeliveryReceipts.cs"],
        ["webhook_receipts"] = ["src/Onboarding.Bridge/Outbound/Intake/WebhookReceipts.cs"],
        ["bridge_state"] = ["src/Onboarding.Bridge/State/BridgeState.cs"],
        ["governor_grants"] = ["src/Onboarding.Bridge/Governor/GovernorStore.cs"],
        ["applications"] = [ApplicationProgress, ApplicationFunnel],
        ["application_questions"] = [ApplicationProgress, ApplicationFunnel],
        ["funnel_question_days"] = [ApplicationProgress, ApplicationFunnel],
        ["driver_documents"] = [DocumentStore],
        ["document_checklists"] = [DocumentStore],
        ["document_reminders"] = [DocumentStore],
        ["document_views"] = [DocumentStore],
    };

    /// <summary>
    /// The GDPR erasure and export (docs/0020) reach every copy of a driver in the erasing transaction, which the data
    /// layer runs and the bridge's stores cannot join: the one place allowed to write any table.
    /// </summary>
    private static readonly string[] Erasure = ["src/Onboarding.Data/Drivers/DriverErasure.cs", "src/Onboarding.Data/Drivers/DriverDataCopies.cs"];

    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_table_is_touched_only_by_its_owner()
    {
        var stores = Owners.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var (file, verb, table) in SqlReferences())
        {
            if (!Owners.TryGetValue(table, out var owners) || owners.Contains(file) || Erasure.Contains(file))
            {
                continue;
            }

            var read = verb is "FROM" or "JOIN";
            if (!(read && stores.Contains(file)))
            {
                offences.Add($"{file}: {verb} {table} (owner: {string.Join(", ", owners)})");
            }
        }

        offences.ShouldBeEmpty();
    }

    [Fact]
    public void Every_table_of_the_migrations_has_an_owner()
    {
        var tables = Directory.EnumerateFiles(Path.Combine(Root, "db"), "*.sql")
            .SelectMany(f => CreateTable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(t => !t.StartsWith("qrtz_", StringComparison.Ordinal))
            .ToList();
        tables.ShouldNotBeEmpty();
        tables.Where(t => !Owners.ContainsKey(t)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_owner_file_exists_and_holds_its_tables_sql()
    {
        var seen = SqlReferences().Select(r => (r.File, r.Table)).ToHashSet();
        foreach (var (table, owners) in Owners)
        {
            owners.ShouldAllBe(f => File.Exists(Path.Combine(Root, f)));
            owners.Any(f => seen.Contains((f, table))).ShouldBeTrue($"no SQL of {table} in its owner");
        }
    }

    /// <summary>Every table name after an SQL verb in the sources, with the verb (writes before the FROM inside them).</summary>
    private static IEnumerable<(string File, string Verb, string Table)> SqlReferences()
    {
        var sources = Path.Combine(Root, "src");
        foreach (var path in Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in SqlVerb().Matches(File.ReadAllText(path)))
            {
                yield return (file, Regex.Replace(m.Groups[1].Value, @"\s+", " "), m.Groups[2].Value);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Onboarding.sln not found above " + AppContext.BaseDirectory);
    }

    // Alternatives in this order, so "DELETE FROM x" is a write and not a read of x.
    [GeneratedRegex(@"\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE|TRUNCATE(?:\s+TABLE)?|JOIN|FROM)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)")]
    private static partial Regex SqlVerb();

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
