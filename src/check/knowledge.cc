// CheckKnowledge::Load: every imported thesaurus version as matching data
// (entries with parsed conditions, class memberships, name keys), read once
// from the KB; the class memberships come through a read-only SQLite
// connection of our own (kb exposes entries, not memberships).
// Thread-safety: Load builds a new object; the result is immutable.
#include <sqlite3.h>

#include <algorithm>

#include "check/internal.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

using nlohmann::json;

Result<kb::Level> ParseLevel(const std::string& code) {
  for (kb::Level l : {kb::Level::kCI, kb::Level::kASDEC, kb::Level::kPE, kb::Level::kAPEC}) {
    if (kb::LevelCode(l) == code) return l;
  }
  return Status::Error(ErrorCode::kDataError, {"thesaurus", "level " + code});
}

// (class, substance) pairs of one thesaurus snapshot.
Result<std::vector<std::pair<std::string, std::string>>> Memberships(const std::string& path,
                                                                     int64_t snapshot) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return Status::Error(ErrorCode::kIoError, {path});
  }
  sqlite3_stmt* st = nullptr;
  std::vector<std::pair<std::string, std::string>> out;
  int rc = sqlite3_prepare_v2(
      db, "SELECT class_name, substance FROM th_class_member WHERE snapshot_id=?", -1, &st,
      nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, snapshot);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      auto text = [&](int c) {
        const unsigned char* t = sqlite3_column_text(st, c);
        return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
      };
      out.emplace_back(text(0), text(1));
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (rc != SQLITE_DONE) return Status::Error(ErrorCode::kIoError, {path});
  return out;
}

void AddKey(ThesaurusData& th, const std::string& key, const std::string& printed) {
  if (key.empty()) return;
  th.printed.emplace(key, printed);
  size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
  th.max_key_words = std::max(th.max_key_words, words);
}

Result<std::unique_ptr<ThesaurusData>> Build(
    const json& entries, const std::vector<std::pair<std::string, std::string>>& members,
    const std::string& version) {
  auto th = std::make_unique<ThesaurusData>();
  th->version = version;
  std::unordered_map<std::string, bool> is_class;
  for (const auto& [cls, sub] : members) {
    std::string ck = NameKey(cls), sk = NameKey(sub);
    if (ck.empty() || sk.empty() || ck == sk) continue;
    is_class[ck] = true;
    AddKey(*th, ck, cls);
    auto& v = th->classes_of[sk];
    if (std::find(v.begin(), v.end(), ck) == v.end()) v.push_back(ck);
    th->substance_keys.emplace(sk, sub);
    AddKey(*th, sk, sub);
  }
  for (const json& e : entries) {
    Entry en;
    en.a = e.value("a", "");
    en.b = e.value("b", "");
    en.key_a = NameKey(en.a);
    std::string b = en.b;
    if (b.starts_with("AUTRES ")) {
      en.same_class = true;
      b = b.substr(7);
    }
    en.key_b = NameKey(b);
    en.level_label = e.value("level_label", "");
    en.risk = e.value("risk", "");
    en.conduct = e.value("conduct", "");
    en.page = e.value("page", 0);
    for (const json& l : e.value("levels", json::array())) {
      std::string code = l.get<std::string>();
      Result<kb::Level> level = ParseLevel(code);
      if (!level.ok()) return level.status();
      LevelRule r{*level, code, "", {}};
      if (e.contains("condition") && e["condition"].contains(code)) {
        r.condition = e["condition"][code].get<std::string>();
        r.alternatives = ParseCondition(r.condition);
      }
      en.levels.push_back(std::move(r));
    }
    std::stable_sort(en.levels.begin(), en.levels.end(),
                     [](const LevelRule& x, const LevelRule& y) { return x.level < y.level; });
    if (en.key_a.empty() || en.key_b.empty() || en.levels.empty()) continue;
    for (const std::string* name : {&en.a, &en.b}) {
      std::string k = NameKey(*name);
      if (!is_class.contains(k) && !name->starts_with("AUTRES "))
        th->substance_keys.emplace(k, *name);
      AddKey(*th, k, *name);
    }
    size_t i = th->entries.size();
    th->by_key[en.key_a].push_back(i);
    if (en.key_b != en.key_a) th->by_key[en.key_b].push_back(i);
    th->entries.push_back(std::move(en));
  }
  return th;
}

}  // namespace

