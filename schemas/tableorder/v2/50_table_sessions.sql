-- Table sessions (테이블 세션): one per seating, from first order to checkout.
CREATE TABLE table_sessions (
    session_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    table_id   integer NOT NULL REFERENCES tables (table_id) ON DELETE CASCADE,
    start_time timestamp DEFAULT now(),
    end_time   timestamp,
    is_active  boolean DEFAULT TRUE
);

COMMENT ON TABLE table_sessions IS 'Seatings of a table; at most one is active at a time';

-- 세션 조회
CREATE INDEX idx_table_sessions_table_id ON table_sessions (table_id);
CREATE INDEX idx_table_sessions_active ON table_sessions (is_active) WHERE is_active = TRUE;
