// De-identifier orchestration (see deid.h): tokenize, run every detector,
// keep the best span where they overlap, replace, convert byte offsets to
// code points. Thread-safety: Run is const and keeps its state on the stack.
#include "vigie/privacy/deid.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/core/text.h"

namespace vigie::privacy {

namespace {
constexpr std::array<std::string_view, kLabelCount> kLabelNames = {
    "NOM",   "PRENOM",  "DATE",   "DATE_NAISSANCE", "AGE",  "ADRESSE", "ZIP",
    "VILLE", "HOPITAL", "TEL",    "MAIL",           "SECU", "IPP",     "NDA",
    "RPPS",  "ADELI",   "FINESS", "IBAN",           "URL",  "IP"};
}  // namespace

std::string_view LabelName(Label label) { return kLabelNames[static_cast<size_t>(label)]; }

bool ParseLabel(std::string_view name, Label* label) {
  for (size_t i = 0; i < kLabelNames.size(); ++i) {
    if (kLabelNames[i] == name) {
      *label = static_cast<Label>(i);
      return true;
    }
  }
  return false;
}

struct Deidentifier::Impl {
  internal::Lexicon lexicon;
  internal::TaggerWeights tagger;
};

Deidentifier::Deidentifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Deidentifier::~Deidentifier() = default;

Result<std::unique_ptr<Deidentifier>> Deidentifier::Create(const DeidResources& resources) {
  auto impl = std::make_unique<Impl>();
  internal::BuildLexicon(resources, &impl->lexicon);
  if (!internal::ParseTaggerWeights(resources.tagger, &impl->tagger)) {
    return Status::Error(ErrorCode::kDataError, {"tagger.txt", "base64"});
  }
  return std::unique_ptr<Deidentifier>(new Deidentifier(std::move(impl)));
}

namespace internal {

std::vector<Span> Resolve(std::vector<Span> spans, size_t text_size) {
  std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<bool> taken(text_size, false);
  std::vector<internal::Span> kept;
  for (const internal::Span& s : spans) {
    if (s.end <= s.begin || s.end > text_size) continue;
    bool free = true;
    for (size_t i = s.begin; i < s.end && free; ++i) free = !taken[i];
    if (!free) continue;
    for (size_t i = s.begin; i < s.end; ++i) taken[i] = true;
    kept.push_back(s);
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return kept;
}

Scan MakeScan(std::string_view text, Lang lang) {
  Scan scan;
  scan.text = text;
  scan.lang = lang;
  scan.tokens = Tokenize(text);
  scan.lower.resize(scan.tokens.size());
  for (size_t i = 0; i < scan.tokens.size(); ++i) {
    const Token& t = scan.tokens[i];
    if (t.kind == TokKind::kWord) scan.lower[i] = LowerAscii(text.substr(t.begin, t.end - t.begin));
  }
  return scan;
}

std::vector<Span> RuleSpans(Scan& scan, const Lexicon& lex, const std::vector<KnownName>& names) {
  ScanMailUrl(scan);
  ScanIban(scan);
  ScanDigits(scan);
  ScanPlaces(scan, lex);
  ScanContext(scan);
  ScanTableColumns(scan);
  ScanNames(scan, lex);
  ScanEnglish(scan, lex);
  ScanKnownNames(scan, names);
  std::vector<Span> kept = Resolve(std::move(scan.spans), scan.text.size());
  scan.spans.clear();
  return kept;
}

std::vector<int> RuleLabels(const Scan& scan, const std::vector<Span>& kept) {
  std::vector<int> labels(scan.tokens.size(), 0);
  size_t s = 0;
  for (size_t i = 0; i < scan.tokens.size(); ++i) {
    while (s < kept.size() && kept[s].end <= scan.tokens[i].begin) ++s;
    if (s < kept.size() && kept[s].begin < scan.tokens[i].end) {
      labels[i] = static_cast<int>(kept[s].label) + 1;
    }
  }
  return labels;
}

}  // namespace internal

namespace {

size_t CountCodePoints(std::string_view s, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Every pass keeps the spans in order and apart; this makes it a guarantee
// for the output below (which would otherwise repeat or drop text): spans
// sorted by start, an overlapping one merged into the one before it (the
// wider extent, the label of the higher priority).
void MergeOverlaps(std::vector<internal::Span>& spans) {
  std::stable_sort(
      spans.begin(), spans.end(),
      [](const internal::Span& a, const internal::Span& b) { return a.begin < b.begin; });
  size_t out = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (out > 0 && spans[i].begin < spans[out - 1].end) {
      internal::Span& prev = spans[out - 1];
      if (spans[i].priority > prev.priority) {
        prev.label = spans[i].label;
        prev.priority = spans[i].priority;
      }
      prev.end = std::max(prev.end, spans[i].end);
      continue;
    }
    spans[out++] = spans[i];
  }
  spans.resize(out);
}

}  // namespace

Result<DeidResult> Deidentifier::Run(std::string_view text, const DeidOptions& options) const {
  if (!text::IsValidUtf8(text)) return Status::Error(ErrorCode::kInvalidArgument, {"text (UTF-8)"});
  internal::Scan scan = internal::MakeScan(text, options.lang);
  std::vector<internal::Span> kept = internal::RuleSpans(scan, impl_->lexicon, options.names);
  if (!impl_->tagger.empty()) {
    // The tagger adds what the rules missed; rules win any overlap.
    internal::ScanTagger(scan, impl_->lexicon, impl_->tagger, internal::RuleLabels(scan, kept));
    std::vector<internal::Span> merged;
    merged.reserve(kept.size() + scan.spans.size());
    std::merge(kept.begin(), kept.end(), scan.spans.begin(), scan.spans.end(),
               std::back_inserter(merged),
               [](const internal::Span& a, const internal::Span& b) { return a.begin < b.begin; });
    kept = std::move(merged);
  }
  internal::FixNameRuns(scan, impl_->lexicon, &kept);
  internal::RefineSpans(scan, kept);
  MergeOverlaps(kept);

  internal::SurrogateKey key{};
  if (options.mode == DeidMode::kPseudo) key = internal::MakeSurrogateKey(options);
  DeidResult result;
  result.text.reserve(text.size());
  size_t byte = 0, cp = 0;
  for (const internal::Span& s : kept) {
    cp += CountCodePoints(text, byte, s.begin);
    result.text.append(text.substr(byte, s.begin - byte));
    DeidEntity e;
    e.start = cp;
    cp += CountCodePoints(text, s.begin, s.end);
    e.end = cp;
    e.label = s.label;
    e.replacement = options.mode == DeidMode::kMask
                        ? "[" + std::string(LabelName(s.label)) + "]"
                        : internal::Surrogate(impl_->lexicon, key, options.lang, s.label,
                                              text.substr(s.begin, s.end - s.begin));
    result.text += e.replacement;
    result.entities.push_back(std::move(e));
    byte = s.end;
  }
  result.text.append(text.substr(byte));
  return result;
}

}  // namespace vigie::privacy
