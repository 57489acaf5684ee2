using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecretBot.Testing;
using YamlDotNet.RepresentationModel;

namespace SecretBot.Bot.Tests.Deployment;

/// <summary>infra/main.bicep compiled once by the pinned Bicep CLI, with its resources and modules flattened.</summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate()
    {
        Build = BicepCli.Invoke(["build", "infra/main.bicep", "--stdout"]);
        Main = Build.ExitCode == 0 ? JsonNode.Parse(Build.Output)!.AsObject() : new JsonObject();
        foreach (var resource in Array(Main["resources"]))
        {
            if ((string?)resource["type"] == "Microsoft.Resources/deployments")
            {
                Modules[(string)resource["name"]!] = resource;
                foreach (var inner in Array(resource["properties"]!["template"]!["resources"]))
                    Resources.Add(((string)resource["name"]!, inner));
            }
            else
            {
                Resources.Add(("main", resource));
            }
        }
    }

    public BicepCli.Run Build { get; }

    public JsonObject Main { get; }

    /// <summary>Module deployments by name (monitoring, redis, keyvault, web, bot).</summary>
    public Dictionary<string, JsonObject> Modules { get; } = [];

    /// <summary>Every resource, with the module it is declared in ("main" for the top level).</summary>
    public List<(string Module, JsonObject Resource)> Resources { get; } = [];

    public JsonObject Single(string type) => Assert.Single(Resources, r => (string?)r.Resource["type"] == type).Resource;

    public JsonObject Parameter(string name) => Main["parameters"]![name]!.AsObject();

    public JsonObject ModuleParameter(string module, string name) =>
        Modules[module]["properties"]!["template"]!["parameters"]![name]!.AsObject();

    /// <summary>The expression main.bicep passes to a module's parameter (its JSON when it is not a plain value).</summary>
    public string ModuleArgument(string module, string name) => Modules[module]["properties"]!["parameters"]![name] switch
    {
        JsonObject argument when argument["value"] is JsonValue value && value.TryGetValue<string>(out var text) => text,
        var argument => Text(argument),
    };

    /// <summary>JSON text with ARM expressions as written (quotes not escaped), for searching.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<JsonObject> Array(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(item => item!.AsObject()),
        JsonObject symbolic => symbolic.Select(entry => entry.Value!.AsObject()),
        _ => [],
    };
}

