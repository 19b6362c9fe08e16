// Fuzzes the evidence corpus readers (PubMedQA JSON lines, PubMed XML, plain
// text / Markdown) and the passage windows built from what they accept:
// no crash, and every passage's offsets must give back its text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigie/core/text.h"
#include "vigie/evidence/corpus.h"
#include "vigie/evidence/passage.h"

namespace {

void CheckPassages(const vigie::evidence::Document& doc) {
  for (const vigie::evidence::Passage& p : vigie::evidence::MakePassages(doc)) {
    if (p.end < p.start) std::abort();
    if (vigie::text::SubstrCodePoints(doc.text, p.start, p.end) != p.text) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto jsonl = vigie::evidence::ReadPubmedQaJsonl(input, "fuzz.jsonl");
  if (jsonl.ok()) {
    for (const auto& doc : *jsonl) CheckPassages(doc);
  }
  auto xml = vigie::evidence::ReadPubmedXml(input, "fuzz.xml");
  if (xml.ok()) {
    for (const auto& doc : *xml) CheckPassages(doc);
  }
  auto md = vigie::evidence::ReadPlainText(input, "fuzz", "fuzz.md", true);
  if (md.ok()) CheckPassages(*md);
  return 0;
}
