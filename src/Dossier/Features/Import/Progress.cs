using Spectre.Console;

namespace Dossier.Features.Import;

/// <summary>Long work shows progress: a bar on a terminal, plain lines when the output is redirected.</summary>
public static class Progress
{
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs work that reports (done, total), drawing a bar or printing a line every few percent.</summary>
    public static async Task<T> RunAsync<T>(string what, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!Interactive)
        {
            var printed = -10; // so that 0% is printed too
            var plain = new PlainProgress((done, total) =>
            {
                var percent = total == 0 ? 100 : done * 100 / total;
                if (percent / 10 == printed / 10 && done != total) return;
                printed = percent;
                Console.WriteLine($"{what}: {done}/{total} ({percent}%)");
            });
            return await work(plain);
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(what, autoStart: true, maxValue: 1);
                result = await work(new BarProgress(task));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports synchronously: System.Progress would post to the thread pool and print out of order.</summary>
    private sealed class PlainProgress(Action<int, int> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value.Done, value.Total);
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}
