using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Dossier.Search;

/// <summary>
/// The index's folder, its files read through memory maps by plain pointers. Lucene.NET 4.8.0-beta00017's own
/// <see cref="MMapDirectory"/> takes and releases the map's handle on every read (a byte, a number) and enters
/// every copy of an open file in a weak table, which the garbage collector must then walk: a search copies its
/// files' positions hundreds of times (a term enumerator per field and segment, a postings reader per term), and on
/// a common word these two costs were a third of the search and most of its garbage collection. Later Lucene.NET
/// releases read the same way as here.
/// <para/>
/// As in Lucene, the copies of a file (<see cref="IndexInput.Clone"/>) are never closed, and must not be read after
/// the file itself is: the searcher manager's reference counts make sure of that, since a reader's files close only
/// when no search holds it.
/// </summary>
internal sealed class MappedDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return MappedInput.Open(System.IO.Path.Combine(Directory.FullName, name));
    }

    private sealed unsafe class MappedInput : IndexInput
    {
        private readonly Mapping mapping;
        private readonly byte* start;
        private readonly long length;
        private long position;
        private bool isClone;

        private MappedInput(string description, Mapping mapping, byte* start, long length) : base(description)
        {
            this.mapping = mapping;
            this.start = start;
            this.length = length;
        }

        public static MappedInput Open(string file)
        {
            var mapping = Mapping.Of(file);
            return new MappedInput($"MappedInput(path=\"{file}\")", mapping, mapping.Pointer, mapping.Length);
        }

        public override long Length => length;

        public override long Position => position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} outside {this} of {length} bytes");
            mapping.EnsureOpen(this);
            position = pos;
        }

        public override byte ReadByte()
        {
            if (position >= length) throw new EndOfStreamException($"read past the end of {this}");
            return start[position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > length - position) throw new EndOfStreamException($"read past the end of {this}");
            mapping.EnsureOpen(this);
            new ReadOnlySpan<byte>(start + position, len).CopyTo(b.AsSpan(offset, len));
            position += len;
        }

        // Lucene's numbers are big-endian; read at once rather than byte by byte.
        public override short ReadInt16()
        {
            if (length - position < 2) return base.ReadInt16();
            var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(start + position, 2));
            position += 2;
            return value;
        }

        public override int ReadInt32()
        {
            if (length - position < 4) return base.ReadInt32();
            var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(start + position, 4));
            position += 4;
            return value;
        }

        public override long ReadInt64()
        {
            if (length - position < 8) return base.ReadInt64();
            var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(start + position, 8));
            position += 8;
            return value;
        }

        public override void SkipBytes(long numBytes)
        {
            if (numBytes < 0 || numBytes > length - position) throw new EndOfStreamException($"skip past the end of {this}");
            position += numBytes;
        }

        public override object Clone()
        {
            mapping.EnsureOpen(this);
            var clone = (MappedInput)base.Clone();
            clone.isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            // Copies share the file's map; the original unmaps it.
            if (disposing && !isClone) mapping.Dispose();
        }
    }

    /// <summary>One file mapped whole, for reading; an empty file maps nothing.</summary>
    private sealed unsafe class Mapping : IDisposable
    {
        private readonly MemoryMappedFile? file;
        private readonly MemoryMappedViewAccessor? view;
        private volatile bool closed;

        private Mapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* pointer, long length)
        {
            this.file = file;
            this.view = view;
            Pointer = pointer;
            Length = length;
        }

        public byte* Pointer { get; }

        public long Length { get; }

        public static Mapping Of(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = stream.Length;
            if (length == 0) return new Mapping(null, null, null, 0);
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            MemoryMappedViewAccessor? view = null;
            try
            {
                view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                byte* pointer = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                return new Mapping(file, view, pointer + view.PointerOffset, length);
            }
            catch
            {
                view?.Dispose();
                file.Dispose();
                throw;
            }
        }

        // Checked where a read starts anew (a seek, a copy, a block), not on every byte: it turns most reads after
        // closing, which would otherwise touch unmapped memory, into an exception.
        public void EnsureOpen(object input) => ObjectDisposedException.ThrowIf(closed, input);

        public void Dispose()
        {
            if (closed) return;
            closed = true;
            if (view is null) return;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file!.Dispose();
        }
    }
}
