#include "tests/support/schema_dump.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace pgshape::test {
namespace {

std::string pg_dump_binary() {
    const char* pinned = "/usr/lib/postgresql/15/bin/pg_dump";
    return std::filesystem::exists(pinned) ? pinned : "pg_dump";
}

std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string out;
    std::array<char, 65536> buffer;
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// CREATE TABLE t (\n a int,\n b text\n); → columns sorted, commas normalized.
std::string sort_table_body(const std::string& stmt) {
    const auto open = stmt.find("(\n");
    const auto close = stmt.rfind("\n)");
    if (stmt.rfind("CREATE TABLE", 0) != 0 || open == std::string::npos || close == std::string::npos || close < open)
        return stmt;
    std::vector<std::string> lines;
    std::stringstream body(stmt.substr(open + 2, close - open - 2));
    std::string line;
    while (std::getline(body, line)) {
        line = trim(line);
        if (!line.empty() && line.back() == ',') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    std::string out = stmt.substr(0, open + 2);
    for (const auto& l : lines) out += "    " + l + ",\n";
    return out + stmt.substr(close + 1);
}

// WITH (b=off, a='70') → WITH (a=70, b=false): reloptions keep the order
// and spelling of the statement that set them last, which says nothing
// about the setting itself (a plan writes them sorted, booleans as words).
std::string sort_storage_options(const std::string& stmt) {
    std::string out;
    std::size_t from = 0;
    for (auto at = stmt.find("WITH (", from); at != std::string::npos; at = stmt.find("WITH (", from)) {
        const std::size_t open = at + 6;
        std::size_t close = open;
        bool quoted = false;
        for (; close < stmt.size() && (quoted || stmt[close] != ')'); ++close)
            if (stmt[close] == '\'') quoted = !quoted;
        if (close >= stmt.size()) break;
        std::vector<std::string> items;
        std::string item;
        quoted = false;
        auto flush = [&] {
            std::string v = trim(item);
            item.clear();
            const auto eq = v.find('=');
            if (eq == std::string::npos) return items.push_back(v);
            std::string value = v.substr(eq + 1);
            if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') value = value.substr(1, value.size() - 2);
            if (value == "on" || value == "yes") value = "true";
            if (value == "off" || value == "no") value = "false";
            items.push_back(v.substr(0, eq) + "=" + value);
        };
        for (std::size_t i = open; i < close; ++i) {
            if (stmt[i] == '\'') quoted = !quoted;
            if (stmt[i] == ',' && !quoted) flush();
            else item += stmt[i];
        }
        flush();
        std::sort(items.begin(), items.end());
        out += stmt.substr(from, open - from);
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
        from = close;
    }
    return out + stmt.substr(from);
}

} // namespace

std::string normalized_dump(const std::string& database, model::Privileges privileges) {
    const std::string keep = privileges == model::Privileges::manage ? "" : " --no-owner --no-privileges";
    const std::string dump = run(pg_dump_binary() + " --schema-only" + keep + " --no-tablespaces -d '" + database + "' 2>&1");
    std::vector<std::string> statements;
    std::string current;
    std::stringstream in(dump);
    std::string line;
    while (std::getline(in, line)) {
        // psql meta-commands (\restrict with a random key) and comments say nothing about the schema.
        if (line.rfind("--", 0) == 0 || line.rfind("\\", 0) == 0 || trim(line).empty()) continue;
        current += line + "\n";
        if (!line.empty() && line.back() == ';') {
            const std::string stmt = trim(current);
            current.clear();
            if (stmt.rfind("SET ", 0) == 0 || stmt.rfind("SELECT pg_catalog.set_config", 0) == 0) continue;
            statements.push_back(sort_storage_options(sort_table_body(stmt)));
        }
    }
    if (!trim(current).empty()) statements.push_back(trim(current));
    std::sort(statements.begin(), statements.end());
    std::string out;
    for (const auto& s : statements) out += s + "\n";
    return out;
}

std::string dump_difference(const std::string& a, const std::string& b) {
    auto split = [](const std::string& text) {
        std::set<std::string> out;
        std::stringstream in(text);
        std::string line;
        while (std::getline(in, line)) out.insert(line);
        return out;
    };
    const auto la = split(a), lb = split(b);
    std::string out;
    for (const auto& l : la)
        if (!lb.count(l)) out += "  - " + l + "\n";
    for (const auto& l : lb)
        if (!la.count(l)) out += "  + " + l + "\n";
    return out;
}

} // namespace pgshape::test
