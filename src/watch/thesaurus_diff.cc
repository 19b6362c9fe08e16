// DiffThesaurus: changes between two versions of the ANSM interaction
// thesaurus. Pairs are unordered {A, B} keyed by normalised names; a pair
// printed twice (under each protagonist) is represented by its first
// occurrence. Removed/added pairs that share a protagonist and whose other
// protagonist is a member of the new class, or has a similar name, become one
// `renamed` change. Thread-safety: pure function.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "vigie/core/text.h"
#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

using Key = std::pair<std::string, std::string>;  // sorted normalised names

// NormaliseName with memory: the same headings and class names recur
// thousands of times and ICU folding dominates the diff otherwise.
class Names {
 public:
  const std::string& Get(const std::string& name) {
    auto it = cache_.find(name);
    if (it == cache_.end()) it = cache_.emplace(name, NormaliseName(name)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::string> cache_;
};

struct Pair {
  const kb::ThesaurusEntry* rep = nullptr;  // first occurrence (lowest page)
  std::string na, nb;                       // normalised a, b of rep
  std::string text;                         // EntryText(*rep)
  std::vector<std::string> words;           // Words(text)
};

std::string EntryText(const kb::ThesaurusEntry& e);

std::map<Key, Pair> IndexPairs(const kb::ParsedThesaurus& t, Names& names) {
  std::map<Key, Pair> out;
  for (const kb::ThesaurusEntry& e : t.entries) {
    const std::string &na = names.Get(e.a), &nb = names.Get(e.b);
    Key key = na < nb ? Key{na, nb} : Key{nb, na};
    auto [it, inserted] = out.try_emplace(key, Pair{&e, na, nb, {}, {}});
    if (!inserted && e.page < it->second.rep->page) it->second = Pair{&e, na, nb, {}, {}};
  }
  for (auto& [key, pair] : out) {
    pair.text = EntryText(*pair.rep);
    pair.words = Words(pair.text);
  }
  return out;
}

std::vector<std::string> LevelCodes(const kb::ThesaurusEntry& e) {
  std::vector<kb::Level> levels;
  for (const kb::LevelCondition& l : e.levels) levels.push_back(l.level);
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  std::vector<std::string> out;
  for (kb::Level l : levels) out.emplace_back(kb::LevelCode(l));
  return out;
}

std::map<std::string, std::string> Conditions(const kb::ThesaurusEntry& e) {
  std::map<std::string, std::string> out;
  for (const kb::LevelCondition& l : e.levels) {
    if (!l.condition.empty()) out[std::string(kb::LevelCode(l.level))] = l.condition;
  }
  return out;
}

std::string EntryText(const kb::ThesaurusEntry& e) {
  std::string risk = std::string(text::Trim(e.risk)), conduct = std::string(text::Trim(e.conduct));
  if (conduct.empty()) return risk;
  return risk + "\n\n" + conduct;
}

void FillFrom(Change& c, const Pair& p) {
  c.from_levels = LevelCodes(*p.rep);
  c.from_conditions = Conditions(*p.rep);
  c.from_page = p.rep->page;
  c.before = p.text;
}

void FillTo(Change& c, const Pair& p) {
  c.a = p.rep->a;
  c.b = p.rep->b;
  c.to_levels = LevelCodes(*p.rep);
  c.to_conditions = Conditions(*p.rep);
  c.to_page = p.rep->page;
  c.after = p.text;
}

Change NewChange(std::string_view kind) {
  Change c;
  c.source = "thesaurus";
  c.kind = kind;
  return c;
}

// Words of a normalised name that carry meaning (connectors dropped).
std::set<std::string> Tokens(const std::string& normalised) {
  static const std::set<std::string> kStop = {"DE", "LA", "LE", "LES", "DES", "DU", "D",
                                              "L",  "ET", "A",  "AU",  "AUX", "EN", "PAR"};
  std::set<std::string> out;
  for (const std::string& w : Words(normalised)) {
    if (kStop.count(w) == 0) out.insert(w);
  }
  return out;
}

// 0 when the names are unrelated; else how alike (containment counts 0.75).
using TokenCache = std::unordered_map<std::string, std::set<std::string>>;

const std::set<std::string>& CachedTokens(const std::string& name, TokenCache& cache) {
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, Tokens(name)).first;
  return it->second;
}

double NameSimilarity(const std::string& x, const std::string& y, TokenCache& cache) {
  const std::set<std::string>&a = CachedTokens(x, cache), &b = CachedTokens(y, cache);
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  bool contained = common == std::min(a.size(), b.size());
  return std::max(jaccard, contained ? 0.75 : 0.0);
}

using Members = std::set<std::pair<std::string, std::string>>;  // (class, substance) normalised

Members MemberSet(const kb::ParsedThesaurus& t, Names& names) {
  Members out;
  for (const kb::ClassMembership& m : t.memberships) {
    out.emplace(names.Get(m.class_name), names.Get(m.substance));
  }
  return out;
}

// Score of "removed pair {kept, old} became added pair {kept, now}".
// A fold into a class (old is a member of new) or the reverse, or similar names.
double RenameScore(const std::string& old_name, const std::string& new_name, const Members& members,
                   TokenCache& tokens, const Pair& removed, const Pair& added) {
  bool fold = members.count({new_name, old_name}) > 0 || members.count({old_name, new_name}) > 0;
  double score = fold ? 1.0 : 0.0;
  double similar = NameSimilarity(old_name, new_name, tokens);
  if (similar >= 0.5) score = std::max(score, similar);
  if (score == 0) return 0;
  if (removed.words == added.words) score += 0.1;
  if (LevelCodes(*removed.rep) == LevelCodes(*added.rep)) score += 0.05;
  return score;
}

// The protagonist the two pairs share and the two others, or false.
bool SharedProtagonist(const Key& r, const Key& a, std::string* old_name, std::string* new_name) {
  const std::string* rs[2] = {&r.first, &r.second};
  const std::string* as[2] = {&a.first, &a.second};
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 2; ++j) {
      if (*rs[i] == *as[j] && *rs[1 - i] != *as[1 - j]) {
        *old_name = *rs[1 - i];
        *new_name = *as[1 - j];
        return true;
      }
    }
  }
  return false;
}

