// The CDS Hooks validator of cds_spec.h on the specification's own examples
// (tests/cds/, see its README): each example is valid, and each rule of the
// attribute tables, broken once in a copy of an example, is reported.
// Thread-safety: single-threaded test.
#include "cds_spec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>

namespace vigie::testing {
namespace {

using nlohmann::json;

json Example(const std::string& name) {
  const char* root = std::getenv("VIGIE_SOURCE_DIR");
  std::ifstream in(std::string(root != nullptr ? root : ".") + "/tests/cds/" + name);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return json::parse(text, nullptr, false);
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& e : v) s += e + "\n";
  return s;
}

TEST(CdsSpecValidatorTest, TheSpecificationsExamplesAreValid) {
  EXPECT_EQ(Joined(ValidateCdsDiscovery(Example("discovery-response.json"))), "");
  EXPECT_EQ(Joined(ValidateCdsRequest(Example("order-select-r4.json"))), "");
  EXPECT_EQ(Joined(ValidateCdsRequest(Example("order-sign-r4.json"))), "");
  EXPECT_EQ(Joined(ValidateCdsResponse(Example("service-response.json"))), "");
  EXPECT_EQ(Joined(ValidateCdsResponse(json{{"cards", json::array()}})), "");  // no guidance
  EXPECT_EQ(Joined(ValidateCdsFeedback(Example("feedback-accepted.json"))), "");
  EXPECT_EQ(Joined(ValidateCdsFeedback(Example("feedback-overridden.json"))), "");
}

// One broken rule per copy; the violation names the path.
TEST(CdsSpecValidatorTest, EachBrokenRuleIsReported) {
  const json response = Example("service-response.json");
  auto broken = [&](const std::function<void(json&)>& edit) {
    json r = response;
    edit(r);
    return Joined(ValidateCdsResponse(r));
  };
  EXPECT_NE(broken([](json& r) { r["cards"][0].erase("summary"); }).find("cards[0].summary"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) {
              r["cards"][0]["summary"] = std::string(140, 'x');
            }).find("140 characters"),
            std::string::npos);
  // 139 characters of two bytes each are fewer than 140 characters: valid.
  std::string accents;
  for (int i = 0; i < 139; ++i) accents += "é";
  EXPECT_EQ(broken([&](json& r) { r["cards"][0]["summary"] = accents; }), "");
  EXPECT_NE(broken([](json& r) { r["cards"][1]["indicator"] = "urgent"; }).find("indicator"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) { r["cards"][1]["source"].erase("label"); }).find("source.label"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) {
              r["cards"][1]["overrideReasons"][0].erase("display");
            }).find("overrideReasons[0].display"),
            std::string::npos);
  EXPECT_NE(
      broken([](json& r) { r["cards"][0]["links"][0]["type"] = "relative"; }).find("links[0].type"),
      std::string::npos);
  EXPECT_NE(
      broken([](json& r) { r["cards"][0]["links"][0]["appContext"] = "x"; }).find("only for smart"),
      std::string::npos);
  EXPECT_NE(broken([](json& r) {
              r["cards"][0]["suggestions"] = {{{"label", "Arrêter"}}};
            }).find("selectionBehavior"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) { r["cards"][0]["detail"] = ""; }).find("null or empty"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) { r["cards"][0]["uuid"] = nullptr; }).find("null or empty"),
            std::string::npos);
  EXPECT_NE(broken([](json& r) { r.erase("cards"); }).find("$.cards"), std::string::npos);

  json disc = Example("discovery-response.json");
  disc["services"][1].erase("id");
  EXPECT_NE(Joined(ValidateCdsDiscovery(disc)).find("services[1].id"), std::string::npos);
  json req = Example("order-select-r4.json");
  req.erase("hookInstance");
  req["context"].erase("selections");
  std::string req_errors = Joined(ValidateCdsRequest(req));
  EXPECT_NE(req_errors.find("$.hookInstance"), std::string::npos);
  EXPECT_NE(req_errors.find("context.selections"), std::string::npos);
  json fb = Example("feedback-accepted.json");
  fb["feedback"][0].erase("acceptedSuggestions");
  EXPECT_NE(Joined(ValidateCdsFeedback(fb)).find("acceptedSuggestions"), std::string::npos);
  fb["feedback"][0]["outcome"] = "maybe";
  EXPECT_NE(Joined(ValidateCdsFeedback(fb)).find("outcome"), std::string::npos);
}

}  // namespace
}  // namespace vigie::testing
