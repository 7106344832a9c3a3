#include "parser/datetime_text.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

// PostgreSQL stores a date/time literal as a value and prints it back in its
// own form: `DEFAULT '2006-11-10 00:00:00+01'` on a timestamptz column comes
// back as '2006-11-09 23:00:00+00' (in UTC), `interval '1 month'` as
// '1 mon'. These rules read the ISO forms people and dumps write and print
// them as timestamptz_out / interval_out do (datetime.c, EncodeDateTime and
// EncodeInterval), so both spellings compare equal.
namespace pgshape::parser {
namespace {

constexpr std::int64_t k_usecs_per_sec = 1000000;
constexpr std::int64_t k_usecs_per_day = 86400 * k_usecs_per_sec;

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    void skip_spaces() {
        while (!done() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    // Exactly `min`..`max` digits; -1 when there are none.
    int digits(std::size_t min, std::size_t max, int& count) {
        int value = 0;
        count = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(s[i])) && static_cast<std::size_t>(count) < max) {
            value = value * 10 + (s[i++] - '0');
            ++count;
        }
        return static_cast<std::size_t>(count) >= min ? value : -1;
    }
    int digits(std::size_t min, std::size_t max) {
        int count = 0;
        return digits(min, max, count);
    }
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : k_days[m - 1];
}

// ".5" → 500000 microseconds; at most six digits (more would round).
bool fraction(Cursor& c, std::int64_t& usecs) {
    usecs = 0;
    if (!c.eat('.')) return true;
    int count = 0;
    const int value = c.digits(1, 6, count);
    if (value < 0 || std::isdigit(static_cast<unsigned char>(c.peek()))) return false;
    usecs = value;
    for (int k = count; k < 6; ++k) usecs *= 10;
    return true;
}

// HH:MM[:SS[.ffffff]] as microseconds.
bool time_of_day(Cursor& c, std::int64_t& usecs) {
    const int h = c.digits(1, 2);
    if (h < 0 || !c.eat(':')) return false;
    const int m = c.digits(2, 2);
    int s = 0;
    std::int64_t frac = 0;
    if (m < 0) return false;
    if (c.eat(':')) {
        s = c.digits(2, 2);
        if (s < 0 || !fraction(c, frac)) return false;
    }
    if (h > 24 || m > 59 || s > 60 || (h == 24 && (m || s || frac))) return false;
    usecs = ((h * 60 + m) * 60 + s) * k_usecs_per_sec + frac;
    return true;
}

// Z, UTC, +HH, +HH:MM, +HHMM: the offset east of UTC in seconds.
bool zone(Cursor& c, bool& present, std::int64_t& offset) {
    c.skip_spaces();
    present = false;
    offset = 0;
    if (c.done()) return true;
    present = true;
    if (c.eat('Z') || c.eat('z')) return c.done();
    if (c.s.substr(c.i) == "UTC" || c.s.substr(c.i) == "utc") return true;
    const char sign = c.peek();
    if (sign != '+' && sign != '-') return false;
    ++c.i;
    int count = 0;
    int h = c.digits(1, 4, count), m = 0;
    if (h < 0) return false;
    if (count > 2) {  // +HHMM
        m = h % 100;
        h /= 100;
    } else if (c.eat(':')) {
        m = c.digits(2, 2);
        if (m < 0) return false;
    }
    if (h > 15 || m > 59 || !c.done()) return false;
    offset = (h * 60 + m) * 60 * (sign == '-' ? -1 : 1);
    return true;
}

struct DateTime {
    std::int64_t days = 0;   // since 1970-01-01
    std::int64_t usecs = 0;  // since midnight
    bool has_zone = false;
    std::int64_t zone_offset = 0;  // seconds east of UTC
};

// YYYY-MM-DD[( |T)HH:MM[:SS[.f]]][zone]; years 1 to 9999 only.
std::optional<DateTime> read_datetime(std::string_view text, bool time_allowed) {
    Cursor c{text};
    c.skip_spaces();
    const int y = c.digits(4, 4);
    if (y < 1 || !c.eat('-')) return std::nullopt;
    const int m = c.digits(1, 2);
    if (m < 1 || m > 12 || !c.eat('-')) return std::nullopt;
    const int d = c.digits(1, 2);
    if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return std::nullopt;
    DateTime out;
    out.days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    const std::size_t after_date = c.i;
    if (c.eat('T') || c.eat(' ')) {
        c.skip_spaces();
        if (!time_allowed || !time_of_day(c, out.usecs)) return std::nullopt;
    } else {
        c.i = after_date;
    }
    if (!zone(c, out.has_zone, out.zone_offset)) return std::nullopt;
    return out;
}

std::string date_text(std::int64_t days) {
    std::int64_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// SS[.ffffff], trailing zeros of the fraction trimmed (AppendSeconds).
std::string seconds_text(std::int64_t usecs) {
    std::string out = fmt::format("{:02}", usecs / k_usecs_per_sec);
    if (const std::int64_t frac = usecs % k_usecs_per_sec) {
        std::string f = fmt::format("{:06}", frac);
        while (f.back() == '0') f.pop_back();
        out += "." + f;
    }
    return out;
}

std::string time_text(std::int64_t usecs) {
    const std::int64_t minutes = usecs / (60 * k_usecs_per_sec);
    return fmt::format("{:02}:{:02}:", minutes / 60, minutes % 60) + seconds_text(usecs % (60 * k_usecs_per_sec));
}

std::optional<std::string> timestamp_text(std::string_view literal, bool with_zone) {
    auto v = read_datetime(literal, true);
    if (!v) return std::nullopt;
    // A timestamp without time zone ignores a zone; with one, UTC is the
    // session's zone when none is written.
    std::int64_t total = v->days * k_usecs_per_day + v->usecs;
    if (with_zone) total -= v->zone_offset * k_usecs_per_sec;
    const std::int64_t days = total >= 0 ? total / k_usecs_per_day : -((-total + k_usecs_per_day - 1) / k_usecs_per_day);
    const std::int64_t in_day = total - days * k_usecs_per_day;
    if (days < days_from_civil(1, 1, 1) || days > days_from_civil(9999, 12, 31)) return std::nullopt;
    return date_text(days) + " " + time_text(in_day) + (with_zone ? "+00" : "");
}

// --- intervals ---------------------------------------------------------------

struct Interval {
    std::int64_t months = 0;
    std::int64_t days = 0;
    std::int64_t usecs = 0;
};

// How many months, days or microseconds one of `unit` is; false for units
// these rules do not read.
bool unit_size(std::string unit, Interval& one) {
    for (auto& ch : unit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto is = [&](std::initializer_list<const char*> names) {
        for (const char* n : names)
            if (unit == n) return true;
        return false;
    };
    one = {};
    if (is({"millennium", "millennia", "millenniums", "mil", "mils"})) one.months = 12000;
    else if (is({"century", "centuries", "cent", "c"})) one.months = 1200;
    else if (is({"decade", "decades", "dec", "decs"})) one.months = 120;
    else if (is({"year", "years", "yr", "yrs", "y"})) one.months = 12;
    else if (is({"month", "months", "mon", "mons"})) one.months = 1;
    else if (is({"week", "weeks", "w"})) one.days = 7;
    else if (is({"day", "days", "d"})) one.days = 1;
    else if (is({"hour", "hours", "hr", "hrs", "h"})) one.usecs = 3600 * k_usecs_per_sec;
    else if (is({"minute", "minutes", "min", "mins", "m"})) one.usecs = 60 * k_usecs_per_sec;
    else if (is({"second", "seconds", "sec", "secs", "s"})) one.usecs = k_usecs_per_sec;
    else if (is({"millisecond", "milliseconds", "msec", "msecs", "ms"})) one.usecs = 1000;
    else if (is({"microsecond", "microseconds", "usec", "usecs", "us"})) one.usecs = 1;
    else return false;
    return true;
}

std::optional<Interval> read_interval(std::string_view text) {
    Interval out;
    Cursor c{text};
    c.skip_spaces();
    c.eat('@');
    bool any = false, ago = false;
    while (true) {
        c.skip_spaces();
        if (c.done()) break;
        if (ago) return std::nullopt;  // nothing may follow "ago"
        const std::size_t start = c.i;
        int sign = 1;
        if (c.eat('-')) sign = -1;
        else c.eat('+');
        // A time: [-]HH:MM[:SS[.f]]
        const std::size_t number_at = c.i;
        int count = 0;
        std::int64_t whole = 0;
        while (std::isdigit(static_cast<unsigned char>(c.peek())) && count < 9) {
            whole = whole * 10 + (c.s[c.i++] - '0');
            ++count;
        }
        if (count == 0) {
            std::string word;
            while (std::isalpha(static_cast<unsigned char>(c.peek()))) word += c.s[c.i++];
            if (word == "ago" && sign == 1 && c.i - start == 3) { ago = true; continue; }
            return std::nullopt;
        }
        if (c.peek() == ':') {
            c.i = number_at;
            std::int64_t t = 0;
            // time_of_day caps hours at 24; intervals take any number of hours.
            const int h = c.digits(1, 9);
            if (h < 0 || !c.eat(':')) return std::nullopt;
            const int m = c.digits(2, 2);
            if (m < 0 || m > 59) return std::nullopt;
            int s = 0;
            std::int64_t frac = 0;
            if (c.eat(':')) {
                s = c.digits(2, 2);
                if (s < 0 || s > 59 || !fraction(c, frac)) return std::nullopt;
            }
            t = ((static_cast<std::int64_t>(h) * 60 + m) * 60 + s) * k_usecs_per_sec + frac;
            out.usecs += sign * t;
            any = true;
            continue;
        }
        std::int64_t frac = 0;
        if (!fraction(c, frac)) return std::nullopt;
        c.skip_spaces();
        std::string unit;
        while (std::isalpha(static_cast<unsigned char>(c.peek()))) unit += c.s[c.i++];
        Interval one;
        if (!unit_size(unit, one)) return std::nullopt;
        // Fractions spill into smaller units in PostgreSQL; read them for
        // time units only, where they are exact.
        if (frac && (one.months || one.days)) return std::nullopt;
        out.months += sign * whole * one.months;
        out.days += sign * whole * one.days;
        out.usecs += sign * (whole * one.usecs + frac * one.usecs / k_usecs_per_sec);
        any = true;
    }
    if (!any) return std::nullopt;
    if (ago) out = {-out.months, -out.days, -out.usecs};
    return out;
}

// EncodeInterval, IntervalStyle postgres.
std::string interval_text(const Interval& v) {
    std::string out;
    bool is_zero = true, is_before = false;
    auto part = [&](std::int64_t value, const char* unit) {
        if (value == 0) return;
        out += fmt::format("{}{}{} {}{}", is_zero ? "" : " ", is_before && value > 0 ? "+" : "", value, unit,
                           value != 1 ? "s" : "");
        is_before = value < 0;
        is_zero = false;
    };
    part(v.months / 12, "year");
    part(v.months % 12, "mon");
    part(v.days, "day");
    if (is_zero || v.usecs != 0) {
        const bool minus = v.usecs < 0;
        const std::int64_t t = minus ? -v.usecs : v.usecs;
        out += fmt::format("{}{}", is_zero ? "" : " ", minus ? "-" : (is_before ? "+" : ""));
        const std::int64_t minutes = t / (60 * k_usecs_per_sec);
        out += fmt::format("{:02}:{:02}:", minutes / 60, minutes % 60) + seconds_text(t % (60 * k_usecs_per_sec));
    }
    return out;
}

} // namespace

std::optional<std::string> datetime_text(const model::TypeRef& type, std::string_view literal) {
    if (!type.schema.empty() || type.is_array || !type.modifiers.empty()) return std::nullopt;
    if (type.name == "timestamp with time zone") return timestamp_text(literal, true);
    if (type.name == "timestamp without time zone") return timestamp_text(literal, false);
    if (type.name == "date") {
        const auto v = read_datetime(literal, true);
        if (!v) return std::nullopt;
        return date_text(v->days);
    }
    if (type.name == "time without time zone") {
        Cursor c{literal};
        c.skip_spaces();
        std::int64_t usecs = 0;
        if (!time_of_day(c, usecs)) return std::nullopt;
        c.skip_spaces();
        if (!c.done()) return std::nullopt;
        return time_text(usecs);
    }
    if (type.name == "interval") {
        const auto v = read_interval(literal);
        if (!v) return std::nullopt;
        return interval_text(*v);
    }
    return std::nullopt;
}

} // namespace pgshape::parser
