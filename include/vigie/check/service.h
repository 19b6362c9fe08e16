// What front ends hold to run checks: the KB file and the posology rules, and
// the loaded knowledge per BDPM `as_of` view (loaded on first use, then
// shared). Loading reads the KB (I/O); `Check` itself stays pure.
// Thread-safety: Get is guarded by a mutex; what it returns is immutable and
// safe to use from any thread.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "vigie/check/check.h"

namespace vigie::check {

class CheckService {
 public:
  CheckService(std::string kb_path, CheckContent content)
      : kb_path_(std::move(kb_path)), content_(std::move(content)) {}

  // The knowledge of the BDPM view `as_of` ("" = newest). Failure: kNotReady
  // (no KB file, no BDPM or thesaurus imported) naming the KB path.
  Result<std::shared_ptr<const CheckKnowledge>> Get(std::string_view as_of);

  // Parses and runs one request (RequestFromJson + Get(as_of) + Check).
  Result<nlohmann::json> Run(const nlohmann::json& body, Lang lang);
  // The same, the response as text (CheckSerialized): what POST /v1/check sends.
  Result<CheckOutput> RunSerialized(const nlohmann::json& body, Lang lang);

 private:
  static constexpr size_t kMaxViews = 8;
  std::mutex mu_;
  std::string kb_path_;
  CheckContent content_;
  std::map<std::string, std::shared_ptr<const CheckKnowledge>, std::less<>> views_;
};

}  // namespace vigie::check
