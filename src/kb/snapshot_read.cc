// KnowledgeBase read accessors used by the regulation watch (src/watch): one
// thesaurus version as typed entries and memberships, one BDPM table of one
// snapshot as rows. Thread-safety: see vigie/kb/kb.h.

#include "kb/kb_impl.h"
#include "vigie/kb/bdpm.h"

namespace vigie::kb {
namespace {

int64_t NewestSnapshot(const std::vector<SnapshotInfo>& snapshots, std::string_view source,
                       std::string_view version) {
  int64_t id = 0;
  for (const SnapshotInfo& s : snapshots) {
    if (s.source == source && s.version == version && s.id > id) id = s.id;
  }
  return id;
}

Level LevelFromCode(std::string_view code) {
  if (code == "CI") return Level::kCI;
  if (code == "ASDEC") return Level::kASDEC;
  if (code == "PE") return Level::kPE;
  return Level::kAPEC;
}

}  // namespace

Result<ParsedThesaurus> KnowledgeBase::ThesaurusVersion(std::string_view version) const {
  int64_t snap = NewestSnapshot(snapshots_, "thesaurus", version);
  if (snap == 0) {
    return Status::Error(ErrorCode::kNotFound, {"thésaurus version " + std::string(version)});
  }
  ParsedThesaurus out;
  Result<Stmt> st = impl_->db->Prepare(
      "SELECT e.id, e.a, e.b, e.level_label, e.risk, e.conduct, e.page, l.level, l.condition "
      "FROM th_entry e LEFT JOIN th_level l ON l.entry_id=e.id WHERE e.snapshot_id=? "
      "ORDER BY e.id, l.rowid");
  if (!st.ok()) return st.status();
  st->Bind(1, snap);
  int64_t last = -1;
  for (Result<bool> row = st->Step();; row = st->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (st->Int(0) != last) {
      last = st->Int(0);
      ThesaurusEntry e;
      e.a = st->Text(1);
      e.b = st->Text(2);
      e.level_label = st->Text(3);
      e.risk = st->Text(4);
      e.conduct = st->Text(5);
      e.page = static_cast<int>(st->Int(6));
      out.entries.push_back(std::move(e));
    }
    if (!st->IsNull(7)) {
      out.entries.back().levels.push_back({LevelFromCode(st->Text(7)), std::string(st->Text(8))});
    }
  }
  Result<Stmt> mem = impl_->db->Prepare(
      "SELECT class_name, substance, origin, page FROM th_class_member WHERE snapshot_id=? "
      "ORDER BY rowid");
  if (!mem.ok()) return mem.status();
  mem->Bind(1, snap);
  for (Result<bool> row = mem->Step();; row = mem->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.memberships.push_back({std::string(mem->Text(0)), std::string(mem->Text(1)),
                               std::string(mem->Text(2)),
                               mem->IsNull(3) ? 0 : static_cast<int>(mem->Int(3))});
  }
  return out;
}

Result<BdpmRows> KnowledgeBase::BdpmTable(std::string_view version, std::string_view table) const {
  int64_t snap = NewestSnapshot(snapshots_, "bdpm", version);
  if (snap == 0) return Status::Error(ErrorCode::kNotFound, {"BDPM " + std::string(version)});
  const BdpmFileSpec* spec = nullptr;
  for (const BdpmFileSpec& s : BdpmFileSpecs()) {
    if (s.table == table) spec = &s;
  }
  if (spec == nullptr) return Status::Error(ErrorCode::kNotFound, {std::string(table)});
  BdpmRows out;
  std::string sql = "SELECT line";
  for (std::string_view c : spec->columns) {
    out.columns.emplace_back(c);
    sql += ", ";
    sql += c;
  }
  sql += " FROM " + std::string(spec->table) + " WHERE snapshot_id=? ORDER BY line";
  Result<Stmt> st = impl_->db->Prepare(sql);
  if (!st.ok()) return st.status();
  st->Bind(1, snap);
  const int n = static_cast<int>(spec->columns.size());
  for (Result<bool> row = st->Step();; row = st->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.lines.push_back(st->Int(0));
    std::vector<std::string> r;
    r.reserve(static_cast<size_t>(n));
    for (int i = 1; i <= n; ++i) r.emplace_back(st->IsNull(i) ? std::string_view() : st->Text(i));
    out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace vigie::kb
