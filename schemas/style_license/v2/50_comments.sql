CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    generation_id bigint NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    content text NOT NULL,
    is_deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_comments_generation ON comments (generation_id, created_at);

-- 댓글 수 자동 업데이트: a soft delete (is_deleted) counts as a delete
CREATE FUNCTION update_comment_count()
RETURNS TRIGGER
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

CREATE TRIGGER trigger_update_comment_count
AFTER INSERT OR DELETE OR UPDATE OF is_deleted ON comments
FOR EACH ROW EXECUTE FUNCTION update_comment_count();

-- updated_at when the text changes
CREATE FUNCTION set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER comments_set_updated_at
BEFORE UPDATE ON comments
FOR EACH ROW
WHEN (OLD.content IS DISTINCT FROM NEW.content)
EXECUTE FUNCTION set_updated_at();
