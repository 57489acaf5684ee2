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
            if (ReadReference(file, node) is { } reference)
            {
                list.Add((reference, YamlFile.Line(node)));
            }
        }

        return list;
    }

    private static Reference? ReadReference(YamlFile file, YamlMappingNode node)
    {
        var id = file.String(node, "id");
        var kindText = file.String(node, "kind");
        ReferenceKind kind = default;
        if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out kind))
        {
            file.Report(node, $"kind '{kindText}' is not article, text or judgment");
        }

        var code = file.Text(node, "code");
        var article = file.String(node, "article", required: false);
        var date = file.Node(node, "date", required: kind == ReferenceKind.Judgment) is null ? null : file.Date(node, "date");
        var number = file.String(node, "number", required: false);
        if (kind != ReferenceKind.Article && article is not null)
        {
            file.Report(node, $"reference '{id}': only an article has an 'article'");
        }

        var title = file.Text(node, "title");
        var summary = file.Text(node, "summary");
        var text = file.String(node, "text", required: false);
        var penalty = file.Text(node, "penalty", required: false);
        var url = Url(file, node, "url", required: true);
        var appliesFrom = file.Date(node, "applies_from");
        var appliesUntil = file.Node(node, "applies_until", required: false) is null ? null : file.Date(node, "applies_until");
        var replacedBy = file.String(node, "replaced_by", required: false);
        var verified = file.Node(node, "verified", required: false) is YamlMappingNode check ? ReadVerification(file, check) : null;
        var note = file.String(node, "editor_note", required: false);
        if (text is not null && verified is null)
        {
            file.Report(node, $"reference '{id}' quotes a text but says nowhere that it was read at the source ('verified'): " +
                              "without it the card may only show the summary");
        }

        if (replacedBy is not null && appliesUntil is null)
        {
            file.Report(node, $"reference '{id}' names its successor but not the last day it applied ('applies_until')");
        }

        if (appliesUntil < appliesFrom)
        {
            file.Report(node, $"reference '{id}' stops applying before it starts");
        }

        if (id is null || kindText is null || code is null || title is null || summary is null || url is null || appliesFrom is null)
        {
            return null;
        }

        return new Reference(id, kind, code, article, date, number, title, summary, text, penalty, url, appliesFrom.Value, appliesUntil,
            replacedBy, verified, note);
    }

    /// <summary><c>verified: { on: 2026-12-04, source: "…", url: https://… }</c>.</summary>
    private static Verification? ReadVerification(YamlFile file, YamlMappingNode node)
    {
        var on = file.Date(node, "on");
        var source = file.String(node, "source");
        var url = Url(file, node, "url", required: false);
        return on is null || source is null ? null : new Verification(on.Value, source, url);
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
            var verified = file.Node(node, "verified", required: false) is YamlMappingNode check ? ReadVerification(file, check) : null;
            if (id is not null && name is not null && description is not null)
            {
                list.Add((new Resource(id, name, description, phone, url, verified), YamlFile.Line(node)));
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
