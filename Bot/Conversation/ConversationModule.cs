using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Prompts;

namespace SecretBot.Bot.Conversation;

/// <summary>The conversations the bot holds: its dialogs, the one a conversation starts with, and how prompts are drawn.</summary>
public sealed record ConversationModule(DialogSet Dialogs, string RootDialogId, IPromptPresenter Presenter);
