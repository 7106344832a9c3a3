-- pgshape plan (down): 58 steps
BEGIN;

-- - trigger update_users_updated_at on public.users
DROP TRIGGER update_users_updated_at ON public.users;

-- - trigger update_user_preferences_updated_at on public.user_preferences
DROP TRIGGER update_user_preferences_updated_at ON public.user_preferences;

-- - trigger update_schedule_rules_updated_at on public.schedule_rules
DROP TRIGGER update_schedule_rules_updated_at ON public.schedule_rules;

-- - trigger update_permissions_updated_at on public.permissions
DROP TRIGGER update_permissions_updated_at ON public.permissions;

-- ~ sequence public.job_logs_id_seq: owned by none
ALTER SEQUENCE public.job_logs_id_seq OWNED BY NONE;

-- ~ sequence public.audit_logs_id_seq: owned by none
ALTER SEQUENCE public.audit_logs_id_seq OWNED BY NONE;

-- - foreign key user_preferences_user_id_fkey on public.user_preferences
ALTER TABLE public.user_preferences DROP CONSTRAINT user_preferences_user_id_fkey;

-- - foreign key sessions_user_id_fkey on public.sessions
ALTER TABLE public.sessions DROP CONSTRAINT sessions_user_id_fkey;

-- - foreign key schedule_rules_user_id_fkey on public.schedule_rules
ALTER TABLE public.schedule_rules DROP CONSTRAINT schedule_rules_user_id_fkey;

-- - foreign key permissions_user_id_fkey on public.permissions
ALTER TABLE public.permissions DROP CONSTRAINT permissions_user_id_fkey;

-- - foreign key permissions_created_by_fkey on public.permissions
ALTER TABLE public.permissions DROP CONSTRAINT permissions_created_by_fkey;

-- - foreign key notifications_user_id_fkey on public.notifications
ALTER TABLE public.notifications DROP CONSTRAINT notifications_user_id_fkey;

-- - foreign key jobs_user_id_fkey on public.jobs
ALTER TABLE public.jobs DROP CONSTRAINT jobs_user_id_fkey;

-- - foreign key job_logs_job_id_fkey on public.job_logs
ALTER TABLE public.job_logs DROP CONSTRAINT job_logs_job_id_fkey;

-- - foreign key audit_logs_user_id_fkey on public.audit_logs
ALTER TABLE public.audit_logs DROP CONSTRAINT audit_logs_user_id_fkey;

-- - index public.idx_users_username on public.users
DROP INDEX public.idx_users_username;

-- - index public.idx_users_role on public.users
DROP INDEX public.idx_users_role;

-- - index public.idx_users_metadata on public.users
DROP INDEX public.idx_users_metadata;

-- - index public.idx_users_email on public.users
DROP INDEX public.idx_users_email;

-- - index public.idx_user_preferences_user on public.user_preferences
DROP INDEX public.idx_user_preferences_user;

-- - index public.idx_sessions_user_id on public.sessions
DROP INDEX public.idx_sessions_user_id;

-- - index public.idx_sessions_token on public.sessions
DROP INDEX public.idx_sessions_token;

-- - index public.idx_sessions_expires on public.sessions
DROP INDEX public.idx_sessions_expires;

-- - index public.idx_schedule_rules_user on public.schedule_rules
DROP INDEX public.idx_schedule_rules_user;

-- - index public.idx_schedule_rules_next_run on public.schedule_rules
DROP INDEX public.idx_schedule_rules_next_run;

-- - index public.idx_permissions_user_remote on public.permissions
DROP INDEX public.idx_permissions_user_remote;

-- - index public.idx_permissions_remote on public.permissions
DROP INDEX public.idx_permissions_remote;

-- - index public.idx_permissions_path_rules on public.permissions
DROP INDEX public.idx_permissions_path_rules;

-- - index public.idx_notifications_user on public.notifications
DROP INDEX public.idx_notifications_user;

-- - index public.idx_notifications_expires on public.notifications
DROP INDEX public.idx_notifications_expires;

-- - index public.idx_notifications_created on public.notifications
DROP INDEX public.idx_notifications_created;

-- - index public.idx_jobs_user_id on public.jobs
DROP INDEX public.idx_jobs_user_id;

-- - index public.idx_jobs_type_status on public.jobs
DROP INDEX public.idx_jobs_type_status;

-- - index public.idx_jobs_status on public.jobs
DROP INDEX public.idx_jobs_status;

-- - index public.idx_jobs_scheduled on public.jobs
DROP INDEX public.idx_jobs_scheduled;

-- - index public.idx_jobs_created_at on public.jobs
DROP INDEX public.idx_jobs_created_at;

-- - index public.idx_job_logs_level on public.job_logs
DROP INDEX public.idx_job_logs_level;

-- - index public.idx_job_logs_job_id on public.job_logs
DROP INDEX public.idx_job_logs_job_id;

-- - index public.idx_job_logs_created on public.job_logs
DROP INDEX public.idx_job_logs_created;

-- - index public.idx_audit_logs_user_id on public.audit_logs
DROP INDEX public.idx_audit_logs_user_id;

-- - index public.idx_audit_logs_resource on public.audit_logs
DROP INDEX public.idx_audit_logs_resource;

-- - index public.idx_audit_logs_created on public.audit_logs
DROP INDEX public.idx_audit_logs_created;

-- - index public.idx_audit_logs_action on public.audit_logs
DROP INDEX public.idx_audit_logs_action;

-- - table public.audit_logs_default partition of public.audit_logs
-- hazard data_loss: dropping table public.audit_logs_default discards its rows
DROP TABLE public.audit_logs_default;

-- - table public.audit_logs_2025_01 partition of public.audit_logs
-- hazard data_loss: dropping table public.audit_logs_2025_01 discards its rows
DROP TABLE public.audit_logs_2025_01;

-- - table public.users
-- hazard data_loss: dropping table public.users discards its rows
DROP TABLE public.users;

-- - table public.user_preferences
-- hazard data_loss: dropping table public.user_preferences discards its rows
DROP TABLE public.user_preferences;

-- - table public.sessions
-- hazard data_loss: dropping table public.sessions discards its rows
DROP TABLE public.sessions;

-- - table public.schedule_rules
-- hazard data_loss: dropping table public.schedule_rules discards its rows
DROP TABLE public.schedule_rules;

-- - table public.permissions
-- hazard data_loss: dropping table public.permissions discards its rows
DROP TABLE public.permissions;

-- - table public.notifications
-- hazard data_loss: dropping table public.notifications discards its rows
DROP TABLE public.notifications;

-- - table public.jobs
-- hazard data_loss: dropping table public.jobs discards its rows
DROP TABLE public.jobs;

-- - table public.job_logs
-- hazard data_loss: dropping table public.job_logs discards its rows
DROP TABLE public.job_logs;

-- - table public.audit_logs
-- hazard data_loss: dropping table public.audit_logs discards its rows
DROP TABLE public.audit_logs;

-- - function public.update_updated_at_column()
DROP FUNCTION public.update_updated_at_column();

-- - function public.create_audit_log()
DROP FUNCTION public.create_audit_log();

-- - sequence public.job_logs_id_seq
DROP SEQUENCE public.job_logs_id_seq;

-- - sequence public.audit_logs_id_seq
DROP SEQUENCE public.audit_logs_id_seq;

COMMIT;
