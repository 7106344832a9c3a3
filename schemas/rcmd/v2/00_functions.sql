-- RCMD (Rclone Commander): functions shared by the tables.
-- From ../shared/seeds/rcmd-database-schema.md, "트리거".

-- updated_at 자동 업데이트
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ language 'plpgsql';

-- 감사 로그 자동 생성: DELETE too (NEW is null then), and without an
-- app.current_user_id setting (system jobs) instead of failing.
CREATE OR REPLACE FUNCTION create_audit_log()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO audit_logs (user_id, action, resource_type, resource_id, details, result)
    VALUES (
        nullif(current_setting('app.current_user_id', true), '')::UUID,
        TG_OP,
        TG_TABLE_NAME,
        row_data ->> 'id',
        row_data,
        'success'
    );
    RETURN NULL;
END;
$$;

-- 만료 세션 정리 (Redis TTL의 PostgreSQL 쪽 짝)
CREATE FUNCTION cleanup_expired_sessions(grace INTERVAL DEFAULT '1 day')
RETURNS INTEGER
LANGUAGE plpgsql
AS $$
DECLARE
    removed INTEGER;
BEGIN
    DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP - grace;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;

COMMENT ON FUNCTION update_updated_at_column() IS 'BEFORE UPDATE trigger: sets updated_at';
COMMENT ON FUNCTION create_audit_log() IS 'AFTER row trigger: one audit_logs row per change';
COMMENT ON FUNCTION cleanup_expired_sessions(interval) IS 'run by the scheduler; returns the number of sessions removed';
