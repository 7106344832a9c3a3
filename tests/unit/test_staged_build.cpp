// parser::StagedBuild: the model's first passes over the texts that are
// in, the rest once all are; always the model build_model gives.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/model/error.hpp"
#include "parser/load.hpp"

using namespace pgshape;

namespace {

std::vector<parser::ParsedSource> parse_all(const std::vector<std::string>& texts) {
    std::vector<parser::ParsedSource> out;
    for (std::size_t i = 0; i < texts.size(); ++i)
        out.emplace_back(std::vector<parser::SourceFile>{{"text" + std::to_string(i) + ".sql", texts[i]}});
    return out;
}

// declare() on the first `declared` texts, finish() on all of them.
model::SchemaModel staged(const std::vector<parser::ParsedSource>& sources, std::size_t declared) {
    std::vector<const parser::ParsedSource*> all;
    for (const auto& s : sources) all.push_back(&s);
    parser::StagedBuild build({});
    build.declare({all.begin(), all.begin() + static_cast<std::ptrdiff_t>(declared)});
    return build.finish(all);
}

const std::string k_types_and_tables =
    "CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('ok', 'sad'); CREATE SEQUENCE app.seq;\n"
    "CREATE TABLE app.t (id int PRIMARY KEY, m app.mood DEFAULT 'ok', n bigint DEFAULT nextval('app.seq'));\n"
    "CREATE TABLE app.u (id int, t_id int);\n";
const std::string k_later =
    "ALTER TABLE app.u ADD CONSTRAINT u_t FOREIGN KEY (t_id) REFERENCES app.t (id);\n"
    "ALTER TABLE app.u ADD COLUMN note text;\n"
    "CREATE INDEX u_note ON app.u (note);\n"
    "CREATE VIEW app.v AS SELECT id FROM app.t;\n"
    "COMMENT ON TABLE app.t IS 'the t';\n";

} // namespace

TEST_CASE("StagedBuild: first passes early give build_model's model") {
    const auto sources = parse_all({k_types_and_tables, k_later});
    const auto whole = parser::build_model(sources);
    CHECK(whole.tables.size() == 2);
    CHECK(whole.indexes.size() == 1);
    CHECK(staged(sources, 1) == whole);
    CHECK(staged(sources, 2) == whole);
}

TEST_CASE("StagedBuild: a later text that declares something is built again whole") {
    // u2 and its index come in a text declare() did not see: the index
    // would name a table the first passes never created.
    const auto sources =
        parse_all({k_types_and_tables, k_later + "CREATE TABLE app.u2 (id int);\nCREATE INDEX u2_id ON app.u2 (id);\n"});
    const auto whole = parser::build_model(sources);
    CHECK(whole.tables.size() == 3);
    CHECK(staged(sources, 1) == whole);
}

TEST_CASE("StagedBuild: texts replaced after declare() are built again whole") {
    const auto first = parse_all({k_types_and_tables});
    const auto replaced = parse_all({k_types_and_tables + "CREATE TABLE app.w (id int);\n", k_later});
    parser::StagedBuild build({});
    build.declare({&first[0]});
    const auto m = build.finish({&replaced[0], &replaced[1]});
    CHECK(m == parser::build_model(replaced));
    CHECK(m.tables.size() == 3);
}

TEST_CASE("StagedBuild: a later text with a statement no pass reads is refused as build_model refuses it") {
    const auto sources = parse_all({k_types_and_tables, k_later + "DROP TABLE app.u;\n"});
    std::string whole_error, staged_error;
    try {
        parser::build_model(sources);
    } catch (const UserError& e) {
        whole_error = e.what();
    }
    try {
        staged(sources, 1);
    } catch (const UserError& e) {
        staged_error = e.what();
    }
    CHECK(!whole_error.empty());
    CHECK(staged_error == whole_error);
}

TEST_CASE("StagedBuild: SET search_path in the first texts") {
    const auto sources = parse_all({"CREATE SCHEMA app; SET search_path = app; CREATE TABLE t (id int);\n",
                                    "COMMENT ON TABLE app.t IS 'x';\n"});
    const auto whole = parser::build_model(sources);
    CHECK(whole.tables.count({"app", "t"}) == 1);
    CHECK(staged(sources, 1) == whole);
}
