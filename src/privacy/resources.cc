// Dictionary loader (see resources.h). Thread-safety: stateless.
#include "vigie/privacy/resources.h"

namespace vigie::privacy {

Result<DeidResources> LoadDeidResources(Env& env, const std::string& dir,
                                        const std::string& word_list,
                                        const std::string& word_list_en) {
  DeidResources r;
  struct File {
    const char* name;
    std::string* target;
  };
  for (File f : {File{"first_names.txt", &r.first_names}, File{"last_names.txt", &r.last_names},
                 File{"cities.txt", &r.cities}, File{"hospitals.txt", &r.hospitals},
                 File{"stopwords.txt", &r.stopwords}}) {
    Result<std::string> text = env.ReadFile(JoinPath(dir, f.name));
    if (!text.ok()) return text.status();
    *f.target = std::move(text).value();
  }
  for (File f : {File{"first_names_wide.txt", &r.first_names_wide}, File{"drugs.txt", &r.drugs}}) {
    std::string path = JoinPath(dir, f.name);
    if (!env.FileExists(path)) continue;
    Result<std::string> text = env.ReadFile(path);
    if (!text.ok()) return text.status();
    *f.target = std::move(text).value();
  }
  // French first names that faker lacks: same role as the wide list.
  std::string extra = JoinPath(dir, "first_names_fr_extra.txt");
  if (env.FileExists(extra)) {
    Result<std::string> text = env.ReadFile(extra);
    if (!text.ok()) return text.status();
    r.first_names_wide += "\n" + text.value();
  }
  // The learned tagger is optional: rules alone work without it.
  std::string tagger = JoinPath(dir, "tagger.txt");
  if (env.FileExists(tagger)) {
    Result<std::string> text = env.ReadFile(tagger);
    if (!text.ok()) return text.status();
    r.tagger = std::move(text).value();
  }
  if (!word_list.empty() && env.FileExists(word_list)) {
    Result<std::string> text = env.ReadFile(word_list);
    if (!text.ok()) return text.status();
    r.words = std::move(text).value();
  }
  if (!word_list_en.empty() && env.FileExists(word_list_en)) {
    Result<std::string> text = env.ReadFile(word_list_en);
    if (!text.ok()) return text.status();
    r.words_en = std::move(text).value();
  }
  return r;
}

}  // namespace vigie::privacy
