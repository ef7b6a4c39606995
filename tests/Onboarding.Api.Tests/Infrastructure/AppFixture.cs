using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Onboarding.Tests.Shared;

namespace Onboarding.Api.Tests.Infrastructure;

/// <summary>One host per test assembly (FastEndpoints keeps process-wide configuration), on its own database.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string StaffKey = "test-staff-key-0123456789";
    public const string TypebotKey = "test-typebot-key-0123456789";
    public const string WebhookToken = "test-wpp-webhook-token";
    public const string ChatwootSecret = "test-chatwoot-secret";

    /// <summary>The records API alone, no bridge worker. The clients need valid settings; nothing listens there.</summary>
    public static readonly IReadOnlyDictionary<string, string> BridgeSettings = new Dictionary<string, string>
    {
        ["Onboarding:Roles"] = "api",
        ["WppConnect:BaseUrl"] = "http://127.0.0.1:9",
        ["WppConnect:Session"] = "test",
        ["WppConnect:SecretKey"] = "test-secret",
        ["WppConnect:WebhookToken"] = WebhookToken,
        ["Chatwoot:BaseUrl"] = "http://127.0.0.1:9",
        ["Chatwoot:AccountId"] = "1",
        ["Chatwoot:InboxId"] = "1",
        ["Chatwoot:ApiToken"] = "test-token",
        ["Chatwoot:WebhookSecret"] = ChatwootSecret,
        // Every test shares one in-memory client address: the per-address limit is tested end to end instead.
        ["Protection:PermitsPerMinute"] = "1000000",
        // Registration and review scenarios predate the documents: no checklist, so no approval gate (DocumentsConsoleHost has one).
        ["Documents:Enabled"] = "false",
    };

    public IAlbaHost Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("ConnectionStrings:Onboarding", Database.ConnectionString);
            builder.UseSetting("Api:Keys:0:Name", "staff-test");
            builder.UseSetting("Api:Keys:0:Key", StaffKey);
            builder.UseSetting("Api:Keys:0:Role", "staff");
            builder.UseSetting("Api:Keys:1:Name", "typebot-test");
            builder.UseSetting("Api:Keys:1:Key", TypebotKey);
            builder.UseSetting("Api:Keys:1:Role", "typebot");
            foreach (var (key, value) in BridgeSettings)
            {
                builder.UseSetting(key, value);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
