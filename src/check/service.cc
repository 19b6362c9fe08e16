// CheckService: loads the check knowledge of one BDPM view from the KB file on
// first use and keeps it (a few views at most). Thread-safety: see service.h.
#include "vigie/check/service.h"

namespace vigie::check {

Result<std::shared_ptr<const CheckKnowledge>> CheckService::Get(std::string_view as_of) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = views_.find(as_of);
  if (it != views_.end()) return it->second;
  auto fail = [&](const Status& s) {
    return Status::Error(ErrorCode::kNotReady,
                         {"base de connaissances " + kb_path_ + " (" + s.Message(Lang::kFr) + ")"});
  };
  auto kb = kb::KnowledgeBase::Open(kb_path_);
  if (!kb.ok()) return fail(kb.status());
  auto index = kb::LoadDrugIndex(kb_path_, as_of);
  if (!index.ok()) return fail(index.status());
  auto k = CheckKnowledge::Load(**kb, kb_path_, *index, content_);
  if (!k.ok()) return fail(k.status());
  if (views_.size() >= kMaxViews) views_.erase(views_.begin());
  views_.emplace(std::string(as_of), *k);
  return *k;
}

Result<nlohmann::json> CheckService::Run(const nlohmann::json& body, Lang lang) {
  auto req = RequestFromJson(body, lang);
  if (!req.ok()) return req.status();
  auto k = Get(req->as_of);
  if (!k.ok()) return k.status();
  return Check(**k, *req);
}

Result<CheckOutput> CheckService::RunSerialized(const nlohmann::json& body, Lang lang) {
  auto req = RequestFromJson(body, lang);
  if (!req.ok()) return req.status();
  auto k = Get(req->as_of);
  if (!k.ok()) return k.status();
  return CheckSerialized(**k, *req);
}

}  // namespace vigie::check
