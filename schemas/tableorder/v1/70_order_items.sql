-- Order lines (주문 항목); unit_price is the menu price at ordering time.
CREATE TABLE order_items (
    order_item_id serial PRIMARY KEY,
    order_id      integer NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    menu_id       integer NOT NULL REFERENCES menus (menu_id) ON DELETE CASCADE,
    quantity      integer NOT NULL,
    unit_price    integer NOT NULL,
    CONSTRAINT order_items_quantity_check CHECK (quantity > 0),
    CONSTRAINT order_items_unit_price_check CHECK (unit_price > 0)
);

-- 주문 항목 조회
CREATE INDEX idx_order_items_order_id ON order_items (order_id);
