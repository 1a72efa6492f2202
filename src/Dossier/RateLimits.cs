using System.Globalization;
using System.Threading.RateLimiting;

namespace Dossier;

/// <summary>
/// Limits per client address on what can be abused: guessing passwords, and the public search API (scrapers). A
/// refusal is 429 with <c>Retry-After</c>; its body comes from the status pages (problem details for the API).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";

    /// <summary>Settings: <c>Dossier:RateLimits:SignInPerMinute</c> (10) and <c>Dossier:RateLimits:SearchPerSecond</c> (10, bursts of 100); 0 turns a limit off.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("Dossier:RateLimits:SignInPerMinute", 10);
        var searchPerSecond = configuration.GetValue("Dossier:RateLimits:SearchPerSecond", 10);
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Only attempts count: reading the sign-in form is free.
            limits.AddPolicy(SignIn, http => signInPerMinute <= 0 || !HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signInPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            limits.AddPolicy(Search, http => searchPerSecond <= 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(Client(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = searchPerSecond * 10,
                    TokensPerPeriod = searchPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                }));
        });
        return services;
    }

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
