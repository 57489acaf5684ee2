using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NJsonSchema;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.AppPackage;

/// <summary>The Teams app package an administrator uploads: schema-valid manifest and localisation, right icons, right zip.</summary>
public sealed class AppPackageTests
{
    private const string AppId = "7f0d1e5a-0000-4000-8000-000000000001";
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
        var (code, _) = await RunAsync("not-a-guid", "https://secretbot.example.org", Path.GetTempFileName());
        Assert.Equal(2, code);
    }

    private static async Task<string> BuildAsync()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("secretbot-package").FullName, "SecretBot.zip");
        var (code, errors) = await RunAsync(AppId, "https://secretbot.example.org", zip);
        Assert.True(code == 0, errors);
        return zip;
    }

    private static async Task<(int Code, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
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
