#pragma once
// --dev-database URL, shared by plan, diff and apply: a server on which
// the file sides are created in a throwaway database and read back, so
// that PostgreSQL itself writes them in its canonical form (off by
// default: the offline canonical form needs no server and no rights).
#include <string>

#include <CLI/CLI.hpp>

namespace pgshape::cli {

struct DevDatabaseOption {
    std::string url;
    void add_to(CLI::App& cmd) {
        cmd.add_option("--dev-database", url,
                       "postgresql:// URL of a server to normalize schema files on: each file side is created in a "
                       "throwaway database there (the role needs CREATEDB), read back and dropped");
    }
};

} // namespace pgshape::cli
