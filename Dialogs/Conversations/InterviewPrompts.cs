using System.Globalization;
using SecretBot.Dialogs.Prompts;
using SecretBot.Knowledge.Model;
using Choice = SecretBot.Dialogs.Prompts.Choice;

namespace SecretBot.Dialogs.Conversations;

/// <summary>
/// The interview questions of the knowledge, as prompts see them. A key names the question and its
/// place on screen: <c>iv:BE:share:consent:2:4</c> is question 2 of (at most) 4 of the Belgian
/// sharing interview.
/// </summary>
public sealed class InterviewPrompts(KnowledgeBase knowledge) : IPromptCatalog
{
    public const string Prefix = "iv";
    public const string TopicTitleProperty = "topicTitle";

    /// <summary>The emergency numbers the topic opens with, on its first question: "112␟Urgences␞101␟Police".</summary>
    public const string EmergencyProperty = "emergency";
    public const char EmergencySeparator = '\u001e';
    public const char NameSeparator = '\u001f';

    public static string Key(Jurisdiction jurisdiction, string topic, string questionId, int number, int total) =>
        string.Join(':', Prefix, jurisdiction, topic, questionId, number.ToString(CultureInfo.InvariantCulture),
            total.ToString(CultureInfo.InvariantCulture));

    public PromptOptions? Find(string key, string language)
    {
        var parts = key.Split(':');
        if (parts.Length != 6 || parts[0] != Prefix || !Enum.TryParse<Jurisdiction>(parts[1], out var jurisdiction)
            || !knowledge.Jurisdictions.TryGetValue(jurisdiction, out var sources)
            || !sources.Interviews.TryGetValue(parts[2], out var interview)
            || interview.FindQuestion(parts[3]) is not { } question)
        {
            return null;
        }

        var number = parts[4];
        var emergency = number == "1"
            ? string.Join(EmergencySeparator, interview.EmergencyIds.Select(id => sources.Resources[id])
                .Where(r => r.Phone is not null).Select(r => $"{r.Phone}{NameSeparator}{r.Name.In(language)}"))
            : "";
        return new PromptOptions(key, question.Text.In(language),
            question.Choices.Select(c => new Choice(c.Id, c.Label.In(language), [.. c.Synonyms(language), .. c.Synonyms(language == "en" ? "fr" : "en")])).ToList(),
            question.Help.In(language),
            new Dictionary<string, string>
            {
                ["topic"] = interview.Topic,
                ["jurisdiction"] = jurisdiction.ToString(),
                [ChoiceRecognizer.QuestionField] = question.Id,
                ["number"] = number,
                ["total"] = parts[5],
                [TopicTitleProperty] = interview.Title.In(language),
                [EmergencyProperty] = emergency,
            });
    }
}
