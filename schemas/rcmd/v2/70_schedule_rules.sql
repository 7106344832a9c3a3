-- Schedule rules (예약 규칙): cron, interval or one-off job templates.
CREATE TABLE schedule_rules (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    name VARCHAR(255) NOT NULL,
    description TEXT,
    is_active BOOLEAN DEFAULT true,
    rule_type VARCHAR(20) NOT NULL,
    cron_expression VARCHAR(100),
    interval_seconds INTEGER,
    job_template JSONB NOT NULL,
    last_run_at TIMESTAMP WITH TIME ZONE,
    next_run_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT check_rule_type CHECK (rule_type IN ('cron', 'interval', 'once')),
    CONSTRAINT check_cron_or_interval CHECK (
        (rule_type = 'cron' AND cron_expression IS NOT NULL) OR
        (rule_type = 'interval' AND interval_seconds IS NOT NULL) OR
        (rule_type = 'once')
    )
);

-- 인덱스
CREATE INDEX idx_schedule_rules_user ON schedule_rules(user_id) WHERE is_active = true;
CREATE INDEX idx_schedule_rules_next_run ON schedule_rules(next_run_at) WHERE is_active = true;

CREATE TRIGGER update_schedule_rules_updated_at
    BEFORE UPDATE ON schedule_rules
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER audit_schedule_rules
    AFTER INSERT OR UPDATE OR DELETE ON schedule_rules
    FOR EACH ROW
    EXECUTE FUNCTION create_audit_log();
