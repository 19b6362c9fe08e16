// Reads an strace log (strace -f -e trace=connect,bind,sendto,sendmsg,sendmmsg)
// and lists the network operations that leave the machine: any connect,
// bind or send whose address is neither loopback (127.0.0.0/8, ::1,
// ::ffff:127.x) nor local (AF_UNIX, AF_NETLINK). Used by the privacy
// end-to-end test. Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

namespace vigie::testing {

// True when this strace line is a socket call towards a non-local address.
bool IsOutbound(const std::string& strace_line);

// The outbound lines of a whole log, and the count of traced socket calls.
struct OutboundReport {
  std::vector<std::string> outbound;
  size_t socket_calls = 0;
};
OutboundReport ScanStraceLog(const std::string& log);

}  // namespace vigie::testing
