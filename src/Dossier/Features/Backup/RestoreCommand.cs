using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Search;

namespace Dossier.Features.Backup;

/// <summary>
/// <c>dossier restore DIR</c>: puts a backup back into an empty data directory, after checking every file against its
/// manifest, then rebuilds the search index from the restored database.
/// </summary>
public static class RestoreCommand
{
    public static Task<int> RunAsync(ArchiveOptions archive, string folder, CancellationToken cancellationToken) =>
        BackupCommand.ReportingFailuresAsync(() => RestoreAsync(archive, Path.GetFullPath(folder), cancellationToken));

    private static async Task<int> RestoreAsync(ArchiveOptions archive, string source, CancellationToken cancellationToken)
    {
        var dataDirectory = archive.DataDirectory;
        if (!Directory.Exists(source)) throw new BackupException($"there is no backup at {source}");
        // A restore never mixes two archives nor overwrites one: it makes a new one.
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            throw new BackupException($"the data directory {dataDirectory} is not empty; restore into a new or empty data directory (--data)");

        var manifest = await BackupManifest.ReadAsync(source, cancellationToken);
        var damaged = await Progress.RunAsync("Verifying", progress => VerifyAsync(manifest, source, progress, cancellationToken));
        if (damaged.Count > 0)
        {
            foreach (var (path, reason) in damaged) await Console.Error.WriteLineAsync($"dossier: the backup is damaged: {path}: {reason}");
            await Console.Error.WriteLineAsync("dossier: nothing was restored.");
            return 1;
        }

        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            DatabaseBackup.EnsureRestorable(manifest.Database, scope.ServiceProvider.GetRequiredService<DossierDb>());

        // The files first and the database last (it is renamed into place when whole): a restore cut short leaves
        // no database, so nothing takes the directory for a whole archive.
        var prefix = BackupCommand.FilesFolder + "/";
        var files = manifest.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        await Progress.RunAsync("Copying files", async progress =>
        {
            var done = 0;
            progress.Report((0, files.Count));
            foreach (var file in files)
            {
                var copied = await BackupFile.CopyAsync(Path.Combine(source, file.Path), dataDirectory, file.Path[prefix.Length..], cancellationToken);
                if (copied.Sha256 != file.Sha256) throw new BackupException($"{file.Path} changed while it was restored; empty {dataDirectory} and restore again");
                progress.Report((++done, files.Count));
            }
            return done;
        });

        Console.WriteLine("Restoring the database...");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
            await DatabaseBackup.RestoreAsync(manifest.Database, Path.Combine(source, DatabaseBackup.Folder), db, dataDirectory, cancellationToken);
        }
        // A backup of an older Dossier is brought to this one's schema.
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
            var counts = await ArchiveCounts.ReadAsync(db, cancellationToken);
            if (counts != manifest.Counts)
                throw new BackupException($"the restored database holds {counts}, the backup's manifest says {manifest.Counts}");
            Console.WriteLine($"Restored {counts} and {files.Count} files, backed up {manifest.CreatedAt:u} by Dossier {manifest.DossierVersion}.");

            using var index = RecordIndex.Open(archive.IndexDirectory);
            var indexer = new RecordIndexer(db, index);
            var indexed = await Progress.RunAsync("Indexing", progress => indexer.RebuildAsync(progress, cancellationToken));
            Console.WriteLine($"Indexed {indexed} records.");
        }
        return 0;
    }

    private static async Task<List<(string Path, string Reason)>> VerifyAsync(BackupManifest manifest, string source, IProgress<(int Done, int Total)> progress,
        CancellationToken cancellationToken)
    {
        var damaged = new List<(string, string)>();
        var done = 0;
        progress.Report((0, manifest.Files.Count));
        foreach (var file in manifest.Files)
        {
            if (await file.CheckAsync(source, cancellationToken) is { } reason) damaged.Add((file.Path, reason));
            progress.Report((++done, manifest.Files.Count));
        }
        // A PostgreSQL archive's database is in its pg_dump, beside the backup; an SQLite archive's is in the backup.
        if (manifest.Database == DatabaseBackup.Sqlite && !manifest.Files.Any(f => f.Path.StartsWith(DatabaseBackup.Folder + "/", StringComparison.Ordinal)))
            damaged.Add((BackupManifest.FileName, "it lists no database"));
        return damaged;
    }
}
