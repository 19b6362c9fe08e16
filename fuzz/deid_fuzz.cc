// Fuzzes the de-identifier on arbitrary bytes (UTF-8 edge cases, huge lines):
// no crash, and every entity lies inside the input, in order, without overlap.
// VIGIE_FUZZ_DEID_DICT=data/deid fuzzes with the committed dictionaries, word
// lists and tagger (the name passes); otherwise a tiny built-in set.
// Thread-safety: libFuzzer calls it from one thread.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigie/core/env.h"
#include "vigie/core/text.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/resources.h"

namespace {

const vigie::privacy::Deidentifier& Deid() {
  static const auto* d = [] {
    if (const char* dir = std::getenv("VIGIE_FUZZ_DEID_DICT")) {
      auto env = vigie::NewPosixEnv();
      auto loaded = vigie::privacy::LoadDeidResources(*env, dir);
      if (!loaded.ok()) std::abort();
      return vigie::privacy::Deidentifier::Create(*loaded).value().release();
    }
    vigie::privacy::DeidResources r;
    r.first_names = "Jean,Marie,Zoé\nAlice";
    r.last_names = "Martin,Durand";
    r.cities = "Lyon,Créteil";
    r.hospitals = "Bichat\nPitié Salpêtrière";
    r.stopwords = "Le,La,Patient";
    return vigie::privacy::Deidentifier::Create(r).value().release();
  }();
  return *d;
}

void Check(std::string_view input, const vigie::privacy::DeidOptions& o) {
  auto out = Deid().Run(input, o);
  if (!out.ok()) {
    if (vigie::text::IsValidUtf8(input)) std::abort();
    return;
  }
  size_t cps = vigie::text::CodePointCount(input);
  size_t last = 0;
  for (const auto& e : out->entities) {
    if (e.start < last || e.end <= e.start || e.end > cps) std::abort();
    last = e.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  vigie::privacy::DeidOptions o;
  o.names = {{"Quenouille", vigie::privacy::Label::kNom}};
  Check(input, o);
  o.mode = vigie::privacy::DeidMode::kPseudo;
  o.lang = vigie::Lang::kEn;
  o.secret = "fuzz";
  Check(input, o);
  return 0;
}
