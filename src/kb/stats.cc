// KnowledgeBase::Stats: per-snapshot counts (`vigie kb stats --json`).
// Thread-safety: see vigie/kb/kb.h.
#include <span>

#include "kb/kb_impl.h"

namespace vigie::kb {
namespace {

struct Count {
  const char* name;
  const char* sql;
};

constexpr Count kBdpmCounts[] = {
    {"specialties", "SELECT count(DISTINCT cis) FROM bdpm_specialite WHERE snapshot_id=?"},
    {"presentations", "SELECT count(*) FROM bdpm_presentation WHERE snapshot_id=?"},
    {"compositions", "SELECT count(*) FROM bdpm_composition WHERE snapshot_id=?"},
    {"substances",
     "SELECT count(DISTINCT code_substance) FROM bdpm_composition WHERE snapshot_id=?"},
    {"generic_groups", "SELECT count(DISTINCT groupe) FROM bdpm_generique WHERE snapshot_id=?"},
    {"skipped_lines", "SELECT count(*) FROM import_issue WHERE snapshot_id=?"},
};

constexpr Count kThesaurusCounts[] = {
    {"entries", "SELECT count(*) FROM th_entry WHERE snapshot_id=?"},
    {"classes", "SELECT count(DISTINCT class_name) FROM th_class_member WHERE snapshot_id=?"},
    {"memberships", "SELECT count(*) FROM th_class_member WHERE snapshot_id=?"},
    {"unparsed",
     "SELECT coalesce(sum(skipped), 0) FROM snapshot_file WHERE snapshot_id=? AND "
     "kind='thesaurus'"},
};

Result<nlohmann::json> LevelCounts(Db& db, int64_t snapshot_id) {
  Result<Stmt> st = db.Prepare(
      "SELECT l.level, count(*) FROM th_level l JOIN th_entry e ON e.id=l.entry_id "
      "WHERE e.snapshot_id=? GROUP BY l.level ORDER BY l.level");
  if (!st.ok()) return st.status();
  st->Bind(1, snapshot_id);
  nlohmann::json out = nlohmann::json::object();
  for (Result<bool> row = st->Step(); row.ok() && *row; row = st->Step()) {
    out[std::string(st->Text(0))] = st->Int(1);
  }
  return out;
}

}  // namespace

Result<nlohmann::json> KnowledgeBase::Stats() const {
  nlohmann::json bdpm = nlohmann::json::array(), thesaurus = nlohmann::json::array();
  for (const SnapshotInfo& s : snapshots_) {
    nlohmann::json j = {{"snapshot_id", s.id},
                        {"version", s.version},
                        {"imported_at", s.imported_at},
                        {"fingerprint", s.fingerprint},
                        {"files", s.tables}};
    bool is_bdpm = s.source == "bdpm";
    for (const Count& c :
         is_bdpm ? std::span<const Count>(kBdpmCounts) : std::span<const Count>(kThesaurusCounts)) {
      Result<int64_t> n = CountFor(*impl_->db, c.sql, s.id);
      if (!n.ok()) return n.status();
      j[c.name] = *n;
    }
    if (!is_bdpm) {
      Result<nlohmann::json> levels = LevelCounts(*impl_->db, s.id);
      if (!levels.ok()) return levels.status();
      j["entries_by_level"] = std::move(levels).value();
    }
    (is_bdpm ? bdpm : thesaurus).push_back(std::move(j));
  }
  return nlohmann::json{{"bdpm", std::move(bdpm)}, {"thesaurus", std::move(thesaurus)}};
}

}  // namespace vigie::kb
