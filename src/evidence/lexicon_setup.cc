// LoadQueryLexicon: lexicon folder + WordNet + KB brands, from the settings.
// Thread-safety: pure function of its arguments.
#include "vigie/evidence/lexicon_setup.h"

#include "vigie/evidence/drug_names.h"
#include "vigie/evidence/wordnet.h"

namespace vigie::evidence {

Result<Lexicon> LoadQueryLexicon(Env& env, const Settings& settings) {
  Lexicon lexicon;
  if (env.IsDirectory(settings.evidence_lexicon_dir)) {
    auto loaded = LoadLexicon(env, settings.evidence_lexicon_dir);
    if (!loaded.ok()) return loaded.status();
    lexicon = std::move(loaded).value();
  }
  const std::string& wordnet = settings.evidence_wordnet_dir;
  if (!wordnet.empty() && wordnet != "off" && env.IsDirectory(wordnet)) {
    auto added = LoadWordNet(env, wordnet, lexicon);
    if (!added.ok()) return added.status();
  }
  VIGIE_RETURN_IF_ERROR(AddBrandNamesIfKbPresent(lexicon, settings.db_path));
  return lexicon;
}

}  // namespace vigie::evidence
