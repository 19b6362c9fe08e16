// The check itself: resolve the lines, link them to the thesaurus version
// asked for, run every check, apply min_level (never to CI), sort by severity
// and write the response of issue 4. Thread-safety: pure function of the
// immutable knowledge and the request.
#include <algorithm>

#include "check/internal.h"
#include "check/resolve.h"

namespace vigie::check {
namespace {

using nlohmann::json;

int LevelRank(const std::string& l) {
  if (l == "CI" || l == "contraindicated") return 0;
  if (l == "ASDEC" || l == "warning") return 1;
  if (l == "PE") return 2;
  return 3;  // APEC, info
}

json LineJson(const ResolvedLine& l, const Request& req) {
  json subs = json::array();
  for (const auto& s : l.substances) {
    subs.push_back({{"name", s.name}, {"thesaurus", s.key}, {"atc", s.atc}});
  }
  const Line& in = req.lines[l.index];
  json j = {{"index", l.index},
            {"input", !in.drug.empty()  ? in.drug
                      : !in.cis.empty() ? in.cis
                                        : in.cip13},
            {"cis", l.drug->cis},
            {"denomination", l.drug->denomination},
            {"matched_by", l.matched_by},
            {"score", l.score},
            {"substances", subs}};
  const Amounts& a = l.amounts;
  if (a.per_intake_mg) j["per_intake_mg"] = *a.per_intake_mg;
  if (a.per_day_mg) j["per_day_mg"] = *a.per_day_mg;
  if (a.per_week_mg) j["per_week_mg"] = *a.per_week_mg;
  return j;
}

}  // namespace

json Source::ToJson() const {
  if (!raw.is_null()) return raw;
  json j = {{"document", document}, {"version", version}};
  if (page > 0) j["page"] = page;
  if (!section.empty()) j["section"] = section;
  return j;
}

int Finding::Rank() const { return LevelRank(level); }

json Finding::ToJson() && {
  json j = json::object();
  j["kind"] = std::move(kind);
  j["level"] = std::move(level);
  j["lines"] = std::move(lines);
  j["substances"] = std::move(substances);
  j["message"] = std::move(message);
  j["risk"] = std::move(risk);
  j["conduct"] = std::move(conduct);
  j["source"] = source.ToJson();
  if (!levels.is_null()) j["levels"] = std::move(levels);
  if (resolved) j["resolved"] = *resolved;
  if (extra.is_object()) {
    for (auto& [k, v] : extra.items()) j[k] = std::move(v);
  }
  return j;
}
Result<json> Check(const CheckKnowledge& k, const Request& req) {
  try {
    const ThesaurusData* th = k.Thesaurus(req.thesaurus_version);
    if (th == nullptr) {
      return Status::Error(ErrorCode::kNotFound, {"thesaurus_version " + req.thesaurus_version});
    }
    json unresolved = json::array();
    json not_evaluated = json::array();
    std::vector<ResolvedLine> lines = ResolveLines(k.drugs(), req, unresolved);
    for (ResolvedLine& l : lines) LinkToThesaurus(*th, l);
    std::vector<Finding> found;
    CheckInteractions(*th, lines, req.lang, found);
    CheckDuplicates(lines, k.bdpm_versions(), req.lang, found);
    CheckAllergies(k, req, lines, req.lang, found, not_evaluated);
    CheckNeverEvents(req, lines, req.lang, found);
    CheckPatientLimits(k, req, lines, found, not_evaluated);
    CheckAvailability(lines, k.bdpm_versions(), req.lang, found);
    for (const ResolvedLine& l : lines) {
      if (l.methotrexate && !req.lines[l.index].timing) {
        not_evaluated.push_back(
            {{"check", "dose"},
             {"lines", {l.index}},
             {"missing", "timing"},
             {"message", Tr(req.lang, "Non évalué : rythme du méthotrexate non donné",
                            "Not evaluated: methotrexate timing not given")}});
      }
    }
    int min_rank = req.min_level.empty() ? 3 : LevelRank(req.min_level);
    std::erase_if(found, [&](const Finding& f) {
      return f.kind == "interaction" && f.level != "CI" && f.Rank() > min_rank;
    });
    std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
      if (a.Rank() != b.Rank()) return a.Rank() < b.Rank();
      if (a.kind != b.kind) return a.kind < b.kind;
      return a.lines < b.lines;
    });
    json out = {{"findings", json::array()},
                {"lines", json::array()},
                {"unresolved", unresolved},
                {"not_evaluated", not_evaluated}};
    for (Finding& f : found) out["findings"].push_back(std::move(f).ToJson());
    for (const ResolvedLine& l : lines) out["lines"].push_back(LineJson(l, req));
    out["kb"] = {{"bdpm", k.bdpm_versions()},
                 {"thesaurus", th->version},
                 {"hash", k.hash()},
                 {"data", k.content_hash()}};
    out["thesaurus_version"] = th->version;
    if (!req.min_level.empty()) out["min_level"] = req.min_level;
    return out;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

}  // namespace vigie::check
