-- Permissions (권한) of a user on a remote.
CREATE TABLE permissions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    remote_id VARCHAR(100) NOT NULL,
    permissions TEXT[] NOT NULL DEFAULT '{}',
    path_rules JSONB DEFAULT '[]',
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    created_by UUID REFERENCES users(id),
    CONSTRAINT unique_user_remote UNIQUE(user_id, remote_id),
    CONSTRAINT check_permissions CHECK (
        permissions <@ ARRAY['read', 'write', 'delete', 'admin']::text[]
    )
);

-- 인덱스
CREATE INDEX idx_permissions_user_remote ON permissions(user_id, remote_id);
CREATE INDEX idx_permissions_remote ON permissions(remote_id) WHERE is_active = true;
CREATE INDEX idx_permissions_path_rules ON permissions USING GIN(path_rules);

-- 예시 path_rules 구조
COMMENT ON COLUMN permissions.path_rules IS '
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

CREATE TRIGGER update_permissions_updated_at
    BEFORE UPDATE ON permissions
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_at_column();
