// parser/transform/attach_index: pg_dump's partitioned indexes (ON ONLY,
// ALTER INDEX ... ATTACH PARTITION, ALTER TABLE ONLY ... ADD key) and the
// plain statements they stand for meet in one model.
#include <string>

#include <doctest/doctest.h>

#include "engine/model/partition_copies.hpp"
#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

namespace {

const std::string k_tables = R"(
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL, at date NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');
)";

model::QualifiedName pub(const std::string& name) { return {"public", name}; }

} // namespace

TEST_CASE("attach_index: ON ONLY with every partition's PostgreSQL-named index attached is a plain CREATE INDEX") {
    const auto plain = model_of(k_tables + "CREATE INDEX events_at_idx ON events (at);");
    const auto dumped = model_of(k_tables + R"(
CREATE INDEX events_at_idx ON ONLY events USING btree (at);
CREATE INDEX events_a_at_idx ON events_a USING btree (at);
ALTER INDEX events_at_idx ATTACH PARTITION events_a_at_idx;
CREATE INDEX events_b_at_idx1 ON events_b USING btree (at);
ALTER INDEX events_at_idx ATTACH PARTITION events_b_at_idx1;
)");
    CHECK(dumped == plain);
    CHECK_FALSE(plain.indexes.at(pub("events_at_idx")).only);
    CHECK(plain.indexes.size() == 1);
}

TEST_CASE("attach_index: an index attached under a name of its own stays, attached") {
    const auto m = model_of(k_tables + R"(
ALTER INDEX events_at_idx ATTACH PARTITION events_a_when;
CREATE INDEX events_a_when ON events_a (at);
CREATE INDEX events_at_idx ON ONLY events (at);
)");
    // Read in any order; events_b has no index attached: the parent's covers a partition only.
    REQUIRE(m.indexes.count(pub("events_a_when")));
    CHECK(m.indexes.at(pub("events_a_when")).attached_to == pub("events_at_idx"));
    CHECK(m.indexes.at(pub("events_at_idx")).only);
    // PostgreSQL's name on a parent that does not cover every partition: kept too.
    const auto partial = model_of(k_tables + R"(
CREATE INDEX events_at_idx ON ONLY events (at);
CREATE INDEX events_a_at_idx ON events_a (at);
ALTER INDEX events_at_idx ATTACH PARTITION events_a_at_idx;
)");
    CHECK(partial.indexes.count(pub("events_a_at_idx")));
}

TEST_CASE("attach_index: ALTER TABLE ONLY ... ADD PRIMARY KEY with the partitions' keys attached is a plain key") {
    const auto plain = model_of(k_tables + "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (kind, id);");
    const auto dumped = model_of(k_tables + R"(
ALTER TABLE ONLY events ADD CONSTRAINT events_pkey PRIMARY KEY (kind, id);
ALTER TABLE ONLY events_a ADD CONSTRAINT events_a_pkey PRIMARY KEY (kind, id);
ALTER TABLE ONLY events_b ADD CONSTRAINT events_b_pkey PRIMARY KEY (kind, id);
ALTER INDEX events_pkey ATTACH PARTITION events_a_pkey;
ALTER INDEX events_pkey ATTACH PARTITION events_b_pkey;
)");
    CHECK(dumped == plain);
    const auto partial = model_of(k_tables + R"(
ALTER TABLE ONLY events ADD CONSTRAINT events_pkey PRIMARY KEY (kind, id);
ALTER TABLE ONLY events_a ADD CONSTRAINT events_a_pkey PRIMARY KEY (kind, id);
ALTER INDEX events_pkey ATTACH PARTITION events_a_pkey;
)");
    CHECK(partial.constraints.at({pub("events"), "events_pkey"}).only);
    CHECK(partial.constraints.at({pub("events_a"), "events_a_pkey"}).attached_to == pub("events_pkey"));
}

TEST_CASE("attach_index: what PostgreSQL refuses to attach is an error at the ATTACH") {
    CHECK(load_error(k_tables + R"(CREATE INDEX events_at_idx ON ONLY events (at);
CREATE INDEX events_a_id ON events_a (id);
ALTER INDEX events_at_idx ATTACH PARTITION events_a_id;)")
              .find("schema.sql:7:44: error: index public.events_a_id cannot be attached to public.events_at_idx: "
                    "their definitions differ") == 0);
    CHECK(load_error(k_tables + R"(CREATE INDEX events_at_idx ON ONLY events (at);
CREATE INDEX events_a_one ON events_a (at);
CREATE INDEX events_a_two ON events_a (at);
ALTER INDEX events_at_idx ATTACH PARTITION events_a_one;
ALTER INDEX events_at_idx ATTACH PARTITION events_a_two;)")
              .find("is attached to public.events_at_idx already") != std::string::npos);
    CHECK(load_error(k_tables + R"(CREATE INDEX events_at_idx ON ONLY events (at);
ALTER INDEX events_at_idx ATTACH PARTITION nowhere;)")
              .find("error: index public.nowhere is not defined") != std::string::npos);
    CHECK(load_error(k_tables + R"(ALTER TABLE ONLY events ADD CONSTRAINT events_pkey PRIMARY KEY (kind, id);
CREATE UNIQUE INDEX events_a_key ON events_a (kind, id);
ALTER INDEX events_pkey ATTACH PARTITION events_a_key;)")
              .find("belongs to a constraint") != std::string::npos);
}

