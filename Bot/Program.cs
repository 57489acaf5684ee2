using SecretBot.Bot.Hosting;

var app = BotApplication.Build(args);
app.Run();
