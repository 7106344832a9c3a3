-- Stores (매장): one row per restaurant, with its admin login.
CREATE TABLE stores (
    store_id            serial PRIMARY KEY,
    store_name          varchar(100) NOT NULL,
    admin_username      varchar(50)  NOT NULL CONSTRAINT stores_admin_username_key UNIQUE,
    admin_password_hash varchar(255) NOT NULL,
    created_at          timestamp DEFAULT now(),
    updated_at          timestamp DEFAULT now()
);

COMMENT ON TABLE stores IS '매장 정보와 관리자 계정';
