using SecretBot.Bot.Configuration;
using SecretBot.Bot.Hosting;

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
