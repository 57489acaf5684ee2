using SecretBot.Bot.Configuration;
using SecretBot.Bot.Hosting;
using SecretBot.Knowledge.Checking;

if (args is ["check-knowledge", ..])
{
    // For jurists: validate the rule base and print its coverage; exit code 0 only when valid.
    return KnowledgeCheck.Run(Option(args, "--data"), Option(args, "--cases") ?? CasesDirectory(), Console.Out);
}

try
{
    BotApplication.Build(args).Run();
    return 0;
}
catch (SettingException exception)
{
    // A bad setting is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"SecretBot cannot start. {exception.Message}");
    return 2;
}
catch (SecretBot.Knowledge.Loading.KnowledgeValidationException exception)
{
    Console.Error.WriteLine($"SecretBot cannot start. {exception.Message}");
    return 3;
}

static string? Option(string[] args, string name) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string? CasesDirectory()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var cases = Path.Combine(dir.FullName, "Bot.Tests", "Knowledge", "cases");
        if (Directory.Exists(cases))
        {
            return cases;
        }
    }

    return null;
}
