using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene40;
using Lucene.Net.Codecs.Lucene46;

namespace Dossier.Search;

/// <summary>
/// Lucene's codec with the stored fields kept as written instead of compressed. A result list shows each hit's
/// title, summary and a snippet cut from its transcript: with compression, reading those twenty records meant
/// decompressing every stored byte of them (and of the records before them in their block), a quarter of a common
/// word's search. Uncompressed, a hit's fields are read straight from the mapped file and a field not asked for is
/// skipped. The price is disk: the stored text takes about twice the room (the database holds it too).
/// </summary>
[CodecName(CodecName)]
public sealed class ArchiveCodec : FilterCodec
{
    public const string CodecName = "Dossier46";

    private readonly StoredFieldsFormat storedFields = new Lucene40StoredFieldsFormat();

    public ArchiveCodec() : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => storedFields;

    /// <summary>
    /// Lucene finds a segment's codec by the name written in the index, so every process that opens an index (the
    /// server, the CLI, the tests reading an index directly) must know this one before it reads a segment.
    /// </summary>
#pragma warning disable CA2255 // The codec must be known before any index is read, whoever reads it first.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(ArchiveCodec)] });
}
