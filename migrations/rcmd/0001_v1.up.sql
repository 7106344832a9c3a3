-- pgshape plan (up): 58 steps
BEGIN;

-- + sequence public.audit_logs_id_seq
CREATE SEQUENCE public.audit_logs_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.job_logs_id_seq
CREATE SEQUENCE public.job_logs_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + function public.create_audit_log()
CREATE FUNCTION public.create_audit_log()
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

-- + function public.update_updated_at_column()
CREATE FUNCTION public.update_updated_at_column()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION public.update_updated_at_column() IS 'BEFORE UPDATE trigger: sets updated_at';

-- + table public.audit_logs
CREATE TABLE public.audit_logs (
    id bigint DEFAULT nextval('public.audit_logs_id_seq'::regclass) NOT NULL,
    user_id uuid,
    action character varying(100) NOT NULL,
    resource_type character varying(50),
    resource_id character varying(255),
    details jsonb,
    ip_address inet,
    user_agent text,
    result character varying(20),
    created_at timestamp with time zone DEFAULT current_timestamp NOT NULL,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id, created_at),
    CONSTRAINT check_result CHECK (result IN ('success', 'failure', 'error'))
) PARTITION BY RANGE (created_at);

-- + table public.job_logs
CREATE TABLE public.job_logs (
    id bigint DEFAULT nextval('public.job_logs_id_seq'::regclass) NOT NULL,
    job_id uuid NOT NULL,
    level character varying(10) NOT NULL,
    message text NOT NULL,
    details jsonb,
    created_at timestamp with time zone DEFAULT current_timestamp,
    CONSTRAINT check_level CHECK (level IN ('debug', 'info', 'warning', 'error', 'fatal')),
    CONSTRAINT job_logs_pkey PRIMARY KEY (id)
);

-- + table public.jobs
CREATE TABLE public.jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    type character varying(50) NOT NULL,
    status character varying(20) DEFAULT 'pending' NOT NULL,
    priority integer DEFAULT 5,
    progress integer DEFAULT 0,
    payload jsonb NOT NULL,
    result jsonb,
    error text,
    retry_count integer DEFAULT 0,
    max_retries integer DEFAULT 3,
    scheduled_for timestamp with time zone,
    created_at timestamp with time zone DEFAULT current_timestamp,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    CONSTRAINT check_priority CHECK (priority >= 1 AND priority <= 10),
    CONSTRAINT check_progress CHECK (progress >= 0 AND progress <= 100),
    CONSTRAINT check_status CHECK (status IN ('pending', 'queued', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT check_type CHECK (type IN ('copy', 'move', 'delete', 'sync', 'backup')),
    CONSTRAINT jobs_pkey PRIMARY KEY (id)
);

-- + table public.notifications
CREATE TABLE public.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    type character varying(50) NOT NULL,
    title character varying(255) NOT NULL,
    message text,
    data jsonb,
    is_read boolean DEFAULT false,
    is_archived boolean DEFAULT false,
    priority character varying(10) DEFAULT 'normal',
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT current_timestamp,
    read_at timestamp with time zone,
    CONSTRAINT check_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    CONSTRAINT notifications_pkey PRIMARY KEY (id)
);

-- + table public.permissions
CREATE TABLE public.permissions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    remote_id character varying(100) NOT NULL,
    permissions text[] DEFAULT '{}' NOT NULL,
    path_rules jsonb DEFAULT '[]',
    is_active boolean DEFAULT true,
    created_at timestamp with time zone DEFAULT current_timestamp,
    updated_at timestamp with time zone DEFAULT current_timestamp,
    created_by uuid,
    CONSTRAINT check_permissions CHECK (permissions <@ ARRAY['read', 'write', 'delete', 'admin']::text[]),
    CONSTRAINT permissions_pkey PRIMARY KEY (id),
    CONSTRAINT unique_user_remote UNIQUE (user_id, remote_id)
);
COMMENT ON COLUMN public.permissions.path_rules IS '
[
  {
    "path": "/public/*",
    "allow": ["read"],
    "deny": []
  },
  {
    "path": "/private/*",
    "allow": ["read", "write"],
    "deny": ["delete"]
  }
]';

-- + table public.schedule_rules
CREATE TABLE public.schedule_rules (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    name character varying(255) NOT NULL,
    description text,
    is_active boolean DEFAULT true,
    rule_type character varying(20) NOT NULL,
    cron_expression character varying(100),
    interval_seconds integer,
    job_template jsonb NOT NULL,
    last_run_at timestamp with time zone,
    next_run_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT current_timestamp,
    updated_at timestamp with time zone DEFAULT current_timestamp,
    CONSTRAINT check_cron_or_interval CHECK ((rule_type = 'cron' AND cron_expression IS NOT NULL) OR (rule_type = 'interval' AND interval_seconds IS NOT NULL) OR rule_type = 'once'),
    CONSTRAINT check_rule_type CHECK (rule_type IN ('cron', 'interval', 'once')),
    CONSTRAINT schedule_rules_pkey PRIMARY KEY (id)
);

