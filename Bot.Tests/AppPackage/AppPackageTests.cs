using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NJsonSchema;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.AppPackage;

/// <summary>The Teams app package an administrator uploads: schema-valid manifest and localisation, right icons, right zip.</summary>
public sealed class AppPackageTests
{
    private const string AppId = "7f0d1e5a-0000-4000-8000-000000000001";
    private const string PublicUrl = "https://secretbot.example.org";
    // Quotes, an ampersand and a pipe: the name crosses a JSON string and a sed replacement.
    private const string Developer = "ASBL \"L'Étape\" & Co | Liège";
    private const string Version = "2.14.3";
    private static readonly string TeamsSchema = Path.Combine(RepositoryPaths.Shared, "teams", "MicrosoftTeams.schema.json");

    [Fact]
    public async Task TheZipHoldsExactlyTheFourFilesAtItsRootAndTheManifestIsValid()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());

        var manifest = Read(archive, "manifest.json");
        var schema = await JsonSchema.FromFileAsync(TeamsSchema);
        Assert.Empty(schema.Validate(manifest));
        var parsed = JsonNode.Parse(manifest)!;
        Assert.Equal(AppId, (string?)parsed["id"]);
        Assert.Equal(AppId, (string?)parsed["bots"]![0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], parsed["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.DoesNotContain("{{", manifest);
        Assert.Equal(Developer, (string?)parsed["developer"]!["name"]);
        Assert.Equal(Version, (string?)parsed["version"]);
    }

    /// <summary>
    /// What an administrator reads in the store and a person reads on the welcome and help cards says
    /// the same thing, honestly: SecretBot keeps nothing of what is typed, and Teams keeps the
    /// conversation in its history like any chat.
    /// </summary>
    [Fact]
    public async Task ThePrivacyPromiseIsHonestInTheManifestTheWelcomeAndTheHelp()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        var french = (string)JsonNode.Parse(Read(archive, "manifest.json"))!["description"]!["full"]!;
        var english = (string)JsonNode.Parse(Read(archive, "en.json"))!["description.full"]!;
        Assert.Contains("ne garde rien de ce que vous écrivez", french);
        Assert.Contains("historique de Teams", french);
        Assert.Contains("keeps nothing of what you write", english);
        Assert.Contains("Teams history", english);
        Assert.DoesNotContain("·", french);

        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultJurisdiction"] = "BE" });
        foreach (var (locale, promise) in new[] { ("fr-BE", "SecretBot ne garde rien de ce que vous écrivez ; la conversation reste dans votre historique Teams"),
                     ("en-GB", "SecretBot keeps nothing of what you write; the conversation stays in your Teams history") })
        {
            var user = new TeamsUser(bot, connector, $"privacy-{Guid.NewGuid():N}", locale);
            var welcome = (await user.SayAsync("bonjour")).Last().Card()!;
            Assert.Contains(promise, welcome.Text());
            var help = (await user.SayAsync(locale.StartsWith("fr") ? "aide" : "help")).Last().Card()!;
            Assert.Contains(promise, help.Text());
        }
    }

    [Fact]
    public async Task TheManifestLinksToPagesTheBotServesUnderItsPublicUrl()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        var developer = JsonNode.Parse(Read(archive, "manifest.json"))!["developer"]!;
        Assert.Equal(PublicUrl + "/", (string?)developer["websiteUrl"]);
        Assert.Equal(PublicUrl + "/privacy", (string?)developer["privacyUrl"]);
        Assert.Equal(PublicUrl + "/terms", (string?)developer["termsOfUseUrl"]);

        // The same paths on a running bot: pages, in French by default, naming the organisation.
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Organization:Name"] = "CPAS de Namur" });
        using var http = new HttpClient();
        foreach (var link in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var path = new Uri((string)developer[link]!).PathAndQuery.TrimStart('/');
            using var response = await http.GetAsync(new Uri(bot.BaseUrl, path));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"fr\">", html);
            Assert.Contains("CPAS de Namur", html);
        }
    }

    [Theory]
    [InlineData("0.0.1")]
    [InlineData("10.20.300")]
    public async Task AnySemanticVersionIsTaken(string version)
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("secretbot-package").FullName, "SecretBot.zip");
        var (code, errors) = await RunAsync(AppId, PublicUrl, Developer, version, zip);
        Assert.True(code == 0, errors);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(version, (string?)JsonNode.Parse(Read(archive, "manifest.json"))!["version"]);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("v1.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-beta.1")]
    [InlineData("1.0.0+build.5")]
    [InlineData("")]
    public async Task TheBuildRefusesAVersionThatIsNotMajorMinorPatch(string version)
    {
        var (code, errors) = await RunAsync(AppId, PublicUrl, Developer, version, Path.GetTempFileName());
        Assert.Equal(2, code);
        Assert.Contains("MAJOR.MINOR.PATCH", errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Centre public d'action sociale de Liège")]
    [InlineData("CPAS\nde Namur")]
    public async Task TheBuildRefusesADeveloperNameTeamsWouldNotShow(string developer)
    {
        var (code, errors) = await RunAsync(AppId, PublicUrl, developer, Version, Path.GetTempFileName());
        Assert.Equal(2, code);
        Assert.Contains("1 to 32 characters", errors);
    }

    [Fact]
    public async Task ARelativeOutputPathIsTakenFromTheCurrentFolder()
    {
        // As the Agents Toolkit calls it: ./appPackage/build/appPackage.dev.zip from the repository root.
        var folder = Directory.CreateTempSubdirectory("secretbot-package").FullName;
        var (code, errors) = await RunInAsync(folder, AppId, PublicUrl, Developer, Version, "./build/appPackage.dev.zip");
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(Path.Combine(folder, "build", "appPackage.dev.zip")));
    }

    [Fact]
    public async Task TheOldThreeArgumentCallIsRefusedWithTheUsage()
    {
        var (code, errors) = await RunAsync(AppId, PublicUrl, Path.Combine(Path.GetTempPath(), "SecretBot.zip"));
        Assert.Equal(2, code);
        Assert.Contains("usage: build.sh MicrosoftAppId PublicBaseUrl DeveloperName Version [out.zip]", errors);
    }

    [Fact]
    public async Task MicrosoftsOwnManifestValidatorAcceptsTheManifest()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        var manifest = Path.Combine(Path.GetDirectoryName(zip)!, "manifest.json");
        File.WriteAllText(manifest, Read(archive, "manifest.json"));

        var run = NodeTool.Manifest.Node("validate.js", manifest, TeamsSchema);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Empty(JsonNode.Parse(run.Output)!["errors"]!.AsArray());
    }

    [Fact]
    public async Task MicrosoftsOwnManifestValidatorRefusesABrokenManifest()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        var broken = JsonNode.Parse(Read(archive, "manifest.json"))!;
        broken["name"]!["short"] = new string('S', 31);
        broken["bots"]![0]!["scopes"] = new JsonArray("everywhere");
        var manifest = Path.Combine(Path.GetDirectoryName(zip)!, "broken.json");
        File.WriteAllText(manifest, broken.ToJsonString());

        var run = NodeTool.Manifest.Node("validate.js", manifest, TeamsSchema);

        Assert.Equal(1, run.ExitCode);
        var errors = JsonNode.Parse(run.Output)!["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains(errors, e => e.StartsWith("/name/short", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes/0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEnglishLocalisationIsValidAndCoversEveryCommand()
    {
        var zip = await BuildAsync();
        using var archive = ZipFile.OpenRead(zip);
        var localization = Read(archive, "en.json");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "teams", "MicrosoftTeams.Localization.schema.json"));
        Assert.Empty(schema.Validate(localization));

        var manifest = JsonNode.Parse(Read(archive, "manifest.json"))!;
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 10);
        var english = JsonNode.Parse(localization)!.AsObject();
        for (var i = 0; i < commands.Count; i++)
        {
            Assert.True(english.ContainsKey($"bots[0].commandLists[0].commands[{i}].title"), $"command {i} has no English title");
        }
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void IconsHaveTheirSizeAndTheOutlineIsTransparent(string file, int size, bool transparent)
    {
        var png = File.ReadAllBytes(RepositoryPaths.InRoot("appPackage", file));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(6, png[25]);
        var pixels = Pixels(png, size);
        Assert.Equal(transparent ? 0 : 255, pixels[0][3]);
        if (transparent)
        {
            // Teams draws the outline icon in its own colour: only white, with any transparency.
            Assert.All(pixels, p => Assert.True(p[0] == 255 && p[1] == 255 && p[2] == 255, "outline.png has a pixel that is not white"));
            Assert.Contains(pixels, p => p[3] == 255);
        }
        else
        {
            Assert.All(pixels, p => Assert.Equal(255, p[3]));
        }
    }

    [Fact]
    public async Task TheBuildRefusesAnAppIdThatIsNotAGuid()
    {
        var (code, _) = await RunAsync("not-a-guid", PublicUrl, Developer, Version, Path.GetTempFileName());
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("http://secretbot.example.org")]
    [InlineData("https://secretbot.example.org/?lang=fr")]
    [InlineData("https://secretbot.example.org/a b")]
    public async Task TheBuildRefusesAPublicUrlThatIsNotAPlainHttpsAddress(string url)
    {
        var (code, _) = await RunAsync(AppId, url, Developer, Version, Path.GetTempFileName());
        Assert.Equal(2, code);
    }

    private static async Task<string> BuildAsync()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("secretbot-package").FullName, "SecretBot.zip");
        var (code, errors) = await RunAsync(AppId, PublicUrl, Developer, Version, zip);
        Assert.True(code == 0, errors);
        return zip;
    }

    private static Task<(int Code, string Errors)> RunAsync(params string[] arguments) => RunInAsync(null, arguments);

    private static async Task<(int Code, string Errors)> RunInAsync(string? folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = folder ?? "" };
        start.ArgumentList.Add(RepositoryPaths.InRoot("appPackage", "build.sh"));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, errors);
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Every RGBA pixel, row by row, of an 8-bit RGBA PNG whose scanlines are unfiltered (as tools/icons/draw.py writes them).</summary>
    private static List<byte[]> Pixels(byte[] png, int size)
    {
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var kind = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (kind == "IDAT")
            {
                using var inflate = new ZLibStream(new MemoryStream(png, offset + 8, length), CompressionMode.Decompress);
                var pixels = new List<byte[]>(size * size);
                var row = new byte[1 + 4 * size];
                for (var y = 0; y < size; y++)
                {
                    inflate.ReadExactly(row);
                    Assert.Equal(0, row[0]);
                    pixels.AddRange(Enumerable.Range(0, size).Select(x => row[(1 + 4 * x)..(5 + 4 * x)]));
                }

                return pixels;
            }

            offset += 12 + length;
        }

        throw new InvalidDataException("No IDAT chunk.");
    }
}
