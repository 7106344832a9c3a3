-- pgshape plan (down): 30 steps
BEGIN;

-- - trigger trigger_update_like_count on public.likes
DROP TRIGGER trigger_update_like_count ON public.likes;

-- ~ sequence public.users_id_seq: owned by none
ALTER SEQUENCE public.users_id_seq OWNED BY NONE;

-- ~ sequence public.styles_id_seq: owned by none
ALTER SEQUENCE public.styles_id_seq OWNED BY NONE;

-- ~ sequence public.likes_id_seq: owned by none
ALTER SEQUENCE public.likes_id_seq OWNED BY NONE;

-- ~ sequence public.generations_id_seq: owned by none
ALTER SEQUENCE public.generations_id_seq OWNED BY NONE;

-- ~ sequence public.comments_id_seq: owned by none
ALTER SEQUENCE public.comments_id_seq OWNED BY NONE;

-- - foreign key styles_owner_id_fkey on public.styles
ALTER TABLE public.styles DROP CONSTRAINT styles_owner_id_fkey;

-- - foreign key likes_user_id_fkey on public.likes
ALTER TABLE public.likes DROP CONSTRAINT likes_user_id_fkey;

-- - foreign key likes_generation_id_fkey on public.likes
ALTER TABLE public.likes DROP CONSTRAINT likes_generation_id_fkey;

-- - foreign key generations_user_id_fkey on public.generations
ALTER TABLE public.generations DROP CONSTRAINT generations_user_id_fkey;

-- - foreign key generations_style_id_fkey on public.generations
ALTER TABLE public.generations DROP CONSTRAINT generations_style_id_fkey;

-- - foreign key comments_user_id_fkey on public.comments
ALTER TABLE public.comments DROP CONSTRAINT comments_user_id_fkey;

-- - foreign key comments_generation_id_fkey on public.comments
ALTER TABLE public.comments DROP CONSTRAINT comments_generation_id_fkey;

-- - index public.idx_styles_owner on public.styles
DROP INDEX public.idx_styles_owner;

-- - index public.idx_likes_generation on public.likes
DROP INDEX public.idx_likes_generation;

-- - index public.idx_generations_style on public.generations
DROP INDEX public.idx_generations_style;

-- - index public.idx_generations_public on public.generations
DROP INDEX public.idx_generations_public;

-- - index public.idx_gen_user_created on public.generations
DROP INDEX public.idx_gen_user_created;

-- - index public.idx_comments_generation on public.comments
DROP INDEX public.idx_comments_generation;

-- - table public.users
-- hazard data_loss: dropping table public.users discards its rows
DROP TABLE public.users;

-- - table public.styles
-- hazard data_loss: dropping table public.styles discards its rows
DROP TABLE public.styles;

-- - table public.likes
-- hazard data_loss: dropping table public.likes discards its rows
DROP TABLE public.likes;

-- - table public.generations
-- hazard data_loss: dropping table public.generations discards its rows
DROP TABLE public.generations;

-- - table public.comments
-- hazard data_loss: dropping table public.comments discards its rows
DROP TABLE public.comments;

-- - function public.update_like_count()
DROP FUNCTION public.update_like_count();

-- - sequence public.users_id_seq
DROP SEQUENCE public.users_id_seq;

-- - sequence public.styles_id_seq
DROP SEQUENCE public.styles_id_seq;

-- - sequence public.likes_id_seq
DROP SEQUENCE public.likes_id_seq;

-- - sequence public.generations_id_seq
DROP SEQUENCE public.generations_id_seq;

-- - sequence public.comments_id_seq
DROP SEQUENCE public.comments_id_seq;

COMMIT;
