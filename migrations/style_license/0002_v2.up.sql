-- pgshape plan (up): 8 steps
BEGIN;

-- + function public.set_updated_at()
CREATE FUNCTION public.set_updated_at()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- + function public.update_comment_count()
CREATE FUNCTION public.update_comment_count()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NOT NEW.is_deleted THEN
        UPDATE generations SET comment_count = comment_count + 1 WHERE id = NEW.generation_id;
    ELSIF (TG_OP = 'DELETE' AND NOT OLD.is_deleted)
       OR (TG_OP = 'UPDATE' AND NEW.is_deleted AND NOT OLD.is_deleted) THEN
        UPDATE generations SET comment_count = greatest(comment_count - 1, 0)
        WHERE id = OLD.generation_id;
    END IF;
    RETURN NULL;
END;
$$;

-- ~ function public.update_like_count(): body
CREATE OR REPLACE FUNCTION public.update_like_count()
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
        SET like_count = greatest(like_count - 1, 0)
        WHERE id = OLD.generation_id;
    END IF;
    RETURN NULL;
END;
$$;

-- + column public.generations.aspect_ratio: character varying(10)
ALTER TABLE public.generations ADD COLUMN aspect_ratio character varying(10) DEFAULT '1:1' NOT NULL;

-- + check generations_aspect_ratio_check on public.generations
-- hazard blocking_lock: public.generations: validating the check scans the table under lock
ALTER TABLE public.generations ADD CONSTRAINT generations_aspect_ratio_check CHECK (aspect_ratio IN ('1:1', '4:3', '3:4', '16:9', '9:16'));

-- + trigger comments_set_updated_at on public.comments
CREATE TRIGGER comments_set_updated_at BEFORE UPDATE ON public.comments FOR EACH ROW WHEN (old.content IS DISTINCT FROM new.content) EXECUTE FUNCTION public.set_updated_at();

-- + trigger trigger_update_comment_count on public.comments
CREATE TRIGGER trigger_update_comment_count AFTER INSERT OR UPDATE OF is_deleted OR DELETE ON public.comments FOR EACH ROW EXECUTE FUNCTION public.update_comment_count();

-- ~ comment on column public.generations.comment_count
COMMENT ON COLUMN public.generations.comment_count IS 'cached: trigger_update_comment_count keeps it';

COMMIT;
