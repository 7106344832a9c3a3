-- pgshape plan (down): 19 steps
BEGIN;

-- ~ comment on function public.create_audit_log()
COMMENT ON FUNCTION public.create_audit_log() IS NULL;

-- - trigger update_users_updated_at on public.users
DROP TRIGGER update_users_updated_at ON public.users;

-- - trigger audit_schedule_rules on public.schedule_rules
DROP TRIGGER audit_schedule_rules ON public.schedule_rules;

-- - trigger audit_permissions on public.permissions
DROP TRIGGER audit_permissions ON public.permissions;

-- - trigger update_jobs_updated_at on public.jobs
DROP TRIGGER update_jobs_updated_at ON public.jobs;

-- - index public.idx_users_username_lower on public.users
DROP INDEX public.idx_users_username_lower;

-- - index public.idx_users_active on public.users
DROP INDEX public.idx_users_active;

-- - index public.idx_permissions_paths on public.permissions
DROP INDEX public.idx_permissions_paths;

-- - index public.idx_jobs_user_status_created on public.jobs
DROP INDEX public.idx_jobs_user_status_created;

-- - check check_job_dates on public.jobs
ALTER TABLE public.jobs DROP CONSTRAINT check_job_dates;

-- - function public.user_has_permission(uuid, character varying, text)
DROP FUNCTION public.user_has_permission(uuid, character varying, text);

-- - column public.users.locked_until: timestamp with time zone
-- hazard data_loss: dropping column public.users.locked_until discards its values
ALTER TABLE public.users DROP COLUMN locked_until;

-- - column public.users.failed_login_count: integer
-- hazard data_loss: dropping column public.users.failed_login_count discards its values
ALTER TABLE public.users DROP COLUMN failed_login_count;

-- - column public.jobs.updated_at: timestamp with time zone
-- hazard data_loss: dropping column public.jobs.updated_at discards its values
ALTER TABLE public.jobs DROP COLUMN updated_at;

-- - table public.audit_logs_2025_03 partition of public.audit_logs
-- hazard data_loss: dropping table public.audit_logs_2025_03 discards its rows
DROP TABLE public.audit_logs_2025_03;

-- - table public.audit_logs_2025_02 partition of public.audit_logs
-- hazard data_loss: dropping table public.audit_logs_2025_02 discards its rows
DROP TABLE public.audit_logs_2025_02;

-- + trigger update_users_updated_at on public.users
CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- ~ function public.create_audit_log(): body; SECURITY INVOKER; RESET search_path
CREATE OR REPLACE FUNCTION public.create_audit_log()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO audit_logs (user_id, action, resource_type, resource_id, details)
    VALUES (
        current_setting('app.current_user_id')::UUID,
        TG_OP,
        TG_TABLE_NAME,
        NEW.id::VARCHAR,
        to_jsonb(NEW)
    );
    RETURN NEW;
END;
$$;

-- - function public.cleanup_expired_sessions(interval)
DROP FUNCTION public.cleanup_expired_sessions(interval);

COMMIT;
