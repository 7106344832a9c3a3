-- pgshape plan (up): 19 steps
BEGIN;

-- + function public.cleanup_expired_sessions(interval)
CREATE FUNCTION public.cleanup_expired_sessions(grace interval DEFAULT '1 day')
    RETURNS integer
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
COMMENT ON FUNCTION public.cleanup_expired_sessions(interval) IS 'run by the scheduler; returns the number of sessions removed';

-- ~ function public.create_audit_log(): body; SECURITY DEFINER; SET search_path = public, pg_temp
CREATE OR REPLACE FUNCTION public.create_audit_log()
    RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
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

-- - trigger update_users_updated_at on public.users
DROP TRIGGER update_users_updated_at ON public.users;

-- + table public.audit_logs_2025_02 partition of public.audit_logs
CREATE TABLE public.audit_logs_2025_02 PARTITION OF public.audit_logs FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');

-- + table public.audit_logs_2025_03 partition of public.audit_logs
CREATE TABLE public.audit_logs_2025_03 PARTITION OF public.audit_logs FOR VALUES FROM ('2025-03-01') TO ('2025-04-01');

-- + column public.jobs.updated_at: timestamp with time zone
ALTER TABLE public.jobs ADD COLUMN updated_at timestamp with time zone DEFAULT current_timestamp;

-- + column public.users.failed_login_count: integer
ALTER TABLE public.users ADD COLUMN failed_login_count integer DEFAULT 0 NOT NULL;

-- + column public.users.locked_until: timestamp with time zone
ALTER TABLE public.users ADD COLUMN locked_until timestamp with time zone;

-- + function public.user_has_permission(uuid, character varying, text)
CREATE FUNCTION public.user_has_permission(p_user_id uuid, p_remote_id character varying, p_permission text)
    RETURNS boolean
    LANGUAGE sql
    STABLE
AS $$
    SELECT EXISTS (
        SELECT 1 FROM permissions
        WHERE user_id = p_user_id AND remote_id = p_remote_id
          AND is_active AND p_permission = ANY (permissions)
    )
$$;

-- + check check_job_dates on public.jobs
-- hazard blocking_lock: public.jobs: validating the check scans the table under lock
ALTER TABLE public.jobs ADD CONSTRAINT check_job_dates CHECK ((started_at IS NULL OR started_at >= created_at) AND (completed_at IS NULL OR completed_at >= started_at));

-- + index public.idx_jobs_user_status_created on public.jobs
-- hazard blocking_lock: CREATE INDEX public.idx_jobs_user_status_created blocks writes to public.jobs while it builds
CREATE INDEX idx_jobs_user_status_created ON public.jobs (user_id, status, created_at DESC) WHERE status IN ('pending', 'running');

-- + index public.idx_permissions_paths on public.permissions
-- hazard blocking_lock: CREATE INDEX public.idx_permissions_paths blocks writes to public.permissions while it builds
CREATE INDEX idx_permissions_paths ON public.permissions USING gin (path_rules jsonb_path_ops);

-- + index public.idx_users_active on public.users
-- hazard blocking_lock: CREATE INDEX public.idx_users_active blocks writes to public.users while it builds
CREATE INDEX idx_users_active ON public.users (username) WHERE is_active = true;

-- + index public.idx_users_username_lower on public.users
-- hazard blocking_lock: CREATE INDEX public.idx_users_username_lower blocks writes to public.users while it builds
CREATE INDEX idx_users_username_lower ON public.users ((lower(username)));

-- + trigger update_jobs_updated_at on public.jobs
CREATE TRIGGER update_jobs_updated_at BEFORE UPDATE ON public.jobs FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- + trigger audit_permissions on public.permissions
CREATE TRIGGER audit_permissions AFTER INSERT OR UPDATE OR DELETE ON public.permissions FOR EACH ROW EXECUTE FUNCTION public.create_audit_log();

-- + trigger audit_schedule_rules on public.schedule_rules
CREATE TRIGGER audit_schedule_rules AFTER INSERT OR UPDATE OR DELETE ON public.schedule_rules FOR EACH ROW EXECUTE FUNCTION public.create_audit_log();

-- + trigger update_users_updated_at on public.users
CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW WHEN (old.* IS DISTINCT FROM new.*) EXECUTE FUNCTION public.update_updated_at_column();

-- ~ comment on function public.create_audit_log()
COMMENT ON FUNCTION public.create_audit_log() IS 'AFTER row trigger: one audit_logs row per change';

COMMIT;
