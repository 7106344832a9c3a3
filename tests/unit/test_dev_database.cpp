// The throwaway database's connection string: the URL's parameters, its
// database replaced (the URL's own database only runs CREATE/DROP DATABASE).
#include <doctest/doctest.h>

#include "engine/introspect/dev_database.hpp"
#include "engine/model/error.hpp"

using pgshape::introspect::with_database;

TEST_CASE("with_database keeps the URL's parameters and replaces its database") {
    const auto s = with_database("postgresql://alice:s3cret@db.example:6543/postgres?sslmode=disable", "pgshape_dev_1_0");
    CHECK(s.find("host='db.example'") != std::string::npos);
    CHECK(s.find("port='6543'") != std::string::npos);
    CHECK(s.find("user='alice'") != std::string::npos);
    CHECK(s.find("password='s3cret'") != std::string::npos);
    CHECK(s.find("sslmode='disable'") != std::string::npos);
    CHECK(s.find("postgres'") == std::string::npos);
    CHECK(s.size() >= std::string("dbname='pgshape_dev_1_0'").size());
    CHECK(s.substr(s.size() - std::string("dbname='pgshape_dev_1_0'").size()) == "dbname='pgshape_dev_1_0'");
}

TEST_CASE("with_database quotes values as libpq reads them") {
    const auto s = with_database("postgresql:///postgres?host=/tmp/my%20dir&user=o'brien", "d");
    CHECK(s.find("host='/tmp/my dir'") != std::string::npos);
    CHECK(s.find("user='o\\'brien'") != std::string::npos);
}

TEST_CASE("with_database refuses what is not a connection URL") {
    CHECK_THROWS_AS(with_database("postgresql://[::1", "d"), pgshape::UserError);
}
