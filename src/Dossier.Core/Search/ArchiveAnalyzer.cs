using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Dossier.Search;

/// <summary>
/// How the archive's text is read for search. Each word is kept twice at its place: as written and as its stem
/// (English stems for Latin words, Russian stems for Cyrillic ones: <c>negotiate</c> meets <c>negotiations</c>,
/// <c>кубинского</c> meets <c>кубинских</c>); both are then folded across scripts and spellings (<see cref="NameFolding"/>),
/// so <c>Guantanamo</c> meets <c>Гуантанамо</c> and <c>Khrushchev</c> meets <c>Хрущёв</c>. The same analyzer reads
/// documents, queries and snippets, so that what is marked is what matched.
/// </summary>
public sealed class ArchiveAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new WordAndStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// Emits each word folded and, when it differs, its folded stem at the same place. One filter instead of
    /// Lucene's keyword-repeat, stemming and de-duplication chain: that chain copies every token's state and was
    /// the slowest part of indexing.
    /// </summary>
    private sealed class WordAndStemFilter : TokenFilter
    {
        // A language's vocabulary is small beside its text: each word's two forms are worked out once (bounded,
        // so that a flood of unique tokens cannot grow the memo forever). The Snowball stemmers are not
        // thread-safe, so each filter has its own; the memo is shared.
        private const int MemoLimit = 500_000;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Word, string? Stem)> Memo = new(StringComparer.Ordinal);
        private static int memoCount;

        // Looked up by the token's own characters: no string is made for a word already seen.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Word, string? Stem)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            Memo.GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute position;
        private readonly EnglishStemmer english = new();
        private readonly RussianStemmer russian = new();
        private string? pendingStem;

        public WordAndStemFilter(TokenStream input) : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (pendingStem is { } stem)
            {
                // The previous token's attributes (offsets, type) still stand: only the text and the position change.
                term.SetEmpty().Append(stem);
                position.PositionIncrement = 0;
                pendingStem = null;
                return true;
            }
            if (!m_input.IncrementToken()) return false;
            if (!Lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var forms))
            {
                var text = term.ToString();
                var word = NameFolding.Fold(text);
                var folded = NameFolding.Fold(Stem(text));
                forms = (word, folded == word ? null : folded);
                if (memoCount < MemoLimit && Memo.TryAdd(text, forms)) Interlocked.Increment(ref memoCount);
            }
            term.SetEmpty().Append(forms.Word);
            pendingStem = forms.Stem;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            pendingStem = null;
        }

        private string Stem(string text)
        {
            var cyrillic = text.Any(c => c is >= '\u0400' and <= '\u04FF');
            var latin = text.All(c => c < '\u0250');
            if (!cyrillic && !latin) return text;
            var stemmer = cyrillic ? (Lucene.Net.Tartarus.Snowball.SnowballProgram)russian : english;
            stemmer.SetCurrent(text);
            stemmer.Stem();
            return stemmer.Current;
        }
    }
}

/// <summary>
/// The archive's text as written, lower-cased and without accents: for quoted phrases, wildcards and prefixes,
/// where the reader asks for an exact form.
/// </summary>
public sealed class ExactAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(ArchiveAnalyzer.Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new ExactFoldFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>ё is written е in most Russian print; an exact search for one finds both.</summary>
    private sealed class ExactFoldFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;

        public ExactFoldFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            var buffer = term.Buffer;
            for (var i = 0; i < term.Length; i++)
                if (buffer[i] == 'ё') buffer[i] = 'е';
            return true;
        }
    }
}

/// <summary>
/// Lower case without a culture. Lucene.NET's LowerCaseFilter asks the culture for every word, which took a quarter
/// of all indexing time; the archive's words need only the invariant rules, and most of their letters are ASCII.
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    // Outside ASCII, char.ToLowerInvariant asks ICU for each letter: a table of the whole plane is asked once.
    private static readonly char[] Lower = Table();

    private readonly ICharTermAttribute term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
        {
            var c = buffer[i];
            if (c < 128)
            {
                if (c is >= 'A' and <= 'Z') buffer[i] = (char)(c | 0x20);
            }
            else
            {
                buffer[i] = Lower[c];
            }
        }
        return true;
    }

    private static char[] Table()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            table[c] = char.IsSurrogate((char)c) ? (char)c : char.ToLowerInvariant((char)c);
        return table;
    }
}
