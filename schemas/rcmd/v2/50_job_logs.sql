-- Job logs (작업 로그). The seed's idx_job_logs_cleanup has the predicate
-- created_at < CURRENT_DATE - INTERVAL '30 days', which PostgreSQL rejects
-- (functions in an index predicate must be IMMUTABLE): it is left out.
CREATE TABLE job_logs (
    id BIGSERIAL PRIMARY KEY,
    job_id UUID NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    level VARCHAR(10) NOT NULL,
    message TEXT NOT NULL,
    details JSONB,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT check_level CHECK (level IN ('debug', 'info', 'warning', 'error', 'fatal'))
);

-- 인덱스
CREATE INDEX idx_job_logs_job_id ON job_logs(job_id);
CREATE INDEX idx_job_logs_level ON job_logs(level) WHERE level IN ('error', 'fatal');
CREATE INDEX idx_job_logs_created ON job_logs(created_at DESC);
