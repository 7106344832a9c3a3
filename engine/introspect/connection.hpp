#pragma once
// Connecting to a database, with errors that never show the password.
#include <memory>
#include <string>

#include <pqxx/connection>

namespace pgshape::introspect {

bool is_database_url(const std::string& source);

// The URL with any password replaced by ***, for messages.
std::string redact(const std::string& url);

// A libpq or server message without its trailing newlines and spaces.
std::string message_text(std::string message);

// Opens a connection or throws UserError naming the (redacted) database.
std::unique_ptr<pqxx::connection> connect(const std::string& url);

} // namespace pgshape::introspect