void DiffMemberships(const kb::ParsedThesaurus& from, const kb::ParsedThesaurus& to, Names& names,
                     std::vector<Change>& out) {
  // Only origins both versions have are compared (2023-09 has no indexes).
  std::set<std::string> of, ot;
  for (const kb::ClassMembership& m : from.memberships) of.insert(m.origin);
  for (const kb::ClassMembership& m : to.memberships) ot.insert(m.origin);
  auto index = [&](const kb::ParsedThesaurus& t) {
    std::map<std::pair<std::string, std::string>, const kb::ClassMembership*> idx;
    for (const kb::ClassMembership& m : t.memberships) {
      if (of.count(m.origin) == 0 || ot.count(m.origin) == 0) continue;
      idx.try_emplace({names.Get(m.class_name), names.Get(m.substance)}, &m);
    }
    return idx;
  };
  auto fm = index(from), tm = index(to);
  for (const auto& [key, m] : tm) {
    if (fm.count(key) > 0 || key.first.empty() || key.second.empty()) continue;
    Change c = NewChange("member_added");
    c.a = m->class_name;
    c.b = m->substance;
    c.to_page = m->page;
    c.origin = m->origin;
    out.push_back(std::move(c));
  }
  for (const auto& [key, m] : fm) {
    if (tm.count(key) > 0 || key.first.empty() || key.second.empty()) continue;
    Change c = NewChange("member_removed");
    c.a = m->class_name;
    c.b = m->substance;
    c.from_page = m->page;
    c.origin = m->origin;
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<Change> DiffThesaurus(const kb::ParsedThesaurus& from, const kb::ParsedThesaurus& to) {
  Names names;
  std::map<Key, Pair> fp = IndexPairs(from, names), tp = IndexPairs(to, names);
  std::vector<Change> out;
  std::vector<const Key*> removed, added;
  for (const auto& [key, f] : fp) {
    auto it = tp.find(key);
    if (it == tp.end()) {
      removed.push_back(&key);
      continue;
    }
    const Pair& t = it->second;
    bool levels = LevelCodes(*f.rep) != LevelCodes(*t.rep);
    bool text = f.words != t.words;
    if (!levels && !text) continue;
    Change c = NewChange(levels ? "level_changed" : "text_changed");
    FillFrom(c, f);
    FillTo(c, t);
    if (text) c.diff = WordDiff(c.before, c.after);
    out.push_back(std::move(c));
  }
  for (const auto& [key, t] : tp) {
    if (fp.count(key) == 0) added.push_back(&key);
  }
  // Renames: each removed pair goes to its best-scoring added pair.
  Members members = MemberSet(from, names);
  members.merge(MemberSet(to, names));
  std::set<const Key*> consumed;
  std::vector<const Key*> still_removed;
  TokenCache tokens;
  // Added pairs by each of their two names: candidates share a protagonist.
  std::unordered_map<std::string, std::vector<const Key*>> added_by_name;
  for (const Key* a : added) {
    added_by_name[a->first].push_back(a);
    if (a->second != a->first) added_by_name[a->second].push_back(a);
  }
  for (const Key* r : removed) {
    const Key* best = nullptr;
    double best_score = 0;
    std::string old_name, new_name;
    const Pair& rp = fp.at(*r);
    std::vector<const Key*> candidates;
    for (const std::string* name : {&r->first, &r->second}) {
      auto it = added_by_name.find(*name);
      if (it != added_by_name.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    for (const Key* a : candidates) {
      std::string o, n;
      if (!SharedProtagonist(*r, *a, &o, &n)) continue;
      double s = RenameScore(o, n, members, tokens, rp, tp.at(*a));
      if (s > best_score) {
        best_score = s;
        best = a;
        old_name = o;
        new_name = n;
      }
    }
    if (best == nullptr) {
      still_removed.push_back(r);
      continue;
    }
    consumed.insert(best);
    const Pair &f = fp.at(*r), &t = tp.at(*best);
    Change c = NewChange("renamed");
    FillFrom(c, f);
    FillTo(c, t);
    // a = the protagonist kept, b = its new partner; before/after = the names.
    bool b_is_new = t.nb == new_name;
    if (!b_is_new) std::swap(c.a, c.b);
    c.before = f.na == old_name ? f.rep->a : f.rep->b;
    c.after = c.b;
    out.push_back(std::move(c));
  }
  for (const Key* r : still_removed) {
    Change c = NewChange("removed");
    const Pair& p = fp.at(*r);
    FillFrom(c, p);
    c.a = p.rep->a;
    c.b = p.rep->b;
    out.push_back(std::move(c));
  }
  for (const Key* a : added) {
    if (consumed.count(a) > 0) continue;
    Change c = NewChange("added");
    FillTo(c, tp.at(*a));
    out.push_back(std::move(c));
  }
  DiffMemberships(from, to, names, out);
  std::stable_sort(out.begin(), out.end(), [](const Change& x, const Change& y) {
    size_t rx = KindRank(x.kind), ry = KindRank(y.kind);
    if (rx != ry) return rx < ry;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

}  // namespace vigie::watch
