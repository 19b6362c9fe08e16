// PubMed/MEDLINE XML reader (the format of the PubMed baseline and update
// files, pubmed_*.dtd): a small tolerant scanner for the elements Vigie
// needs, with XML entity decoding and inline markup (<i>, <sup>...) removed.
// Thread-safety: pure functions.
#include <cstdint>
#include <optional>
#include <string>

#include "vigie/core/text.h"
#include "vigie/evidence/corpus.h"

namespace vigie::evidence {
namespace {

Status XmlError(std::string_view source, std::string_view why) {
  return Status::Error(ErrorCode::kDataError, {std::string(source), std::string(why)});
}

void AppendCodePoint(std::string& out, uint32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Character data of an element's content: tags removed, entities decoded,
// whitespace runs collapsed.
std::string DecodeContent(std::string_view raw) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '<') {
      size_t close = raw.find('>', i);
      i = close == std::string_view::npos ? raw.size() : close + 1;
      continue;
    }
    if (c == '&') {
      size_t semi = raw.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view name = raw.substr(i + 1, semi - i - 1);
        std::optional<uint32_t> cp;
        if (name == "amp") cp = '&';
        if (name == "lt") cp = '<';
        if (name == "gt") cp = '>';
        if (name == "quot") cp = '"';
        if (name == "apos") cp = '\'';
        if (name.size() > 1 && name[0] == '#') {
          bool hex = name[1] == 'x' || name[1] == 'X';
          std::string digits(name.substr(hex ? 2 : 1));
          uint32_t v = 0;
          bool good = !digits.empty() && digits.size() <= 7;
          for (char d : digits) {
            int dv = -1;
            if (d >= '0' && d <= '9') dv = d - '0';
            if (hex && d >= 'a' && d <= 'f') dv = d - 'a' + 10;
            if (hex && d >= 'A' && d <= 'F') dv = d - 'A' + 10;
            if (dv < 0) good = false;
            if (good) v = v * (hex ? 16u : 10u) + static_cast<uint32_t>(dv);
          }
          if (good) cp = v;
        }
        if (cp) {
          AppendCodePoint(out, *cp);
          i = semi + 1;
          continue;
        }
      }
    }
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
    ++i;
  }
  return std::string(text::Trim(out));
}

// One element occurrence found in [from, limit): its attributes text and content.
struct Element {
  std::string_view attrs;
  std::string_view content;
  size_t end = 0;  // position after the closing tag
};

// Finds <name ...>...</name> (or <name/>) starting at or after `from`.
std::optional<Element> FindElement(std::string_view xml, std::string_view name, size_t from,
                                   size_t limit, bool* malformed) {
  std::string open = "<" + std::string(name);
  std::string close = "</" + std::string(name) + ">";
  size_t pos = from;
  while (true) {
    pos = xml.find(open, pos);
    if (pos == std::string_view::npos || pos >= limit) return std::nullopt;
    size_t after = pos + open.size();
    if (after < xml.size() && (xml[after] == '>' || xml[after] == ' ' || xml[after] == '/' ||
                               xml[after] == '\n' || xml[after] == '\t' || xml[after] == '\r')) {
      break;
    }
    pos = after;
  }
  size_t gt = xml.find('>', pos);
  if (gt == std::string_view::npos || gt >= limit) {
    *malformed = true;
    return std::nullopt;
  }
  Element e;
  e.attrs = xml.substr(pos + open.size(), gt - pos - open.size());
  if (!e.attrs.empty() && e.attrs.back() == '/') {
    e.end = gt + 1;
    return e;
  }
  size_t end = xml.find(close, gt + 1);
  if (end == std::string_view::npos || end + close.size() > limit) {
    *malformed = true;
    return std::nullopt;
  }
  e.content = xml.substr(gt + 1, end - gt - 1);
  e.end = end + close.size();
  return e;
}

Result<Document> ReadArticle(std::string_view article, std::string_view source, size_t ordinal) {
  std::string where = "PubmedArticle #" + std::to_string(ordinal);
  bool bad = false;
  size_t n = article.size();
  auto pmid = FindElement(article, "PMID", 0, n, &bad);
  if (!pmid) return XmlError(source, where + ": PMID missing");
  Document doc;
  doc.id = DecodeContent(pmid->content);
  doc.source = std::string(source);
  doc.type = "pubmed_abstract";
  if (auto title = FindElement(article, "ArticleTitle", 0, n, &bad)) {
    doc.title = DecodeContent(title->content);
  }
  if (auto date = FindElement(article, "PubDate", 0, n, &bad)) {
    if (auto year = FindElement(date->content, "Year", 0, date->content.size(), &bad)) {
      doc.year = DecodeContent(year->content);
    }
  }
  std::string lang;
  if (auto language = FindElement(article, "Language", 0, n, &bad)) {
    lang = DecodeContent(language->content);
  }
  size_t pos = 0;
  while (auto para = FindElement(article, "AbstractText", pos, n, &bad)) {
    pos = para->end;
    std::string body = DecodeContent(para->content);
    if (body.empty()) continue;
    if (!doc.text.empty()) doc.text += "\n";
    doc.text += body;
  }
  // MeSH: MeshHeadingList/MeshHeading/DescriptorName (qualifiers are not headings).
  if (auto list = FindElement(article, "MeshHeadingList", 0, n, &bad)) {
    size_t at = 0;
    while (auto name =
               FindElement(list->content, "DescriptorName", at, list->content.size(), &bad)) {
      at = name->end;
      std::string heading = DecodeContent(name->content);
      if (!heading.empty()) doc.keywords.push_back(std::move(heading));
    }
  }
  if (bad) return XmlError(source, where + ": unterminated element");
  if (doc.text.empty()) return XmlError(source, where + " (PMID " + doc.id + "): no AbstractText");
  bool valid = text::IsValidUtf8(doc.text) && text::IsValidUtf8(doc.title);
  for (const std::string& heading : doc.keywords) valid = valid && text::IsValidUtf8(heading);
  if (!valid) {
    return XmlError(source, where + ": invalid UTF-8");
  }
  doc.lang = lang == "fre" ? "fr" : (lang == "eng" ? "en" : DetectLang(doc.text));
  return doc;
}

}  // namespace

Result<std::vector<Document>> ReadPubmedXml(std::string_view content, std::string_view source) {
  if (content.find("<PubmedArticleSet") == std::string_view::npos) {
    return XmlError(source, "<PubmedArticleSet> missing (not a PubMed XML file)");
  }
  std::vector<Document> docs;
  size_t pos = 0;
  bool bad = false;
  while (auto article = FindElement(content, "PubmedArticle", pos, content.size(), &bad)) {
    pos = article->end;
    Result<Document> doc = ReadArticle(article->content, source, docs.size() + 1);
    if (!doc.ok()) return doc.status();
    docs.push_back(std::move(doc).value());
  }
  if (bad) return XmlError(source, "unterminated <PubmedArticle>");
  if (docs.empty()) return XmlError(source, "no <PubmedArticle>");
  return docs;
}

}  // namespace vigie::evidence
