// Corpus readers: PubMedQA JSON lines, plain text / Markdown, dispatch by
// extension and language detection (PubMed XML in pubmed_xml.cc, PDF in
// pdf.cc). Thread-safety: pure functions.
#include "vigie/evidence/corpus.h"

#include <nlohmann/json.hpp>

#include <array>
#include <sstream>

#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

Status LineError(std::string_view source, size_t line, std::string_view why) {
  return Status::Error(ErrorCode::kDataError,
                       {std::string(source) + ":" + std::to_string(line), std::string(why)});
}

std::string FieldString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return "";
}

Result<Document> PubmedQaLine(const nlohmann::json& obj, std::string_view source, size_t line) {
  if (!obj.is_object()) return LineError(source, line, "object expected");
  Document doc;
  doc.id = FieldString(obj, "pmid");
  if (doc.id.empty()) return LineError(source, line, "pmid missing");
  doc.year = FieldString(obj, "year");
  doc.source = std::string(source);
  doc.type = "pubmed_abstract";
  doc.title = FieldString(obj, "title");
  std::string text;
  auto sections = obj.find("sections");
  if (sections != obj.end()) {
    if (!sections->is_array()) return LineError(source, line, "sections must be an array");
    for (const auto& section : *sections) {
      if (!section.is_object()) return LineError(source, line, "section must be an object");
      std::string body = FieldString(section, "text");
      if (body.empty()) continue;
      if (!text.empty()) text += "\n";
      text += body;
    }
  }
  auto meshes = obj.find("meshes");
  if (meshes != obj.end() && !meshes->is_null()) {
    if (!meshes->is_array()) return LineError(source, line, "meshes must be an array");
    for (const auto& mesh : *meshes) {
      if (!mesh.is_string()) return LineError(source, line, "mesh heading must be a string");
      std::string heading = mesh.get<std::string>();
      if (!text::IsValidUtf8(heading)) return LineError(source, line, "invalid UTF-8");
      if (!heading.empty()) doc.keywords.push_back(std::move(heading));
    }
  }
  std::string conclusion = FieldString(obj, "conclusion");
  if (!conclusion.empty()) {
    if (!text.empty()) text += "\n";
    text += conclusion;
  }
  if (text.empty()) return LineError(source, line, "no text (sections and conclusion empty)");
  if (!text::IsValidUtf8(text)) return LineError(source, line, "invalid UTF-8");
  Result<std::string> nfc = text::Nfc(text);
  if (!nfc.ok()) return LineError(source, line, "invalid UTF-8");
  doc.text = std::move(nfc).value();
  doc.lang = DetectLang(doc.text);
  return doc;
}

std::string_view Extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
}

std::string Stem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

}  // namespace

Result<std::vector<Document>> ReadPubmedQaJsonl(std::string_view content, std::string_view source) {
  std::vector<Document> docs;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = text::Trim(content.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded()) return LineError(source, line_no, "malformed JSON");
    Result<Document> doc = PubmedQaLine(obj, source, line_no);
    if (!doc.ok()) return doc.status();
    docs.push_back(std::move(doc).value());
  }
  if (docs.empty()) return LineError(source, line_no, "no document");
  return docs;
}

Result<Document> ReadPlainText(std::string_view content, std::string_view id,
                               std::string_view source, bool markdown) {
  if (!text::IsValidUtf8(content)) {
    return Status::Error(ErrorCode::kDataError, {std::string(source), "invalid UTF-8"});
  }
  Result<std::string> nfc = text::Nfc(content);
  if (!nfc.ok()) return nfc.status();
  Document doc;
  doc.id = std::string(id);
  doc.source = std::string(source);
  doc.type = markdown ? "markdown" : "text";
  doc.text = std::move(nfc).value();
  std::istringstream lines(doc.text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view trimmed = text::Trim(line);
    if (trimmed.empty()) continue;
    if (markdown) {
      if (trimmed.front() != '#') continue;
      while (!trimmed.empty() && trimmed.front() == '#') trimmed.remove_prefix(1);
    }
    doc.title = std::string(text::Trim(trimmed));
    break;
  }
  if (text::Trim(doc.text).empty()) {
    return Status::Error(ErrorCode::kDataError, {std::string(source), "empty document"});
  }
  doc.lang = DetectLang(doc.text);
  return doc;
}

Result<std::vector<Document>> ReadCorpusFile(std::string_view path, std::string_view content) {
  std::string ext = text::Fold(Extension(path));
  if (ext == "jsonl") return ReadPubmedQaJsonl(content, path);
  if (ext == "xml") return ReadPubmedXml(content, path);
  Result<Document> doc = Status::Error(ErrorCode::kInvalidArgument,
                                       {std::string(path) + " (.jsonl, .xml, .txt, .md, .pdf)"});
  if (ext == "txt") doc = ReadPlainText(content, Stem(path), path, false);
  if (ext == "md" || ext == "markdown") doc = ReadPlainText(content, Stem(path), path, true);
  if (ext == "pdf") doc = ReadPdf(content, Stem(path), path);
  if (!doc.ok()) return doc.status();
  return std::vector<Document>{std::move(doc).value()};
}

std::string DetectLang(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kFr = {"le",   "la",  "les",  "des",  "du",
                                                           "une",  "est", "et",   "dans", "pour",
                                                           "chez", "au",  "sont", "par"};
  static constexpr std::array<std::string_view, 14> kEn = {
      "the", "of", "and", "is", "in", "to", "was", "were", "with", "for", "that", "are", "by", "a"};
  std::string folded = text::Fold(text.substr(0, 4000));
  int fr = 0;
  int en = 0;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !std::isalpha(static_cast<unsigned char>(folded[i]))) ++i;
    size_t start = i;
    while (i < folded.size() && std::isalpha(static_cast<unsigned char>(folded[i]))) ++i;
    std::string_view word(folded.data() + start, i - start);
    for (std::string_view w : kFr) fr += word == w ? 1 : 0;
    for (std::string_view w : kEn) en += word == w ? 1 : 0;
  }
  return fr > en ? "fr" : "en";
}

}  // namespace vigie::evidence
