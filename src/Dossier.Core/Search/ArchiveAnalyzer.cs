using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
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
        stream = new LowerCaseFilter(Version, stream);
        stream = new KeywordRepeatFilter(stream);
        stream = new ScriptStemFilter(stream);
        stream = new FoldingFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Stems Latin words as English and Cyrillic words as Russian; a word marked as keyword stays as written.</summary>
    private sealed class ScriptStemFilter : TokenFilter
    {
        // Stems, like folded forms, are remembered per word (bounded); the Snowball stemmers are not thread-safe,
        // so each filter has its own, and the memo is shared.
        private const int MemoLimit = 500_000;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Memo = new(StringComparer.Ordinal);
        private readonly ICharTermAttribute term;
        private readonly IKeywordAttribute keyword;
        private readonly EnglishStemmer english = new();
        private readonly RussianStemmer russian = new();

        public ScriptStemFilter(TokenStream input) : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            if (keyword.IsKeyword) return true;
            var text = term.ToString();
            if (!Memo.TryGetValue(text, out var stem))
            {
                stem = Stem(text);
                if (Memo.Count < MemoLimit) Memo.TryAdd(text, stem);
            }
            term.SetEmpty().Append(stem);
            return true;
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

    private sealed class FoldingFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;

        public FoldingFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            var folded = NameFolding.Fold(term.ToString());
            term.SetEmpty().Append(folded);
            return true;
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
        TokenStream stream = new LowerCaseFilter(ArchiveAnalyzer.Version, tokenizer);
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
