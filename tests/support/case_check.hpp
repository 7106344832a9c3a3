#pragma once
// The correctness contract, checked on one (from, to) pair against the live
// test server: no false differences, convergence, reversibility — each
// judged by pgshape's own diff and by the pg_dump witness — and the
// `inspect` round trip of the `to` side.
#include <string>
#include <vector>

#include "engine/model/privilege.hpp"
#include "engine/plan/step.hpp"

namespace pgshape::test {

struct CaseInput {
    std::string label;     // for messages and database names
    std::string from_sql;
    std::string to_sql;
    std::string required_roles;  // comma-separated, created before loading
    // With privileges managed (--privileges), on every side and in the
    // witness, which then keeps owners and privileges.
    model::Privileges privileges = model::Privileges::ignore;
};

struct CaseResult {
    bool valid = false;          // both sides load into PostgreSQL
    std::string invalid_reason;
    bool parsed = false;         // pgshape reads both sides
    bool no_false_diff = false;  // parse(x) == introspect(load(x)) for both sides
    bool inspected = false;      // inspect of `to`'s database reads back and loads as the same
    bool converged = false;      // up plan applied to `from` gives `to`
    bool reversed = false;       // down plan then gives `from` back
    plan::Plan plan;
    std::vector<std::string> failures;
    bool passed() const { return valid && parsed && no_false_diff && inspected && converged && reversed; }
};

CaseResult check_case(const CaseInput& input);

} // namespace pgshape::test
