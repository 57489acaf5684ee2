using SecretBot.Knowledge.Tests;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Validation;

namespace SecretBot.Cards.Tests;

/// <summary>
/// The cards built from the real knowledge: a question card for every question, an answer card for
/// every outcome of every interview (reached by the first answer path that leads to it), every
/// look-up and urgent reflexes card, and a référent summary per jurisdiction — in both languages.
/// </summary>
public static class KnowledgeCardSamples
{
    public static IEnumerable<CardSample> All() => Enum.GetValues<Language>().SelectMany(For);

    private static IEnumerable<CardSample> For(Language language)
    {
        var texts = TextCatalog.For(language);
        var knowledge = RealKnowledge.Value;
        foreach (var interview in knowledge.Jurisdictions.Values.SelectMany(j => j.Interviews.Values))
        {
            foreach (var (question, index) in interview.Questions.Select((q, i) => (q, i)))
            {
                var input = new QuestionCardInput(interview.Topic, question.Id, question.Text.In(language), question.Choices,
                    new SecretBot.Cards.Compose.QuestionProgress(index + 1, interview.Questions.Count)) { Help = question.Help.In(language) };
                yield return new CardSample($"question-{interview.Jurisdiction.ToString().ToLowerInvariant()}-{interview.Topic}-{question.Id}",
                    language, QuestionCard.Create(texts, input));
            }
        }

        foreach (var answer in OneAnswerPerOutcome())
        {
            var name = $"answer-{answer.Jurisdiction.ToString().ToLowerInvariant()}-{answer.Topic}-{answer.OutcomeId}";
            yield return new CardSample(name, language, AnswerCard.Create(texts, answer, canAskReferent: true));
        }

        foreach (var (jurisdiction, sources) in knowledge.Jurisdictions)
        {
            foreach (var lookup in sources.Lookups)
            {
                yield return new CardSample($"lookup-{lookup.Id}", language, LookupCard.Create(texts, lookup, sources, knowledge.Version));
                yield return new CardSample($"shared-{lookup.Id}", language, LookupCard.Shared(texts, lookup, sources, knowledge.Version,
                    new Uri("https://teams.microsoft.com/l/chat/0/0?users=28:00000000-0000-4000-8000-000000000b07")));
            }

            // The longest answer of the country: the most choices to list.
            var longest = OneAnswerPerOutcome().Where(a => a.Jurisdiction == jurisdiction).MaxBy(a => a.Given.Count)!;
            var code = jurisdiction.ToString().ToLowerInvariant();
            var request = new ReferentPost("0123456789abcdef0123456789abcdef", null);
            yield return new CardSample($"referent-summary-{code}", language, EscalationSummaryCard.Create(texts, longest, request));
            yield return new CardSample($"referent-summary-{code}-named", language,
                EscalationSummaryCard.Create(texts, longest, request with { Requester = "Camille Martin-Dubois" }));
            foreach (var status in new[] { ReferentPostStatus.Taken, ReferentPostStatus.TakenRequesterNotTold, ReferentPostStatus.AlreadyTaken, ReferentPostStatus.Expired })
            {
                yield return new CardSample($"referent-summary-{code}-{status.ToString().ToLowerInvariant()}", language,
                    EscalationSummaryCard.Create(texts, longest, request with { Requester = "Camille Martin-Dubois", Status = status, TakenBy = "Alex Janssens" }));
            }

            yield return new CardSample($"answer-{code}-voted", language, AnswerCard.Create(texts, longest, canAskReferent: true, voted: true));
        }
    }

    public static IEnumerable<Answer> OneAnswerPerOutcome()
    {
        var evaluator = new Evaluator(RealKnowledge.Value);
        foreach (var interview in RealKnowledge.Value.Jurisdictions.Values.SelectMany(j => j.Interviews.Values))
        {
            foreach (var group in AnswerPaths.All(interview).GroupBy(path => Evaluator.Decide(interview, path)))
            {
                yield return evaluator.Evaluate(interview.Jurisdiction, interview.Topic, group.First());
            }
        }
    }
}
