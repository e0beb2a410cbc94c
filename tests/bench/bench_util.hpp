// bench_util.hpp — small helpers for the benchmark: clocks, statistics, memory, machine.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace horizons::bench {

double wallMs();      // steady clock, milliseconds
double threadCpuMs(); // CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), ms

struct Stats {
    double median = 0, p99 = 0, max = 0, mean = 0;
    std::size_t n = 0;
};
Stats statsOf(std::vector<double> samples);

std::size_t peakRssBytes();    // VmHWM of this process
void resetPeakRss();           // VmHWM := VmRSS (writes 5 to /proc/self/clear_refs)
std::size_t currentRssBytes(); // VmRSS of this process
std::size_t heapInUseBytes();  // mallinfo2().uordblks: bytes handed out by malloc

std::string cpuModel();    // "model name" of /proc/cpuinfo
unsigned cpuCount();       // online CPUs
std::string loadAverage(); // "0.52 0.71 0.80" from /proc/loadavg

} // namespace horizons::bench
