#pragma once
// Keeping a command's models and plan until the process ends.
#include <utility>

namespace pgshape::cli {

// `value`, moved to memory that is never freed: the process ends right
// after the command. A model of 10,000 tables is about a million small
// allocations; destroying the two of a plan took 0.15 to 0.2 s, after the
// output was written, and the system takes the memory back at exit anyway.
template <class T>
const T& until_exit(T value) {
    return *new T(std::move(value));  // NOLINT: never freed, on purpose
}

} // namespace pgshape::cli
