-- Orders (주문) placed from a table during a session.
CREATE TABLE orders (
    order_id     serial PRIMARY KEY,
    session_id   uuid    NOT NULL REFERENCES table_sessions (session_id) ON DELETE CASCADE,
    table_id     integer NOT NULL REFERENCES tables (table_id) ON DELETE CASCADE,
    store_id     integer NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
    order_time   timestamp DEFAULT now(),
    total_amount integer NOT NULL,
    status       varchar(30) DEFAULT '대기중',
    CONSTRAINT orders_total_amount_check CHECK (total_amount > 0),
    CONSTRAINT orders_status_check CHECK (status IN ('대기중', '준비중', '완료', '취소됨'))
);

COMMENT ON TABLE orders IS '주문 (상태: 대기중 → 준비중 → 완료, 또는 취소됨)';

-- 주문 조회
CREATE INDEX idx_orders_session_id ON orders (session_id);
CREATE INDEX idx_orders_store_id ON orders (store_id);
CREATE INDEX idx_orders_time ON orders (order_time);
-- 테이블별 최근 주문 (idx_orders_table_id 를 대체)
CREATE INDEX idx_orders_table_time ON orders (table_id, order_time DESC);
