using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using SecretBot.Bench.Peers;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// A local OpenID provider for both token paths the bot accepts: the Bot Framework channel metadata
/// (<c>/botframework/…</c>, keys with <c>endorsements</c>) and Entra's (<c>/entra/…</c>). It can be
/// started late, stopped and restarted on the same port to play an outage, and counts its requests.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    private readonly List<TestKey> _channelKeys = [];
    private readonly List<TestKey> _entraKeys = [];
    private WebApplication? _app;
    private int _metadataRequests;

    public LocalOpenIdServer(int? port = null) => Port = port ?? FreePort.Next();

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public Uri BotFrameworkMetadataUrl => new(BaseUrl, "botframework/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(BaseUrl, "entra/.well-known/openid-configuration");

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public TestKey AddChannelKey(string kid, params string[] endorsements)
    {
        var key = new TestKey(kid, endorsements);
        lock (_channelKeys)
        {
            _channelKeys.Add(key);
        }

        return key;
    }

    public TestKey AddEntraKey(string kid)
    {
        var key = new TestKey(kid);
        lock (_entraKeys)
        {
            _entraKeys.Add(key);
        }

        return key;
    }

    public async Task StartAsync()
    {
        (_app, _) = await LoopbackApp.StartAsync(port: Port, map: app =>
        {
            app.MapGet("/botframework/.well-known/openidconfiguration", () => Metadata("https://api.botframework.com", "botframework/keys"));
            app.MapGet("/botframework/keys", () => Keys(_channelKeys));
            app.MapGet("/entra/.well-known/openid-configuration", () => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "entra/keys"));
            app.MapGet("/entra/keys", () => Keys(_entraKeys));
        });
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private IResult Metadata(string issuer, string keysPath)
    {
        Interlocked.Increment(ref _metadataRequests);
        return Results.Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = new Uri(BaseUrl, "authorize").AbsoluteUri,
            ["jwks_uri"] = new Uri(BaseUrl, keysPath).AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private static IResult Keys(List<TestKey> keys)
    {
        JsonArray entries;
        lock (keys)
        {
            entries = new JsonArray(keys.Select(key =>
            {
                var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
                var entry = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.Kid,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (key.Endorsements.Length > 0)
                {
                    entry["endorsements"] = new JsonArray(key.Endorsements.Select(e => (JsonNode)e).ToArray());
                }

                return (JsonNode)entry;
            }).ToArray());
        }

        return Results.Json(new JsonObject { ["keys"] = entries });
    }
}
