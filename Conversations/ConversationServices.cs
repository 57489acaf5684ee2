using SecretBot.Conversations.Commands;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Interviews;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Privacy;
using SecretBot.Conversations.Routing;
using SecretBot.Conversations.Search;
using SecretBot.Conversations.Turns;
using SecretBot.Conversations.Welcome;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Routing;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Turns;

namespace SecretBot.Conversations;

public static class ConversationServices
{
    /// <summary>
    /// SecretBot's conversations behind the protocol's <see cref="ITurnHandler"/>: the main dialog,
    /// the generic interview and its question prompt, their commands, the people's preferences, the
    /// référents and the search extension. Needs the knowledge, a state store and the keyed digest.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ConversationSettingsFrom(configuration));
        services.AddSingleton(EscalationOptions.From(configuration));
        services.AddSingleton(provider => new StateKeys(provider.GetRequiredService<KeyedDigest>(),
            $"sb:{provider.GetRequiredService<BotCredentials>().AppId ?? "local"}:"));
        services.AddSingleton<PreferencesStore>();
        services.AddSingleton(CommandWords.Load());
        services.AddSingleton<CommandReader>();
        services.AddSingleton<WelcomeOnce>();
        services.AddSingleton<ReferentThrottle>();
        services.AddSingleton<ReferentRequests>();
        services.AddSingleton<IdentifyingDetails>();
        services.AddSingleton<SearchExtension>();
        services.AddSingleton<Router>();
        services.AddSingleton<INoticePresenter, NoticePresenter>();
        services.AddSingleton(provider => new DialogSet()
            .Add(new MainDialog(provider.GetRequiredService<KnowledgeBase>(), provider.GetRequiredService<Router>(),
                provider.GetRequiredService<Evaluator>(), provider.GetRequiredService<EscalationOptions>().ChannelName))
            .Add(new InterviewDialog(provider.GetRequiredService<KnowledgeBase>(), provider.GetRequiredService<Evaluator>(),
                provider.GetRequiredService<CommandWords>()))
            .Add(new QuestionPrompt(provider.GetRequiredService<KnowledgeBase>())));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<DialogTurnRunner>(provider, MainDialog.Name));
        services.AddSingleton<ITurnHandler, TurnHandler>();
        return services;
    }

    /// <summary>
    /// <c>Bot:Language</c> (fr, en; empty: from the person and the locale) and <c>Bot:DefaultJurisdiction</c>
    /// (BE, FR; Ask or empty: asked once); anything else stops the start, naming the setting.
    /// </summary>
    private static ConversationSettings ConversationSettingsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bot");
        var language = Settings.Text(section, "Language");
        var jurisdiction = Settings.Text(section, "DefaultJurisdiction") is { } text && !text.Equals("Ask", StringComparison.OrdinalIgnoreCase) ? text : null;
        return new ConversationSettings(
            language is null ? null : Languages.Parse(language) ?? throw new SettingException("Bot:Language", $"'{language}' is not fr or en."),
            jurisdiction is null ? null
                : Enum.TryParse<Jurisdiction>(jurisdiction, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new SettingException("Bot:DefaultJurisdiction", $"'{jurisdiction}' is not BE, FR or Ask."));
    }
}
