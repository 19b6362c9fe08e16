// The check itself: resolve the lines, link them to the thesaurus version
// asked for, run every check, apply min_level (never to CI), sort by severity
// and write the response of issue 4. The response is written straight into
// one string (response.cc): building it as a JSON tree cost one allocation
// per key and value, most of a check's time (perf, docs/BENCHMARKS.md).
// Thread-safety: pure function of the immutable knowledge and the request.
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

}  // namespace

int Finding::Rank() const { return LevelRank(level); }

Result<CheckOutput> CheckSerialized(const CheckKnowledge& k, const Request& req) {
  try {
    const ThesaurusData* th = k.Thesaurus(req.thesaurus_version);
    if (th == nullptr) {
      return Status::Error(ErrorCode::kNotFound, {"thesaurus_version " + req.thesaurus_version});
    }
    json unresolved = json::array();
    std::vector<NotEvaluated> not_evaluated;
    std::vector<ResolvedLine> lines = ResolveLines(k.drugs(), req, unresolved);
    for (ResolvedLine& l : lines) LinkToThesaurus(*th, l);
    std::vector<Finding> found;
    found.reserve(lines.size() * 4);
    CheckInteractions(*th, lines, req.lang, found);
    CheckDuplicates(lines, k.bdpm_versions(), req.lang, found);
    CheckAllergies(k, *th, req, lines, req.lang, found, not_evaluated);
    CheckNeverEvents(req, lines, req.lang, found);
    CheckPatientLimits(k, req, lines, found, not_evaluated);
    CheckAvailability(lines, k.bdpm_versions(), req.lang, found);
    for (const ResolvedLine& l : lines) {
      if (l.methotrexate && !req.lines[l.index].timing) {
        not_evaluated.push_back({"dose", l.index, "timing",
                                 Tr(req.lang, "Non évalué : rythme du méthotrexate non donné",
                                    "Not evaluated: methotrexate timing not given")});
      }
    }
    // Sorted and filtered through pointers: a Finding is large (moving them
    // cost a temporary buffer of the whole vector per check).
    int min_rank = req.min_level.empty() ? 3 : LevelRank(req.min_level);
    std::vector<const Finding*> order;
    order.reserve(found.size());
    for (const Finding& f : found) {
      if (f.kind == "interaction" && f.level != "CI" && f.Rank() > min_rank) continue;
      order.push_back(&f);
    }
    std::stable_sort(order.begin(), order.end(), [](const Finding* a, const Finding* b) {
      if (a->Rank() != b->Rank()) return a->Rank() < b->Rank();
      if (a->kind != b->kind) return a->kind < b->kind;
      return a->LinesBefore(*b);
    });
    CheckOutput out;
    out.lines = lines.size() + unresolved.size();
    out.unresolved = unresolved.size();
    out.findings = order.size();
    for (const Finding* f : order) out.critical += f->Rank() == 0 ? 1u : 0u;
    out.thesaurus = th->version;
    WriteResponse(k, *th, req, order, lines, unresolved, not_evaluated, out.json);
    return out;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

Result<json> Check(const CheckKnowledge& k, const Request& req) {
  Result<CheckOutput> out = CheckSerialized(k, req);
  if (!out.ok()) return out.status();
  json parsed = json::parse(out->json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status::Error(ErrorCode::kInternal, {"check response"});
  return parsed;
}

}  // namespace vigie::check
