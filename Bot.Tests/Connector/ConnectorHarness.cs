using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecretBot.Protocol.Configuration;
using SecretBot.Bot.Hosting;
using SecretBot.Protocol.Connector;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Connector;

/// <summary>The bot's real connector services (client, retry pipeline, token provider) wired as the host wires them.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(ServiceProvider services, LocalConnector connector, CapturingLoggerProvider logs)
    {
        _services = services;
        Connector = connector;
        Logs = logs;
    }

    public LocalConnector Connector { get; }

    public CapturingLoggerProvider Logs { get; }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public IAccessTokenProvider Tokens => _services.GetRequiredService<IAccessTokenProvider>();

    public static async Task<ConnectorHarness> StartAsync(string appType = "MultiTenant", string? appId = "bot-app-id",
        Dictionary<string, string?>? extra = null)
    {
        var connector = await LocalConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = appId is null ? null : "test-secret",
            ["MicrosoftAppTenantId"] = "tenant-42",
            ["Auth:TokenEndpoint"] = connector.TokenEndpointTemplate,
            ["Connector:FirstRetryDelay"] = "00:00:00.050",
            ["Connector:AttemptTimeout"] = "00:00:04",
            ["Connector:TotalTimeout"] = "00:00:20",
            ["Connector:TrustedHosts"] = connector.ServiceUrl.Host,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        try
        {
            var services = new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
                .AddSingleton(TestDigests.Digest)
                .AddConnector(configuration, BotCredentials.From(configuration), AuthEndpoints.From(configuration, development: false), development: false)
                .BuildServiceProvider();
            return new ConnectorHarness(services, connector, logs);
        }
        catch
        {
            // A setting refused at start (the tests of bad credentials): nothing to keep running.
            await connector.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
