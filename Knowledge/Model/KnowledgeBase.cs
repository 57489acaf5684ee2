namespace SecretBot.Knowledge.Model;

/// <summary>The whole rule base: both jurisdictions, validated, with its version.</summary>
/// <param name="Synonyms">Groups of words people use for the same thing (flic, policier, agent…); the first names the group.</param>
/// <param name="Routing">Intent phrases per topic and urgency cues per situation (routing.yaml).</param>
public sealed record KnowledgeBase(
    KnowledgeVersion Version,
    IReadOnlyDictionary<Jurisdiction, JurisdictionKnowledge> Jurisdictions,
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    RoutingHints Routing)
{
    public JurisdictionKnowledge this[Jurisdiction jurisdiction] => Jurisdictions[jurisdiction];

    public Interview Interview(Jurisdiction jurisdiction, string topic) =>
        Jurisdictions[jurisdiction].Interviews.TryGetValue(topic, out var interview)
            ? interview
            : throw new ArgumentException($"No interview '{topic}' for {jurisdiction}.", nameof(topic));
}

/// <summary>
/// What routes a message besides its keywords (routing.yaml): intent phrases per topic, urgency
/// cues (word sets) per situation, the explicit questions that decide a topic, the words that put a
/// danger in the negative or in the past, and which questions a message may answer, and how.
/// </summary>
public sealed record RoutingHints(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Intents,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> UrgentCues)
{
    public static RoutingHints None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>());

    /// <summary>Phrases that ask a topic's question outright ("puis-je en parler à", "suis-je tenue au secret").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Questions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The verbs a topic's question is asked with after any question form ("peut-on échanger", "dois-je signaler").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QuestionVerbs { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Phrases that ask what to do ("que faire", "je fais quoi"): about a present danger, they ask the danger topic's question.</summary>
    public IReadOnlyList<string> WhatToDo { get; init; } = [];

    /// <summary>Words or phrases that name the police or the prosecution: "puis-je le dire ?" to them is answering the police.</summary>
    public IReadOnlyList<string> PoliceActors { get; init; } = [];

    /// <summary>Judges and courts: they count as the ones asking ("le juge des enfants me demande…"), not as the police when named.</summary>
    public IReadOnlyList<string> CourtActors { get; init; } = [];

    /// <summary>Verbs that make a police actor in the same clause the one asking ("la police veut", "le parquet demande").</summary>
    public IReadOnlyList<string> Requests { get; init; } = [];

    /// <summary>
    /// The ways of asking with a modal, by the one form questions are written in: "je peux",
    /// "est-ce que je peux", "jpeux" are all "puis je". After that form, object pronouns are dropped
    /// ("puis-je le lui remettre" reads "puis je remettre").
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QuestionForms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The object pronouns dropped after a question form ("le", "lui", "en"…).</summary>
    public IReadOnlyList<string> Clitics { get; init; } = [];

    /// <summary>Phrases that say a danger is happening here and now ("il est encore là", "en ce moment"): they count as "maintenant".</summary>
    public IReadOnlyList<string> Now { get; init; } = [];

    /// <summary>Urgent situations whose cue words must come in order in one clause ("la police m'appelle", not "j'appelle la police").</summary>
    public IReadOnlyList<string> UrgentInOrder { get; init; } = [];

    /// <summary>Worry words: they ask the danger topic, but say no danger for the urgent reflexes or the danger pointer.</summary>
    public IReadOnlyList<string> Worries { get; init; } = [];

    /// <summary>Phrases that ask what something is ("c'est quoi", "que risque-t-on"): a definition that matches fairly well answers them.</summary>
    public IReadOnlyList<string> DefinitionCues { get; init; } = [];

    /// <summary>Where something would be said (Facebook, supervision): its look-up answers even "puis-je en parler ?".</summary>
    public IReadOnlyList<string> ContextCues { get; init; } = [];

    /// <summary>
    /// Look-ups named by their distinctive phrases ("après la mort", "article 40"), by the end of
    /// their id ("deceased" is be.deceased and fr.deceased): such a message gets the look-up, which
    /// leads on to its topic.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LookupCues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Phrases that say "now" when they make a clause on their own ("…, là").</summary>
    public IReadOnlyList<string> NowAlone { get; init; } = [];

    /// <summary>Words after which, in the same clause, a danger is denied ("aucun", "pas de", "sans").</summary>
    public IReadOnlyList<string> Negations { get; init; } = [];

    /// <summary>Words before a negation word that make it no negation ("je ne sais pas", "pas sûr").</summary>
    public IReadOnlyList<string> NotNegations { get; init; } = [];

    /// <summary>Phrases that put a clause in the past ("il y a * ans"); "*" stands for one word.</summary>
    public IReadOnlyList<string> Past { get; init; } = [];

    /// <summary>Words that put a clause back in the present ("maintenant", "encore").</summary>
    public IReadOnlyList<string> Present { get; init; } = [];

    /// <summary>Verb endings of a past tense ("il la frappait"): a danger word so written is in the past, unless its clause says "encore".</summary>
    public IReadOnlyList<string> PastEndings { get; init; } = [];

    /// <summary>Which questions a message may answer, by how it must say it: the speaker's own role, the partner named after "à" or "avec".</summary>
    public IReadOnlyDictionary<PrefillFrame, PrefillRule> Prefill { get; init; } = new Dictionary<PrefillFrame, PrefillRule>();
}

/// <summary>
/// How a message must name a choice for it to answer a question: as the speaker's own role, after
/// a word like "à" or "avec", or as the one asking ("l'école veut savoir").
/// </summary>
public enum PrefillFrame { Speaker, Partner, Asker }

/// <summary>The questions a frame answers, and the words that must come just before the choice's words.</summary>
public sealed record PrefillRule(IReadOnlyList<string> Questions, IReadOnlyList<string> Before);
