// process_info.hpp — who we are and whether another process is still running, for lock files
// and for telling a killed writer's leftovers from a live writer's work in progress.
//
//   currentProcessId() .... our pid
//   processAlive(pid) ..... a process with this pid runs on this machine now
//   processStartId(pid) ... a number that changes when a pid is reused (Linux: start time in
//                           clock ticks since boot; Windows: creation time); 0 when unknown
//   hostName() ............ this machine's name ("" when it cannot be found)
#pragma once

#include <cstdint>
#include <string>

namespace horizons::store {

std::uint64_t currentProcessId();
bool processAlive(std::uint64_t pid);
std::uint64_t processStartId(std::uint64_t pid);
std::string hostName();

} // namespace horizons::store
