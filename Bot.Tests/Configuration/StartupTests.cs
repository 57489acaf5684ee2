using System.Diagnostics;
using SecretBot.Protocol.Configuration;
using SecretBot.Bot.Hosting;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Configuration;

/// <summary>Anonymous local mode is for a developer's machine only; a bad setting stops start-up and names itself.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task WithoutAppIdOutsideDevelopmentStartUpFailsNamingMicrosoftAppId()
    {
        var exception = await Assert.ThrowsAsync<SettingException>(() => BotHost.StartAsync(environment: "Production"));
        Assert.Equal("MicrosoftAppId", exception.Setting);
    }

    [Fact]
    public async Task AllowAnonymousLetsALocalRunStartOutsideDevelopment()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" },
            environment: "Production");
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(bot.BaseUrl, "healthz"));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("MicrosoftAppType", "Sideways", "MicrosoftAppType")]
    [InlineData("MicrosoftAppPassword", "", "MicrosoftAppPassword")]
    [InlineData("Bot:MaxRequestBytes", "-5", "Bot:MaxRequestBytes")]
    [InlineData("Bot:AllowAnonymous", "perhaps", "Bot:AllowAnonymous")]
    [InlineData("Bot:TurnLease", "00:00:00", "Bot:TurnLease")]
    [InlineData("Bot:TurnWait", "soon", "Bot:TurnWait")]
    [InlineData("Bot:DrainTimeout", "-00:00:05", "Bot:DrainTimeout")]
    [InlineData("Auth:BotFrameworkMetadataUrl", "not a url", "Auth:BotFrameworkMetadataUrl")]
    // Outside Development, what carries the client secret or decides which keys are trusted is https (loopback apart).
    [InlineData("Auth:TokenEndpoint", "http://login.example.com/{tenant}/oauth2/v2.0/token", "Auth:TokenEndpoint")]
    [InlineData("Auth:BotFrameworkMetadataUrl", "http://login.example.com/v1/.well-known/openidconfiguration", "Auth:BotFrameworkMetadataUrl")]
    [InlineData("Auth:EntraMetadataUrl", "http://login.example.com/common/v2.0/.well-known/openid-configuration", "Auth:EntraMetadataUrl")]
    [InlineData("Auth:TokenEndpoint", "no url at all", "Auth:TokenEndpoint")]
    // MSAL asks only an https authority, and derives the token endpoint's path from it.
    [InlineData("Auth:TokenEndpoint", "http://127.0.0.1:9/{tenant}/oauth2/v2.0/token", "Auth:TokenEndpoint")]
    [InlineData("Auth:TokenEndpoint", "https://127.0.0.1:9/oauth/{tenant}/token", "Auth:TokenEndpoint")]
    [InlineData("MicrosoftAppTenantId", "", "MicrosoftAppTenantId")]
    // A second credential beside the secret.
    [InlineData("MicrosoftAppCertificatePath", "/nowhere/bot.pfx", "MicrosoftAppCertificatePath")]
    [InlineData("Privacy:DigestKey", "", "Privacy:DigestKey")]
    [InlineData("Privacy:DigestKey", "not base64!", "Privacy:DigestKey")]
    [InlineData("Privacy:DigestKey", "c2hvcnQ=", "Privacy:DigestKey")]
    [InlineData("Auth:AllowEntraTokens", "maybe", "Auth:AllowEntraTokens")]
    [InlineData("Escalation:PostsPerPerson", "0", "Escalation:PostsPerPerson")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://collector/v1/traces", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/", "APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public async Task ABadSettingStopsStartUpAndNamesIt(string key, string value, string expectedSetting)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "7f0d1e5a-0000-4000-8000-000000000001",
            ["MicrosoftAppTenantId"] = "7f0d1e5a-0000-4000-8000-0000000000aa",
            ["MicrosoftAppPassword"] = "secret",
            ["Privacy:DigestKey"] = TestDigests.Setting,
            [key] = value,
        };
        var exception = await Assert.ThrowsAsync<SettingException>(() => BotHost.StartAsync(settings, environment: "Production"));
        Assert.Equal(expectedSetting, exception.Setting);
    }

    [Fact]
    public async Task LoopbackEndpointsAreAcceptedOutsideDevelopment()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "7f0d1e5a-0000-4000-8000-000000000001",
            ["MicrosoftAppTenantId"] = "7f0d1e5a-0000-4000-8000-0000000000aa",
            ["MicrosoftAppPassword"] = "secret",
            ["Privacy:DigestKey"] = TestDigests.Setting,
            ["Auth:TokenEndpoint"] = "https://127.0.0.1:9/{tenant}/oauth2/v2.0/token",
        }, environment: "Production");
        Assert.NotNull(bot);
    }

    [Fact]
    public async Task AnonymousModeOutsideDevelopmentAnswersOnlyToLoopback()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" },
            environment: "Production");
        using var http = new HttpClient();
        using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(
            Activities.Message(serviceUrl: "http://10.0.0.5/internal/"), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UntrustedServiceUrl", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheProgramSaysWhichSettingIsWrongWithoutAStackTrace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SecretBot.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--environment=Production", "--urls=http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["MicrosoftAppId"] = "";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("MicrosoftAppId", error);
        Assert.DoesNotContain("   at ", error);
    }
}
