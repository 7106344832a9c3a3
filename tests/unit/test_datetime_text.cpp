// parser/datetime_text: date/time literals as PostgreSQL prints their values.
#include <doctest/doctest.h>

#include "parser/datetime_text.hpp"

using pgshape::model::TypeRef;
using pgshape::parser::datetime_text;

namespace {

const TypeRef k_timestamptz{"", "timestamp with time zone", "", false};
const TypeRef k_timestamp{"", "timestamp without time zone", "", false};
const TypeRef k_date{"", "date", "", false};
const TypeRef k_time{"", "time without time zone", "", false};
const TypeRef k_interval{"", "interval", "", false};

struct Row {
    const TypeRef* type;
    const char* in;
    const char* out;  // SELECT 'in'::type, PostgreSQL 15, TimeZone UTC; nullptr: not read
};

} // namespace

TEST_CASE("datetime_text: as PostgreSQL prints the value") {
    const Row rows[] = {
        {&k_timestamptz, "2006-11-10 00:00:00+01", "2006-11-09 23:00:00+00"},
        {&k_timestamptz, "2024-01-01", "2024-01-01 00:00:00+00"},
        {&k_timestamptz, "2024-01-01 10:00:00.500+05:30", "2024-01-01 04:30:00.5+00"},
        {&k_timestamptz, "2024-01-01T10:00:00Z", "2024-01-01 10:00:00+00"},
        {&k_timestamptz, "2024-03-01 01:00 +0200", "2024-02-29 23:00:00+00"},
        {&k_timestamptz, "0099-01-01", "0099-01-01 00:00:00+00"},
        {&k_timestamptz, "2024-12-31 24:00:00", "2025-01-01 00:00:00+00"},
        {&k_timestamp, "2024-01-01 10:00", "2024-01-01 10:00:00"},
        {&k_timestamp, "2024-01-01 10:00:00+05", "2024-01-01 10:00:00"},
        {&k_date, "2024-1-1", "2024-01-01"},
        {&k_time, "10:00", "10:00:00"},
        {&k_interval, "-1 year", "-1 years"},
        {&k_interval, "1 year -1 mon", "11 mons"},
        {&k_interval, "-1 day", "-1 days"},
        {&k_interval, "1 day -1 hour", "1 day -01:00:00"},
        {&k_interval, "-1 day +1 hour", "-1 days +01:00:00"},
        {&k_interval, "90 minutes", "01:30:00"},
        {&k_interval, "1 week", "7 days"},
        {&k_interval, "0 seconds", "00:00:00"},
        {&k_interval, "1.5 seconds", "00:00:01.5"},
        {&k_interval, "-90 minutes", "-01:30:00"},
        {&k_interval, "1 day 24 hours", "1 day 24:00:00"},
        {&k_interval, "@ 1 hour ago", "-01:00:00"},
        {&k_interval, "10:00", "10:00:00"},
        {&k_interval, "1 month", "1 mon"},
        {&k_interval, "1 month 2 weeks 3 hours", "1 mon 14 days 03:00:00"},
        {&k_interval, "1 mon 1 day 1 second", "1 mon 1 day 00:00:01"},
        {&k_timestamptz, "now", nullptr},
        {&k_timestamptz, "2024-02-30", nullptr},
        {&k_timestamptz, "epoch", nullptr},
        {&k_interval, "P1D", nullptr},
        {&k_interval, "1.5 days", nullptr},
        {&k_interval, "10", nullptr},
    };
    for (const auto& row : rows) {
        CAPTURE(row.in);
        const auto got = datetime_text(*row.type, row.in);
        if (row.out) CHECK(got == std::optional<std::string>(row.out));
        else CHECK_FALSE(got.has_value());
    }
}

TEST_CASE("datetime_text: other types are not read") {
    CHECK_FALSE(datetime_text(TypeRef{"", "text", "", false}, "2024-01-01").has_value());
    CHECK_FALSE(datetime_text(TypeRef{"", "timestamp with time zone", "3", false}, "2024-01-01").has_value());
}
