#pragma once
// Walking the fields of a protobuf-c message of libpg_query's tree.
//
// A Node is a oneof of some 240 members. Visiting every field descriptor and
// skipping the members not chosen (what protobuf-c itself does) costs 240
// steps per node; the walkers here go to the chosen member directly.
#include <pg_query/pg_query.pb-c.h>

namespace pgshape::parser {

// The member of a Node's oneof that is set, or nullptr for an empty Node.
inline const ProtobufCFieldDescriptor* node_member(const PgQuery__Node* node) {
    const auto c = static_cast<unsigned>(node->node_case);
    if (c == 0) return nullptr;
    const ProtobufCMessageDescriptor& d = pg_query__node__descriptor;
    // The members are numbered 1..n in order; the lookup is the fallback.
    if (c <= d.n_fields && d.fields[c - 1].id == c) return &d.fields[c - 1];
    return protobuf_c_message_descriptor_get_field(&d, c);
}

// Calls `fn(field)` for each field of `message` that can hold a value: all of
// them, but for the oneof members that are not the one chosen.
template <class Fn>
void for_each_field(const ProtobufCMessage* message, Fn&& fn) {
    const ProtobufCMessageDescriptor* d = message->descriptor;
    if (d == &pg_query__node__descriptor) {
        if (const auto* f = node_member(reinterpret_cast<const PgQuery__Node*>(message))) fn(*f);
        return;
    }
    const char* base = reinterpret_cast<const char*>(message);
    for (unsigned i = 0; i < d->n_fields; ++i) {
        const ProtobufCFieldDescriptor& f = d->fields[i];
        if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *reinterpret_cast<const uint32_t*>(base + f.quantifier_offset) != f.id)
            continue;
        fn(f);
    }
}

} // namespace pgshape::parser
