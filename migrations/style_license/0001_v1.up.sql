-- pgshape plan (up): 30 steps
BEGIN;

-- + sequence public.comments_id_seq
CREATE SEQUENCE public.comments_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.generations_id_seq
CREATE SEQUENCE public.generations_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.likes_id_seq
CREATE SEQUENCE public.likes_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.styles_id_seq
CREATE SEQUENCE public.styles_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.users_id_seq
CREATE SEQUENCE public.users_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + function public.update_like_count()
CREATE FUNCTION public.update_like_count()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE generations 
        SET like_count = like_count + 1 
        WHERE id = NEW.generation_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE generations 
        SET like_count = like_count - 1 
        WHERE id = OLD.generation_id;
    END IF;
    RETURN NULL;
END;
$$;

-- + table public.comments
CREATE TABLE public.comments (
    id bigint DEFAULT nextval('public.comments_id_seq'::regclass) NOT NULL,
    user_id bigint NOT NULL,
    generation_id bigint NOT NULL,
    content text NOT NULL,
    is_deleted boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT comments_pkey PRIMARY KEY (id)
);

-- + table public.generations
CREATE TABLE public.generations (
    id bigint DEFAULT nextval('public.generations_id_seq'::regclass) NOT NULL,
    user_id bigint NOT NULL,
    style_id bigint,
    prompt text NOT NULL,
    image_url character varying(500),
    status character varying(20) DEFAULT 'pending' NOT NULL,
    is_public boolean DEFAULT false NOT NULL,
    like_count integer DEFAULT 0 NOT NULL,
    comment_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT generations_pkey PRIMARY KEY (id),
    CONSTRAINT generations_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed'))
);
COMMENT ON COLUMN public.generations.like_count IS 'cached: trigger_update_like_count keeps it';

-- + table public.likes
CREATE TABLE public.likes (
    id bigint DEFAULT nextval('public.likes_id_seq'::regclass) NOT NULL,
    user_id bigint NOT NULL,
    generation_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT likes_pkey PRIMARY KEY (id),
    CONSTRAINT likes_user_generation_key UNIQUE (user_id, generation_id)
);

-- + table public.styles
CREATE TABLE public.styles (
    id bigint DEFAULT nextval('public.styles_id_seq'::regclass) NOT NULL,
    owner_id bigint NOT NULL,
    name character varying(100) NOT NULL,
    description text DEFAULT '' NOT NULL,
    license_price numeric(10,2) DEFAULT 0 NOT NULL,
    is_public boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT styles_license_price_check CHECK (license_price >= 0),
    CONSTRAINT styles_owner_name_key UNIQUE (owner_id, name),
    CONSTRAINT styles_pkey PRIMARY KEY (id)
);

-- + table public.users
CREATE TABLE public.users (
    id bigint DEFAULT nextval('public.users_id_seq'::regclass) NOT NULL,
    username character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    password character varying(128) NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    is_staff boolean DEFAULT false NOT NULL,
    date_joined timestamp with time zone DEFAULT now() NOT NULL,
    last_login timestamp with time zone,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_username_key UNIQUE (username)
);

-- + index public.idx_comments_generation on public.comments
CREATE INDEX idx_comments_generation ON public.comments (generation_id, created_at);

-- + index public.idx_gen_user_created on public.generations
CREATE INDEX idx_gen_user_created ON public.generations (user_id, created_at DESC);

-- + index public.idx_generations_public on public.generations
CREATE INDEX idx_generations_public ON public.generations (created_at DESC) WHERE is_public = true;

-- + index public.idx_generations_style on public.generations
CREATE INDEX idx_generations_style ON public.generations (style_id);

-- + index public.idx_likes_generation on public.likes
CREATE INDEX idx_likes_generation ON public.likes (generation_id);

-- + index public.idx_styles_owner on public.styles
CREATE INDEX idx_styles_owner ON public.styles (owner_id);

-- + foreign key comments_generation_id_fkey on public.comments
ALTER TABLE public.comments ADD CONSTRAINT comments_generation_id_fkey FOREIGN KEY (generation_id) REFERENCES public.generations (id) ON DELETE CASCADE;

-- + foreign key comments_user_id_fkey on public.comments
ALTER TABLE public.comments ADD CONSTRAINT comments_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- + foreign key generations_style_id_fkey on public.generations
ALTER TABLE public.generations ADD CONSTRAINT generations_style_id_fkey FOREIGN KEY (style_id) REFERENCES public.styles (id) ON DELETE SET NULL;

-- + foreign key generations_user_id_fkey on public.generations
ALTER TABLE public.generations ADD CONSTRAINT generations_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- + foreign key likes_generation_id_fkey on public.likes
ALTER TABLE public.likes ADD CONSTRAINT likes_generation_id_fkey FOREIGN KEY (generation_id) REFERENCES public.generations (id) ON DELETE CASCADE;

-- + foreign key likes_user_id_fkey on public.likes
ALTER TABLE public.likes ADD CONSTRAINT likes_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- + foreign key styles_owner_id_fkey on public.styles
ALTER TABLE public.styles ADD CONSTRAINT styles_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- ~ sequence public.comments_id_seq: owned by public.comments.id
ALTER SEQUENCE public.comments_id_seq OWNED BY public.comments.id;

-- ~ sequence public.generations_id_seq: owned by public.generations.id
ALTER SEQUENCE public.generations_id_seq OWNED BY public.generations.id;

-- ~ sequence public.likes_id_seq: owned by public.likes.id
ALTER SEQUENCE public.likes_id_seq OWNED BY public.likes.id;

-- ~ sequence public.styles_id_seq: owned by public.styles.id
ALTER SEQUENCE public.styles_id_seq OWNED BY public.styles.id;

-- ~ sequence public.users_id_seq: owned by public.users.id
ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;

-- + trigger trigger_update_like_count on public.likes
CREATE TRIGGER trigger_update_like_count AFTER INSERT OR DELETE ON public.likes FOR EACH ROW EXECUTE FUNCTION public.update_like_count();

COMMIT;
