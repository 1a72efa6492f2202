using System.Diagnostics.Metrics;
using Dossier.Features.Indexing;
using Dossier.Search;

namespace Dossier.Features.Operations;

/// <summary>
/// The archive's own measurements, on the meter <c>Dossier</c>: how long searches take and how this node's index
/// follows the store. None of them names a record or a search's words.
/// </summary>
public sealed class DossierMetrics
{
    public const string MeterName = "Dossier";

    // From a millisecond to ten seconds: a search answers in a few milliseconds; seconds mean something is wrong.
    private static readonly double[] SearchBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> searchDuration;

    public DossierMetrics(IMeterFactory meters, RecordIndex index, IndexFollower follower)
    {
        // From the factory, so that the meter lives and dies with the host (tests run several in one process).
        var meter = meters.Create(MeterName);
        searchDuration = meter.CreateHistogram("dossier.search.duration", "s", "Time the search index took to answer a search",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchBuckets });
        meter.CreateObservableGauge("dossier.indexing.position", () => index.Position, "{task}", "The last indexing task this node's index has committed");
        meter.CreateObservableGauge("dossier.indexing.lag", () => follower.Behind, "{task}",
            "Indexing tasks this node had still to follow when it last looked (0 once it has caught up)");
        meter.CreateObservableCounter("dossier.indexing.records", () => follower.RecordsIndexed, "{record}",
            "Records this node has (re)indexed from the store's indexing tasks since it started");
        meter.CreateObservableCounter("dossier.indexing.failures", () => follower.Failures, "{round}",
            "Rounds of following the store that failed (each is retried) since the node started");
    }

    /// <summary>Records an answered search: <paramref name="endpoint"/> is <c>api</c> or <c>page</c>.</summary>
    public void Searched(string endpoint, double milliseconds) =>
        searchDuration.Record(milliseconds / 1000, new KeyValuePair<string, object?>("endpoint", endpoint));
}
