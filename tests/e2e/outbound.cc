// Classification of strace lines (see outbound.h).
#include "outbound.h"

#include <sstream>

namespace vigie::testing {
namespace {

bool IsSocketCall(const std::string& line) {
  for (const char* call : {"connect(", "bind(", "sendto(", "sendmsg(", "sendmmsg("}) {
    if (line.find(call) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

bool IsOutbound(const std::string& line) {
  if (!IsSocketCall(line)) return false;
  size_t family = line.find("sa_family=");
  // No address: a send on a socket whose connect() was itself traced.
  if (family == std::string::npos) return false;
  std::string rest = line.substr(family + 10);
  if (rest.starts_with("AF_UNIX") || rest.starts_with("AF_NETLINK")) return false;
  if (rest.starts_with("AF_INET6")) {
    return rest.find("inet_pton(AF_INET6, \"::1\"") == std::string::npos &&
           rest.find("inet_pton(AF_INET6, \"::ffff:127.") == std::string::npos;
  }
  if (rest.starts_with("AF_INET")) return rest.find("inet_addr(\"127.") == std::string::npos;
  return true;  // any other family (AF_PACKET...) is not expected from Vigie
}

OutboundReport ScanStraceLog(const std::string& log) {
  OutboundReport report;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    if (!IsSocketCall(line)) continue;
    ++report.socket_calls;
    if (IsOutbound(line)) report.outbound.push_back(line);
  }
  return report;
}

}  // namespace vigie::testing
