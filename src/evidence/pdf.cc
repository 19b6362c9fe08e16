// PDF reader through poppler-cpp: the text of every page, in reading order.
// Poppler's own messages are silenced; its exceptions are caught here.
// Thread-safety: pure function (poppler documents are local to the call).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>

#include "vigie/core/text.h"
#include "vigie/evidence/corpus.h"

namespace vigie::evidence {
namespace {

void Quiet(const std::string& /*msg*/, void* /*closure*/) {}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, std::string_view id, std::string_view source) {
  auto error = [&](std::string_view why) {
    return Status::Error(ErrorCode::kDataError, {std::string(source), std::string(why)});
  };
  if (bytes.size() < 5 || bytes.substr(0, 5) != "%PDF-") return error("not a PDF (%PDF- missing)");
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return error("file too large");
  try {
    poppler::set_debug_error_function(Quiet, nullptr);
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return error("unreadable PDF");
    if (pdf->is_locked()) return error("encrypted PDF");
    Document doc;
    doc.id = std::string(id);
    doc.source = std::string(source);
    doc.type = "pdf";
    poppler::ustring title = pdf->get_title();
    poppler::byte_array title_utf8 = title.to_utf8();
    doc.title = std::string(title_utf8.begin(), title_utf8.end());
    for (int i = 0; i < pdf->pages(); ++i) {
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      if (!page) continue;
      poppler::byte_array utf8 = page->text().to_utf8();
      std::string page_text(utf8.begin(), utf8.end());
      if (!doc.text.empty()) doc.text += "\n\n";
      doc.text += page_text;
    }
    if (!text::IsValidUtf8(doc.text)) return error("invalid text encoding");
    if (text::Trim(doc.text).empty()) return error("no text (scanned PDF?)");
    if (!text::IsValidUtf8(doc.title)) doc.title.clear();
    doc.lang = DetectLang(doc.text);
    return doc;
  } catch (const std::exception& e) {
    return error(e.what());
  }
}

}  // namespace vigie::evidence
