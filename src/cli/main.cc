// The `vigie` binary.
#include <iostream>

#include "vigie/cli/command.h"

int main(int argc, char** argv) {
  std::unique_ptr<vigie::Env> env = vigie::NewPosixEnv();
  return vigie::cli::Main(argc, argv, *env, std::cout, std::cerr);
}
