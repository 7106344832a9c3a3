#pragma once
// A SQL expression as the model keeps it.
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace pgshape::model {

// `sql()` is what gets written into plans; `canon` is the canonical form both
// sides are compared by (see parser/canonical_expr.hpp). Two expressions are
// the same thing exactly when their canonical forms are equal.
//
// The SQL text may be deferred: the parser reads every default, check and
// index expression of both sides, while a plan writes out only the few that
// change, and writing SQL text from a parse tree costs more than the rest of
// reading it. A deferred text is computed once, on first use, and shared by
// the copies of the expression (thread-safe).
class Expr {
public:
    Expr() = default;
    Expr(std::string sql, std::string canon_text);

    const std::string& sql() const;
    void set_sql(std::string sql);
    void defer_sql(std::function<std::string()> render);

    std::string canon;

    bool operator==(const Expr& other) const { return canon == other.canon; }

private:
    struct Text {
        std::once_flag once;
        std::function<std::string()> render;
        std::string sql;
    };
    std::shared_ptr<Text> m_text;
};

} // namespace pgshape::model
