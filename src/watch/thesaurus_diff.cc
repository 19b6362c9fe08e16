// DiffThesaurus: changes between two versions of the ANSM interaction
// thesaurus. Pairs are unordered {A, B} keyed by normalised names; a pair
// printed twice (under each protagonist) is represented by its first
// occurrence. Removed/added pairs that share a protagonist and whose other
// protagonist is a member of the new class, or has a similar name, become one
// `renamed` change. Thread-safety: pure function.
#include <algorithm>
#include <set>

#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

using Key = std::pair<std::string, std::string>;  // sorted normalised names

struct Pair {
  const kb::ThesaurusEntry* rep = nullptr;  // first occurrence (lowest page)
  std::string na, nb;                       // normalised a, b of rep
};

std::map<Key, Pair> IndexPairs(const kb::ParsedThesaurus& t) {
  std::map<Key, Pair> out;
  for (const kb::ThesaurusEntry& e : t.entries) {
    std::string na = NormaliseName(e.a), nb = NormaliseName(e.b);
    Key key = na < nb ? Key{na, nb} : Key{nb, na};
    auto [it, inserted] = out.try_emplace(key, Pair{&e, na, nb});
    if (!inserted && e.page < it->second.rep->page) it->second = Pair{&e, na, nb};
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
  if (e.conduct.empty()) return e.risk;
  return e.risk + "\n\n" + e.conduct;
}

void FillFrom(Change& c, const kb::ThesaurusEntry& e) {
  c.from_levels = LevelCodes(e);
  c.from_conditions = Conditions(e);
  c.from_page = e.page;
  c.before = EntryText(e);
}

void FillTo(Change& c, const kb::ThesaurusEntry& e) {
  c.a = e.a;
  c.b = e.b;
  c.to_levels = LevelCodes(e);
  c.to_conditions = Conditions(e);
  c.to_page = e.page;
  c.after = EntryText(e);
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
double NameSimilarity(const std::string& x, const std::string& y) {
  std::set<std::string> a = Tokens(x), b = Tokens(y);
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  bool contained = common == std::min(a.size(), b.size());
  return std::max(jaccard, contained ? 0.75 : 0.0);
}

using Members = std::set<std::pair<std::string, std::string>>;  // (class, substance) normalised

Members MemberSet(const kb::ParsedThesaurus& t) {
  Members out;
  for (const kb::ClassMembership& m : t.memberships) {
    out.emplace(NormaliseName(m.class_name), NormaliseName(m.substance));
  }
  return out;
}

// Score of "removed pair {kept, old} became added pair {kept, now}".
double RenameScore(const std::string& old_name, const std::string& new_name, const Members& members,
                   const Pair& removed, const Pair& added) {
  double score = members.count({new_name, old_name}) > 0 ? 1.0 : 0.0;
  double similar = NameSimilarity(old_name, new_name);
  if (similar >= 0.5) score = std::max(score, similar);
  if (score == 0) return 0;
  if (Words(removed.rep->risk) == Words(added.rep->risk)) score += 0.1;
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

void DiffMemberships(const kb::ParsedThesaurus& from, const kb::ParsedThesaurus& to,
                     std::vector<Change>& out) {
  // Only origins both versions have are compared (2023-09 has no indexes).
  std::set<std::string> of, ot;
  for (const kb::ClassMembership& m : from.memberships) of.insert(m.origin);
  for (const kb::ClassMembership& m : to.memberships) ot.insert(m.origin);
  auto index = [&](const kb::ParsedThesaurus& t) {
    std::map<std::pair<std::string, std::string>, const kb::ClassMembership*> idx;
    for (const kb::ClassMembership& m : t.memberships) {
      if (of.count(m.origin) == 0 || ot.count(m.origin) == 0) continue;
      idx.try_emplace({NormaliseName(m.class_name), NormaliseName(m.substance)}, &m);
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
  std::map<Key, Pair> fp = IndexPairs(from), tp = IndexPairs(to);
  std::vector<Change> out;
  std::vector<const Key*> removed, added;
  for (const auto& [key, f] : fp) {
    auto it = tp.find(key);
    if (it == tp.end()) {
      removed.push_back(&key);
      continue;
    }
    const kb::ThesaurusEntry &e0 = *f.rep, &e1 = *it->second.rep;
    bool levels = LevelCodes(e0) != LevelCodes(e1);
    bool text = Words(EntryText(e0)) != Words(EntryText(e1));
    if (!levels && !text) continue;
    Change c = NewChange(levels ? "level_changed" : "text_changed");
    FillFrom(c, e0);
    FillTo(c, e1);
    if (text) c.diff = WordDiff(c.before, c.after);
    out.push_back(std::move(c));
  }
  for (const auto& [key, t] : tp) {
    if (fp.count(key) == 0) added.push_back(&key);
  }
  // Renames: each removed pair goes to its best-scoring added pair.
  Members members = MemberSet(from);
  members.merge(MemberSet(to));
  std::set<const Key*> consumed;
  std::vector<const Key*> still_removed;
  for (const Key* r : removed) {
    const Key* best = nullptr;
    double best_score = 0;
    std::string old_name, new_name;
    for (const Key* a : added) {
      std::string o, n;
      if (!SharedProtagonist(*r, *a, &o, &n)) continue;
      double s = RenameScore(o, n, members, fp.at(*r), tp.at(*a));
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
    FillFrom(c, *f.rep);
    FillTo(c, *t.rep);
    // a = the protagonist kept, b = its new partner; before/after = the names.
    bool b_is_new = t.nb == new_name;
    if (!b_is_new) std::swap(c.a, c.b);
    c.before = f.na == old_name ? f.rep->a : f.rep->b;
    c.after = c.b;
    out.push_back(std::move(c));
  }
  for (const Key* r : still_removed) {
    Change c = NewChange("removed");
    const kb::ThesaurusEntry& e = *fp.at(*r).rep;
    FillFrom(c, e);
    c.a = e.a;
    c.b = e.b;
    out.push_back(std::move(c));
  }
  for (const Key* a : added) {
    if (consumed.count(a) > 0) continue;
    Change c = NewChange("added");
    FillTo(c, *tp.at(*a).rep);
    out.push_back(std::move(c));
  }
  DiffMemberships(from, to, out);
  std::stable_sort(out.begin(), out.end(), [](const Change& x, const Change& y) {
    size_t rx = KindRank(x.kind), ry = KindRank(y.kind);
    if (rx != ry) return rx < ry;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

}  // namespace vigie::watch