/// <summary>
/// The Azure deployment in infra/ (issue 17): it compiles and lints clean with the pinned Bicep
/// CLI, deploys what the issue asks for with the properties an administrator relies on, passes
/// secrets only through Key Vault, gives the bot settings it starts with in Production, and the
/// Agents Toolkit files deploy the same template.
/// </summary>
public sealed class InfraTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public void TheTemplateCompilesAndLintsWithoutAnyDiagnostic()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.Errors);
        Assert.Equal("", template.Build.Errors.Trim());

        var lint = BicepCli.Invoke(["lint", "infra/main.bicep"]);
        Assert.True(lint.ExitCode == 0, lint.Errors);
        Assert.Equal("", (lint.Output + lint.Errors).Trim());
    }

    [Fact]
    public void TheExampleParametersTakeTheDigestKeyFromTheEnvironmentAndDefaultToAManagedIdentityInEurope()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var environment = new Dictionary<string, string?>
        {
            ["SECRETBOT_DIGEST_KEY"] = key,
            ["SECRETBOT_APP_TYPE"] = null,
            ["SECRETBOT_APP_ID"] = null,
            ["SECRETBOT_CLIENT_SECRET"] = null,
        };
        var build = BicepCli.Invoke(["build-params", "infra/main.bicepparam", "--stdout"], environment);
        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.Equal("", build.Errors.Trim());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(build.Output)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal(key, (string?)parameters["digestKey"]!["value"]);
        Assert.Equal("UserAssignedMSI", (string?)parameters["appType"]!["value"]);
        Assert.Equal("westeurope", (string?)parameters["location"]!["value"]);
        Assert.Equal("westeurope", (string?)parameters["botLocation"]!["value"]);
        Assert.False((bool?)parameters["deployRedis"]!["value"]);

        var lint = BicepCli.Invoke(["lint", "infra/main.bicepparam"], environment);
        Assert.True(lint.ExitCode == 0, lint.Errors);
        Assert.Equal("", (lint.Output + lint.Errors).Trim());

        // No key, no parameters: nobody deploys with an empty or invented secret.
        environment["SECRETBOT_DIGEST_KEY"] = null;
        var missing = BicepCli.Invoke(["build-params", "infra/main.bicepparam", "--stdout"], environment);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("SECRETBOT_DIGEST_KEY", missing.Errors);
    }

    [Fact]
    public void EveryResourceTheIssueAsksForIsDeployed()
    {
        var types = template.Resources.Select(r => (string)r.Resource["type"]!).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            "Microsoft.OperationalInsights/workspaces",
            "Microsoft.Insights/components",
            "Microsoft.KeyVault/vaults",
            "Microsoft.KeyVault/vaults/secrets",
            "Microsoft.Authorization/roleAssignments",
            "Microsoft.Cache/redis",
            "Microsoft.Web/serverfarms",
            "Microsoft.Web/sites",
            "Microsoft.BotService/botServices",
            "Microsoft.BotService/botServices/channels",
        }, types);

        // Application Insights is workspace-based.
        var insights = template.Single("Microsoft.Insights/components")["properties"]!;
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"]);
        Assert.Equal("LogAnalytics", (string?)insights["IngestionMode"]);

        // Nothing lands in the "global" location; the web app's region defaults to West Europe.
        Assert.All(template.Resources, r => Assert.NotEqual("global", (string?)r.Resource["location"]));
        Assert.Equal("westeurope", (string?)template.Parameter("location")["defaultValue"]);
    }

    [Fact]
    public void TheWebAppIsLinuxDotNet10HttpsOnlyAndCheckedOnReadyz()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("linux", (string?)plan["kind"]);
        Assert.True((bool?)plan["properties"]!["reserved"]);

        var site = template.Single("Microsoft.Web/sites");
        var properties = site["properties"]!;
        var config = properties["siteConfig"]!;
        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.True((bool?)config["alwaysOn"]);

        // The user-assigned identity is attached, and Key Vault references are resolved with it.
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)properties["keyVaultReferenceIdentity"]);
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", template.ModuleArgument("web", "identityId"));
    }

    [Fact]
    public void TheBotIsRegionalInEuropeWithTheTeamsChannelAndAManagedIdentityByDefault()
    {
        // Identity: UserAssignedMSI by default, SingleTenant as the option, MultiTenant nowhere.
        var appType = template.Parameter("appType");
        Assert.Equal("UserAssignedMSI", (string?)appType["defaultValue"]);
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], appType["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], template.ModuleParameter("bot", "appType")["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.DoesNotContain("MultiTenant", template.Build.Output, StringComparison.Ordinal);

        // Regional "Europe" data residency: westeurope is the only location the bot accepts.
        Assert.Equal("westeurope", (string?)template.Parameter("botLocation")["defaultValue"]);
        Assert.Equal(["westeurope"], template.Parameter("botLocation")["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["westeurope"], template.ModuleParameter("bot", "location")["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("[parameters('botLocation')]", (string?)template.Modules["bot"]["properties"]!["parameters"]!["location"]!["value"]);

        var bot = template.Single("Microsoft.BotService/botServices");
        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("[parameters('location')]", (string?)bot["location"]);
        var properties = bot["properties"]!;
        Assert.Equal("[parameters('appType')]", (string?)properties["msaAppType"]);
        Assert.Equal("[parameters('appId')]", (string?)properties["msaAppId"]);
        Assert.Equal("[tenant().tenantId]", (string?)properties["msaAppTenantId"]);
        Assert.Contains("parameters('identityId')", (string?)properties["msaAppMSIResourceId"]);
        Assert.Equal("[parameters('endpoint')]", (string?)properties["endpoint"]);

        // The messaging endpoint is the web app's https://<host>/api/messages; with the managed
        // identity, the bot's app id is the identity's client id.
        Assert.Contains("format('https://{0}/api/messages'", template.ModuleArgument("bot", "endpoint"));
        Assert.Contains("outputs.hostName.value", template.ModuleArgument("bot", "endpoint"));
        Assert.Matches(@"if\(variables\('useMsi'\), createObject\('value', reference\(resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities'.*\)\.clientId\), createObject\('value', parameters\('singleTenantAppId'\)\)\)",
            template.ModuleArgument("bot", "appId"));

        var teams = template.Single("Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", (string?)teams["properties"]!["channelName"]);
        Assert.True((bool?)teams["properties"]!["properties"]!["isEnabled"]);

        // Outputs: the bot's app id, the web app's host name, the messaging endpoint.
        var outputs = template.Main["outputs"]!.AsObject();
        Assert.All(new[] { "BOT_ID", "BOT_DOMAIN", "BOT_ENDPOINT", "BOT_MESSAGING_ENDPOINT" }, name => Assert.True(outputs.ContainsKey(name), name));
    }

    [Fact]
    public void RedisIsOptionalOffByDefaultAndTlsOnly()
    {
        Assert.False((bool?)template.Parameter("deployRedis")["defaultValue"]);
        Assert.Equal("[parameters('deployRedis')]", (string?)template.Modules["redis"]["condition"]);

        var redis = template.Single("Microsoft.Cache/redis")["properties"]!;
        Assert.False((bool?)redis["enableNonSslPort"]);
        Assert.Equal("1.2", (string?)redis["minimumTlsVersion"]);

        // Its connection string goes to Key Vault, on the TLS port, with ssl=true.
        var secret = Assert.Single(template.Resources, r => r.Module == "keyvault" && ((string?)r.Resource["name"])!.Contains("state-redis")).Resource;
        Assert.Equal("[parameters('storeRedis')]", (string?)secret["condition"]);
        var value = (string)secret["properties"]!["value"]!;
        Assert.Contains("sslPort", value);
        Assert.Contains("ssl=true,password=", value);
        Assert.Contains("listKeys(", value);
        Assert.Contains("abortConnect=false", value);
    }

    [Fact]
    public void SecretsReachTheAppOnlyThroughKeyVaultReferencesReadByTheIdentity()
    {
        foreach (var secure in new[] { "digestKey", "singleTenantClientSecret" })
        {
            Assert.Equal("securestring", (string?)template.Parameter(secure)["type"]);
            // A secret parameter is only ever handed to the Key Vault module.
            var outsideKeyVault = new JsonObject(template.Main.Where(p => p.Key != "resources").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            var resources = new JsonArray(template.Main["resources"]!.AsArray()
                .Where(r => (string?)r!["name"] != "keyvault").Select(r => r!.DeepClone()).ToArray());
            outsideKeyVault["resources"] = resources;
            Assert.Contains($"parameters('{secure}')", CompiledTemplate.Text(template.Modules["keyvault"]));
            Assert.DoesNotContain($"parameters('{secure}')", CompiledTemplate.Text(outsideKeyVault));
        }

        Assert.Equal(44, (int?)template.Parameter("digestKey")["minLength"]);

        var vault = template.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool?)vault["enableRbacAuthorization"]);
        var role = template.Single("Microsoft.Authorization/roleAssignments")["properties"]!;
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('secretsUserRoleId'))]", (string?)role["roleDefinitionId"]);
        Assert.Equal(KeyVaultSecretsUser, (string?)template.Modules["keyvault"]["properties"]!["template"]!["variables"]!["secretsUserRoleId"]);
        Assert.Equal("[parameters('readerPrincipalId')]", (string?)role["principalId"]);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", template.ModuleArgument("keyvault", "readerPrincipalId"));

        // The app settings: three Key Vault references, the bot's identity, telemetry.
        var settings = template.ModuleArgument("web", "appSettings");
        var references = Regex.Matches(settings, @"'(\w+)', format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)'").Select(m => m.Groups[1].Value);
        Assert.Equal(["MicrosoftAppPassword", "Privacy__DigestKey", "State__Redis"], references.Order());
        foreach (var name in new[] { "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "State__Provider", "APPLICATIONINSIGHTS_CONNECTION_STRING" })
            Assert.Contains($"'{name}', ", settings);
        Assert.Contains("'OTEL_SERVICE_NAME', 'secretbot'", settings);
    }

    [Theory]
    [InlineData("UserAssignedMSI", false)]
    [InlineData("SingleTenant", true)]
    public async Task TheSettingsTheTemplateGivesStartTheBotInProduction(string appType, bool redis)
    {
        // The template's app settings, as App Service hands them to the process (__ is the section
        // separator), with the values its Key Vault references would resolve to. Application Insights
        // is a receiver on loopback: the bot exports to it as it would to Azure Monitor.
        await using var telemetry = await TelemetryReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "7f0d1e5a-0000-4000-8000-000000000017",
            ["MicrosoftAppTenantId"] = "7f0d1e5a-0000-4000-8000-0000000000aa",
            ["Privacy__DigestKey"] = Convert.ToBase64String(new byte[32]),
            ["State__Provider"] = redis ? "Redis" : "Memory",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = telemetry.AzureMonitorConnectionString,
            ["OTEL_SERVICE_NAME"] = "secretbot",
        };
        if (appType == "SingleTenant")
            settings["MicrosoftAppPassword"] = "not-a-real-secret";
        if (redis)
            settings["State__Redis"] = "127.0.0.1:1,ssl=true,password=x,abortConnect=false"; // nobody there: readiness says so, start-up does not fail

        var expression = template.ModuleArgument("web", "appSettings");
        Assert.All(settings.Keys, name => Assert.Contains($"'{name}', ", expression));

        await using var bot = await BotHost.StartAsync(settings.ToDictionary(s => s.Key.Replace("__", ":"), s => s.Value), environment: "Production");
        using var http = new HttpClient();
        var ready = await http.GetAsync(new Uri(bot.BaseUrl, "readyz"));
        Assert.Equal(redis ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, ready.StatusCode);
        var alive = await http.GetAsync(new Uri(bot.BaseUrl, "healthz"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public void TheAgentsToolkitFilesProvisionThisTemplateWithoutCommittedSecrets()
    {
        var dev = Yaml("m365agents.yml");
        var local = Yaml("m365agents.local.yml");
        foreach (var file in new[] { dev, local })
        {
            Assert.Equal("v1.13", Scalar(file, "version"));
            Assert.Equal("./env", Scalar(file, "environmentFolderPath"));
        }

        var armDeploy = Steps(dev, "provision").Single(s => Scalar(s, "uses") == "arm/deploy");
        var deployed = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)armDeploy["with"])["templates"]).Single();
        Assert.Equal("./infra/main.bicep", Scalar(deployed, "path"));
        Assert.Equal("./infra/main.parameters.json", Scalar(deployed, "parameters"));

        // The toolkit's parameters file names only parameters of the template, and every
        // parameter without a default; its values are ${{...}} placeholders.
        var parameters = JsonNode.Parse(File.ReadAllText(RepositoryPaths.InRoot("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = template.Main["parameters"]!.AsObject();
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(parameters.ContainsKey(p.Key), $"{p.Key} has no default and no value"));
        Assert.All(parameters, p => Assert.Matches(@"^\$\{\{[A-Z][A-Z0-9_]*\}\}$", (string)p.Value!["value"]!));
        Assert.Equal("${{SECRET_DIGEST_KEY}}", (string?)parameters["digestKey"]!["value"]);

        // Every placeholder the dev environment needs is declared in env/.env.dev, secrets apart.
        var devEnv = EnvFile("env", ".env.dev");
        var placeholders = Regex.Matches(File.ReadAllText(RepositoryPaths.InRoot("m365agents.yml")) + parameters.ToJsonString(), @"\$\{\{([A-Z][A-Z0-9_]*)\}\}")
            .Select(m => m.Groups[1].Value).Where(name => !name.StartsWith("SECRET_", StringComparison.Ordinal)).ToHashSet();
        Assert.Empty(placeholders.Except(devEnv.Keys));
        Assert.Equal("secretbotdev", devEnv["RESOURCE_BASE_NAME"]);
        // The package's version starts at a semantic version; the publisher is the deploying organisation's to write.
        Assert.Matches(@"^\d+\.\d+\.\d+$", devEnv["TEAMS_APP_VERSION"]);
        Assert.Contains("TEAMS_APP_DEVELOPER_NAME", devEnv.Keys);

        // No secret values committed, and the per-user files where the toolkit keeps them are ignored.
        foreach (var env in new[] { devEnv, EnvFile("env", ".env.local") })
            Assert.DoesNotContain(env, e => e.Key.StartsWith("SECRET_", StringComparison.Ordinal));
        var ignored = File.ReadAllLines(RepositoryPaths.InRoot(".gitignore"));
        Assert.Contains("env/.env.*.user", ignored);
        Assert.Contains(".localConfigs", ignored);

        // The Teams app package is built by appPackage/build.sh, with the bot id as the app id.
        foreach (var file in new[] { dev, local })
        {
            var build = Steps(file, "provision").Single(s => Scalar(s, "uses") == "script");
            Assert.StartsWith("bash ./appPackage/build.sh ${{BOT_ID}} ${{BOT_ENDPOINT}} \"${{TEAMS_APP_DEVELOPER_NAME}}\" ${{TEAMS_APP_VERSION}} ",
                Scalar((YamlMappingNode)build["with"], "run"));
            var create = Steps(file, "provision").Single(s => Scalar(s, "uses") == "teamsApp/create");
            Assert.Equal("BOT_ID", Scalar((YamlMappingNode)create["writeToEnvironmentFile"], "teamsAppId"));
        }

        // Locally: a single-tenant Entra app (no new multi-tenant bots), and the bot's own setting names.
        var aad = Steps(local, "provision").Single(s => Scalar(s, "uses") == "aadApp/create");
        Assert.Equal("AzureADMyOrg", Scalar((YamlMappingNode)aad["with"], "signInAudience"));
        var localConfig = Steps(local, "provision").Single(s => Scalar(s, "uses") == "file/createOrUpdateEnvironmentFile");
        var envs = (YamlMappingNode)((YamlMappingNode)localConfig["with"])["envs"];
        Assert.Equal(["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"], envs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        Assert.Equal("SingleTenant", Scalar(envs, "MicrosoftAppType"));

        // Deployment: the published bot, zip-deployed to the web app the template outputs.
        var zipDeploy = Steps(dev, "deploy").Single(s => Scalar(s, "uses") == "azureAppService/zipDeploy");
        Assert.Equal("${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}", Scalar((YamlMappingNode)zipDeploy["with"], "resourceId"));
        Assert.True(template.Main["outputs"]!.AsObject().ContainsKey("BOT_AZURE_APP_SERVICE_RESOURCE_ID"));
    }

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryPaths.InRoot(file))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode file, string stage) =>
        ((YamlSequenceNode)file[stage]).Children.Cast<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> EnvFile(params string[] path) =>
        File.ReadAllLines(RepositoryPaths.InRoot(path))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
