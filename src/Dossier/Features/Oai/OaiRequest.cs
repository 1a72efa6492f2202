using Dossier.Oai;
using Microsoft.Extensions.Primitives;

namespace Dossier.Features.Oai;

/// <summary>An OAI-PMH error condition (protocol 3.6): its code and what the harvester should be told.</summary>
public sealed class OaiProtocolException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static OaiProtocolException BadArgument(string message) => new("badArgument", message);
}

/// <summary>
/// A request's verb and arguments, checked against the protocol (4): each verb's required, optional and exclusive
/// arguments, no argument twice, dates in a granularity this repository supports.
/// </summary>
public sealed class OaiRequest
{
    public required string Verb { get; init; }
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }

    public string? this[string name] => Arguments.GetValueOrDefault(name);

    private static readonly Dictionary<string, (string[] Required, string[] Optional, string? Exclusive)> Verbs = new(StringComparer.Ordinal)
    {
        ["Identify"] = ([], [], null),
        ["ListMetadataFormats"] = ([], ["identifier"], null),
        ["ListSets"] = ([], [], "resumptionToken"),
        ["ListIdentifiers"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        ["ListRecords"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        ["GetRecord"] = (["identifier", "metadataPrefix"], [], null),
    };

    /// <summary>
    /// Reads the arguments; a missing, repeated or unknown verb is badVerb (and the arguments are not echoed), anything
    /// else wrong with them is badArgument.
    /// </summary>
    public static OaiRequest Read(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var all = parameters.ToList();
        var verbs = all.Where(p => p.Key == "verb").SelectMany(p => p.Value).ToList();
        if (verbs.Count == 0) throw new OaiProtocolException("badVerb", "the request has no verb");
        if (verbs.Count > 1) throw new OaiProtocolException("badVerb", "the verb is given more than once");
        var verb = verbs[0]!;
        if (!Verbs.TryGetValue(verb, out var rule)) throw new OaiProtocolException("badVerb", $"'{verb}' is not an OAI-PMH verb");

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in all.Where(p => p.Key != "verb"))
        {
            if (values.Count != 1 || arguments.ContainsKey(name)) throw OaiProtocolException.BadArgument($"the argument '{name}' is given more than once");
            if (!rule.Required.Contains(name) && !rule.Optional.Contains(name) && rule.Exclusive != name)
                throw OaiProtocolException.BadArgument($"{verb} takes no argument '{name}'");
            arguments[name] = values[0] ?? "";
        }
        if (rule.Exclusive is { } exclusive && arguments.ContainsKey(exclusive))
        {
            if (arguments.Count > 1) throw OaiProtocolException.BadArgument($"'{exclusive}' is an exclusive argument: nothing else may come with it");
        }
        else
        {
            foreach (var required in rule.Required)
                if (!arguments.TryGetValue(required, out var value) || value.Length == 0) throw OaiProtocolException.BadArgument($"{verb} needs the argument '{required}'");
        }
        return new OaiRequest { Verb = verb, Arguments = arguments };
    }

    /// <summary>from and until as the moments a list runs from (inclusive) and to (exclusive).</summary>
    public (DateTime? From, DateTime? Before) DateRange()
    {
        DateTime? from = null, before = null;
        bool? fromDay = null;
        if (this["from"] is { } fromText)
        {
            if (!OaiDates.TryParse(fromText, out var f, out var day)) throw OaiProtocolException.BadArgument($"'from' is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): '{fromText}'");
            from = f;
            fromDay = day;
        }
        if (this["until"] is { } untilText)
        {
            if (!OaiDates.TryParse(untilText, out var u, out var day)) throw OaiProtocolException.BadArgument($"'until' is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): '{untilText}'");
            if (fromDay is { } fd && fd != day) throw OaiProtocolException.BadArgument("'from' and 'until' must have the same granularity");
            if (from is { } f && u < f) throw OaiProtocolException.BadArgument("'until' is before 'from'");
            before = OaiDates.EndOf(u, day);
        }
        return (from, before);
    }
}
