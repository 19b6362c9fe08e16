// Drug-drug interactions: every pair of resolved lines against the thesaurus
// entries naming one of their protagonists (substance or class), each line
// pair reported once (the thesaurus prints an interaction under both
// protagonists), conditional levels resolved with the dose and timing when
// they can be, else the most severe level still possible.
// Thread-safety: pure functions.
#include <algorithm>

#include "check/internal.h"

namespace vigie::check {
namespace {

bool Contains(const std::vector<uint32_t>& v, uint32_t k) {
  return std::find(v.begin(), v.end(), k) != v.end();
}

// The ASA dose ranges of the thesaurus a line falls in (0: none), or nullopt
// when the dose or timing is not given.
std::optional<unsigned> AspirinRange(const Amounts& a) {
  if (!a.per_intake_mg) return std::nullopt;
  double pi = *a.per_intake_mg;
  if (pi >= 1000 || (a.per_day_mg && *a.per_day_mg >= 3000)) return kAntiInflammatory;
  if (!a.per_day_mg) return std::nullopt;
  double pd = *a.per_day_mg;
  if (pi >= 500 && pd < 3000) return kAnalgesic;
  if (pd >= 50 && pd <= 375) return kAntiplatelet;
  return 0u;
}

Tri Combine(Tri acc, Tri v) {
  if (acc == Tri::kFalse || v == Tri::kFalse) return Tri::kFalse;
  return (acc == Tri::kUnknown || v == Tri::kUnknown) ? Tri::kUnknown : Tri::kTrue;
}

Tri Evaluate(const Alternative& alt, const ResolvedLine& x, const ResolvedLine& y) {
  bool any = false;
  Tri r = Tri::kTrue;
  if (alt.aspirin_doses != 0) {
    any = true;
    const ResolvedLine* asa = x.aspirin ? &x : y.aspirin ? &y : nullptr;
    auto range = asa ? AspirinRange(asa->amounts) : std::nullopt;
    r = Combine(r, !range                         ? Tri::kUnknown
                   : (*range & alt.aspirin_doses) ? Tri::kTrue
                                                  : Tri::kFalse);
  }
  if (alt.mtx_gt || alt.mtx_le) {
    any = true;
    const ResolvedLine* mtx = x.methotrexate ? &x : y.methotrexate ? &y : nullptr;
    std::optional<double> week = mtx ? mtx->amounts.per_week_mg : std::nullopt;
    Tri t = Tri::kUnknown;
    if (week)
      t = (alt.mtx_gt ? *week > *alt.mtx_gt : *week <= *alt.mtx_le) ? Tri::kTrue : Tri::kFalse;
    r = Combine(r, t);
  }
  if (!any || alt.undecidable) r = Combine(r, Tri::kUnknown);
  return r;
}

Tri Applies(const LevelRule& rule, const ResolvedLine& x, const ResolvedLine& y) {
  if (rule.alternatives.empty()) return rule.condition.empty() ? Tri::kTrue : Tri::kUnknown;
  Tri out = Tri::kFalse;
  for (const Alternative& a : rule.alternatives) {
    Tri t = Evaluate(a, x, y);
    if (t == Tri::kTrue) return Tri::kTrue;
    if (t == Tri::kUnknown) out = Tri::kUnknown;
  }
  return out;
}

// The level that applies (or the most severe still possible).
kb::Level ApplicableLevel(const Entry& e, const ResolvedLine& x, const ResolvedLine& y) {
  for (const LevelRule& r : e.levels) {
    if (Applies(r, x, y) != Tri::kFalse) return r.level;
  }
  return e.levels.back().level;
}

constexpr std::string_view kThesaurus = "ANSM — Thésaurus des interactions médicamenteuses";

Finding Make(const ThesaurusData& th, const Entry& e, const ResolvedLine& x, const ResolvedLine& y,
             Lang lang) {
  Finding f;
  f.kind = "interaction";
  f.has_levels = true;
  f.levels.reserve(e.levels.size());
  const LevelRule* chosen = nullptr;
  bool certain = false;
  for (const LevelRule& r : e.levels) {
    Tri t = Applies(r, x, y);
    f.levels.push_back({&r, t});
    if (chosen == nullptr && t != Tri::kFalse) {
      chosen = &r;
      certain = t == Tri::kTrue;
    }
  }
  if (chosen == nullptr) chosen = &e.levels.back();  // no condition holds: least severe, flagged
  f.level = chosen->code;
  f.resolved = certain;
  f.SetLines(x.index, y.index);
  f.substances = {e.a, e.b};
  f.risk = e.risk;
  f.conduct = e.conduct;
  f.source = {kThesaurus, th.version, e.page, "", nullptr, nullptr};
  f.message.reserve(16 + f.level.size() + e.a.size() + e.b.size());
  f.message.append(Tr(lang, "Interaction ", "Interaction ")).append(f.level).append(" : ");
  f.message.append(e.a).append(" + ").append(e.b);
  return f;
}

// Both lines hold a member of the class, through different substances.
bool OtherMembers(const ResolvedLine& x, const ResolvedLine& y) {
  for (const auto& s : x.substances) {
    for (const auto& t : y.substances) {
      if (!s.key.empty() && s.key != t.key) return true;
    }
  }
  return false;
}

// Two lines of a thesaurus "X + AUTRES X" class entry are a therapeutic
// redundancy (a duplicate, issue 4: "two NSAIDs") when they share a WHO ATC
// therapeutic subgroup (level 3, e.g. M01A, N06A); many such classes are risk
// classes (hyperkaliémiants, sérotoninergiques) whose members differ. A line
// without any ATC keeps the duplicate (said rather than missed).
bool TherapeuticRedundancy(const ResolvedLine& x, const ResolvedLine& y) {
  bool x_known = false, y_known = false;
  for (const ResolvedSubstance& s : x.substances) {
    if (s.atc.size() < 4) continue;
    x_known = true;
    for (const ResolvedSubstance& t : y.substances) {
      if (t.atc.size() >= 4 && t.atc.compare(0, 4, s.atc, 0, 4) == 0) return true;
    }
  }
  for (const ResolvedSubstance& t : y.substances) y_known = y_known || t.atc.size() >= 4;
  return !x_known || !y_known;
}

}  // namespace

void CheckInteractions(const ThesaurusData& th, const std::vector<ResolvedLine>& lines, Lang lang,
                       std::vector<Finding>& out) {
  std::vector<uint32_t> hits;  // reused for every pair
  std::vector<std::pair<kb::Level, uint32_t>> ranked;
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = i + 1; j < lines.size(); ++j) {
      const ResolvedLine& x = lines[i];
      const ResolvedLine& y = lines[j];
      hits.clear();
      for (uint32_t p : x.protagonists) {
        for (uint32_t idx : th.entries_of_id[p]) {
          const Entry& e = th.entries[idx];
          bool match = e.same_class
                           ? (e.id_a == p && Contains(y.protagonists, p) && OtherMembers(x, y))
                           : (e.id_a == p && Contains(y.protagonists, e.id_b)) ||
                                 (e.id_b == p && Contains(y.protagonists, e.id_a));
          if (match && std::find(hits.begin(), hits.end(), idx) == hits.end()) hits.push_back(idx);
        }
      }
      if (hits.empty()) continue;
      // Only the most severe entry becomes a full finding (its texts are
      // long); the others are listed by name, level and page.
      ranked.clear();
      for (uint32_t idx : hits) ranked.emplace_back(ApplicableLevel(th.entries[idx], x, y), idx);
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      Finding best = Make(th, th.entries[ranked[0].second], x, y, lang);
      best.has_other_entries = true;
      for (size_t k = 1; k < ranked.size(); ++k) {
        best.other_entries.push_back({&th.entries[ranked[k].second], ranked[k].first});
      }
      for (uint32_t idx : hits) {
        const Entry& e = th.entries[idx];
        if (!e.same_class || !TherapeuticRedundancy(x, y)) continue;
        Finding d;
        d.kind = "duplicate";
        d.level = "warning";
        d.SetLines(x.index, y.index);
        d.substances = {e.a};
        d.message =
            std::string(Tr(
                lang, "Deux médicaments de la même classe : ", "Two drugs of the same class: ")) +
            e.a;
        d.risk = e.risk;
        d.conduct = e.conduct;
        d.source = {kThesaurus, th.version, e.page, "", nullptr, nullptr};
        out.push_back(std::move(d));
        break;
      }
      out.push_back(std::move(best));
    }
  }
}

}  // namespace vigie::check
