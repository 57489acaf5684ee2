using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretBot.Bot.Health;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Loading;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Bot.Hosting;

public static class KnowledgeServices
{
    /// <summary>
    /// Loads and validates the rule base at start-up (a flaw stops the bot, naming file and line),
    /// then offers it, its evaluator and its search index to the conversations.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        var knowledge = KnowledgeLoader.Load(configuration["Knowledge:Directory"]);
        services.AddSingleton(knowledge);
        services.AddSingleton(new Evaluator(knowledge));
        services.AddSingleton(new KnowledgeSearch(knowledge));
        services.AddHealthChecks().Add(new HealthCheckRegistration("knowledge", new KnowledgeReadiness(knowledge), null, [HealthEndpoints.Ready]));
        return services;
    }

    /// <summary>Every jurisdiction has an interview for every topic.</summary>
    private sealed class KnowledgeReadiness(SecretBot.Knowledge.Model.KnowledgeBase knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
            Task.FromResult(knowledge.Jurisdictions.Values.All(j => j.Interviews.Count == Topics.All.Count)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("a jurisdiction lacks a topic's interview"));
    }
}
