// ReadPdfPages: the text layer of a PDF with poppler-cpp, page by page, in
// physical layout (the same columns as `pdftotext -layout`). poppler-cpp does
// not throw, but any exception is caught here so none leaves the module.
// Thread-safety: each call owns its poppler document.
#include <poppler-document.h>
#include <poppler-page.h>

#include <filesystem>
#include <memory>

#include "vigie/kb/thesaurus.h"

namespace vigie::kb {

namespace {

// poppler prints recoverable PDF syntax warnings on stderr; they are not
// errors of the import (a failed load is reported through the Status).
void QuietPoppler(const std::string&, void*) {}

Result<std::vector<std::string>> Pages(poppler::document* raw, const std::string& path) {
  try {
    std::unique_ptr<poppler::document> doc(raw);
    if (!doc || doc->is_locked()) {
      return Status::Error(ErrorCode::kDataError, {path, "PDF illisible ou chiffré"});
    }
    std::vector<std::string> pages;
    for (int i = 0; i < doc->pages(); ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        pages.emplace_back();
        continue;
      }
      poppler::byte_array bytes =
          page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
      pages.emplace_back(bytes.begin(), bytes.end());
    }
    return pages;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kDataError, {path, e.what()});
  }
}

}  // namespace

Result<std::vector<std::string>> ReadPdfPages(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Error(ErrorCode::kFileNotFound, {path});
  }
  poppler::set_debug_error_function(QuietPoppler, nullptr);
  return Pages(poppler::document::load_from_file(path), path);
}

Result<std::vector<std::string>> ReadPdfPagesFromBytes(std::string_view bytes,
                                                       const std::string& name) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::Error(ErrorCode::kDataError, {name, "PDF trop volumineux"});
  }
  poppler::set_debug_error_function(QuietPoppler, nullptr);
  return Pages(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())),
               name);
}

}  // namespace vigie::kb
