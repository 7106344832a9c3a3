-- Order history (주문 이력): orders of closed sessions, archived as JSON.
-- No foreign keys: history outlives the sessions and tables it came from.
CREATE TABLE order_history (
    history_id          serial PRIMARY KEY,
    session_id          uuid    NOT NULL,
    table_id            integer NOT NULL,
    store_id            integer NOT NULL,
    completed_time      timestamp DEFAULT now(),
    archived_order_data jsonb   NOT NULL
);

COMMENT ON TABLE order_history IS 'Archived orders of closed table sessions';

-- 주문 이력 조회
CREATE INDEX idx_order_history_store_id ON order_history (store_id);
CREATE INDEX idx_order_history_table_id ON order_history (table_id);
CREATE INDEX idx_order_history_time ON order_history (completed_time);