-- + table public.sessions
CREATE TABLE public.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token character varying(500) NOT NULL,
    refresh_token character varying(500),
    ip_address inet,
    user_agent text,
    device_info jsonb DEFAULT '{}',
    expires_at timestamp with time zone NOT NULL,
    refresh_expires_at timestamp with time zone,
    is_active boolean DEFAULT true,
    created_at timestamp with time zone DEFAULT current_timestamp,
    last_activity_at timestamp with time zone DEFAULT current_timestamp,
    CONSTRAINT sessions_pkey PRIMARY KEY (id),
    CONSTRAINT sessions_refresh_token_key UNIQUE (refresh_token),
    CONSTRAINT sessions_token_key UNIQUE (token)
);

-- + table public.user_preferences
CREATE TABLE public.user_preferences (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    theme character varying(20) DEFAULT 'light',
    language character varying(10) DEFAULT 'en',
    timezone character varying(50) DEFAULT 'UTC',
    notifications jsonb DEFAULT '{}',
    ui_settings jsonb DEFAULT '{}',
    api_settings jsonb DEFAULT '{}',
    created_at timestamp with time zone DEFAULT current_timestamp,
    updated_at timestamp with time zone DEFAULT current_timestamp,
    CONSTRAINT user_preferences_pkey PRIMARY KEY (id),
    CONSTRAINT user_preferences_user_id_key UNIQUE (user_id)
);

-- + table public.users
CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    username character varying(50) NOT NULL,
    email character varying(255) NOT NULL,
    password_hash character varying(255) NOT NULL,
    role character varying(20) DEFAULT 'user' NOT NULL,
    is_active boolean DEFAULT true,
    is_verified boolean DEFAULT false,
    metadata jsonb DEFAULT '{}',
    created_at timestamp with time zone DEFAULT current_timestamp,
    updated_at timestamp with time zone DEFAULT current_timestamp,
    last_login_at timestamp with time zone,
    CONSTRAINT check_email CHECK (email ~* E'^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$'),
    CONSTRAINT check_role CHECK (role IN ('admin', 'power_user', 'user')),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_username_key UNIQUE (username)
);

-- + table public.audit_logs_2025_01 partition of public.audit_logs
CREATE TABLE public.audit_logs_2025_01 PARTITION OF public.audit_logs FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');

-- + table public.audit_logs_default partition of public.audit_logs
CREATE TABLE public.audit_logs_default PARTITION OF public.audit_logs DEFAULT;

-- + index public.idx_audit_logs_action on public.audit_logs
CREATE INDEX idx_audit_logs_action ON public.audit_logs (action);

-- + index public.idx_audit_logs_created on public.audit_logs
CREATE INDEX idx_audit_logs_created ON public.audit_logs (created_at DESC);

-- + index public.idx_audit_logs_resource on public.audit_logs
CREATE INDEX idx_audit_logs_resource ON public.audit_logs (resource_type, resource_id);

-- + index public.idx_audit_logs_user_id on public.audit_logs
CREATE INDEX idx_audit_logs_user_id ON public.audit_logs (user_id);

-- + index public.idx_job_logs_created on public.job_logs
CREATE INDEX idx_job_logs_created ON public.job_logs (created_at DESC);

-- + index public.idx_job_logs_job_id on public.job_logs
CREATE INDEX idx_job_logs_job_id ON public.job_logs (job_id);

-- + index public.idx_job_logs_level on public.job_logs
CREATE INDEX idx_job_logs_level ON public.job_logs (level) WHERE level IN ('error', 'fatal');

-- + index public.idx_jobs_created_at on public.jobs
CREATE INDEX idx_jobs_created_at ON public.jobs (created_at DESC);

-- + index public.idx_jobs_scheduled on public.jobs
CREATE INDEX idx_jobs_scheduled ON public.jobs (scheduled_for) WHERE scheduled_for IS NOT NULL;

-- + index public.idx_jobs_status on public.jobs
CREATE INDEX idx_jobs_status ON public.jobs (status) WHERE status IN ('pending', 'queued', 'running');

-- + index public.idx_jobs_type_status on public.jobs
CREATE INDEX idx_jobs_type_status ON public.jobs (type, status);

