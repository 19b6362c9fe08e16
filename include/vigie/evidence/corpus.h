// Corpus documents and their readers: PubMedQA JSON lines, PubMed/MEDLINE XML,
// plain text / Markdown and PDF (poppler-cpp). Readers are pure functions of
// the bytes a caller read (through vigie::Env); they never throw and report a
// malformed file as kDataError naming the source and the line or element.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"

namespace vigie::evidence {

// One document of the corpus. Passage offsets are code points into `text`.
struct Document {
  std::string id;      // the document's own identifier (PMID for PubMed), or the file stem
  std::string title;   // may be empty (PubMedQA abstracts have no title)
  std::string year;    // "" when unknown
  std::string source;  // file the document came from
  std::string type;    // "pubmed_abstract", "text", "markdown", "pdf"
  std::string lang;    // "en" or "fr" (detected when the format does not say)
  std::string text;    // UTF-8, NFC; sections separated by newlines
  // Subject headings assigned by the source's indexers (MeSH for PubMed), not
  // part of the text: indexed with the whole document, never cited.
  std::vector<std::string> keywords = {};
};

// One JSON object per line {pmid, year, meshes, sections:[{label,text}], conclusion}.
// Blank lines are skipped; a bad line gives kDataError "<source>:<line>: why".
Result<std::vector<Document>> ReadPubmedQaJsonl(std::string_view content, std::string_view source);

// A <PubmedArticleSet> of <PubmedArticle> (PubMed DTD): PMID, ArticleTitle,
// AbstractText (Label attribute kept), PubDate Year, Language. Articles
// without PMID or without text are errors.
Result<std::vector<Document>> ReadPubmedXml(std::string_view content, std::string_view source);

// Plain text or Markdown: the title is the first Markdown heading or the first
// non-empty line; the id is given by the caller (the file stem).
Result<Document> ReadPlainText(std::string_view content, std::string_view id,
                               std::string_view source, bool markdown);

// PDF bytes: one document whose text is the pages' text, pages separated by
// form feed-free blank lines. Encrypted or unreadable PDFs give kDataError.
Result<Document> ReadPdf(std::string_view bytes, std::string_view id, std::string_view source);

// Chooses the reader from the file name: .jsonl, .xml, .txt, .md, .pdf.
// Other extensions give kInvalidArgument.
Result<std::vector<Document>> ReadCorpusFile(std::string_view path, std::string_view content);

// "fr" when French function words outnumber English ones, else "en".
std::string DetectLang(std::string_view text);

}  // namespace vigie::evidence
