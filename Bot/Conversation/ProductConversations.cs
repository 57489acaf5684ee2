using SecretBot.Dialogs.Conversations;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.State;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Bot.Conversation;

public static class ProductConversations
{
    /// <summary>SecretBot's conversations: the main dialog, the generic interview, and the choice prompt, drawn as cards.</summary>
    public static ConversationModule Build(IServiceProvider services)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var evaluator = services.GetRequiredService<Evaluator>();
        var escalation = services.GetRequiredService<Channels.EscalationOptions>();
        var dialogs = new DialogSet(new InterviewPrompts(knowledge))
            .Add(new MainDialog(knowledge, new Router(knowledge, services.GetRequiredService<KnowledgeSearch>()),
                services.GetRequiredService<PreferencesStore>(), evaluator, escalation.ChannelName))
            .Add(new InterviewDialog(knowledge, evaluator))
            .Add(new ChoicePrompt());
        return new ConversationModule(dialogs, MainDialog.Name, new CardPromptPresenter());
    }
}
