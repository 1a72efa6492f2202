using System.Diagnostics;

namespace Dossier.Tests;

/// <summary><c>dossier reindex</c> beside a running server: the server answers from the old index throughout, then from the new.</summary>
public class ReindexTests
{
    [Fact]
    public async Task A_running_server_answers_during_a_reindex_and_then_from_the_rebuilt_index()
    {
        // Searches as fast as they are answered: no rate limit here.
        await using var archive = await ArchiveHost.StartAsync("--Dossier:RateLimits:SearchPerSecond=0");
        const int Count = 1500;
        var file = Path.Combine(TempDirectory.Create("reindex"), "records.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, Count).Select(i =>
            $$"""{"recordId":"RX-{{i}}","title":"Memorandum {{i}} on the Berlin corridors","date":"1961-08-{{i % 28 + 1:00}}","summary":"Access to West Berlin."}"""));
        Assert.Equal(Count, (await archive.ImportAsync(file)).Imported);

        using var reindex = Process.Start(DossierProcess.StartInfo(["reindex", "--data", archive.DataDirectory], []))!;
        var output = reindex.StandardOutput.ReadToEndAsync();
        var errors = reindex.StandardError.ReadToEndAsync();

        // Every search while the index is rebuilt and switched finds every record.
        var searches = 0;
        while (!reindex.HasExited)
        {
            var results = await archive.GetJsonAsync("/api/search?q=corridors&size=1");
            Assert.Equal(Count, results["total"]!.GetValue<int>());
            searches++;
        }
        await reindex.WaitForExitAsync();
        Assert.True(reindex.ExitCode == 0, await output + await errors);
        Assert.Contains($"Reindexed {Count} records.", await output);
        Assert.Contains("The server now answers from the new index.", await output);
        Assert.True(searches > 0);
        Assert.False(Directory.Exists(archive.DataDirectory + "/index.next"));

        // The new index takes what is written after the switch.
        await File.WriteAllTextAsync(file, """{"recordId":"RX-NEW","title":"Memorandum on the Glienicke bridge","date":"1962-02-10"}""" + "\n");
        await archive.ImportAsync(file);
        var bridge = await archive.GetJsonAsync("/api/search?q=Glienicke");
        Assert.Equal(1, bridge["total"]!.GetValue<int>());
        Assert.Equal(Count, (await archive.GetJsonAsync("/api/search?q=corridors&size=1"))["total"]!.GetValue<int>());
    }
}
