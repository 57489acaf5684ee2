namespace SecretBot.Testing;

/// <summary>Figures a test measured (counts, not timings to assert), written to artifacts/figures.txt for the closing note.</summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Report(string name, string value)
    {
        lock (Gate)
        {
            File.AppendAllText(Artifacts.PathFor("figures", "figures.txt"), $"{DateTime.UtcNow:O} {name}: {value}\n");
        }
    }
}
