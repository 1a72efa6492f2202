using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dossier.Features.Operations;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, by the OpenTelemetry SDK: request latency (ASP.NET Core's own
/// <c>http.server.request.duration</c>), rate-limited requests, the runtime (GC, thread pool, CPU) and the archive's
/// meter (<see cref="DossierMetrics"/>). The numbers say nothing of any record, so they are served to whoever reaches
/// them; <c>Dossier:Metrics:Port</c> keeps them to a port the load balancer does not forward.
/// </summary>
public static class Metrics
{
    public const string Path = "/metrics";

    /// <summary>Settings: <c>Dossier:Metrics:Enabled</c> (true) and <c>Dossier:Metrics:Port</c> (none: any port the server listens on).</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DossierMetrics>();
        if (!Enabled(configuration)) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dossier"))
            .WithMetrics(metrics => metrics
                .AddMeter(DossierMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.RateLimiting", "System.Runtime")
                .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!Enabled(configuration)) return app;
        var port = configuration.GetValue<int?>("Dossier:Metrics:Port");
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use((http, next) =>
        {
            // The port the connection came in on, not the Host header, which the client chooses.
            if (port is not null && http.Connection.LocalPort != port)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            http.Response.Headers.CacheControl = "no-store";
            return next(http);
        }), optionsName: null).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue("Dossier:Metrics:Enabled", true);
}
