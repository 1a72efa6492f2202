using System.Globalization;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;

namespace Dossier.Features.Backup;

/// <summary>
/// <c>dossier backup DIR</c>: a consistent copy of the archive, taken while it serves. The database is copied as one
/// snapshot, then every file of the data directory that is not derived (keys, stored files); the search index is
/// left out, as a restore rebuilds it. A manifest with every file's hash is written last.
/// </summary>
public static class BackupCommand
{
    /// <summary>The backup's folder for the data directory's own files, in the data directory's layout.</summary>
    public const string FilesFolder = "files";

    public static Task<int> RunAsync(ArchiveOptions archive, string folder, CancellationToken cancellationToken) =>
        ReportingFailuresAsync(() => BackUpAsync(archive, Path.GetFullPath(folder), cancellationToken));

    /// <summary>Runs a backup or a restore; what stops it (a refusal, a disk's error) is one line and exit code 1.</summary>
    internal static async Task<int> ReportingFailuresAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is BackupException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("dossier: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> BackUpAsync(ArchiveOptions archive, string target, CancellationToken cancellationToken)
    {
        var dataDirectory = archive.DataDirectory;
        if (IsWithin(target, dataDirectory))
            throw new BackupException($"{target} is inside the data directory {dataDirectory}; back up to a folder outside it");
        if (File.Exists(target)) throw new BackupException($"{target} is a file; name a new or empty folder");
        var exists = Directory.Exists(target);
        if (exists && Directory.EnumerateFileSystemEntries(target).Any())
            throw new BackupException($"{target} is not empty; back up into a new or empty folder (a backup never overwrites anything)");
        if (!Directory.Exists(dataDirectory)) throw new BackupException($"there is no archive at {dataDirectory}");

        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        var clock = services.GetRequiredService<TimeProvider>();

        // A new folder is written as a hidden sibling and renamed when whole. An existing empty folder may be a mount
        // point that no rename can replace: it is written in place. Either way the manifest comes last, and a restore
        // takes nothing without it, so a backup cut short never passes for a whole one.
        var work = exists ? target : Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var started = clock.GetUtcNow();
            var files = new List<BackupFile>();

            // The database first: a stored file the database names was written before the database named it, so it is
            // in the data directory by the time the files are copied.
            Console.WriteLine("Copying the database...");
            string kind;
            ArchiveCounts counts;
            await using (var scope = services.CreateAsyncScope())
            {
                (kind, counts) = await DatabaseBackup.CopyAsync(scope.ServiceProvider.GetRequiredService<DossierDb>(),
                    Path.Combine(work, DatabaseBackup.Folder), cancellationToken);
            }
            if (kind == DatabaseBackup.Postgres)
            {
                Console.WriteLine($"The PostgreSQL database ({counts}) is not in this backup: dump it with pg_dump --format=custom beside it (see docs/operations.md).");
            }
            else
            {
                foreach (var copied in Directory.EnumerateFiles(Path.Combine(work, DatabaseBackup.Folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    files.Add(await BackupFile.OfAsync(work, Path.GetRelativePath(work, copied).Replace(Path.DirectorySeparatorChar, '/'), cancellationToken));
                Console.WriteLine($"Copied the database: {counts}.");
            }

            var own = await Progress.RunAsync("Copying files", progress => CopyFilesAsync(dataDirectory, OwnFiles(archive), work, progress, cancellationToken));
            files.AddRange(own);

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, BackupManifest.CurrentVersion, started, kind, counts, files);
            var partial = Path.Combine(work, BackupManifest.FileName + ".partial");
            await manifest.WriteAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(work, BackupManifest.FileName));
            if (!exists) Directory.Move(work, target);

            Console.WriteLine($"Backed up {counts} and {own.Count} files ({Size(files.Sum(f => f.Size))}) to {target}.");
            return 0;
        }
        catch
        {
            Remove(work, exists);
            throw;
        }
    }

    /// <summary>
    /// The data directory's files that are not derived and not the live database: everything but the search index,
    /// the database's files (copied through the database) and lock files. Paths relative, with '/'.
    /// </summary>
    public static List<string> OwnFiles(ArchiveOptions archive)
    {
        // The index, a rebuilt one waiting beside it and an old one being removed: all derived, all left out.
        var index = Path.GetRelativePath(archive.DataDirectory, archive.IndexDirectory).Replace(Path.DirectorySeparatorChar, '/');
        // Page images are made again from the stored files; a file being stored is not yet one.
        string[] derived = [index + "/", index + Dossier.Search.RecordIndex.RebuiltSuffix + "/", index + ".old/",
            Relative(archive, archive.DerivedDirectory) + "/", Relative(archive, archive.FilesDirectory) + "/incoming/"];
        // Hidden files too (AttributesToSkip): whatever the archive keeps is kept.
        return Directory.EnumerateFiles(archive.DataDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(archive.DataDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !derived.Any(folder => path.StartsWith(folder, StringComparison.Ordinal))
                           && !DatabaseBackup.LiveFiles.Contains(path)
                           && !path.EndsWith(".lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Relative(ArchiveOptions archive, string path) =>
        Path.GetRelativePath(archive.DataDirectory, path).Replace(Path.DirectorySeparatorChar, '/');

    private static async Task<List<BackupFile>> CopyFilesAsync(string dataDirectory, List<string> paths, string work, IProgress<(int Done, int Total)> progress,
        CancellationToken cancellationToken)
    {
        var copied = new List<BackupFile>();
        progress.Report((0, paths.Count));
        foreach (var path in paths)
        {
            try
            {
                copied.Add(await BackupFile.CopyAsync(Path.Combine(dataDirectory, path), work, FilesFolder + "/" + path, cancellationToken));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since it was listed: a temporary file renamed or removed by the running archive, not its data.
            }
            progress.Report((copied.Count, paths.Count));
        }
        return copied;
    }

    private static void Remove(string work, bool inPlace)
    {
        try
        {
            if (!inPlace)
            {
                Directory.Delete(work, recursive: true);
                return;
            }
            // The folder was empty when the backup began: everything in it is the backup's.
            foreach (var entry in new DirectoryInfo(work).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
                else entry.Delete();
            }
        }
        catch (IOException)
        {
            // Left for the operator: without its manifest it is no backup to a restore.
        }
    }

    internal static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };
}
