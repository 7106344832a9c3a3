#include "parser/pb_encode.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/model/error.hpp"
#include "parser/pb_fields.hpp"

namespace pgshape::parser {
namespace {

enum WireType : uint32_t { k_varint = 0, k_fixed64 = 1, k_length = 2, k_fixed32 = 5 };

std::size_t varint_size(uint64_t v) {
    std::size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

WireType wire_type(ProtobufCType type) {
    switch (type) {
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return k_fixed64;
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_FLOAT: return k_fixed32;
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_BYTES:
    case PROTOBUF_C_TYPE_MESSAGE: return k_length;
    default: return k_varint;
    }
}

std::size_t element_stride(ProtobufCType type) {
    switch (type) {
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return 8;
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void*);
    case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
    case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
    default: return 4;
    }
}

// The varint a scalar is written as (protobuf-c writes negative int32 and
// enums sign-extended to ten bytes, and zigzags sint).
uint64_t varint_of(ProtobufCType type, const void* at) {
    switch (type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_ENUM: return static_cast<uint64_t>(static_cast<int64_t>(*static_cast<const int32_t*>(at)));
    case PROTOBUF_C_TYPE_SINT32: {
        const int32_t v = *static_cast<const int32_t*>(at);
        return static_cast<uint32_t>((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31));
    }
    case PROTOBUF_C_TYPE_UINT32: return *static_cast<const uint32_t*>(at);
    case PROTOBUF_C_TYPE_SINT64: {
        const int64_t v = *static_cast<const int64_t*>(at);
        return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
    }
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_UINT64: return *static_cast<const uint64_t*>(at);
    case PROTOBUF_C_TYPE_BOOL: return *static_cast<const protobuf_c_boolean*>(at) ? 1 : 0;
    default: throw InternalError("not a varint type");
    }
}

// What protobuf-c leaves out of the wire: proto3 fields at their zero value,
// and a chosen oneof member that is a null message or string.
bool omitted(const ProtobufCFieldDescriptor& f, const char* at) {
    const bool oneof = (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0;
    switch (f.type) {
    case PROTOBUF_C_TYPE_MESSAGE: return *reinterpret_cast<void* const*>(at) == nullptr;
    case PROTOBUF_C_TYPE_STRING: {
        const char* s = *reinterpret_cast<char* const*>(at);
        return !s || (!oneof && *s == '\0') || (oneof && s == f.default_value);
    }
    case PROTOBUF_C_TYPE_BYTES: return !oneof && reinterpret_cast<const ProtobufCBinaryData*>(at)->len == 0;
    default: break;
    }
    if (oneof) return false;
    switch (element_stride(f.type)) {
    case 8: return *reinterpret_cast<const uint64_t*>(at) == 0;
    default: return *reinterpret_cast<const uint32_t*>(at) == 0;
    }
}

// Two passes over the tree in one order: the first records each message's
// size, the second writes, reading the sizes back in turn.
class Encoder {
public:
    std::string run(const ProtobufCMessage* message) {
        const std::size_t total = message_size(message);
        std::string out(total, '\0');
        m_out = reinterpret_cast<uint8_t*>(out.data());
        m_next_size = 0;
        write_message(message);
        if (m_out != reinterpret_cast<uint8_t*>(out.data()) + total) throw InternalError("protobuf encoding size mismatch");
        return out;
    }

private:
    std::size_t message_size(const ProtobufCMessage* message) {
        const std::size_t slot = m_sizes.size();
        m_sizes.push_back(0);
        std::size_t size = 0;
        const char* base = reinterpret_cast<const char*>(message);
        for_each_field(message, [&](const ProtobufCFieldDescriptor& f) {
            const char* at = base + f.offset;
            const std::size_t tag = varint_size(static_cast<uint64_t>(f.id) << 3);
            if (f.label == PROTOBUF_C_LABEL_REPEATED) {
                const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
                if (n == 0) return;
                const char* items = *reinterpret_cast<char* const*>(at);
                const std::size_t stride = element_stride(f.type);
                if (f.flags & PROTOBUF_C_FIELD_FLAG_PACKED) {
                    std::size_t payload = 0;
                    for (std::size_t k = 0; k < n; ++k) payload += packed_element_size(f, items + k * stride);
                    size += tag + varint_size(payload) + payload;
                    return;
                }
                for (std::size_t k = 0; k < n; ++k) size += tag + value_size(f, items + k * stride);
                return;
            }
            if (omitted(f, at)) return;
            size += tag + value_size(f, at);
        });
        m_sizes[slot] = size;
        return size;
    }

    static std::size_t packed_element_size(const ProtobufCFieldDescriptor& f, const char* at) {
        switch (wire_type(f.type)) {
        case k_fixed64: return 8;
        case k_fixed32: return 4;
        default: return varint_size(varint_of(f.type, at));
        }
    }

    std::size_t value_size(const ProtobufCFieldDescriptor& f, const char* at) {
        switch (f.type) {
        case PROTOBUF_C_TYPE_MESSAGE: {
            const auto* child = *reinterpret_cast<const ProtobufCMessage* const*>(at);
            const std::size_t n = child ? message_size(child) : 0;
            return varint_size(n) + n;
        }
        case PROTOBUF_C_TYPE_STRING: {
            const char* s = *reinterpret_cast<char* const*>(at);
            const std::size_t n = s ? std::strlen(s) : 0;
            return varint_size(n) + n;
        }
        case PROTOBUF_C_TYPE_BYTES: {
            const auto* b = reinterpret_cast<const ProtobufCBinaryData*>(at);
            return varint_size(b->len) + b->len;
        }
        default: return packed_element_size(f, at);
        }
    }

    void write_message(const ProtobufCMessage* message) {
        ++m_next_size;  // this message's own size, already written by the caller
        const char* base = reinterpret_cast<const char*>(message);
        for_each_field(message, [&](const ProtobufCFieldDescriptor& f) {
            const char* at = base + f.offset;
            const uint64_t tag = (static_cast<uint64_t>(f.id) << 3);
            if (f.label == PROTOBUF_C_LABEL_REPEATED) {
                const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
                if (n == 0) return;
                const char* items = *reinterpret_cast<char* const*>(at);
                const std::size_t stride = element_stride(f.type);
                if (f.flags & PROTOBUF_C_FIELD_FLAG_PACKED) {
                    std::size_t payload = 0;
                    for (std::size_t k = 0; k < n; ++k) payload += packed_element_size(f, items + k * stride);
                    varint(tag | k_length);
                    varint(payload);
                    for (std::size_t k = 0; k < n; ++k) scalar(f, items + k * stride);
                    return;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    varint(tag | wire_type(f.type));
                    value(f, items + k * stride);
                }
                return;
            }
            if (omitted(f, at)) return;
            varint(tag | wire_type(f.type));
            value(f, at);
        });
    }

    void value(const ProtobufCFieldDescriptor& f, const char* at) {
        switch (f.type) {
        case PROTOBUF_C_TYPE_MESSAGE: {
            const auto* child = *reinterpret_cast<const ProtobufCMessage* const*>(at);
            if (!child) {
                varint(0);
                return;
            }
            varint(m_sizes[m_next_size]);
            write_message(child);
            return;
        }
        case PROTOBUF_C_TYPE_STRING: {
            const char* s = *reinterpret_cast<char* const*>(at);
            const std::size_t n = s ? std::strlen(s) : 0;
            varint(n);
            bytes(s, n);
            return;
        }
        case PROTOBUF_C_TYPE_BYTES: {
            const auto* b = reinterpret_cast<const ProtobufCBinaryData*>(at);
            varint(b->len);
            bytes(b->data, b->len);
            return;
        }
        default: scalar(f, at);
        }
    }

    void scalar(const ProtobufCFieldDescriptor& f, const char* at) {
        switch (wire_type(f.type)) {
        case k_fixed64: bytes(at, 8); return;
        case k_fixed32: bytes(at, 4); return;
        default: varint(varint_of(f.type, at));
        }
    }

    void varint(uint64_t v) {
        while (v >= 0x80) {
            *m_out++ = static_cast<uint8_t>(v | 0x80);
            v >>= 7;
        }
        *m_out++ = static_cast<uint8_t>(v);
    }

    void bytes(const void* data, std::size_t n) {
        if (n) std::memcpy(m_out, data, n);
        m_out += n;
    }

    std::vector<std::size_t> m_sizes;
    std::size_t m_next_size = 0;
    uint8_t* m_out = nullptr;
};

} // namespace

std::string encode_message(const ProtobufCMessage* message) { return Encoder{}.run(message); }

} // namespace pgshape::parser
