-- pgshape plan (down): 8 steps
BEGIN;

-- ~ comment on column public.generations.comment_count
COMMENT ON COLUMN public.generations.comment_count IS NULL;

-- - trigger trigger_update_comment_count on public.comments
DROP TRIGGER trigger_update_comment_count ON public.comments;

-- - trigger comments_set_updated_at on public.comments
DROP TRIGGER comments_set_updated_at ON public.comments;

-- - check generations_aspect_ratio_check on public.generations
ALTER TABLE public.generations DROP CONSTRAINT generations_aspect_ratio_check;

-- - column public.generations.aspect_ratio: character varying(10)
-- hazard data_loss: dropping column public.generations.aspect_ratio discards its values
ALTER TABLE public.generations DROP COLUMN aspect_ratio;

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
        SET like_count = like_count - 1 
        WHERE id = OLD.generation_id;
    END IF;
    RETURN NULL;
END;
$$;

-- - function public.update_comment_count()
DROP FUNCTION public.update_comment_count();

-- - function public.set_updated_at()
DROP FUNCTION public.set_updated_at();

COMMIT;
