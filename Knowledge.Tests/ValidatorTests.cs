using SecretBot.Knowledge.Loading;

namespace SecretBot.Knowledge.Tests;

/// <summary>
/// Broken copies of a small sample rule base (<c>sample-data/</c>), one flaw each: loading must fail
/// and name the file, the line and the reason, so a jurist can fix it without reading C#. The real
/// rule base is checked by <see cref="TheRealDataIsValidAndHasBothJurisdictionsAndAllTopics"/>.
/// </summary>
public sealed class ValidatorTests : IDisposable
{
    private static readonly string Sample = RepositoryPaths.InRoot("Knowledge.Tests", "sample-data");
    private readonly string _data = Directory.CreateTempSubdirectory("secretbot-knowledge").FullName;

    public ValidatorTests() => Copy(Sample, _data);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void TheRealDataIsValidAndHasBothJurisdictionsAndAllTopics()
    {
        var knowledge = KnowledgeLoader.Load(RealKnowledge.DataDirectory);
        Assert.Equal(2, knowledge.Jurisdictions.Count);
        Assert.All(knowledge.Jurisdictions.Values, j => Assert.Equal(4, j.Interviews.Count));
    }

    [Fact]
    public void TheSampleIsValid() => KnowledgeLoader.Load(_data);

    [Theory]
    [InlineData("be/bound.yaml", "topic: bound", "topic: [bound", "be/bound.yaml", "YAML syntax error")]
    [InlineData("be/share.yaml", "topic: share", "topic: police", "be/share.yaml", "does not match the file name")]
    [InlineData("be/bound.yaml", "references: [be.code.new, be.court.case]", "references: [be.unknown, be.code.new]", "be/bound.yaml", "unknown reference 'be.unknown'")]
    [InlineData("be/bound.yaml", "resources: [be.colleague, be.112]", "resources: [be.nobody, be.112]", "be/bound.yaml", "unknown resource 'be.nobody'")]
    [InlineData("be/police.yaml", "    outcome: keep_secret\n", "    outcome: nowhere\n", "be/police.yaml", "unknown outcome 'nowhere'")]
    [InlineData("be/police.yaml", "    outcome: keep_secret\n", "    outcome: may_share\n", "be/police.yaml", "outcome 'keep_secret' is reached by no combination")]
    [InlineData("be/bound.yaml", "default: discretion", "  - when: { role: [other], consent: [\"yes\"] }\n    outcome: keep_secret\ndefault: discretion", "be/bound.yaml", "no combination of answers can satisfy this rule")]
    [InlineData("be/bound.yaml", "default: discretion", "  - when: { consent: [\"yes\"] }\n    outcome: discretion\ndefault: discretion", "be/bound.yaml", "same priority")]
    [InlineData("be/police.yaml", "  - when: { role: [social], consent: [\"yes\"] }", "  - when: { role: [social, nowhere], consent: [\"yes\"] }", "be/police.yaml", "unknown choice 'nowhere'")]
    [InlineData("be/police.yaml", "ask_when: { role: [social] }\n    choices:", "ask_when: { role: [social] }\n    options:", "be/police.yaml", "must offer 2 to 6 choices (it has 0)")]
    [InlineData("be/resources.yaml", "description: { fr: \"Pour décider à deux.\", en: \"To decide together.\" }", "description: { fr: \"Pour décider à deux.\" }", "be/resources.yaml", "missing a translation")]
    [InlineData("fr/references.yaml", "    applies_from: 2000-01-01\n", "", "fr/references.yaml", "'applies_from' is missing")]
    [InlineData("be/references.yaml", "applies_from: 1867-06-08", "applies_from: 8 juin 1867", "be/references.yaml", "must be a date written yyyy-mm-dd")]
    [InlineData("be/lookups.yaml", "situation: summons", "situation: police_phone", "be/lookups.yaml", "exactly one urgent lookup for 'summons'")]
    [InlineData("be/resources.yaml", "  - id: be.112", "  - id: be.colleague", "be/resources.yaml", "id 'be.colleague' is used twice")]
    [InlineData("routing.yaml", "  bound: [", "  bond: [", "routing.yaml", "intent topic 'bond' is not a topic")]
    [InlineData("routing.yaml", "  summons: [", "  subpoena: [", "routing.yaml", "urgent situation 'subpoena'")]
    // The law in force and honest verification (issue 13).
    [InlineData("be/bound.yaml", "references: [be.code.new, be.court.case]", "references: [be.code.old, be.court.case]", "be/bound.yaml", "cites 'be.code.old' as current, but it no longer applies since 2026-04-08; cite 'be.code.new'")]
    [InlineData("be/lookups.yaml", "    references: [be.code.new]\n    resources: [be.112]\n    situation: summons", "    references: [be.code.old]\n    resources: [be.112]\n    situation: summons", "be/lookups.yaml", "cites 'be.code.old' as current")]
    [InlineData("be/references.yaml", "    summary: { fr: \"En substance.\", en: \"In short.\" }\n", "    summary: { fr: \"En substance.\", en: \"In short.\" }\n    text: \"Un texte reconstitué.\"\n", "be/references.yaml", "quotes a text but says nowhere that it was read at the source")]
    [InlineData("be/references.yaml", "    replaced_by: be.code.new", "    replaced_by: be.code.newer", "be/references.yaml", "replaced by unknown reference 'be.code.newer'")]
    [InlineData("be/references.yaml", "    applies_until: 2026-04-07\n", "", "be/references.yaml", "names its successor but not the last day it applied")]
    [InlineData("be/references.yaml", "    applies_until: 2026-04-07", "    applies_until: 2026-03-31", "be/references.yaml", "stops on 2026-03-31 but its successor 'be.code.new' starts on 2026-04-08")]
    [InlineData("be/references.yaml", "summary: { fr: \"Ancien texte.\"", "summary: { fr: \"Texte non reproduit ici.\"", "be/references.yaml", "editor's note (\"non reproduit\")")]
    [InlineData("fr/share.yaml", "      - { fr: \"Deuxième point.\", en: \"Second point.\" }\n      - { fr: \"Troisième point.\", en: \"Third point.\" }\n    conditions:", "      - { fr: \"Deuxième point (seed 004).\", en: \"Second point.\" }\n      - { fr: \"Troisième point.\", en: \"Third point.\" }\n    conditions:", "fr/share.yaml", "editor's note (\"seed\")")]
    [InlineData("be/danger.yaml", "    conditions:\n      - id: consent\n        text: { fr: \"La personne est d'accord\", en: \"The person agrees\" }\n        met_when: { consent: [\"yes\"] }\n", "", "be/danger.yaml", "must list the conditions that decide it")]
    [InlineData("be/bound.yaml", "short: { fr: \"Fonction\", en: \"Role\" }", "short: { fr: \"Votre fonction, votre métier, votre mission et votre statut\", en: \"Role\" }", "be/bound.yaml", "short label is over 40 characters")]
    [InlineData("be/bound.yaml", "    short: { fr: \"Fonction\", en: \"Role\" }\n", "", "be/bound.yaml", "'short' is missing")]
    [InlineData("be/bound.yaml", "button: { fr: \"Un thème\", en: \"A topic\" }", "button: { fr: \"Le secret professionnel me lie-t-il ?\", en: \"A topic\" }", "be/bound.yaml", "button title is over 30 characters")]
    [InlineData("be/bound.yaml", "button: { fr: \"Un thème\", en: \"A topic\" }\n", "", "be/bound.yaml", "'button' is missing")]
    [InlineData("be/references.yaml", "    kind: judgment\n", "    kind: ruling\n", "be/references.yaml", "kind 'ruling' is not article, text or judgment")]
    [InlineData("be/references.yaml", "    date: 1987-05-13\n", "", "be/references.yaml", "'date' is missing")]
    [InlineData("be/bound.yaml", "      - { fr: \"Quatrième point.\", en: \"Fourth point.\" }\n", "", "be/bound.yaml", "")]
    public void AFlawStopsTheLoadNamingFileLineAndReason(string file, string find, string replace, string expectedFile, string expectedReason)
    {
        var path = Path.Combine(_data, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        if (expectedReason.Length == 0)
        {
            // Removing one of four key points keeps a valid outcome (three): the loader must accept it.
            KnowledgeLoader.Load(_data);
            return;
        }

        var invalid = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(_data));
        var problem = Assert.Single(invalid.Problems, p => p.Reason.Contains(expectedReason));
        Assert.Equal(expectedFile, problem.File);
        Assert.True(problem.Line > 0, $"no line for: {problem}");
    }

