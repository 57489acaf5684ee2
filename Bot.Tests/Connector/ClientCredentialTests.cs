using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecretBot.Protocol.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SecretBot.Protocol.Connector;

namespace SecretBot.Bot.Tests.Connector;

/// <summary>
/// The credentials without a secret, through MSAL against the local token endpoint: a certificate
/// (PKCS#12 with its password, PEM, encrypted PEM) signs a client assertion; a federated token is
/// read from its file at each request. Neither sends a client secret. A credential file that
/// cannot be used stops the start, naming its setting.
/// </summary>
public sealed class ClientCredentialTests : IDisposable
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("secretbot-credential");

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    [InlineData("encrypted-pem")]
    public async Task ACertificateSignsAClientAssertionForTheTokenEndpointAndNoSecretIsSent(string format)
    {
        using var certificate = Certificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var (path, password) = Write(certificate, format);
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant", extra: new()
        {
            ["MicrosoftAppPassword"] = null,
            ["MicrosoftAppCertificatePath"] = path,
            ["MicrosoftAppCertificatePassword"] = password,
        });

        Assert.Equal("test-token-1", await harness.Tokens.GetTokenAsync(default));

        var form = Assert.Single(harness.Connector.Requests).Body!.AsObject();
        Assert.Null(form["client_secret"]);
        Assert.Equal("client_credentials", (string?)form["grant_type"]);
        Assert.Equal(ClientCredentialsTokenProvider.Scope, (string?)form["scope"]);
        Assert.Equal(JwtBearer, (string?)form["client_assertion_type"]);

        // Signed by the certificate's key, for this app and this token endpoint, short-lived.
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync((string)form["client_assertion"]!, new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(publicOnly),
            ValidIssuer = "bot-app-id",
            ValidAudience = harness.Connector.TokenEndpointTemplate.Replace("{tenant}", "tenant-42", StringComparison.Ordinal),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var assertion = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("bot-app-id", assertion.Subject);
        Assert.Equal(Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)), assertion.GetHeaderValue<string>("x5t#S256"));
        Assert.InRange(assertion.ValidTo - DateTime.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AFederatedTokenIsSentAsTheClientAssertionAndReadAgainWhenItChanges()
    {
        var file = Path.Combine(_folder.FullName, "azure-identity-token");
        File.WriteAllText(file, "federated-assertion-1\n");
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant", extra: new()
        {
            ["MicrosoftAppPassword"] = null,
            ["MicrosoftAppFederatedTokenFile"] = file,
        });

        var first = await harness.Tokens.GetTokenAsync(default);
        // The platform renews the file; the next request (here forced by a refused token) carries the new one.
        File.WriteAllText(file, "federated-assertion-2");
        harness.Tokens.Invalidate(first!);
        Assert.Equal("test-token-2", await harness.Tokens.GetTokenAsync(default));

        var forms = harness.Connector.Requests.Select(r => r.Body!.AsObject()).ToList();
        Assert.Equal(["federated-assertion-1", "federated-assertion-2"], forms.Select(f => (string?)f["client_assertion"]));
        Assert.All(forms, form =>
        {
            Assert.Equal(JwtBearer, (string?)form["client_assertion_type"]);
            Assert.Null(form["client_secret"]);
            Assert.Equal("bot-app-id", (string?)form["client_id"]);
            Assert.Equal("tenant-42", (string?)form["tenant"]);
        });
    }

    [Fact]
    public async Task ASecretIsSentAsTheClientSecret()
    {
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant");
        await harness.Tokens.GetTokenAsync(default);

        var form = Assert.Single(harness.Connector.Requests).Body!.AsObject();
        Assert.Equal("test-secret", (string?)form["client_secret"]);
        Assert.Null(form["client_assertion"]);
    }

    [Fact]
    public async Task ARedirectFromTheTokenEndpointIsNotFollowedWithTheCredential()
    {
        await using var sink = await LocalConnector.StartAsync();
        var (redirector, _, redirectorUrl) = await LoopbackApp.StartWithTlsAsync(app => app.MapPost("/{tenant}/oauth2/v2.0/token",
            (string tenant) => Results.Redirect(sink.TokenEndpointTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal), preserveMethod: true)));
        await using var _ = redirector;
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant", extra: new()
        {
            ["Auth:TokenEndpoint"] = redirectorUrl.AbsoluteUri + "{tenant}/oauth2/v2.0/token",
        });

        await Assert.ThrowsAsync<TokenUnavailableException>(() => harness.Tokens.GetTokenAsync(default).AsTask());
        Assert.Empty(sink.Requests);
    }

    [Fact]
    public async Task AnUnreadableFederatedTokenFileIsAnOutageLoggedOnceWithoutItsContent()
    {
        var file = Path.Combine(_folder.FullName, "azure-identity-token");
        File.WriteAllText(file, "federated-assertion-1");
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant", extra: new()
        {
            ["MicrosoftAppPassword"] = null,
            ["MicrosoftAppFederatedTokenFile"] = file,
        });
        File.Delete(file);

        await Assert.ThrowsAsync<TokenUnavailableException>(() => harness.Tokens.GetTokenAsync(default).AsTask());

        var outage = Assert.Single(harness.Logs.Entries, e => e.Message.StartsWith("Cannot get a connector token", StringComparison.Ordinal));
        Assert.Contains("could not be read", outage.Message);
        Assert.Equal(0, harness.Connector.TokenRequests);
    }

    [Theory]
    [InlineData("missing", "MicrosoftAppCertificatePath")]
    [InlineData("wrong-password", "MicrosoftAppCertificatePath")]
    [InlineData("expired", "MicrosoftAppCertificatePath")]
    [InlineData("not-a-certificate", "MicrosoftAppCertificatePath")]
    [InlineData("missing-token-file", "MicrosoftAppFederatedTokenFile")]
    [InlineData("empty-token-file", "MicrosoftAppFederatedTokenFile")]
    public async Task ACredentialFileThatCannotBeUsedStopsTheStartNamingItsSetting(string problem, string setting)
    {
        using var valid = Certificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var expired = Certificate(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        var empty = Path.Combine(_folder.FullName, "empty");
        File.WriteAllText(empty, " \n");
        Dictionary<string, string?> extra = problem switch
        {
            "missing" => new() { ["MicrosoftAppCertificatePath"] = Path.Combine(_folder.FullName, "nowhere.pfx") },
            "wrong-password" => new() { ["MicrosoftAppCertificatePath"] = Write(valid, "pfx").Path, ["MicrosoftAppCertificatePassword"] = "wrong" },
            "expired" => new() { ["MicrosoftAppCertificatePath"] = Write(expired, "pem").Path },
            "not-a-certificate" => new() { ["MicrosoftAppCertificatePath"] = empty },
            "missing-token-file" => new() { ["MicrosoftAppFederatedTokenFile"] = Path.Combine(_folder.FullName, "nowhere") },
            _ => new() { ["MicrosoftAppFederatedTokenFile"] = empty },
        };
        extra["MicrosoftAppPassword"] = null;

        var exception = await Assert.ThrowsAsync<SettingException>(() => ConnectorHarness.StartAsync(appType: "SingleTenant", extra: extra));
        Assert.Equal(setting, exception.Setting);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static X509Certificate2 Certificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SecretBot test client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>The certificate and its key as an administrator would deploy them, and the password that opens them.</summary>
    private (string Path, string? Password) Write(X509Certificate2 certificate, string format)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.{(format == "pfx" ? "pfx" : "pem")}");
        using var key = certificate.GetRSAPrivateKey()!;
        switch (format)
        {
            case "pfx":
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
                return (path, "pfx-password");
            case "pem":
                File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
                return (path, null);
            default:
                var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem("pem-password",
                    new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
                File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + encrypted);
                return (path, "pem-password");
        }
    }
}
