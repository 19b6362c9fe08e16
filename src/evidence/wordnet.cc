// WordNet 3.0 database files -> English synonym pairs of a Lexicon.
// Format (wndb(5)): index.POS lines "lemma pos synset_cnt p_cnt [ptr...]
// sense_cnt tagsense_cnt offset..." (offsets by decreasing sense frequency);
// data.POS lines "offset lex_filenum ss_type w_cnt(hex) [word lex_id]...
// p_cnt [symbol offset pos source/target]... | gloss". Header lines start
// with spaces. Thread-safety: pure functions.
#include "vigie/evidence/wordnet.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace vigie::evidence {
namespace {

constexpr const char* kPosName[4] = {"noun", "verb", "adj", "adv"};

struct Pointer {
  char pos = 0;
  std::string offset;
  size_t source = 0;  // 1-based word of this synset, 0 = all
  size_t target = 0;  // 1-based word of the target synset, 0 = all
};

struct Synset {
  std::vector<std::string> words;  // "" for a multi-word or non-letter lemma
  std::vector<Pointer> pertains;   // "\\" pointers to nouns
  std::vector<Pointer> derived;    // "+" pointers (any part of speech)
};

int PosIndex(char pos) {
  switch (pos) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
    case 's':
      return 2;
    case 'r':
      return 3;
    default:
      return -1;
  }
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// A lemma usable as one search word: letters only, lower case; adjective
// markers "(a)", "(p)", "(ip)" removed. Else "".
std::string SingleWord(std::string_view w) {
  size_t paren = w.find('(');
  if (paren != std::string_view::npos) w = w.substr(0, paren);
  std::string out;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "";
    out += c;
  }
  return out.size() >= 3 ? out : "";
}

bool ParseHex(std::string_view s, size_t* out) {
  size_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
    if (d < 0) return false;
    v = v * 16 + static_cast<size_t>(d);
  }
  *out = v;
  return !s.empty();
}

bool ParseDec(std::string_view s, size_t* out) {
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *out = v;
  return !s.empty();
}

template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_no;
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == ' ') continue;  // licence header
    if (!f(line, line_no)) return;
  }
}

Status BadLine(const char* pos, size_t line_no) {
  return Status::Error(ErrorCode::kDataError,
                       {std::string("wordnet data.") + pos + ":" + std::to_string(line_no),
                        "malformed synset line"});
}

// Synsets of one data file, keyed by offset.
Status ParseData(std::string_view data, const char* pos,
                 std::unordered_map<std::string, Synset>& out) {
  Status status = Status::Ok();
  ForEachLine(data, [&](std::string_view line, size_t line_no) {
    std::vector<std::string_view> f = Fields(line.substr(0, line.find(" | ")));
    size_t w_cnt = 0, p_cnt = 0;
    if (f.size() < 5 || !ParseHex(f[3], &w_cnt) || f.size() < 5 + 2 * w_cnt ||
        !ParseDec(f[4 + 2 * w_cnt], &p_cnt) || f.size() < 5 + 2 * w_cnt + 4 * p_cnt) {
      status = BadLine(pos, line_no);
      return false;
    }
    Synset s;
    for (size_t i = 0; i < w_cnt; ++i) s.words.push_back(SingleWord(f[4 + 2 * i]));
    for (size_t i = 0; i < p_cnt; ++i) {
      size_t at = 5 + 2 * w_cnt + 4 * i;
      // "\\" adjective -> noun it pertains to; "+" derivationally related form.
      bool pertains = f[at] == "\\" && f[at + 2] == "n";
      bool derived = f[at] == "+";
      if ((!pertains && !derived) || f[at + 2].size() != 1 || f[at + 3].size() != 4) continue;
      Pointer p{derived ? f[at + 2][0] : 'n', std::string(f[at + 1]), 0, 0};
      if (!ParseHex(f[at + 3].substr(0, 2), &p.source) ||
          !ParseHex(f[at + 3].substr(2, 2), &p.target)) {
        status = BadLine(pos, line_no);
        return false;
      }
      (derived ? s.derived : s.pertains).push_back(std::move(p));
    }
    out.emplace(std::string(f[0]), std::move(s));
    return true;
  });
  return status;
}

}  // namespace

Result<size_t> AddWordNet(Lexicon& lexicon, const WordNetFiles& files,
                          const WordNetOptions& options) {
  std::unordered_map<std::string, Synset> synsets[4];
  for (int p = 0; p < 4; ++p) {
    VIGIE_RETURN_IF_ERROR(ParseData(files.data[p], kPosName[p], synsets[p]));
  }
  size_t before = lexicon.synonym_count();
  for (int p = 0; p < 4; ++p) {
    ForEachLine(files.index[p], [&](std::string_view line, size_t) {
      std::vector<std::string_view> f = Fields(line);
      size_t synset_cnt = 0;
      if (f.size() < 4 || !ParseDec(f[2], &synset_cnt) || synset_cnt > f.size()) return true;
      std::string lemma = SingleWord(f[0]);
      if (lemma.empty()) return true;
      size_t first = f.size() - synset_cnt;
      for (size_t s = 0; s < synset_cnt && s < options.senses; ++s) {
        auto found = synsets[p].find(std::string(f[first + s]));
        if (found == synsets[p].end()) continue;
        const Synset& syn = found->second;
        for (const std::string& w : syn.words) {
          if (!w.empty() && w != lemma) lexicon.AddSynonym(lemma, w);
        }
        // Lexical pointers whose source word is this lemma (or all words).
        auto follow = [&](const std::vector<Pointer>& pointers) {
          for (const Pointer& ptr : pointers) {
            if (ptr.source != 0 &&
                (ptr.source > syn.words.size() || syn.words[ptr.source - 1] != lemma)) {
              continue;
            }
            int tp = PosIndex(ptr.pos);
            if (tp < 0) continue;
            auto target = synsets[tp].find(ptr.offset);
            if (target == synsets[tp].end()) continue;
            const auto& tw = target->second.words;
            for (size_t i = 0; i < tw.size(); ++i) {
              if (ptr.target != 0 && i + 1 != ptr.target) continue;
              if (!tw[i].empty() && tw[i] != lemma) lexicon.AddSynonym(lemma, tw[i]);
            }
          }
        };
        if (options.pertainyms && p == 2) follow(syn.pertains);
        if (options.derivations) follow(syn.derived);
      }
      return true;
    });
  }
  return lexicon.synonym_count() - before;
}

Result<size_t> LoadWordNet(Env& env, const std::string& dir, Lexicon& lexicon,
                           const WordNetOptions& options) {
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  WordNetFiles files;
  for (int p = 0; p < 4; ++p) {
    auto index = env.ReadFile(JoinPath(dir, std::string("index.") + kPosName[p]));
    if (!index.ok()) return index.status();
    auto data = env.ReadFile(JoinPath(dir, std::string("data.") + kPosName[p]));
    if (!data.ok()) return data.status();
    files.index[p] = std::move(index).value();
    files.data[p] = std::move(data).value();
  }
  return AddWordNet(lexicon, files, options);
}

}  // namespace vigie::evidence