TEST_CASE("attach_index: ATTACH PARTITION makes a standalone table a partition") {
    const auto attached = model_of(k_tables + R"(
CREATE TABLE events_c (id bigint NOT NULL, kind text NOT NULL, at date NOT NULL DEFAULT '2024-01-01');
ALTER TABLE events ATTACH PARTITION events_c FOR VALUES IN ('c');
)");
    REQUIRE(attached.tables.at(pub("events_c")).partition_of);
    CHECK(attached.tables.at(pub("events_c")).partition_of->parent == pub("events"));
    CHECK(load_error(k_tables + R"(CREATE TABLE other (id bigint NOT NULL, kind text NOT NULL, at date NOT NULL, extra int);
ALTER TABLE events ATTACH PARTITION other FOR VALUES IN ('c');)")
              .find("table public.other has column extra, which public.events has not") != std::string::npos);
}

TEST_CASE("partition_copies: what a parent's index and key make on a partition, under PostgreSQL's names") {
    const auto m = model_of(k_tables + R"(
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX events_lower_idx ON events (lower(kind));
ALTER TABLE events ADD PRIMARY KEY (kind, id);
ALTER TABLE events ADD UNIQUE (kind, at);
CREATE INDEX events_a_when ON events_a (at);
ALTER INDEX events_at_idx ATTACH PARTITION events_a_when;
)");
    const auto a = model::partition_copies(m, pub("events_a"));
    REQUIRE(a.indexes.size() == 1);  // events_at_idx has events_a_when
    CHECK(a.indexes[0].name == pub("events_a_expr_idx"));  // as ATTACH PARTITION names it
    CHECK(a.indexes[0].attached_to == pub("events_lower_idx"));
    REQUIRE(a.keys.size() == 2);
    CHECK(a.keys[0].name == "events_a_kind_at_key");
    CHECK(a.keys[1].name == "events_a_pkey");
    CHECK(model::partition_copies(m, pub("events_b")).indexes.size() == 2);
    CHECK(model::partition_copies(m, pub("events")).indexes.empty());
}

TEST_CASE("attach_index: a partition's copy of an expression index, named either way PostgreSQL names it") {
    const auto plain = model_of(k_tables + "CREATE INDEX events_lower_idx ON events (lower(kind));");
    const auto dumped = model_of(k_tables + R"(
CREATE INDEX events_lower_idx ON ONLY events USING btree (lower(kind));
CREATE INDEX events_a_lower_idx ON events_a USING btree (lower(kind));
ALTER INDEX events_lower_idx ATTACH PARTITION events_a_lower_idx;
CREATE INDEX events_b_expr_idx ON events_b USING btree (lower(kind));
ALTER INDEX events_lower_idx ATTACH PARTITION events_b_expr_idx;
)");
    CHECK(dumped == plain);
}

TEST_CASE("attach_index: a partition's matching index attaches to the parent's only when it comes first") {
    const std::string before = k_tables + R"(
CREATE INDEX events_a_at_local ON events_a (at DESC);
CREATE INDEX events_at_idx ON events (at);
)";
    const std::string after = k_tables + R"(
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX events_a_at_local ON events_a (at DESC);
)";
    // PostgreSQL does not compare the sort order before it attaches.
    CHECK(model_of(before).indexes.at(pub("events_a_at_local")).attached_to == pub("events_at_idx"));
    CHECK(model_of(after).indexes.at(pub("events_a_at_local")).attached_to.name.empty());
    // An ON ONLY index takes nothing by itself.
    const auto only = model_of(k_tables + R"(
CREATE INDEX events_a_at_local ON events_a (at);
CREATE INDEX events_at_idx ON ONLY events (at);
)");
    CHECK(only.indexes.at(pub("events_a_at_local")).attached_to.name.empty());
}

TEST_CASE("attach_index: a partition's key in its PARTITION OF is taken by a parent's index written after it, not before") {
    const std::string parent = "CREATE TABLE t (a int NOT NULL, b int NOT NULL) PARTITION BY LIST (a);\n";
    const auto later = model_of(parent + "CREATE TABLE t1 PARTITION OF t (PRIMARY KEY (a, b)) FOR VALUES IN (1);\n"
                                         "CREATE UNIQUE INDEX t_a_b_idx ON t (a, b);\n");
    CHECK(later.constraints.at({pub("t1"), "t1_pkey"}).attached_to == pub("t_a_b_idx"));
    const auto earlier = model_of(parent + "CREATE UNIQUE INDEX t_a_b_idx ON t (a, b);\n"
                                           "CREATE TABLE t1 PARTITION OF t (PRIMARY KEY (a, b)) FOR VALUES IN (1);\n");
    CHECK(earlier.constraints.at({pub("t1"), "t1_pkey"}).attached_to.name.empty());
    // The parent's index made its own copy on t1 then.
    CHECK(model::partition_copies(earlier, pub("t1")).indexes.size() == 1);
    // A parent's key takes a partition's key, never a plain index.
    const auto keyed = model_of(parent + "CREATE TABLE t1 PARTITION OF t FOR VALUES IN (1);\n"
                                         "CREATE UNIQUE INDEX t1_local ON t1 (a, b);\n"
                                         "ALTER TABLE t ADD PRIMARY KEY (a, b);\n");
    CHECK(keyed.indexes.at(pub("t1_local")).attached_to.name.empty());
}
