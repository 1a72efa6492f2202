using System.Security.Cryptography;

namespace Dossier.Originals;

/// <summary>
/// The archive's files, each kept once under its SHA-256 (<c>files/ab/cd/abcd…</c>): a file stored twice is one
/// file, a stored file is never written again (a new version is a new file), and its name is its fixity. A file is
/// written beside its place and moved there whole, so a crash leaves no half file under a hash.
/// </summary>
public sealed class FileStore(string directory)
{
    public string Directory { get; } = directory;

    public string PathOf(string sha256) => Path.Combine(Directory, sha256[..2], sha256[2..4], sha256);

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Stores what <paramref name="content"/> holds, unless the store has it already; returns its hash and length.</summary>
    public async Task<(string Sha256, long Length)> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var incoming = Path.Combine(Directory, "incoming");
        System.IO.Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            string sha256;
            long length;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                length = file.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var target = PathOf(sha256);
            if (File.Exists(target)) return (sha256, length);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another writer stored the same bytes a moment before: they are the same file.
            }
            // Stored files are never written in place.
            File.SetAttributes(target, FileAttributes.ReadOnly);
            return (sha256, length);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The SHA-256 of a stored file as its bytes now are (null when it is missing): what fixity checks compare with its name.</summary>
    public async Task<string?> HashAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return null;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>Every file the store holds, by hash.</summary>
    public IEnumerable<string> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
                .Select(Path.GetFileName).OfType<string>().Where(n => n.Length == 64 && n.All(char.IsAsciiHexDigitLower))
            : [];
}