    [Fact]
    public void AnOutcomeWithTooFewKeyPointsIsRefusedAtItsLine()
    {
        var path = Path.Combine(_data, "be", "police.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var outcome = lines.FindIndex(l => l.Contains("- id: may_share"));
        var firstPoint = lines.FindIndex(outcome, l => l.TrimStart().StartsWith("- { fr:"));
        lines.RemoveRange(firstPoint, 2);
        File.WriteAllLines(path, lines);

        var invalid = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(_data));
        var problem = Assert.Single(invalid.Problems);
        Assert.Equal(("be/police.yaml", outcome + 1), (problem.File, problem.Line));
        Assert.Contains("3 to 6 key points", problem.Reason);
    }

    [Fact]
    public void AMissingVersionFileIsNamed()
    {
        File.Delete(Path.Combine(_data, "version.yaml"));
        var invalid = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(_data));
        Assert.Contains(invalid.Problems, p => p.File == "version.yaml" && p.Reason == "file missing");
    }

    [Fact]
    public void EveryProblemIsReportedNotOnlyTheFirst()
    {
        foreach (var file in new[] { "be/resources.yaml", "fr/resources.yaml" })
        {
            var path = Path.Combine(_data, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace("phone: \"112\"", "url: not-a-url"));
        }

        var invalid = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(_data));
        Assert.Equal(2, invalid.Problems.Count(p => p.Reason.Contains("absolute URL")));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
