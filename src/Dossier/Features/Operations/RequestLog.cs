using System.Threading.Channels;

namespace Dossier.Features.Operations;

/// <summary>
/// One log line per request (category <c>Dossier.Requests</c>): method, path, status and time taken. The query string
/// is left out: it holds what readers search for. Probes and scrapes are logged at Debug only, not every few seconds.
/// </summary>
/// <remarks>
/// A request only hands its line to <see cref="RequestLogWriter"/>, which logs what has gathered a few times a
/// second. Logged from the request itself, every line took the console logger's lock and woke its thread, and the log
/// cost a quarter of a document page's throughput under load.
/// </remarks>
public static class RequestLog
{
    /// <summary>The path as logged: a saved search's private feed without its secret.</summary>
    public static string Logged(PathString path) =>
        path.StartsWithSegments("/feeds/saved", StringComparison.OrdinalIgnoreCase) ? "/feeds/saved/(private).atom" : path.Value ?? "";

    public const string Category = "Dossier.Requests";

    public static IServiceCollection AddRequestLog(this IServiceCollection services)
    {
        services.AddSingleton<RequestLogWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<RequestLogWriter>());
        return services;
    }

    /// <summary>Outermost, so that it sees the status the client gets, an error page's included.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var writer = app.ApplicationServices.GetRequiredService<RequestLogWriter>();
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
                if (writer.IsEnabled(level))
                {
                    // An exception that got this far becomes a 500 from the server, unless the response had begun.
                    var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
                    writer.Add(new RequestLine(level, http.Request.Method, Logged(path), status, clock.GetElapsedTime(started).TotalMilliseconds));
                }
            }
        });
    }
}

public readonly record struct RequestLine(LogLevel Level, string Method, string Path, int StatusCode, double ElapsedMs);

/// <summary>
/// Logs the requests' lines from one background loop, in batches. A server stopped in order logs every line first;
/// one killed loses the lines of its last moments (at most <see cref="Interval"/>), as an unflushed log would.
/// </summary>
public sealed partial class RequestLogWriter : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // Bounded so that a log that cannot keep up drops lines (and says how many) rather than holding memory.
    private const int MostWaiting = 100_000;

    private readonly ILogger logger;
    private readonly Channel<RequestLine> waiting = Channel.CreateBounded<RequestLine>(
        new BoundedChannelOptions(MostWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private long dropped;

    public RequestLogWriter(ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        logger = loggers.CreateLogger(RequestLog.Category);
        // The web server stops after this service (hosted services stop in reverse order): the lines of the requests
        // it finishes on its way out are logged once everything has stopped.
        lifetime.ApplicationStopped.Register(Drain);
    }

    public bool IsEnabled(LogLevel level) => logger.IsEnabled(level);

    public void Add(RequestLine line)
    {
        if (!waiting.Writer.TryWrite(line)) Interlocked.Increment(ref dropped);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain();
                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the lines still waiting are logged below
        }
        Drain();
    }

    private void Drain()
    {
        while (waiting.Reader.TryRead(out var line))
            Request(logger, line.Level, line.Method, line.Path, line.StatusCode, line.ElapsedMs);
        if (Interlocked.Exchange(ref dropped, 0) is > 0 and var lost) Dropped(logger, lost);
    }

    [LoggerMessage(EventId = 0, Message = "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms")]
    private static partial void Request(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Count} request lines were not logged: the log could not keep up")]
    private static partial void Dropped(ILogger logger, long count);
}