-- + index public.idx_jobs_user_id on public.jobs
CREATE INDEX idx_jobs_user_id ON public.jobs (user_id);

-- + index public.idx_notifications_created on public.notifications
CREATE INDEX idx_notifications_created ON public.notifications (created_at DESC);

-- + index public.idx_notifications_expires on public.notifications
CREATE INDEX idx_notifications_expires ON public.notifications (expires_at) WHERE expires_at IS NOT NULL;

-- + index public.idx_notifications_user on public.notifications
CREATE INDEX idx_notifications_user ON public.notifications (user_id, is_read, is_archived);

-- + index public.idx_permissions_path_rules on public.permissions
CREATE INDEX idx_permissions_path_rules ON public.permissions USING gin (path_rules);

-- + index public.idx_permissions_remote on public.permissions
CREATE INDEX idx_permissions_remote ON public.permissions (remote_id) WHERE is_active = true;

-- + index public.idx_permissions_user_remote on public.permissions
CREATE INDEX idx_permissions_user_remote ON public.permissions (user_id, remote_id);

-- + index public.idx_schedule_rules_next_run on public.schedule_rules
CREATE INDEX idx_schedule_rules_next_run ON public.schedule_rules (next_run_at) WHERE is_active = true;

-- + index public.idx_schedule_rules_user on public.schedule_rules
CREATE INDEX idx_schedule_rules_user ON public.schedule_rules (user_id) WHERE is_active = true;

-- + index public.idx_sessions_expires on public.sessions
CREATE INDEX idx_sessions_expires ON public.sessions (expires_at) WHERE is_active = true;

-- + index public.idx_sessions_token on public.sessions
CREATE UNIQUE INDEX idx_sessions_token ON public.sessions (token) WHERE is_active = true;

-- + index public.idx_sessions_user_id on public.sessions
CREATE INDEX idx_sessions_user_id ON public.sessions (user_id);

-- + index public.idx_user_preferences_user on public.user_preferences
CREATE UNIQUE INDEX idx_user_preferences_user ON public.user_preferences (user_id);

-- + index public.idx_users_email on public.users
CREATE INDEX idx_users_email ON public.users (email);

-- + index public.idx_users_metadata on public.users
CREATE INDEX idx_users_metadata ON public.users USING gin (metadata);

-- + index public.idx_users_role on public.users
CREATE INDEX idx_users_role ON public.users (role) WHERE is_active = true;

-- + index public.idx_users_username on public.users
CREATE INDEX idx_users_username ON public.users (username);

-- + foreign key audit_logs_user_id_fkey on public.audit_logs
ALTER TABLE public.audit_logs ADD CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id);

-- + foreign key job_logs_job_id_fkey on public.job_logs
ALTER TABLE public.job_logs ADD CONSTRAINT job_logs_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs (id) ON DELETE CASCADE;

-- + foreign key jobs_user_id_fkey on public.jobs
ALTER TABLE public.jobs ADD CONSTRAINT jobs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id);

-- + foreign key notifications_user_id_fkey on public.notifications
ALTER TABLE public.notifications ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id);

-- + foreign key permissions_created_by_fkey on public.permissions
ALTER TABLE public.permissions ADD CONSTRAINT permissions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users (id);

-- + foreign key permissions_user_id_fkey on public.permissions
ALTER TABLE public.permissions ADD CONSTRAINT permissions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- + foreign key schedule_rules_user_id_fkey on public.schedule_rules
ALTER TABLE public.schedule_rules ADD CONSTRAINT schedule_rules_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id);

-- + foreign key sessions_user_id_fkey on public.sessions
ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- + foreign key user_preferences_user_id_fkey on public.user_preferences
ALTER TABLE public.user_preferences ADD CONSTRAINT user_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- ~ sequence public.audit_logs_id_seq: owned by public.audit_logs.id
ALTER SEQUENCE public.audit_logs_id_seq OWNED BY public.audit_logs.id;

-- ~ sequence public.job_logs_id_seq: owned by public.job_logs.id
ALTER SEQUENCE public.job_logs_id_seq OWNED BY public.job_logs.id;

-- + trigger update_permissions_updated_at on public.permissions
CREATE TRIGGER update_permissions_updated_at BEFORE UPDATE ON public.permissions FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- + trigger update_schedule_rules_updated_at on public.schedule_rules
CREATE TRIGGER update_schedule_rules_updated_at BEFORE UPDATE ON public.schedule_rules FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- + trigger update_user_preferences_updated_at on public.user_preferences
CREATE TRIGGER update_user_preferences_updated_at BEFORE UPDATE ON public.user_preferences FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- + trigger update_users_updated_at on public.users
CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

COMMIT;
