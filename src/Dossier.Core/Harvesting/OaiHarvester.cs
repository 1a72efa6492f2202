using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Dossier.Citations;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Oai;
using Dossier.Records;

namespace Dossier.Harvesting;

/// <summary>What to harvest: a repository's base URL, a format (<c>oai_dc</c> or <c>dossier</c>), and optionally a set and dates.</summary>
public sealed record HarvestRequest(Uri BaseUrl, string MetadataPrefix = "oai_dc", string? Set = null, string? From = null, string? Until = null);

/// <summary>A harvest that could not go on: the repository's error, or its answers could not be had or read.</summary>
public sealed class HarvestException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class HarvestReport
{
    public List<ImportEvent> Events { get; } = [];
    public string RepositoryName { get; set; } = "";
    public int Pages { get; set; }
    public bool Resumed { get; set; }
    public string? From { get; set; }
    public int Count(ImportOutcome outcome) => Events.Count(e => e.Outcome == outcome);
    public int Deleted => Events.Count(e => e.Reason == "deleted, as at the source");
}

/// <summary>
/// An OAI-PMH harvester: asks a repository for its records page by page (ListRecords, following resumption tokens),
/// brings each page into the archive as the import brings a file (one transaction, the same identity rules, records
/// by their OAI identifier), deletes what the repository reports deleted, and keeps its place after every page so an
/// interrupted harvest goes on where it stopped. A harvest after a complete one asks only for what changed since.
/// </summary>
public sealed class OaiHarvester(HttpClient http, RecordImport import, string stateDirectory)
{
    private static readonly XNamespace O = "http://www.openarchives.org/OAI/2.0/";

    public static readonly IReadOnlyList<string> Formats = ["oai_dc", DossierRecordXml.Prefix];

    /// <summary>How many times a failed request is tried again (with waits of 1, 2, 4... seconds, or as the repository's Retry-After asks).</summary>
    public int Retries { get; init; } = 3;

    public async Task<HarvestReport> RunAsync(HarvestRequest request, Action<string>? say = null, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Formats.Contains(request.MetadataPrefix))
            throw new HarvestException($"'{request.MetadataPrefix}' is not a format Dossier reads ({string.Join(", ", Formats)})");
        var baseUrl = request.BaseUrl.ToString();
        var statePath = HarvestState.PathOf(stateDirectory, baseUrl, request.MetadataPrefix, request.Set);
        var state = HarvestState.Load(statePath, baseUrl, request.MetadataPrefix, request.Set);
        var report = new HarvestReport();

        var identify = await AskAsync(request.BaseUrl, [("verb", "Identify")], cancellationToken);
        var repository = identify.Root!.Element(O + "Identify");
        if (repository is null) throw new HarvestException($"{baseUrl} did not answer Identify as an OAI-PMH repository");
        report.RepositoryName = repository.Element(O + "repositoryName")?.Value.Trim() is { Length: > 0 } name ? name : request.BaseUrl.Host;
        var seconds = repository.Element(O + "granularity")?.Value == "YYYY-MM-DDThh:mm:ssZ";

