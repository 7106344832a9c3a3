#include "engine/introspect/connection.hpp"

#include <regex>

#include <pqxx/pqxx>

#include "engine/model/error.hpp"

namespace pgshape::introspect {

bool is_database_url(const std::string& source) {
    return source.rfind("postgresql://", 0) == 0 || source.rfind("postgres://", 0) == 0;
}

std::string redact(const std::string& url) {
    static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@)");
    static const std::regex param(R"(([?&]password=)[^&]*)");
    std::string out = std::regex_replace(url, userinfo, "$1:***@");
    return std::regex_replace(out, param, "$1***");
}

std::string message_text(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

std::unique_ptr<pqxx::connection> connect(const std::string& url) {
    try {
        return std::make_unique<pqxx::connection>(url);
    } catch (const std::exception& e) {
        throw UserError("error: cannot connect to " + redact(url) + ": " + message_text(e.what()));
    }
}

} // namespace pgshape::introspect
