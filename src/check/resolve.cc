// Line resolution (CIS, CIP13 or free text through the KB's DrugIndex; weak or
// ambiguous matches go to `unresolved` with candidates) and the link of each
// BDPM substance to its ANSM thesaurus name and classes.
// Thread-safety: pure functions of the index, the thesaurus and the request.
#include <algorithm>
#include <sstream>

#include "check/resolve.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

using nlohmann::json;

constexpr double kMinScore = 0.45;

// Words of a key, elisions split off ("d'amiodarone" -> "d'", "amiodarone").
std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> w;
  std::istringstream in(key);
  for (std::string s; in >> s;) {
    size_t q = s.find('\'');
    if (q != std::string::npos && q + 1 < s.size() && q <= 2) {
      w.push_back(s.substr(0, q + 1));
      s = s.substr(q + 1);
    }
    w.push_back(s);
  }
  return w;
}

// Cations that salts of other actives carry (keys as NameKey folds them).
bool IsCounterIon(const std::string& key) {
  for (const char* ion : {"sodium", "potassium", "calcium", "magnesium", "zinc", "aluminium"}) {
    if (key == ion) return true;
  }
  return false;
}

// The longest contiguous run of words of `name` that the thesaurus names.
std::string FindKey(const ThesaurusData& th, const std::string& printed) {
  // BDPM prints some names inverted: "ACÉTYLSALICYLIQUE (ACIDE)".
  std::string name = printed;
  size_t open = name.rfind(" (");
  if (open != std::string::npos && name.ends_with(")")) {
    name = name.substr(open + 2, name.size() - open - 3) + " " + name.substr(0, open);
  }
  std::string key = NameKey(name);
  if (key.empty()) return "";
  if (th.substance_keys.contains(key)) return key;
  std::vector<std::string> w = Words(key);
  for (size_t len = std::min(w.size(), th.max_key_words); len > 0; --len) {
    for (size_t i = 0; i + len <= w.size(); ++i) {
      std::string span = w[i];
      for (size_t k = i + 1; k < i + len; ++k) span += (w[k - 1].ends_with('\'') ? "" : " ") + w[k];
      if (span.size() > 2 && th.substance_keys.contains(span)) return span;
    }
  }
  return "";
}

bool ShareSubstance(const kb::Drug& a, const kb::Drug& b) {
  for (const auto& x : a.substances) {
    for (const auto& y : b.substances) {
      if (x.code == y.code || (!x.fraction.empty() && x.fraction == y.fraction)) return true;
    }
  }
  return false;
}

json Candidates(const std::vector<kb::DrugCandidate>& c) {
  json out = json::array();
  for (const auto& x : c) {
    out.push_back(
        {{"cis", x.drug->cis}, {"denomination", x.drug->denomination}, {"score", x.score}});
  }
  return out;
}

}  // namespace

ThesaurusData::Link LinkSubstance(const ThesaurusData& th, const kb::DrugSubstance& s) {
  auto it = th.links.find(s.name + '\x1f' + s.fraction);
  if (it != th.links.end()) return it->second;
  // The active moiety (BDPM "FT" fraction) names the substance when given;
  // otherwise a word of the salt name does ("CHLORHYDRATE D'AMIODARONE" ->
  // amiodarone; also spelling variants of the fraction: "RÉMIFENTANYL"). A
  // counter-ion is never that word when the fraction names another moiety: in
  // "CLAVULANATE DE POTASSIUM" (fraction "ACIDE CLAVULANIQUE") or
  // "LÉVOFOLINATE DE CALCIUM" the potassium or calcium is not the thesaurus'
  // potassium or calcium (whose entries are about those ions as actives).
  std::string key = s.fraction.empty() ? "" : FindKey(th, s.fraction);
  if (key.empty()) {
    key = FindKey(th, s.name);
    if (!s.fraction.empty() && IsCounterIon(key) &&
        NameKey(s.fraction).find(key) == std::string::npos) {
      key.clear();
    }
  }
  return {key, NameKey(s.fraction.empty() ? s.name : s.fraction)};
}

