namespace Dossier;

/// <summary>
/// Progress reported on the caller's thread, as it happens: <see cref="System.Progress{T}"/> posts each report to the
/// thread pool, where reports arrive late and out of order.
/// </summary>
public sealed class Reporting<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
