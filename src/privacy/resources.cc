// Dictionary loader (see resources.h). Thread-safety: stateless.
#include "vigie/privacy/resources.h"

#include <string>
#include <utility>

namespace vigie::privacy {
namespace {

// Appends the file at `path` to `*target` (a line apart) when it exists.
Status AppendOptional(Env& env, const std::string& path, std::string* target) {
  if (path.empty() || !env.FileExists(path)) return Status::Ok();
  Result<std::string> text = env.ReadFile(path);
  if (!text.ok()) return text.status();
  if (!target->empty()) *target += '\n';
  *target += *text;
  return Status::Ok();
}

}  // namespace

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
  // Optional files: the wider first names (faker's other locales, then the
  // French ones faker lacks), the drug names, the learned tagger (rules alone
  // work without it) and the system word lists.
  for (auto [path, target] :
       {std::pair{JoinPath(dir, "first_names_wide.txt"), &r.first_names_wide},
        std::pair{JoinPath(dir, "first_names_fr_extra.txt"), &r.first_names_wide},
        std::pair{JoinPath(dir, "drugs.txt"), &r.drugs},
        std::pair{JoinPath(dir, "tagger.txt"), &r.tagger}, std::pair{word_list, &r.words},
        std::pair{word_list_en, &r.words_en}}) {
    VIGIE_RETURN_IF_ERROR(AppendOptional(env, path, target));
  }
  return r;
}

}  // namespace vigie::privacy
