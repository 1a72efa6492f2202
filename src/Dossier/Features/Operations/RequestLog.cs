namespace Dossier.Features.Operations;

/// <summary>
/// One log line per request (category <c>Dossier.Requests</c>): method, path, status and time taken. The query string
/// is left out: it holds what readers search for. Probes and scrapes are logged at Debug only, not every few seconds.
/// </summary>
public static class RequestLog
{
    public const string Category = "Dossier.Requests";

    /// <summary>Outermost, so that it sees the status the client gets, an error page's included.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (http, next) =>
        {
            var started = clock.GetTimestamp();
            var failed = false;
            try
            {
                await next(http);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var path = http.Request.PathBase + http.Request.Path;
                var level = path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Metrics.Path, StringComparison.OrdinalIgnoreCase)
                    ? LogLevel.Debug : LogLevel.Information;
                if (logger.IsEnabled(level))
                {
                    // An exception that got this far becomes a 500 from the server, unless the response had begun.
                    var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
                    logger.Log(level, "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms", http.Request.Method, path.Value, status,
                        clock.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }
}
