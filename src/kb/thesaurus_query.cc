// KnowledgeBase::Interactions: one thesaurus version as JSON (`vigie kb
// interactions --version YYYY-MM --json`). Thread-safety: see vigie/kb/kb.h.
#include "kb/kb_impl.h"

namespace vigie::kb {

Result<nlohmann::json> KnowledgeBase::Interactions(std::string_view version) const {
  int64_t snap = 0;
  for (const SnapshotInfo& s : snapshots_) {
    if (s.source == "thesaurus" && s.version == version) snap = s.id;
  }
  if (snap == 0) {
    return Status::Error(ErrorCode::kNotFound, {"thésaurus version " + std::string(version)});
  }
  Result<Stmt> st = impl_->db->Prepare(
      "SELECT e.id, e.a, e.b, e.level_label, e.risk, e.conduct, e.page, l.level, l.condition "
      "FROM th_entry e JOIN th_level l ON l.entry_id=e.id WHERE e.snapshot_id=? "
      "ORDER BY e.id, l.rowid");
  if (!st.ok()) return st.status();
  st->Bind(1, snap);
  nlohmann::json out = nlohmann::json::array();
  int64_t last = -1;
  for (Result<bool> row = st->Step();; row = st->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (st->Int(0) != last) {
      last = st->Int(0);
      out.push_back({{"a", st->Text(1)},
                     {"b", st->Text(2)},
                     {"level_label", st->Text(3)},
                     {"levels", nlohmann::json::array()},
                     {"condition", nlohmann::json::object()},
                     {"risk", st->Text(4)},
                     {"conduct", st->Text(5)},
                     {"page", st->Int(6)},
                     {"version", version}});
    }
    nlohmann::json& e = out.back();
    std::string level(st->Text(7));
    e["levels"].push_back(level);
    if (!st->Text(8).empty()) e["condition"][level] = st->Text(8);
  }
  return out;
}

}  // namespace vigie::kb
