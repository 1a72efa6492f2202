using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dossier;

/// <summary>
/// Behind a reverse proxy or load balancer, the reader's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, believed only from the proxies named in <c>Dossier:TrustedProxies</c> (addresses or networks,
/// "10.0.0.5, 10.1.0.0/16") and from this machine: anyone else could claim any address and escape the rate limits.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = (configuration["Dossier:TrustedProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default (a proxy on the same machine); the named ones are added to it.
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }
}
