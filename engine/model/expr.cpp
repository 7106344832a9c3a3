#include "engine/model/expr.hpp"

namespace pgshape::model {

Expr::Expr(std::string sql, std::string canon_text) : canon(std::move(canon_text)) { set_sql(std::move(sql)); }

const std::string& Expr::sql() const {
    static const std::string k_empty;
    if (!m_text) return k_empty;
    std::call_once(m_text->once, [this] {
        if (m_text->render) m_text->sql = m_text->render();
        m_text->render = nullptr;
    });
    return m_text->sql;
}

void Expr::set_sql(std::string sql) {
    m_text = std::make_shared<Text>();
    m_text->sql = std::move(sql);
}

void Expr::defer_sql(std::function<std::string()> render) {
    m_text = std::make_shared<Text>();
    m_text->render = std::move(render);
}

} // namespace pgshape::model
