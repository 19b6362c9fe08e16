// KnowledgeBase::Coverage: links of BDPM substances to the thesaurus, and the
// proof that an unlinked substance has no entry (its core name appears in no
// page of any imported thesaurus version or index). Thread-safety: see kb.h.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "kb/kb_impl.h"
#include "kb/vocabulary.h"

namespace vigie::kb {
namespace {

// Positions of every folded word of every thesaurus page (pages separated).
class WordIndex {
 public:
  void AddText(std::string_view folded) {
    std::string cur;
    for (char c : folded) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        cur += c;
      } else if (!cur.empty()) {
        Push(std::move(cur));
        cur.clear();
      }
    }
    if (!cur.empty()) Push(std::move(cur));
    ++next_;  // page gap: no phrase spans two pages
  }
  bool Contains(const std::vector<std::string>& words) const {
    if (words.empty()) return true;  // nothing to prove absent: treat as present
    auto first = pos_.find(words[0]);
    if (first == pos_.end()) return false;
    for (uint32_t p : first->second) {
      bool all = true;
      for (size_t i = 1; i < words.size() && all; ++i) {
        auto it = pos_.find(words[i]);
        all = it != pos_.end() && std::binary_search(it->second.begin(), it->second.end(), p + i);
      }
      if (all) return true;
    }
    return false;
  }

 private:
  void Push(std::string w) { pos_[std::move(w)].push_back(next_++); }
  std::unordered_map<std::string, std::vector<uint32_t>> pos_;
  uint32_t next_ = 0;
};

Status LoadPages(Db& db, WordIndex* index, int64_t* pages) {
  Result<Stmt> st = db.Prepare("SELECT text FROM th_page ORDER BY snapshot_id, file, page");
  if (!st.ok()) return st.status();
  for (Result<bool> row = st->Step();; row = st->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    index->AddText(FoldKey(st->Text(0)));
    ++*pages;
  }
  return Status::Ok();
}

}  // namespace

Result<nlohmann::json> KnowledgeBase::Coverage(const std::vector<std::string>& no_entry,
                                               std::vector<std::string>* absent) const {
  Result<std::shared_ptr<DrugCatalog>> cat = LoadDrugs();
  if (!cat.ok()) return cat.status();
  WordIndex words;
  int64_t pages = 0;
  VIGIE_RETURN_IF_ERROR(LoadPages(*impl_->db, &words, &pages));
  if (pages == 0) return Status::Error(ErrorCode::kNotFound, {"thésaurus importé"});
  std::set<std::string> listed;
  for (const std::string& n : no_entry) listed.insert(FoldKey(n));
  std::map<std::string, bool> verdict;  // core name -> verified absent
  std::map<std::string, int> unlinked;
  int64_t commercialised = 0, with_compo = 0, covered = 0, linked_subs = 0, no_entry_subs = 0;
  std::set<std::string> absent_set;
  for (const Drug& d : (*cat)->drugs) {
    if (!d.commercialised) continue;
    ++commercialised;
    if (d.substances.empty()) continue;
    ++with_compo;
    bool all = true;
    for (const DrugSubstance& s : d.substances) {
      if (!s.thesaurus_name.empty()) {
        ++linked_subs;
        continue;
      }
      std::vector<std::string> core = CoreWords(s.fraction.empty() ? s.name : s.fraction);
      std::string key = Join(core, 0, core.size());
      auto it = verdict.find(key);
      if (it == verdict.end()) it = verdict.emplace(key, !words.Contains(core)).first;
      if (it->second) absent_set.insert(key);
      if (it->second && listed.count(key)) {
        ++no_entry_subs;
      } else {
        all = false;
        ++unlinked[s.name];
      }
    }
    covered += all ? 1 : 0;
  }
  if (absent != nullptr) absent->assign(absent_set.begin(), absent_set.end());
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [name, n] : unlinked) top.emplace_back(-n, name);
  std::sort(top.begin(), top.end());
  nlohmann::json missing = nlohmann::json::array();
  for (size_t i = 0; i < top.size() && i < 100; ++i) {
    missing.push_back({{"substance", top[i].second}, {"specialties", -top[i].first}});
  }
  double pct = with_compo == 0
                   ? 0.0
                   : 100.0 * static_cast<double>(covered) / static_cast<double>(with_compo);
  return nlohmann::json{{"snapshots", (*cat)->snapshot_versions},
                        {"commercialised_specialties", commercialised},
                        {"with_composition", with_compo},
                        {"covered", covered},
                        {"coverage_pct", pct},
                        {"substance_links", linked_subs},
                        {"substance_no_entry", no_entry_subs},
                        {"no_entry_list_size", listed.size()},
                        {"verified_absent", absent_set.size()},
                        {"thesaurus_pages_checked", pages},
                        {"unlinked_top", missing}};
}

}  // namespace vigie::kb
