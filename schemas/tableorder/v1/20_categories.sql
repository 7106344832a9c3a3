-- Menu categories (카테고리), unique by name within a store.
CREATE TABLE categories (
    category_id   serial PRIMARY KEY,
    store_id      integer NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
    category_name varchar(50) NOT NULL,
    display_order integer DEFAULT 0,
    created_at    timestamp DEFAULT now(),
    CONSTRAINT categories_store_id_category_name_key UNIQUE (store_id, category_name)
);

-- 카테고리 조회
CREATE INDEX idx_categories_store_id ON categories (store_id);
