#pragma once
// Protobuf wire format of a libpg_query tree, byte for byte what
// protobuf_c_message_pack writes, in time linear in the tree.
//
// Why not protobuf_c_message_pack: it scans every member of the Node oneof
// for each node, and sizes each nested message again at every level above
// it. Packing expressions for libpg_query's deparser that way cost more than
// the deparse itself. tests/unit/test_pb_encode.cpp compares the two.
#include <string>

#include <protobuf-c/protobuf-c.h>

namespace pgshape::parser {

std::string encode_message(const ProtobufCMessage* message);

} // namespace pgshape::parser
