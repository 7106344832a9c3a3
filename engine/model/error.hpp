#pragma once
// The two exception kinds: the user's error and ours.
#include <stdexcept>
#include <string>

namespace pgshape {

// Bad input: a file that does not parse, a name that is not defined, a
// database that cannot be reached. `what()` is the complete message, already
// formatted with location, source line and caret where there is one.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A bug in pgshape: an invariant that did not hold.
class InternalError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

} // namespace pgshape
