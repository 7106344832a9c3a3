-- Dining tables (테이블) of a store; current_session_id points at the open
-- session, if any (kept without a foreign key, as in the original schema).
CREATE TABLE tables (
    table_id            serial PRIMARY KEY,
    store_id            integer NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
    table_number        integer NOT NULL,
    table_password_hash varchar(255) NOT NULL,
    current_session_id  uuid,
    created_at          timestamp DEFAULT now(),
    CONSTRAINT tables_store_id_table_number_key UNIQUE (store_id, table_number)
);

-- 테이블 조회
CREATE INDEX idx_tables_store_id ON tables (store_id);
