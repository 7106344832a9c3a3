#pragma once
// The one match-by-key merge every object kind goes through.
#include <map>

namespace pgshape::diff {

// Walks two sorted maps together and calls `visit(from, to)` once per key:
// `from` null for keys only in `b`, `to` null for keys only in `a`. Linear
// in the sizes of both maps.
template <class Key, class Value, class Visit>
void merge_by_key(const std::map<Key, Value>& a, const std::map<Key, Value>& b, Visit&& visit) {
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
            visit(&ia->second, static_cast<const Value*>(nullptr));
            ++ia;
        } else if (ia == a.end() || ib->first < ia->first) {
            visit(static_cast<const Value*>(nullptr), &ib->second);
            ++ib;
        } else {
            visit(&ia->second, &ib->second);
            ++ia;
            ++ib;
        }
    }
}

} // namespace pgshape::diff
