using System.Text;
using System.Xml;

namespace Dossier;

/// <summary>Text made safe for XML 1.0: characters it cannot carry (control characters, lone surrogates) are dropped, pairs kept.</summary>
public static class XmlText
{
    public static string Clean(string value)
    {
        var clean = true;
        for (var i = 0; i < value.Length && clean; i++)
        {
            if (XmlConvert.IsXmlChar(value[i])) continue;
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) { i++; continue; }
            clean = false;
        }
        if (clean) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i])) text.Append(value[i]);
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) text.Append(value[i]).Append(value[++i]);
        }
        return text.ToString();
    }
}
