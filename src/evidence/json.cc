// JSON wire form of hits and answers. Thread-safety: pure functions.
#include "vigie/evidence/json.h"

namespace vigie::evidence {

using nlohmann::json;

json HitsToJson(const std::vector<Hit>& hits) {
  json list = json::array();
  for (const Hit& h : hits) {
    list.push_back({{"doc_id", h.passage.doc_id},
                    {"title", h.passage.title},
                    {"year", h.passage.year},
                    {"passage", h.passage.text},
                    {"start", h.passage.start},
                    {"end", h.passage.end},
                    {"score", h.score},
                    {"coverage", h.coverage}});
  }
  return {{"hits", list}};
}

json AnswerToJson(const Answer& answer) {
  json sentences = json::array();
  for (const AnswerSentence& s : answer.sentences) {
    sentences.push_back({{"text", s.text}, {"citations", s.citations}});
  }
  json citations = json::array();
  for (const Citation& c : answer.citations) {
    citations.push_back({{"doc_id", c.passage.doc_id},
                         {"title", c.passage.title},
                         {"year", c.passage.year},
                         {"passage", c.passage.text},
                         {"start", c.passage.start},
                         {"end", c.passage.end}});
  }
  json out = {{"answer", sentences}, {"citations", citations}, {"abstained", answer.abstained}};
  if (answer.abstained) out["message"] = answer.message;
  return out;
}

json HitsSchema() {
  json str = {{"type", "string"}};
  json num = {{"type", "number"}};
  json integer = {{"type", "integer"}, {"minimum", 0}};
  json hit = {{"type", "object"},
              {"required", {"doc_id", "passage", "start", "end", "score"}},
              {"properties",
               {{"doc_id", str},
                {"title", str},
                {"year", str},
                {"passage", str},
                {"start", integer},
                {"end", integer},
                {"score", num},
                {"coverage", num}}}};
  return {{"type", "object"},
          {"required", {"hits"}},
          {"properties", {{"hits", {{"type", "array"}, {"items", hit}}}}}};
}

json AnswerSchema() {
  json str = {{"type", "string"}};
  json integer = {{"type", "integer"}, {"minimum", 0}};
  json sentence = {
      {"type", "object"},
      {"required", {"text", "citations"}},
      {"properties", {{"text", str}, {"citations", {{"type", "array"}, {"items", integer}}}}}};
  json citation = {{"type", "object"},
                   {"required", {"doc_id", "passage", "start", "end"}},
                   {"properties",
                    {{"doc_id", str},
                     {"title", str},
                     {"year", str},
                     {"passage", str},
                     {"start", integer},
                     {"end", integer}}}};
  return {{"type", "object"},
          {"required", {"answer", "citations", "abstained"}},
          {"properties",
           {{"answer", {{"type", "array"}, {"items", sentence}}},
            {"citations", {{"type", "array"}, {"items", citation}}},
            {"abstained", {{"type", "boolean"}}},
            {"message", str}}}};
}

}  // namespace vigie::evidence
