using SecretBot.Knowledge.Model;
using YamlDotNet.RepresentationModel;

namespace SecretBot.Knowledge.Loading;

/// <summary>Reads <c>references.yaml</c>, <c>resources.yaml</c> and <c>lookups.yaml</c>.</summary>
internal static class SourcesReader
{
    public static List<(Reference Reference, int Line)> References(YamlFile file)
    {
        var list = new List<(Reference, int)>();
        if (file.Root() is not { } root)
        {
            return list;
        }

        foreach (var node in file.Mappings(root, "references"))
        {
            var id = file.String(node, "id");
            var code = file.Text(node, "code");
            var article = file.String(node, "article");
            var title = file.Text(node, "title");
            var text = file.String(node, "text");
            var url = Url(file, node, "url", required: true);
            var appliesFrom = file.Date(node, "applies_from");
            var lastChecked = file.Date(node, "last_checked");
            var source = file.String(node, "source");
            var note = file.Text(node, "note", required: false);
            if (id is null || code is null || article is null || title is null || text is null || url is null
                || appliesFrom is null || lastChecked is null || source is null)
            {
                continue;
            }

            list.Add((new Reference(id, code, article, title, text, url, appliesFrom.Value, lastChecked.Value, source, note),
                YamlFile.Line(node)));
        }

        return list;
    }

    public static List<(Resource Resource, int Line)> Resources(YamlFile file)
    {
        var list = new List<(Resource, int)>();
        if (file.Root() is not { } root)
        {
            return list;
        }

        foreach (var node in file.Mappings(root, "resources"))
        {
            var id = file.String(node, "id");
            var name = file.Text(node, "name");
            var description = file.Text(node, "description");
            var phone = file.String(node, "phone", required: false);
            var url = Url(file, node, "url", required: false);
            if (id is not null && name is not null && description is not null)
            {
                list.Add((new Resource(id, name, description, phone, url), YamlFile.Line(node)));
            }
        }

        return list;
    }

    public static List<(Lookup Lookup, int Line)> Lookups(YamlFile file)
    {
        var list = new List<(Lookup, int)>();
        if (file.Root() is not { } root)
        {
            return list;
        }

        foreach (var node in file.Mappings(root, "lookups"))
        {
            var id = file.String(node, "id");
            var kindText = file.String(node, "kind");
            if (!Enum.TryParse<LookupKind>(kindText, ignoreCase: true, out var kind))
            {
                file.Report(node, $"kind '{kindText}' is not definition, quick or urgent");
            }

            var title = file.Text(node, "title");
            var body = file.Text(node, "body");
            var keyPoints = file.Sequence(node, "key_points", required: kind == LookupKind.Urgent)
                .Select(k => file.Text(k, "key point")).OfType<LocalizedText>().ToList();
            var keywords = file.Words(node, "keywords", required: true);
            var situation = file.String(node, "situation", required: kind == LookupKind.Urgent);
            if (situation is not null && !Situations.All.Contains(situation))
            {
                file.Report(node, $"situation '{situation}' is not one of {string.Join(", ", Situations.All)}");
            }

            var followUp = file.String(node, "follow_up", required: false);
            if (followUp is not null && !Topics.All.Contains(followUp))
            {
                file.Report(node, $"follow_up '{followUp}' is not a topic ({string.Join(", ", Topics.All)})");
            }

            if (kind == LookupKind.Urgent && keyPoints.Count is < 3 or > 6)
            {
                file.Report(node, $"urgent lookup '{id}' must give 3 to 6 reflexes as key points");
            }

            if (id is null || title is null || body is null)
            {
                continue;
            }

            list.Add((new Lookup(id, kind, title, body, keyPoints, keywords.Fr, keywords.En,
                file.Strings(node, "references"), file.Strings(node, "resources"), situation, followUp), YamlFile.Line(node)));
        }

        return list;
    }

    private static Uri? Url(YamlFile file, YamlMappingNode node, string key, bool required)
    {
        var text = file.String(node, key, required);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" or "tel")
        {
            return url;
        }

        file.Report(node, $"'{key}' must be an absolute URL");
        return null;
    }
}
