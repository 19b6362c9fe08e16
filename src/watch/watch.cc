// Diff and History: read two (or every) versions from the KB through its
// public API, run the pure diff engines and filter by substance.
// Thread-safety: uses the given KnowledgeBase from the calling thread only.
#include <set>

#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

const kb::SnapshotInfo* Newest(const kb::KnowledgeBase& kb, std::string_view source,
                               std::string_view version) {
  const kb::SnapshotInfo* best = nullptr;
  for (const kb::SnapshotInfo& s : kb.snapshots()) {
    if (s.source == source && s.version == version && (best == nullptr || s.id > best->id)) {
      best = &s;
    }
  }
  return best;
}

std::vector<std::string> Versions(const kb::KnowledgeBase& kb, std::string_view source) {
  std::set<std::string> v;
  for (const kb::SnapshotInfo& s : kb.snapshots()) {
    if (s.source == source) v.insert(s.version);
  }
  return {v.begin(), v.end()};
}

Result<BdpmSnapshot> LoadBdpm(const kb::KnowledgeBase& kb, std::string_view version,
                              bool with_compositions) {
  const kb::SnapshotInfo* snap = Newest(kb, "bdpm", version);
  if (snap == nullptr) return Status::Error(ErrorCode::kNotFound, {"BDPM " + std::string(version)});
  BdpmSnapshot out;
  for (const std::string& table : snap->tables) {
    if (table == "bdpm_lien_ct" || (table == "bdpm_composition" && !with_compositions)) continue;
    Result<kb::BdpmRows> rows = kb.BdpmTable(version, table);
    if (!rows.ok()) return rows.status();
    out[table] = std::move(rows).value();
  }
  return out;
}

// Normalised names of the classes `query` belongs to in either version.
std::set<std::string> ClassesOf(const kb::ParsedThesaurus& a, const kb::ParsedThesaurus& b,
                                const std::string& query) {
  std::set<std::string> out;
  for (const kb::ParsedThesaurus* t : {&a, &b}) {
    for (const kb::ClassMembership& m : t->memberships) {
      if (NormaliseName(m.substance) == query) out.insert(NormaliseName(m.class_name));
    }
  }
  return out;
}

std::vector<Change> FilterThesaurus(std::vector<Change> changes, const std::string& query,
                                    const std::set<std::string>& classes) {
  std::vector<Change> out;
  for (Change& c : changes) {
    std::string na = NormaliseName(c.a), nb = NormaliseName(c.b);
    bool member = c.kind == "member_added" || c.kind == "member_removed";
    bool direct = NameMatches(nb, query) || (!member && NameMatches(na, query)) ||
                  (c.kind == "renamed" && NameMatches(NormaliseName(c.before), query)) ||
                  (member && na == query);
    if (!direct && !member) {
      for (const std::string* n : {&na, &nb}) {
        if (classes.count(*n) > 0) c.via_class = n == &na ? c.a : c.b;
      }
      direct = !c.via_class.empty();
    }
    if (direct) out.push_back(std::move(c));
  }
  return out;
}

// CIS codes whose composition (either snapshot) or denomination names the substance.
std::set<std::string> CisOf(const BdpmSnapshot& from, const BdpmSnapshot& to,
                            const std::string& query) {
  std::set<std::string> out;
  for (const BdpmSnapshot* s : {&from, &to}) {
    for (const auto& [table, column] :
         {std::pair<std::string, std::string>{"bdpm_composition", "substance"},
          {"bdpm_specialite", "denomination"}}) {
      auto it = s->find(table);
      if (it == s->end()) continue;
      size_t cis = 0, col = 0;
      for (size_t i = 0; i < it->second.columns.size(); ++i) {
        if (it->second.columns[i] == "cis") cis = i;
        if (it->second.columns[i] == column) col = i;
      }
      for (const auto& row : it->second.rows) {
        if (NameMatches(NormaliseName(row[col]), query)) out.insert(row[cis]);
      }
    }
  }
  return out;
}

Status CheckRequest(const DiffRequest& r) {
  if (r.from.empty()) return Status::Error(ErrorCode::kMissingInput, {"from"});
  if (r.to.empty()) return Status::Error(ErrorCode::kMissingInput, {"to"});
  if (!r.source.empty() && r.source != "thesaurus" && r.source != "bdpm") {
    return Status::Error(ErrorCode::kInvalidArgument, {"source (thesaurus ou bdpm)"});
  }
  return Status::Ok();
}

