namespace Dossier.Features.Operations;

/// <summary>What the people who run the archive watch: health for the load balancer, metrics, the log's format.</summary>
public static class OperationsSetup
{
    /// <summary>Settings: <c>Dossier:Logs</c> = <c>json</c> writes the console log as one JSON object a line, with UTC times.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealth();
        services.AddMetrics(configuration);
        services.AddRequestLog();
        if (string.Equals(configuration["Dossier:Logs"], "json", StringComparison.OrdinalIgnoreCase))
        {
            services.AddLogging(logging => logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            }));
        }
        else if (configuration["Logging:Console:FormatterName"] is null)
        {
            // One line an entry, so that a request is one line in a text log too. Named explicitly: without a formatter's
            // name the console logger takes its options from its own obsolete ones and drops this.
            services.AddLogging(logging => logging.AddSimpleConsole(simple =>
                simple.SingleLine = configuration.GetValue("Logging:Console:FormatterOptions:SingleLine", true)));
        }
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        app.MapHealth();
        app.MapMetrics(configuration);
        return app;
    }
}