        var resuming = state.ResumptionToken is not null && state.From == request.From && state.Until == request.Until;
        List<(string, string)> arguments;
        if (resuming)
        {
            report.Resumed = true;
            say?.Invoke($"Resuming the harvest of {report.RepositoryName} after {state.Received:N0} records.");
            arguments = [("verb", "ListRecords"), ("resumptionToken", state.ResumptionToken!)];
        }
        else
        {
            arguments = Start(request, request.From ?? state.LastCompleted, seconds);
            report.From = request.From ?? state.LastCompleted;
            if (request.From is null && state.LastCompleted is not null)
                say?.Invoke($"Harvesting what changed at {report.RepositoryName} since the last complete harvest ({state.LastCompleted}).");
            (state.From, state.Until, state.Received, state.ListStartedAt) = (request.From, request.Until, 0, null);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await AskAsync(request.BaseUrl, arguments, cancellationToken);
            if (page.Root!.Element(O + "error") is { } error)
            {
                var code = (string?)error.Attribute("code");
                if (code == "noRecordsMatch") break;
                if (code == "badResumptionToken" && resuming && report.Pages == 0)
                {
                    say?.Invoke("The repository no longer knows where the interrupted harvest was; it starts again from the beginning.");
                    resuming = false;
                    report.Resumed = false;
                    arguments = Start(request, request.From ?? state.LastCompleted, seconds);
                    (state.Received, state.ListStartedAt) = (0, null);
                    continue;
                }
                throw new HarvestException($"{report.RepositoryName} answered {code}: {error.Value.Trim()}");
            }
            var list = page.Root.Element(O + "ListRecords") ?? throw new HarvestException($"{report.RepositoryName} answered ListRecords with something else");
            if (state.ListStartedAt is null) state.ListStartedAt = page.Root.Element(O + "responseDate")?.Value;
            report.Pages++;

            var items = new List<ImportItem>();
            var deleted = new List<string>();
            foreach (var record in list.Elements(O + "record"))
            {
                var header = record.Element(O + "header");
                var identifier = header?.Element(O + "identifier")?.Value.Trim();
                if (header is null || string.IsNullOrEmpty(identifier))
                {
                    items.Add(ImportItem.Failed($"{baseUrl} page {report.Pages}", "a record without an identifier"));
                    continue;
                }
                if ((string?)header.Attribute("status") == "deleted") deleted.Add(identifier);
                else items.Add(Item(record, identifier, request.MetadataPrefix, report.RepositoryName));
            }
            var label = $"{report.RepositoryName} by OAI-PMH";
            var events = await import.ImportAsync(baseUrl, label, items, null, cancellationToken);
            // A page that could not be written is not passed over: the harvest stops before it, to go on from it.
            if (events.FirstOrDefault(e => e.Outcome == ImportOutcome.Failed && e.Location == baseUrl) is { } failed)
                throw new HarvestException($"a page of {report.RepositoryName} could not be written: {failed.Reason}");
            report.Events.AddRange(events);
            report.Events.AddRange(await import.DeleteAsync(label, deleted, cancellationToken));

            var token = list.Element(O + "resumptionToken");
            var next = token?.Value.Trim();
            state.Received += items.Count + deleted.Count;
            state.ResumptionToken = string.IsNullOrEmpty(next) ? null : next;
            state.Save(statePath);
            if (int.TryParse((string?)token?.Attribute("completeListSize"), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
                progress?.Report((state.Received, total));
            else
                progress?.Report((state.Received, 0));
            if (state.ResumptionToken is null) break;
            arguments = [("verb", "ListRecords"), ("resumptionToken", state.ResumptionToken)];
        }

        // The next harvest asks from where this one's list ended: its until, or the moment it began.
        var ended = request.Until ?? state.ListStartedAt ?? state.LastCompleted;
        (state.LastCompleted, state.ResumptionToken, state.From, state.Until) = (ended, null, null, null);
        state.Save(statePath);
        return report;
    }

    private static List<(string, string)> Start(HarvestRequest request, string? from, bool seconds)
    {
        var arguments = new List<(string, string)> { ("verb", "ListRecords"), ("metadataPrefix", request.MetadataPrefix) };
        if (from is not null) arguments.Add(("from", Moment(from, seconds, endOfDay: false)));
        if (request.Until is not null) arguments.Add(("until", Moment(request.Until, seconds, endOfDay: true)));
        if (request.Set is not null) arguments.Add(("set", request.Set));
        return arguments;
    }

    // A day asked of a repository that counts in seconds is written in its granularity, its first or last second; a
    // moment asked of one that counts in days is its day.
    private static string Moment(string value, bool seconds, bool endOfDay) =>
        seconds ? value.Length == 10 ? value + (endOfDay ? "T23:59:59Z" : "T00:00:00Z") : value
        : value.Length > 10 ? value[..10] : value;

    private static ImportItem Item(XElement record, string identifier, string prefix, string repositoryName)
    {
        var metadata = record.Element(O + "metadata")?.Elements().FirstOrDefault();
        if (metadata is null) return ImportItem.Failed(identifier, "the record has no metadata");
        RecordDocument document;
        if (prefix == DossierRecordXml.Prefix)
        {
            if (metadata.Name != XName.Get("record", DossierRecordXml.Namespace)) return ImportItem.Failed(identifier, $"not a {prefix} record: {metadata.Name}");
            // The record's identity here is its OAI identifier, as for any harvested record: the source's own Record ID
            // could be another record's here, and the source's deletions name the OAI identifier.
            document = DossierRecordXml.Read(metadata) with { RecordId = identifier, Url = null };
        }
        else
        {
            if (metadata.Name != XName.Get("dc", DublinCore.OaiDcNamespace)) return ImportItem.Failed(identifier, $"not an oai_dc record: {metadata.Name}");
            document = DublinCoreMapping.ToDocument(metadata, identifier, repositoryName);
        }
        var problem = JsonLinesImporter.Validate(document);
        return problem is null ? ImportItem.Of(identifier, JsonLinesImporter.ToRecord(document)) : ImportItem.Failed(identifier, problem);
    }

    /// <summary>One request, tried again after a failure of the network or the server (503 with Retry-After is the protocol's way to ask for patience).</summary>
    private async Task<XDocument> AskAsync(Uri baseUrl, IReadOnlyList<(string Name, string Value)> arguments, CancellationToken cancellationToken)
    {
        var query = string.Join('&', arguments.Select(a => a.Name + "=" + Uri.EscapeDataString(a.Value)));
        var address = new UriBuilder(baseUrl) { Query = query }.Uri;
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan wait;
            string problem;
            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    try
                    {
                        var document = XDocument.Parse(text);
                        if (document.Root?.Name != O + "OAI-PMH") throw new HarvestException($"{address} is not an OAI-PMH response ({document.Root?.Name})");
                        return document;
                    }
                    catch (XmlException e)
                    {
                        throw new HarvestException($"{address} answered with XML that cannot be read: {e.Message}", e);
                    }
                }
                problem = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    throw new HarvestException($"{address} answered {problem}");
                wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1 << Math.Min(attempt, 6));
            }
            catch (HttpRequestException e)
            {
                problem = e.Message;
                wait = TimeSpan.FromSeconds(1 << Math.Min(attempt, 6));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = "no answer in time";
                wait = TimeSpan.FromSeconds(1 << Math.Min(attempt, 6));
            }
            if (attempt >= Retries) throw new HarvestException($"{address} could not be had: {problem}");
            await Task.Delay(wait > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : wait, cancellationToken);
        }
    }
}
