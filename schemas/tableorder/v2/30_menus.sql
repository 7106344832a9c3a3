-- Menu items (메뉴).
CREATE TABLE menus (
    menu_id       serial PRIMARY KEY,
    store_id      integer NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
    category_id   integer NOT NULL REFERENCES categories (category_id) ON DELETE CASCADE,
    menu_name     varchar(100) NOT NULL,
    price         integer NOT NULL,
    description   text,
    image_base64  text,
    display_order integer DEFAULT 0,
    is_available  boolean NOT NULL DEFAULT true,
    sold_out_at   timestamptz,
    created_at    timestamp DEFAULT now(),
    updated_at    timestamp DEFAULT now(),
    CONSTRAINT menus_price_check CHECK (price > 0)
);

COMMENT ON TABLE menus IS '매장별 메뉴 (가격은 원 단위 정수)';

-- 메뉴 조회
CREATE INDEX idx_menus_store_id ON menus (store_id);
CREATE INDEX idx_menus_category_id ON menus (category_id);
-- 주문 화면: 판매 중인 메뉴만 표시 순서대로
CREATE INDEX idx_menus_store_available ON menus (store_id, display_order) WHERE is_available;
