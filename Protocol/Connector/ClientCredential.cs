using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// How a SingleTenant or MultiTenant bot proves who it is to Entra, read and checked at start (a
/// file that cannot be used stops the start with a <see cref="SettingException"/> naming it), then
/// given to MSAL's confidential client: a client secret, a certificate whose key signs a client
/// assertion, or a federated token (a client assertion the platform writes to a file and renews,
/// as Kubernetes workload identity does).
/// </summary>
public abstract record ClientCredential
{
    public static ClientCredential From(BotCredentials credentials, TimeProvider clock) => credentials.Credential switch
    {
        ClientCredentialKind.Secret => new Secret(credentials.Password!),
        ClientCredentialKind.Certificate => new Certificate(LoadCertificate(credentials.CertificatePath!, credentials.CertificatePassword, clock)),
        ClientCredentialKind.FederatedToken => new FederatedToken(CheckReadable(credentials.FederatedTokenFile!)),
        var kind => throw new InvalidOperationException($"A {credentials.AppType} bot has no client credential ({kind})."),
    };

    public abstract ConfidentialClientApplicationBuilder ApplyTo(ConfidentialClientApplicationBuilder builder);

    public sealed record Secret(string Value) : ClientCredential
    {
        public override ConfidentialClientApplicationBuilder ApplyTo(ConfidentialClientApplicationBuilder builder) =>
            builder.WithClientSecret(Value);

        // A record prints its members: never the secret.
        public override string ToString() => "client secret";
    }

    /// <summary>MSAL signs a short client assertion with the key for each token request.</summary>
    public sealed record Certificate(X509Certificate2 Value) : ClientCredential
    {
        public override ConfidentialClientApplicationBuilder ApplyTo(ConfidentialClientApplicationBuilder builder) =>
            builder.WithCertificate(Value);
    }

    /// <summary>The file is read again for each token request: the platform replaces it before it expires.</summary>
    public sealed record FederatedToken(string Path) : ClientCredential
    {
        public override ConfidentialClientApplicationBuilder ApplyTo(ConfidentialClientApplicationBuilder builder) =>
            builder.WithClientAssertion(async (AssertionRequestOptions options) =>
                (await File.ReadAllTextAsync(Path, options.CancellationToken)).Trim());
    }

    private static X509Certificate2 LoadCertificate(string path, string? password, TimeProvider clock)
    {
        const string setting = BotCredentials.CertificatePathSetting;
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(setting, $"'{path}' cannot be read ({exception.GetType().Name}).");
        }
        catch (CryptographicException)
        {
            throw new SettingException(setting,
                $"'{path}' is not a PEM file with a certificate and its private key, nor a PKCS#12 file, or {BotCredentials.CertificatePasswordSetting} does not open it.");
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            throw new SettingException(setting, $"the certificate in '{path}' has no RSA private key (Entra signs client assertions with RSA).");
        }

        var now = clock.GetUtcNow();
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new SettingException(setting,
                $"the certificate in '{path}' (thumbprint {certificate.Thumbprint}) is valid only from {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd}.");
        }

        return certificate;
    }

    private static bool IsPem(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            // PEM may begin with attributes (openssl's "Bag Attributes"); PKCS#12 is binary DER.
            Span<byte> start = stackalloc byte[4096];
            var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return start[..read].IndexOf("-----BEGIN "u8) >= 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(BotCredentials.CertificatePathSetting, $"'{path}' cannot be read ({exception.GetType().Name}).");
        }
    }

    private static string CheckReadable(string path)
    {
        try
        {
            if (File.ReadAllText(path).Trim().Length == 0)
            {
                throw new SettingException(BotCredentials.FederatedTokenFileSetting, $"'{path}' is empty.");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(BotCredentials.FederatedTokenFileSetting, $"'{path}' cannot be read ({exception.GetType().Name}).");
        }

        return path;
    }
}