std::string DenominationKey(const ThesaurusData& th, const kb::Drug& d) {
  auto den = th.denomination_keys.find(d.cis);
  return den != th.denomination_keys.end() ? den->second : NameKey(d.denomination);
}

std::string SubstanceNameKey(const ThesaurusData& th, const kb::DrugSubstance& s) {
  auto known = th.link_of.find(&s);
  return known != th.link_of.end() ? known->second->name_key : LinkSubstance(th, s).name_key;
}

void LinkToThesaurus(const ThesaurusData& th, ResolvedLine& line) {
  line.substances.clear();
  line.denomination_key = DenominationKey(th, *line.drug);
  line.protagonists.clear();
  auto add = [&](uint32_t id) {
    if (id != ThesaurusData::kNoId && std::find(line.protagonists.begin(), line.protagonists.end(),
                                                id) == line.protagonists.end()) {
      line.protagonists.push_back(id);
    }
  };
  line.substances.reserve(line.drug->substances.size());
  for (const kb::DrugSubstance& s : line.drug->substances) {
    auto known = th.link_of.find(&s);
    const ThesaurusData::Link* link = nullptr;
    if (known != th.link_of.end()) {
      link = known->second;
    } else {  // not a catalog substance of this knowledge: linked now
      line.own_links.push_back(LinkSubstance(th, s));
      line.own_links.back().id = th.Id(line.own_links.back().key);
      link = &line.own_links.back();
    }
    const std::string& key = link->key;
    line.substances.push_back({s.fraction.empty() ? s.name : s.fraction, key, link->name_key, s.atc,
                               s.code, link->id, link});
    // A key that names no entry and no class matches nothing: not listed.
    add(link->id);
    if (key == "acide acetylsalicylique") line.aspirin = true;
    if (key == "methotrexate") line.methotrexate = true;
  }
  size_t direct = line.protagonists.size();
  for (size_t i = 0; i < line.protagonists.size() && i < direct + 64; ++i) {
    for (uint32_t c : th.classes_of_id[line.protagonists[i]]) add(c);
  }
}

std::vector<ResolvedLine> ResolveLines(const kb::DrugIndex& index, const Request& req,
                                       json& unresolved) {
  std::vector<ResolvedLine> out;
  for (size_t i = 0; i < req.lines.size(); ++i) {
    const Line& l = req.lines[i];
    ResolvedLine r;
    r.index = i;
    r.amounts = AmountsOf(l);
    // The unresolved entry is built only for a line that is not resolved.
    const char* reason = nullptr;
    std::vector<kb::DrugCandidate> candidates;
    if (!l.cis.empty()) {
      r.drug = index.FindCis(l.cis);
      r.matched_by = "cis";
      r.score = 1;
      if (r.drug == nullptr) reason = "unknown_cis";
    } else if (!l.cip13.empty()) {
      auto c = index.Search(l.cip13, 1);
      if (!c.empty() && c[0].matched_by == "cip13") {
        r.drug = c[0].drug;
        r.matched_by = "cip13";
        r.score = 1;
      } else {
        reason = "unknown_cip13";
      }
    } else {
      auto c = index.Search(l.drug, 5);
      if (c.empty() || c[0].score < kMinScore) {
        reason = "no_match";
        candidates = std::move(c);
      } else if (c.size() > 1 && c[1].score >= c[0].score - 0.02 &&
                 !ShareSubstance(*c[0].drug, *c[1].drug)) {
        reason = "ambiguous";
        candidates = std::move(c);
      } else {
        r.drug = c[0].drug;
        r.matched_by = "text";
        r.score = c[0].score;
      }
    }
    if (r.drug == nullptr) {
      std::string input = !l.cis.empty()     ? "cis:" + l.cis
                          : !l.cip13.empty() ? "cip13:" + l.cip13
                                             : l.drug;
      json miss = {{"index", i}, {"input", input}, {"candidates", Candidates(candidates)}};
      if (reason != nullptr) miss["reason"] = reason;
      unresolved.push_back(std::move(miss));
      continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace vigie::check
