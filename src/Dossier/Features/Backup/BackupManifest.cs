using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Dossier.Data;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Backup;

/// <summary>
/// What a backup holds, written last into its folder: which Dossier made it and when, the database's kind, what the
/// archive held, and every file with its SHA-256, so that a restore can tell a damaged backup from a whole one.
/// </summary>
public sealed record BackupManifest(int Format, string DossierVersion, DateTimeOffset CreatedAt, string Database, ArchiveCounts Counts, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The layout this Dossier writes and reads; a newer one is refused, not misread.</summary>
    public const int CurrentFormat = 1;

    // The manifest is a file for people too: a version's '+' stays a '+' (there is no HTML to escape it for).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string CurrentVersion =>
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    /// <summary>Reads a backup's manifest; a folder without one (or with a damaged one) is no backup.</summary>
    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new BackupException($"{folder} is not a complete Dossier backup: it has no {FileName}");
        BackupManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{path} is damaged: {e.Message}");
        }
        if (manifest?.Files is null || manifest.Counts is null || manifest.Database is null)
            throw new BackupException($"{path} is damaged: it does not list the backup's files");
        if (manifest.Format < 1) throw new BackupException($"{path} is damaged: it names no format");
        if (manifest.Format > CurrentFormat)
            throw new BackupException($"this backup was made by a newer Dossier ({manifest.DossierVersion}, format {manifest.Format}); restore it with that version");
        foreach (var file in manifest.Files)
        {
            // A manifest names files inside its own folder only: a damaged or forged one must not reach elsewhere.
            if (file.Path.Length == 0 || Path.IsPathRooted(file.Path) || file.Path.Split('/').Any(p => p is "" or "." or ".."))
                throw new BackupException($"{path} is damaged: it names a file outside the backup ({file.Path})");
        }
        return manifest;
    }
}

/// <summary>One file of a backup: its path inside the backup's folder (with '/'), its size and its SHA-256 (lowercase hex).</summary>
public sealed record BackupFile(string Path, long Size, string Sha256)
{
    /// <summary>Copies a file, hashing what is written: the hash is the copy's even if the source changes meanwhile.</summary>
    public static async Task<BackupFile> CopyAsync(string source, string folder, string path, CancellationToken cancellationToken)
    {
        var target = System.IO.Path.Combine(folder, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true))
        await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        return new BackupFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Describes a file already in place (the database's copy).</summary>
    public static async Task<BackupFile> OfAsync(string folder, string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.Combine(folder, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
        await using var stream = File.OpenRead(full);
        return new BackupFile(path, stream.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)));
    }

    /// <summary>Whether the file in <paramref name="folder"/> is what the manifest says; the reason when it is not.</summary>
    public async Task<string?> CheckAsync(string folder, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.Combine(folder, Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
        if (!File.Exists(full)) return "it is missing";
        await using var stream = File.OpenRead(full);
        if (stream.Length != Size) return $"it has {stream.Length} bytes, not {Size}";
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return actual == Sha256 ? null : "its content is not what was backed up (SHA-256 differs)";
    }
}

/// <summary>What an archive holds, to say what a backup holds and to check that a restore brought it all back.</summary>
public sealed record ArchiveCounts(int Records, int Revisions, int Accounts)
{
    public static async Task<ArchiveCounts> ReadAsync(DossierDb db, CancellationToken cancellationToken)
    {
        db.WholeArchive();
        return new(await db.Records.CountAsync(cancellationToken), await db.Revisions.CountAsync(cancellationToken), await db.Users.CountAsync(cancellationToken));
    }

    public override string ToString() => $"{Records} records, {Revisions} revisions, {Accounts} accounts";
}

/// <summary>A backup or a restore that cannot go on; its message says why, for the command line.</summary>
public sealed class BackupException(string message) : Exception(message);
