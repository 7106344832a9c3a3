// jemalloc's settings for every pgshape process (the executables link
// jemalloc, which reads this symbol at start-up; MALLOC_CONF in the
// environment still overrides it).
//
// Why: loading a schema allocates hundreds of megabytes of small objects
// (parse trees, model values) in a few seconds, and on these virtual
// machines each first touch of a 4 KiB page costs a page fault that took
// a fifth of the run. Transparent huge pages for the heap and jemalloc's
// own metadata, and never handing freed pages back to the kernel (a run
// is short), cut the faults of a 10,000-table plan from 248,000 to 5,000
// and its CPU time by nearly half (docs/performance.md). One arena for
// every thread: the pages one side's parse trees freed serve the other
// side's parse (with an arena per thread each faulted pages of its own),
// and a plan from files to files took 15 % less wall time.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
const char* malloc_conf = "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1";
}
