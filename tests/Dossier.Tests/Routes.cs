using Microsoft.AspNetCore.Routing.Patterns;

namespace Dossier.Tests;

/// <summary>Paths for the routes the app maps, for tests that ask every one of them.</summary>
public static class Routes
{
    /// <summary>A route's path with each parameter filled by <paramref name="value"/>; a segment left empty is left out.</summary>
    public static string Fill(RoutePattern pattern, Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join('/', pattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => value(parameter),
                _ => "",
            })))
            .Where(s => s.Length > 0));
}
