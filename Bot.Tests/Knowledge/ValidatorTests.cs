using SecretBot.Knowledge.Loading;

namespace SecretBot.Bot.Tests.Knowledge;

/// <summary>
/// Broken copies of the real data, one flaw each: loading must fail and name the file, the line and
/// the reason, so a jurist can fix it without reading C#.
/// </summary>
public sealed class ValidatorTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("secretbot-knowledge").FullName;

    public ValidatorTests() => Copy(RealKnowledge.DataDirectory, _data);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void TheRealDataIsValidAndHasBothJurisdictionsAndAllTopics()
    {
        var knowledge = KnowledgeLoader.Load(_data);
        Assert.Equal(2, knowledge.Jurisdictions.Count);
        Assert.All(knowledge.Jurisdictions.Values, j => Assert.Equal(4, j.Interviews.Count));
    }

    [Theory]
    [InlineData("be/bound.yaml", "topic: bound", "topic: [bound", "be/bound.yaml", "YAML syntax error")]
    [InlineData("be/share.yaml", "topic: share", "topic: police", "be/share.yaml", "does not match the file name")]
    [InlineData("be/bound.yaml", "references: [be.cp.458, be.cass.1905", "references: [be.unknown, be.cp.458, be.cass.1905", "be/bound.yaml", "unknown reference 'be.unknown'")]
    [InlineData("be/bound.yaml", "resources: [be.103,", "resources: [be.nobody, be.103,", "be/bound.yaml", "unknown resource 'be.nobody'")]
    [InlineData("be/police.yaml", "    outcome: own_case\n", "    outcome: nowhere\n", "be/police.yaml", "unknown outcome 'nowhere'")]
    [InlineData("be/police.yaml", "    outcome: own_case\n", "    outcome: secret_stands\n", "be/police.yaml", "outcome 'own_case' is reached by no combination")]
    [InlineData("be/bound.yaml", "default: discretion", "  - when: { role: [private], context: [at_work] }\n    outcome: secret\ndefault: discretion", "be/bound.yaml", "no combination of answers can satisfy this rule")]
    [InlineData("be/bound.yaml", "default: discretion", "  - when: { role: [health] }\n    outcome: discretion\ndefault: discretion", "be/bound.yaml", "same priority")]
    [InlineData("be/police.yaml", "  - when: { request: [police_call, prosecutor] }", "  - when: { request: [police_call, nowhere] }", "be/police.yaml", "unknown choice 'nowhere'")]
    [InlineData("be/police.yaml", "ask_when: { request: [terrorism_request] }\n    choices:", "ask_when: { request: [terrorism_request] }\n    options:", "be/police.yaml", "must offer 2 to 6 choices (it has 0)")]
    [InlineData("be/resources.yaml", "name: { fr: \"Un·e collègue tenu·e au secret\", en: \"A colleague bound by secrecy\" }", "name: { fr: \"Un·e collègue tenu·e au secret\" }", "be/resources.yaml", "missing a translation")]
    [InlineData("fr/references.yaml", "    applies_from: 1994-03-01\n    last_checked: 2026-11-24\n    source: \"Tel que cité par le seed 004", "    applies_from: 1994-03-01\n    source: \"Tel que cité par le seed 004", "fr/references.yaml", "'last_checked' is missing")]
    [InlineData("be/references.yaml", "applies_from: 1867-06-08", "applies_from: 8 juin 1867", "be/references.yaml", "must be a date written yyyy-mm-dd")]
    [InlineData("be/lookups.yaml", "situation: summons", "situation: police_phone", "be/lookups.yaml", "exactly one urgent lookup for 'summons'")]
    [InlineData("be/resources.yaml", "  - id: be.team", "  - id: be.colleague", "be/resources.yaml", "id 'be.colleague' is used twice")]
    [InlineData("routing.yaml", "  bound: [", "  bond: [", "routing.yaml", "intent topic 'bond' is not a topic")]
    [InlineData("routing.yaml", "  summons: [", "  subpoena: [", "routing.yaml", "urgent situation 'subpoena'")]
    [InlineData("be/police.yaml", "      - { fr: \"Rien d'autre : ni informations médicales ni confidences.\", en: \"Nothing else: no medical information, no confidences.\" }\n", "", "be/police.yaml", "")]
    public void AFlawStopsTheLoadNamingFileLineAndReason(string file, string find, string replace, string expectedFile, string expectedReason)
    {
        var path = Path.Combine(_data, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        if (expectedReason.Length == 0)
        {
            // Removing one of five key points keeps a valid outcome (four): the loader must accept it.
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
        var outcome = lines.FindIndex(l => l.Contains("- id: terrorism_medical_protected"));
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
