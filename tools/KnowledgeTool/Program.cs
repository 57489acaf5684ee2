using SecretBot.Knowledge.Loading;
using SecretBot.KnowledgeTool;

// dotnet run --project tools/KnowledgeTool -- check [--data DIR] [--cases DIR]
//   validates the rule base and prints its coverage; exit code 0 only when it is valid.
// dotnet run --project tools/KnowledgeTool -- book [--data DIR] [--out FILE]
//   writes the whole rule base in plain French (docs/knowledge.md by default).
// Without --data, the rule base shipped next to the tool (a copy of Knowledge/data) is read;
// without --cases, Knowledge/cases under the current folder, when there is one.
switch (args)
{
    case ["check", ..]:
        return KnowledgeCheck.Run(Option("--data"), Option("--cases") ?? (Directory.Exists("Knowledge/cases") ? "Knowledge/cases" : null), Console.Out);
    case ["book", ..]:
        var output = Option("--out") ?? Path.Combine("docs", "knowledge.md");
        File.WriteAllText(output, KnowledgeBook.Render(KnowledgeLoader.Load(Option("--data"))));
        Console.WriteLine($"Written: {output}");
        return 0;
    default:
        Console.Error.WriteLine("Usage: check [--data DIR] [--cases DIR] | book [--data DIR] [--out FILE]");
        return 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
