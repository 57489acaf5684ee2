using System.Diagnostics;
using SecretBot.Bot.Configuration;
using SecretBot.Bot.Tests.Infrastructure;

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
    [InlineData("Auth:BotFrameworkMetadataUrl", "not a url", "Auth:BotFrameworkMetadataUrl")]
    public async Task ABadSettingStopsStartUpAndNamesIt(string key, string value, string expectedSetting)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "7f0d1e5a-0000-4000-8000-000000000001",
            ["MicrosoftAppPassword"] = "secret",
            [key] = value,
        };
        var exception = await Assert.ThrowsAsync<SettingException>(() => BotHost.StartAsync(settings, environment: "Production"));
        Assert.Equal(expectedSetting, exception.Setting);
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
