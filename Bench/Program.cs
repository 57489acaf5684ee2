using SecretBot.Bench.Driver;
using SecretBot.Bench.Hosting;

// `host MODE --urls …` runs the bot in one bench mode (the driver starts these); anything else is a
// whole bench run: see BenchOptions.
if (args is ["host", var mode, .. var rest])
{
    return BenchHost.Run(BenchModes.Parse(mode), rest);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

return options.SoakMinutes is { } minutes
    ? await Soak.RunAsync(options, minutes, Console.Out)
    : await BenchRun.RunAsync(options, Console.Out);