Result<std::vector<std::string>> PickSources(const kb::KnowledgeBase& kb, const DiffRequest& r) {
  std::vector<std::string> out;
  for (std::string_view source : {"thesaurus", "bdpm"}) {
    if (!r.source.empty() && r.source != source) continue;
    bool has_from = Newest(kb, source, r.from) != nullptr;
    bool has_to = Newest(kb, source, r.to) != nullptr;
    if (has_from && has_to) {
      out.emplace_back(source);
    } else if (!r.source.empty()) {
      std::string missing = has_from ? r.to : r.from;
      return Status::Error(
          ErrorCode::kNotFound,
          {std::string(source == "bdpm" ? "instantané BDPM " : "thésaurus version ") + missing +
           " (non importé)"});
    }
  }
  if (out.empty()) {
    return Status::Error(ErrorCode::kNotFound,
                         {"versions " + r.from + " et " + r.to + " d'une même source"});
  }
  return out;
}

}  // namespace

Result<DiffResult> Diff(const kb::KnowledgeBase& kb, const DiffRequest& request) {
  VIGIE_RETURN_IF_ERROR(CheckRequest(request));
  Result<std::vector<std::string>> sources = PickSources(kb, request);
  if (!sources.ok()) return sources.status();
  DiffResult out;
  out.from = request.from;
  out.to = request.to;
  out.substance = request.substance;
  out.sources = *sources;
  const std::string query = NormaliseName(request.substance);
  if (!request.substance.empty() && query.empty()) {
    return Status::Error(ErrorCode::kInvalidArgument, {"substance"});
  }
  for (const std::string& source : out.sources) {
    if (source == "thesaurus") {
      Result<kb::ParsedThesaurus> from = kb.ThesaurusVersion(request.from);
      if (!from.ok()) return from.status();
      Result<kb::ParsedThesaurus> to = kb.ThesaurusVersion(request.to);
      if (!to.ok()) return to.status();
      std::vector<Change> changes = DiffThesaurus(*from, *to);
      if (!query.empty())
        changes = FilterThesaurus(std::move(changes), query, ClassesOf(*from, *to, query));
      for (Change& c : changes) out.changes.push_back(std::move(c));
    } else {
      Result<BdpmSnapshot> from = LoadBdpm(kb, request.from, !query.empty());
      if (!from.ok()) return from.status();
      Result<BdpmSnapshot> to = LoadBdpm(kb, request.to, !query.empty());
      if (!to.ok()) return to.status();
      BdpmDiff d = DiffBdpm(*from, *to);
      out.bdpm_compared = std::move(d.compared);
      out.bdpm_not_compared = std::move(d.not_compared);
      std::set<std::string> cis;
      if (!query.empty()) cis = CisOf(*from, *to, query);
      for (Change& c : d.changes) {
        if (query.empty() || cis.count(c.cis) > 0) out.changes.push_back(std::move(c));
      }
    }
  }
  return out;
}

Result<nlohmann::json> History(const kb::KnowledgeBase& kb, std::string_view substance,
                               std::string_view source) {
  const std::string query = NormaliseName(substance);
  if (query.empty()) return Status::Error(ErrorCode::kMissingInput, {"substance"});
  if (!source.empty() && source != "thesaurus" && source != "bdpm") {
    return Status::Error(ErrorCode::kInvalidArgument, {"source (thesaurus ou bdpm)"});
  }
  nlohmann::json timeline = nlohmann::json::array();
  if (source.empty() || source == "thesaurus") {
    std::vector<std::string> versions = Versions(kb, "thesaurus");
    std::vector<kb::ParsedThesaurus> loaded;
    for (const std::string& v : versions) {
      Result<kb::ParsedThesaurus> t = kb.ThesaurusVersion(v);
      if (!t.ok()) return t.status();
      loaded.push_back(std::move(t).value());
    }
    for (size_t i = 1; i < loaded.size(); ++i) {
      std::vector<Change> changes = FilterThesaurus(DiffThesaurus(loaded[i - 1], loaded[i]), query,
                                                    ClassesOf(loaded[i - 1], loaded[i], query));
      if (changes.empty()) continue;
      nlohmann::json list = nlohmann::json::array();
      for (const Change& c : changes) list.push_back(c.ToJson());
      timeline.push_back({{"source", "thesaurus"},
                          {"from", versions[i - 1]},
                          {"to", versions[i]},
                          {"summary", SummaryText(changes, Lang::kFr)},
                          {"changes", std::move(list)}});
    }
  }
  if (source.empty() || source == "bdpm") {
    std::vector<std::string> versions = Versions(kb, "bdpm");
    for (size_t i = 1; i < versions.size(); ++i) {
      Result<DiffResult> d =
          Diff(kb, {versions[i - 1], versions[i], "bdpm", std::string(substance)});
      if (!d.ok()) return d.status();
      if (d->changes.empty()) continue;
      nlohmann::json list = nlohmann::json::array();
      for (const Change& c : d->changes) list.push_back(c.ToJson());
      timeline.push_back({{"source", "bdpm"},
                          {"from", versions[i - 1]},
                          {"to", versions[i]},
                          {"summary", SummaryText(d->changes, Lang::kFr)},
                          {"changes", std::move(list)}});
    }
  }
  return nlohmann::json{{"substance", std::string(substance)}, {"timeline", std::move(timeline)}};
}

}  // namespace vigie::watch
