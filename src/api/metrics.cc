// Prometheus text exposition of request metrics. Thread-safety: one mutex.
#include "vigie/api/metrics.h"

#include <cstdio>
#include <sstream>

namespace vigie::api {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string Labels(const std::string& method, const std::string& route) {
  return "method=\"" + method + "\",route=\"" + route + "\"";
}

}  // namespace

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  Histogram& h = latency_[{method, route}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.counts[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::RenderPrometheus() const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  out << "# HELP vigie_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE vigie_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out << "vigie_http_requests_total{" << Labels(method, route) << ",status=\"" << status << "\"} "
        << count << "\n";
  }
  out << "# HELP vigie_http_request_duration_seconds Request latency.\n"
      << "# TYPE vigie_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    std::string labels = Labels(key.first, key.second);
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out << "vigie_http_request_duration_seconds_bucket{" << labels << ",le=\"" << Num(kBuckets[i])
          << "\"} " << h.counts[i] << "\n";
    }
    out << "vigie_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count
        << "\n";
    out << "vigie_http_request_duration_seconds_sum{" << labels << "} " << Num(h.sum) << "\n";
    out << "vigie_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  return out.str();
}

}  // namespace vigie::api
