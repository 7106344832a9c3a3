-- Styles an artist offers for licensing.
CREATE TABLE styles (
    id bigserial PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name varchar(100) NOT NULL,
    description text NOT NULL DEFAULT '',
    license_price numeric(10,2) NOT NULL DEFAULT 0 CHECK (license_price >= 0),
    is_public boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT styles_owner_name_key UNIQUE (owner_id, name)
);

CREATE INDEX idx_styles_owner ON styles (owner_id);
