// Request metrics in Prometheus text format: counts per method, route and
// status, and latency histograms per method and route. Routes are recorded by
// pattern ("/v1/calc/{id}"), never by concrete path, so no identifier leaks.
// Thread-safety: all methods are safe from many threads.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace vigie::api {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
  void Record(const std::string& method, const std::string& route, int status, double seconds);
  std::string RenderPrometheus() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
};

}  // namespace vigie::api