void InternKeys(ThesaurusData& th) {
  auto intern = [&](const std::string& key) {
    auto [it, added] = th.ids.emplace(key, static_cast<uint32_t>(th.ids.size()));
    if (added) {
      th.entries_of_id.emplace_back();
      th.classes_of_id.emplace_back();
    }
    return it->second;
  };
  for (const auto& [key, idx] : th.by_key) {
    uint32_t id = intern(key);
    for (size_t i : idx) th.entries_of_id[id].push_back(static_cast<uint32_t>(i));
  }
  for (const auto& [key, classes] : th.classes_of) {
    uint32_t id = intern(key);
    for (const std::string& c : classes) {
      uint32_t cid = intern(c);
      th.classes_of_id[id].push_back(cid);
    }
  }
  for (Entry& e : th.entries) {
    e.id_a = intern(e.key_a);
    e.id_b = intern(e.key_b);
  }
}

namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace

CheckKnowledge::~CheckKnowledge() = default;

const dose::Substance* CheckKnowledge::PosologyRule(std::string_view name) const {
  if (posology_index_.empty()) return nullptr;
  auto it = posology_index_.find(text::Fold(name));
  return it == posology_index_.end() ? nullptr : it->second;
}

const dose::Substance* CheckKnowledge::FindPosologyRule(std::string_view key,
                                                        std::string_view name_key) const {
  const dose::Substance* rule = nullptr;
  for (std::string_view n : {key, name_key}) {
    if (rule == nullptr && posology() != nullptr && !n.empty()) rule = PosologyRule(n);
  }
  return rule;
}

const ThesaurusData* CheckKnowledge::Thesaurus(const std::string& version) const {
  auto it = thesaurus_.find(version.empty() ? newest_ : version);
  return it == thesaurus_.end() ? nullptr : it->second.get();
}

Result<std::shared_ptr<const CheckKnowledge>> CheckKnowledge::Load(
    const kb::KnowledgeBase& kb, const std::string& kb_path,
    std::shared_ptr<const kb::DrugIndex> drugs, CheckContent content) {
  try {
    std::shared_ptr<CheckKnowledge> k(new CheckKnowledge());
    k->drugs_ = std::move(drugs);
    k->content_ = std::move(content);
    if (k->content_.posology != nullptr) {
      for (const dose::Substance& sub : k->content_.posology->substances) {
        // First entry wins, as in PosologyBook::Find (book order).
        k->posology_index_.emplace(text::Fold(sub.name), &sub);
        for (const std::string& a : sub.aliases) k->posology_index_.emplace(text::Fold(a), &sub);
      }
    }
    uint64_t h = 14695981039346656037ULL;
    for (const kb::SnapshotInfo& s : kb.snapshots()) {
      h = Fnv1a(s.source + ":" + s.version + ":" + s.fingerprint + ";", h);
      if (s.source != "thesaurus") continue;
      Result<json> entries = kb.Interactions(s.version);
      if (!entries.ok()) return entries.status();
      auto members = Memberships(kb_path, s.id);
      if (!members.ok()) return members.status();
      auto th = Build(*entries, *members, s.version);
      if (!th.ok()) return th.status();
      InternKeys(**th);
      if (k->drugs_ != nullptr) {
        for (const kb::Drug& d : k->drugs_->catalog().drugs) {
          (*th)->denomination_keys.emplace(d.cis, NameKey(d.denomination));
          for (const kb::DrugSubstance& sub : d.substances) {
            std::string id = sub.name + '\x1f' + sub.fraction;
            auto it = (*th)->links.find(id);
            if (it == (*th)->links.end()) {
              ThesaurusData::Link link = LinkSubstance(**th, sub);
              link.id = link.key.empty() ? ThesaurusData::kNoId : (*th)->Id(link.key);
              link.posology = k->FindPosologyRule(link.key, link.name_key);
              link.posology_known = true;
              it = (*th)->links.emplace(id, std::move(link)).first;
            }
            (*th)->link_of.emplace(&sub, &it->second);
          }
        }
      }
      if (s.version > k->newest_) k->newest_ = s.version;
      k->thesaurus_[s.version] = std::move(th).value();
    }
    if (k->thesaurus_.empty())
      return Status::Error(ErrorCode::kNotFound, {"thésaurus ANSM (kb import)"});
    if (k->drugs_ == nullptr) return Status::Error(ErrorCode::kNotFound, {"BDPM (kb import)"});
    for (const std::string& v : k->drugs_->catalog().snapshot_versions) {
      k->bdpm_ += (k->bdpm_.empty() ? "" : "+") + v;
    }
    h = Fnv1a("data:" + k->content_.hash, h);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    k->hash_ = std::string("fnv1a64:") + buf;
    return std::shared_ptr<const CheckKnowledge>(std::move(k));
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

}  // namespace vigie::check
