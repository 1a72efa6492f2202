using System.Diagnostics.Metrics;
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
    private readonly Counter<long> recordsIndexed;
    private readonly Counter<long> followFailures;
    private long lag;

    public DossierMetrics(IMeterFactory meters, RecordIndex index)
    {
        // From the factory, so that the meter lives and dies with the host (tests run several in one process).
        var meter = meters.Create(MeterName);
        searchDuration = meter.CreateHistogram("dossier.search.duration", "s", "Time the search index took to answer a search",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchBuckets });
        recordsIndexed = meter.CreateCounter<long>("dossier.indexing.records", "{record}", "Records this node has (re)indexed from the store's indexing tasks");
        followFailures = meter.CreateCounter<long>("dossier.indexing.failures", "{round}", "Rounds of following the store that failed (and are retried)");
        meter.CreateObservableGauge("dossier.indexing.position", () => index.Position, "{task}", "The last indexing task this node's index has committed");
        meter.CreateObservableGauge("dossier.indexing.lag", () => Interlocked.Read(ref lag), "{task}",
            "Indexing tasks this node had still to follow when it last looked (0 once it has caught up)");
    }

    /// <summary>Records an answered search: <paramref name="endpoint"/> is <c>api</c> or <c>page</c>.</summary>
    public void Searched(string endpoint, double milliseconds) =>
        searchDuration.Record(milliseconds / 1000, new KeyValuePair<string, object?>("endpoint", endpoint));

    /// <summary>Follows a catch-up's progress: the tasks it has still to index.</summary>
    public IProgress<(int Done, int Total)> IndexingProgress => new LagProgress(this);

    /// <summary>A round of following ended: <paramref name="indexed"/> records indexed, nothing left that it saw.</summary>
    public void CaughtUp(int indexed)
    {
        if (indexed > 0) recordsIndexed.Add(indexed);
        Interlocked.Exchange(ref lag, 0);
    }

    public void FollowFailed() => followFailures.Add(1);

    // Reported synchronously by the catch-up itself (Progress<T> would post to the thread pool, out of order).
    private sealed class LagProgress(DossierMetrics metrics) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => Interlocked.Exchange(ref metrics.lag, Math.Max(0, value.Total - value.Done));
    }
}
