#pragma once
// --privileges, shared by plan, diff, apply and inspect: whether GRANT,
// REVOKE, owners and default privileges are part of the schema (off by
// default: many teams manage them elsewhere).
#include <CLI/CLI.hpp>

#include "engine/model/privilege.hpp"

namespace pgshape::cli {

struct PrivilegeOption {
    bool enabled = false;
    void add_to(CLI::App& cmd) {
        cmd.add_flag("--privileges", enabled,
                     "also manage privileges (GRANT/REVOKE), owners (OWNER TO) and ALTER DEFAULT PRIVILEGES");
    }
    model::Privileges value() const { return enabled ? model::Privileges::manage : model::Privileges::ignore; }
};

} // namespace pgshape::cli
