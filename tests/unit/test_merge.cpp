// engine/diff/merge: the one match-by-key walk over two sorted maps.
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/diff/merge.hpp"

namespace {

// "a", "-a" (only in from), "+a" (only in to), "=a" / "~a" (both, same / different).
std::vector<std::string> walk(const std::map<int, std::string>& a, const std::map<int, std::string>& b) {
    std::vector<std::string> out;
    pgshape::diff::merge_by_key(a, b, [&](const std::string* x, const std::string* y) {
        if (x && y) out.push_back((*x == *y ? "=" : "~") + *x);
        else if (x) out.push_back("-" + *x);
        else out.push_back("+" + *y);
    });
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("merge_by_key") {
    SUBCASE("both empty") { CHECK(walk({}, {}).empty()); }
    SUBCASE("only from") { CHECK(walk({{1, "a"}, {2, "b"}}, {}) == V{"-a", "-b"}); }
    SUBCASE("only to") { CHECK(walk({}, {{1, "a"}, {2, "b"}}) == V{"+a", "+b"}); }
    SUBCASE("same keys") { CHECK(walk({{1, "a"}, {2, "b"}}, {{1, "a"}, {2, "B"}}) == V{"=a", "~b"}); }
    SUBCASE("interleaved, in key order, each key once") {
        CHECK(walk({{1, "a"}, {3, "c"}, {5, "e"}}, {{2, "b"}, {3, "c"}, {6, "f"}}) == V{"-a", "+b", "=c", "-e", "+f"});
    }
    SUBCASE("from ends first") { CHECK(walk({{1, "a"}}, {{1, "a"}, {2, "b"}, {3, "c"}}) == V{"=a", "+b", "+c"}); }
    SUBCASE("to ends first") { CHECK(walk({{1, "a"}, {2, "b"}, {3, "c"}}, {{3, "c"}}) == V{"-a", "-b", "=c"}); }
    SUBCASE("disjoint ranges") { CHECK(walk({{7, "x"}, {8, "y"}}, {{1, "a"}, {2, "b"}}) == V{"+a", "+b", "-x", "-y"}); }
}

TEST_CASE("merge_by_key visits with the key types the model uses") {
    std::map<std::pair<std::string, std::string>, int> a{{{"public", "a"}, 1}, {{"public", "b"}, 2}};
    std::map<std::pair<std::string, std::string>, int> b{{{"app", "a"}, 3}, {{"public", "b"}, 4}};
    int both = 0, only_a = 0, only_b = 0;
    pgshape::diff::merge_by_key(a, b, [&](const int* x, const int* y) {
        if (x && y) { ++both; CHECK(*x == 2); CHECK(*y == 4); }
        else if (x) ++only_a;
        else ++only_b;
    });
    CHECK(both == 1);
    CHECK(only_a == 1);
    CHECK(only_b == 1);
}
