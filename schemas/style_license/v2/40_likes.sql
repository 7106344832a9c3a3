CREATE TABLE likes (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    generation_id bigint NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT likes_user_generation_key UNIQUE (user_id, generation_id)
);

CREATE INDEX idx_likes_generation ON likes (generation_id);

-- 좋아요 수 자동 업데이트
CREATE OR REPLACE FUNCTION update_like_count()
RETURNS TRIGGER AS $$
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
$$ LANGUAGE plpgsql;

CREATE TRIGGER trigger_update_like_count
AFTER INSERT OR DELETE ON likes
FOR EACH ROW EXECUTE FUNCTION update_like_count();
