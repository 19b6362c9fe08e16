// The committed dictionaries (data/deid) load and catch synthetic names and
// places that only they know (no cue word in the sentence).
#include "vigie/privacy/resources.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace vigie::privacy {
namespace {

TEST(Resources, CommittedDictionariesLoadAndPerform) {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  auto env = NewPosixEnv();
  Result<DeidResources> r = LoadDeidResources(*env, std::string(src) + "/data/deid");
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_FALSE(r->tagger.empty());  // the learned tagger is committed and parses
  auto d = Deidentifier::Create(*r);
  ASSERT_TRUE(d.ok());
  Result<DeidResult> out =
      (*d)->Run("Vu avec Thierry GRIGNARD puis transfert à Bichat, retour à Ajaccio.", {});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->text, "Vu avec [PRENOM] [NOM] puis transfert à [HOPITAL], retour à [VILLE].");
  EXPECT_EQ(LoadDeidResources(*env, "/nonexistent").status().code(), ErrorCode::kFileNotFound);
}

}  // namespace
}  // namespace vigie::privacy
