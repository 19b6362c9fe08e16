// DiffResult::Markdown: a diff a pharmacist can paste in a newsletter (summary
// line, then each kind of change, each item with its source page or row).
// Thread-safety: pure function.
#include <sstream>

#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '~' || c == '`' || c == '|' || c == '[' || c == ']') {
      out += '\\';
    }
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string Levels(const std::vector<std::string>& levels) {
  std::string out;
  for (const std::string& l : levels) out += (out.empty() ? "" : ", ") + l;
  return out.empty() ? "?" : out;
}

std::string Page(int p) { return p > 0 ? "p. " + std::to_string(p) : "—"; }

std::string DiffText(const std::vector<DiffPiece>& diff) {
  std::string out;
  for (const DiffPiece& p : diff) {
    std::string t = Escape(p.text);
    if (!out.empty()) out += ' ';
    out += p.op == '-' ? "~~" + t + "~~" : p.op == '+' ? "**" + t + "**" : t;
  }
  return out;
}

void Conditions(std::ostringstream& o, const std::map<std::string, std::string>& conditions) {
  for (const auto& [level, text] : conditions)
    o << "  - " << level << " : " << Escape(text) << "\n";
}

void ThesaurusItem(std::ostringstream& o, const Change& c) {
  std::string pair = "**" + Escape(c.a) + " + " + Escape(c.b) + "**";
  if (c.kind == "level_changed") {
    o << "- " << pair << " : " << Levels(c.from_levels) << " → " << Levels(c.to_levels) << " ("
      << Page(c.from_page) << " → " << Page(c.to_page) << ")\n";
    Conditions(o, c.to_conditions);
  } else if (c.kind == "text_changed") {
    o << "- " << pair << " (" << Levels(c.to_levels) << ", " << Page(c.from_page) << " → "
      << Page(c.to_page) << ") : " << DiffText(c.diff) << "\n";
  } else if (c.kind == "renamed") {
    o << "- **" << Escape(c.a) << "** + " << Escape(c.before) << " → **" << Escape(c.after)
      << "** (" << Levels(c.to_levels) << ", " << Page(c.from_page) << " → " << Page(c.to_page)
      << ")\n";
  } else if (c.kind == "added") {
    o << "- " << pair << " : " << Levels(c.to_levels) << " (" << Page(c.to_page) << ")\n";
    Conditions(o, c.to_conditions);
  } else if (c.kind == "removed") {
    o << "- " << pair << " : " << Levels(c.from_levels) << " (" << Page(c.from_page) << ")\n";
  } else {
    o << "- " << Escape(c.a) << " : " << Escape(c.b) << " ("
      << Page(c.to_page > 0 ? c.to_page : c.from_page) << ", " << c.origin << ")\n";
  }
}

void BdpmItem(std::ostringstream& o, const Change& c) {
  o << "- CIS " << c.cis;
  if (!c.cip13.empty()) o << " / CIP13 " << c.cip13;
  if (!c.a.empty()) o << " " << Escape(c.a);
  o << " — " << c.file;
  if ((c.before.empty() || c.before == c.a) && (c.after.empty() || c.after == c.a)) {
    o << "\n";  // an added or withdrawn specialty: its name is already shown
    return;
  }
  o << " " << c.field << " : ";
  if (!c.before.empty() && !c.after.empty()) {
    o << Escape(c.before) << " → " << Escape(c.after);
  } else {
    o << Escape(c.before.empty() ? c.after : c.before);
  }
  o << "\n";
}

}  // namespace

std::string DiffResult::Markdown(Lang lang) const {
  const bool en = lang == Lang::kEn;
  std::ostringstream o;
  o << "# " << (en ? "Regulation watch: " : "Veille réglementaire : ");
  for (size_t i = 0; i < sources.size(); ++i) {
    o << (i ? " + " : "")
      << (sources[i] == "thesaurus" ? (en ? "ANSM interaction thesaurus" : "thésaurus ANSM")
                                    : "BDPM");
  }
  o << ", " << from << " → " << to;
  if (!substance.empty()) o << " — " << Escape(substance);
  o << "\n\n**" << (en ? "Summary" : "Résumé") << "** : " << SummaryText(changes, lang) << "\n";
  for (const KindInfo& k : Kinds()) {
    size_t n = 0;
    for (const Change& c : changes) {
      if (c.kind == k.kind) ++n;
    }
    if (n == 0) continue;
    o << "\n## " << (en ? k.en : k.fr) << " (" << n << ")\n\n";
    size_t shown = 0;
    for (const Change& c : changes) {
      if (c.kind != k.kind) continue;
      if (++shown > kMarkdownPerKind) break;
      if (c.source == "thesaurus") {
        ThesaurusItem(o, c);
      } else {
        BdpmItem(o, c);
      }
    }
    if (n > kMarkdownPerKind) {
      o << "- … " << (en ? "and " : "et ") << (n - kMarkdownPerKind)
        << (en ? " more (see --json)\n" : " autres (voir --json)\n");
    }
  }
  o << "\n---\n" << (en ? "Sources: " : "Sources : ");
  for (size_t i = 0; i < sources.size(); ++i) {
    o << (i ? " ; " : "")
      << (sources[i] == "thesaurus"
              ? (en ? "ANSM, Thésaurus des interactions médicamenteuses, versions "
                    : "ANSM, Thésaurus des interactions médicamenteuses, versions ") +
                    from + " " + (en ? "and" : "et") + " " + to +
                    (en ? " (pages of the official PDFs)" : " (pages des PDF officiels)")
              : std::string("BDPM (ANSM/HAS/UNCAM), ") + (en ? "snapshots " : "instantanés ") +
                    from + " " + (en ? "and" : "et") + " " + to);
  }
  o << ".\n";
  if (!bdpm_not_compared.empty()) {
    o << "\n" << (en ? "Files not compared: " : "Fichiers non comparés : ");
    for (size_t i = 0; i < bdpm_not_compared.size(); ++i) {
      o << (i ? " ; " : "") << bdpm_not_compared[i].file << " (" << bdpm_not_compared[i].reason
        << ")";
    }
    o << ".\n";
  }
  return o.str();
}

}  // namespace vigie::watch
