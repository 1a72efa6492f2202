using Dossier.Data;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Originals;

/// <summary>
/// Attaches files to a record as its originals: each file is what its bytes say (a PDF, TIFF, JPEG or PNG, else it is
/// refused with the reason), stored once by its hash, and put last among the record's originals, waiting to be read.
/// A file the record already has is not attached twice. Refused files are reported one by one; the others are attached.
/// </summary>
public sealed class OriginalAttachment(DossierDb db, FileStore files, TimeProvider clock)
{
    private readonly DossierDb db = db.WholeArchive();

    /// <summary>The record's originals attached or refused, file by file.</summary>
    public async Task<List<AttachedFile>> AttachAsync(int recordId, IEnumerable<(string FileName, Func<Stream> Open)> incoming, string? attachedBy, CancellationToken cancellationToken = default)
    {
        if (!await db.Records.AnyAsync(r => r.Id == recordId && r.DeletedAt == null, cancellationToken))
            throw new KeyNotFoundException($"the archive has no record {recordId}");
        var results = new List<AttachedFile>();
        var position = await db.Originals.Where(o => o.ArchivalRecordId == recordId).MaxAsync(o => (int?)o.Position, cancellationToken) ?? 0;
        var held = (await db.Originals.Where(o => o.ArchivalRecordId == recordId).Select(o => o.Sha256).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (fileName, open) in incoming)
        {
            var name = Path.GetFileName(fileName.Replace('\\', '/'));
            if (name.Length > Original.MaxFileNameLength) name = name[^Original.MaxFileNameLength..];
            try
            {
                await using var content = open();
                var (stored, refusal) = await StoreAsync(files, content, cancellationToken);
                if (stored is not var (mediaType, sha256, size))
                {
                    results.Add(AttachedFile.Refused(name, refusal!));
                    continue;
                }
                if (!held.Add(sha256))
                {
                    results.Add(AttachedFile.Refused(name, "the record has this file already", sha256));
                    continue;
                }
                var original = new Original
                {
                    ArchivalRecordId = recordId,
                    Sha256 = sha256,
                    FileName = name.Length > 0 ? name : sha256 + FileKind.Extension(mediaType),
                    MediaType = mediaType,
                    Length = size,
                    Position = ++position,
                    AttachedAt = clock.GetUtcNow().UtcDateTime,
                    AttachedBy = attachedBy,
                };
                db.Originals.Add(original);
                results.Add(new AttachedFile(name, original, null, sha256));
            }
            catch (IOException e)
            {
                results.Add(AttachedFile.Refused(name, "could not be read: " + e.Message));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// Stores a file that is an original by its bytes — a PDF, TIFF, JPEG or PNG, whatever its name says — and gives
    /// its kind, hash and length; else stores nothing and says why. The one door by which originals enter the store.
    /// </summary>
    public static async Task<((string MediaType, string Sha256, long Length)? Stored, string? Refusal)> StoreAsync(FileStore files, Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[FileKind.HeadLength];
        var length = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (length == 0) return (null, "the file is empty");
        if (FileKind.Sniff(head.AsSpan(0, length)) is not { } mediaType) return (null, "not a PDF, TIFF, JPEG or PNG file (whatever its name says)");
        var (sha256, size) = await files.StoreAsync(new PrefixedStream(head.AsMemory(0, length), content), cancellationToken);
        return ((mediaType, sha256, size), null);
    }

    /// <summary>
    /// Takes an original off its record; the stored file stays (another record may hold it, and the archive never
    /// deletes what it stored). The record's machine-read text leaves the index.
    /// </summary>
    public async Task<bool> DetachAsync(int originalId, CancellationToken cancellationToken = default)
    {
        if (await db.Originals.FirstOrDefaultAsync(o => o.Id == originalId, cancellationToken) is not { } original) return false;
        db.Originals.Remove(original);
        db.IndexingTasks.Add(Search.IndexingTask.For(original.ArchivalRecordId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Has an original read again from its first page: after a failure, or once a missing program is installed.</summary>
    public async Task<bool> ReadAgainAsync(int originalId, CancellationToken cancellationToken = default)
    {
        if (await db.Originals.AsNoTracking().FirstOrDefaultAsync(o => o.Id == originalId && o.State != ReadingState.Reading, cancellationToken) is not { } original) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Originals.Where(o => o.Id == originalId && o.State != ReadingState.Reading)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.State, ReadingState.Waiting).SetProperty(o => o.Attempts, 0).SetProperty(o => o.LeasedUntil, (DateTime?)null)
                .SetProperty(o => o.Problem, (string?)null).SetProperty(o => o.NextAttemptAt, (DateTime?)null), cancellationToken);
        // Its text leaves the index until it is read again.
        db.IndexingTasks.Add(Search.IndexingTask.For(original.ArchivalRecordId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    /// <summary>A stream that gives some bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private int offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (this.offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - this.offset);
                prefix.Span.Slice(this.offset, n).CopyTo(buffer);
                this.offset += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (offset < prefix.Length) return Read(buffer.Span);
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

/// <summary>A file attached (<see cref="Original"/>) or refused (<see cref="Reason"/>).</summary>
public sealed record AttachedFile(string FileName, Original? Original, string? Reason, string? Sha256 = null)
{
    public static AttachedFile Refused(string fileName, string reason, string? sha256 = null) => new(fileName, null, reason, sha256);
}
