-- Generations: one image generated with a style. like_count and
-- comment_count are cached counters (kept by triggers, recomputed hourly).
CREATE TABLE generations (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    style_id bigint REFERENCES styles (id) ON DELETE SET NULL,
    prompt text NOT NULL,
    image_url varchar(500),
    status varchar(20) NOT NULL DEFAULT 'pending',
    is_public boolean NOT NULL DEFAULT false,
    like_count integer NOT NULL DEFAULT 0,
    comment_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT generations_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed'))
);

-- AddIndexConcurrently(fields=['user', '-created_at'], name='idx_gen_user_created')
CREATE INDEX idx_gen_user_created ON generations (user_id, created_at DESC);
CREATE INDEX idx_generations_style ON generations (style_id);
CREATE INDEX idx_generations_public ON generations (created_at DESC) WHERE is_public = true;

COMMENT ON COLUMN generations.like_count IS 'cached: trigger_update_like_count keeps it';
