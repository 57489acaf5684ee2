using System.Globalization;
using SecretBot.Knowledge.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecretBot.Knowledge.Loading;

/// <summary>
/// One YAML file read node by node, so that every problem can name its line. Missing or malformed
/// values are reported to <see cref="Problems"/> and read as null; reading goes on to find them all.
/// </summary>
internal sealed class YamlFile(string path, string displayName, Problems problems)
{
    public string Name { get; } = displayName;

    public YamlMappingNode? Root()
    {
        if (!File.Exists(path))
        {
            problems.Add(Name, 0, "file missing");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(Name, 1, "the file must hold a mapping (key: value)");
                return null;
            }

            return root;
        }
        catch (YamlException exception)
        {
            problems.Add(Name, Math.Max(1, (int)exception.Start.Line), $"YAML syntax error: {exception.Message}");
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet reports some unterminated structures this way, without a position.
            problems.Add(Name, 1, $"YAML syntax error (unterminated list or mapping?): {exception.Message}");
            return null;
        }
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public void Report(YamlNode node, string reason) => problems.Add(Name, Line(node), reason);

    public YamlNode? Node(YamlMappingNode map, string key, bool required)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return node;
        }

        if (required)
        {
            Report(map, $"'{key}' is missing");
        }

        return null;
    }

    public string? String(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value.Trim();
        }

        Report(node, $"'{key}' must be a non-empty text");
        return null;
    }

    public int Int(YamlMappingNode map, string key, int fallback)
    {
        var text = String(map, key, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(map, $"'{key}' must be a whole number");
        return fallback;
    }

    public DateOnly? Date(YamlMappingNode map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(Node(map, key, true)!, $"'{key}' must be a date written yyyy-mm-dd");
        return null;
    }

    /// <summary>A bilingual text: both <c>fr</c> and <c>en</c> must be there and non-empty.</summary>
    public LocalizedText? Text(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key, required);
        return node is null ? null : Text(node, key);
    }

    public LocalizedText? Text(YamlNode node, string what)
    {
        if (node is not YamlMappingNode text)
        {
            Report(node, $"'{what}' must have a French (fr) and an English (en) text");
            return null;
        }

        var fr = String(text, "fr");
        var en = String(text, "en");
        if (fr is null || en is null)
        {
            Report(node, $"'{what}' is missing a translation");
            return null;
        }

        return new LocalizedText(fr, en);
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key, required);
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Report(node, $"'{key}' must be a list");
        return [];
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key, bool required = false) =>
        Sequence(map, key, required).OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();

    /// <summary>Words per language: <c>{ fr: [...], en: [...] }</c>.</summary>
    public (IReadOnlyList<string> Fr, IReadOnlyList<string> En) Words(YamlMappingNode map, string key, bool required = false)
    {
        if (Node(map, key, required) is not YamlMappingNode words)
        {
            return ([], []);
        }

        return (Strings(words, "fr"), Strings(words, "en"));
    }

    public IEnumerable<YamlMappingNode> Mappings(YamlMappingNode map, string key, bool required = true)
    {
        foreach (var item in Sequence(map, key, required))
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                Report(item, $"each entry of '{key}' must be a mapping");
            }
        }
    }
}
