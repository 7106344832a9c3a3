-- pgshape plan (down): 46 steps
BEGIN;

-- ~ sequence public.tables_table_id_seq: owned by none
ALTER SEQUENCE public.tables_table_id_seq OWNED BY NONE;

-- ~ sequence public.stores_store_id_seq: owned by none
ALTER SEQUENCE public.stores_store_id_seq OWNED BY NONE;

-- ~ sequence public.orders_order_id_seq: owned by none
ALTER SEQUENCE public.orders_order_id_seq OWNED BY NONE;

-- ~ sequence public.order_items_order_item_id_seq: owned by none
ALTER SEQUENCE public.order_items_order_item_id_seq OWNED BY NONE;

-- ~ sequence public.order_history_history_id_seq: owned by none
ALTER SEQUENCE public.order_history_history_id_seq OWNED BY NONE;

-- ~ sequence public.menus_menu_id_seq: owned by none
ALTER SEQUENCE public.menus_menu_id_seq OWNED BY NONE;

-- ~ sequence public.categories_category_id_seq: owned by none
ALTER SEQUENCE public.categories_category_id_seq OWNED BY NONE;

-- - foreign key tables_store_id_fkey on public.tables
ALTER TABLE public.tables DROP CONSTRAINT tables_store_id_fkey;

-- - foreign key table_sessions_table_id_fkey on public.table_sessions
ALTER TABLE public.table_sessions DROP CONSTRAINT table_sessions_table_id_fkey;

-- - foreign key orders_table_id_fkey on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_table_id_fkey;

-- - foreign key orders_store_id_fkey on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_store_id_fkey;

-- - foreign key orders_session_id_fkey on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_session_id_fkey;

-- - foreign key order_items_order_id_fkey on public.order_items
ALTER TABLE public.order_items DROP CONSTRAINT order_items_order_id_fkey;

-- - foreign key order_items_menu_id_fkey on public.order_items
ALTER TABLE public.order_items DROP CONSTRAINT order_items_menu_id_fkey;

-- - foreign key menus_store_id_fkey on public.menus
ALTER TABLE public.menus DROP CONSTRAINT menus_store_id_fkey;

-- - foreign key menus_category_id_fkey on public.menus
ALTER TABLE public.menus DROP CONSTRAINT menus_category_id_fkey;

-- - foreign key categories_store_id_fkey on public.categories
ALTER TABLE public.categories DROP CONSTRAINT categories_store_id_fkey;

-- - index public.idx_tables_store_id on public.tables
DROP INDEX public.idx_tables_store_id;

-- - index public.idx_table_sessions_table_id on public.table_sessions
DROP INDEX public.idx_table_sessions_table_id;

-- - index public.idx_table_sessions_active on public.table_sessions
DROP INDEX public.idx_table_sessions_active;

-- - index public.idx_orders_time on public.orders
DROP INDEX public.idx_orders_time;

-- - index public.idx_orders_table_id on public.orders
DROP INDEX public.idx_orders_table_id;

-- - index public.idx_orders_store_id on public.orders
DROP INDEX public.idx_orders_store_id;

-- - index public.idx_orders_session_id on public.orders
DROP INDEX public.idx_orders_session_id;

-- - index public.idx_order_items_order_id on public.order_items
DROP INDEX public.idx_order_items_order_id;

-- - index public.idx_order_history_time on public.order_history
DROP INDEX public.idx_order_history_time;

-- - index public.idx_order_history_table_id on public.order_history
DROP INDEX public.idx_order_history_table_id;

-- - index public.idx_order_history_store_id on public.order_history
DROP INDEX public.idx_order_history_store_id;

-- - index public.idx_menus_store_id on public.menus
DROP INDEX public.idx_menus_store_id;

-- - index public.idx_menus_category_id on public.menus
DROP INDEX public.idx_menus_category_id;

-- - index public.idx_categories_store_id on public.categories
DROP INDEX public.idx_categories_store_id;

-- - table public.tables
-- hazard data_loss: dropping table public.tables discards its rows
DROP TABLE public.tables;

-- - table public.table_sessions
-- hazard data_loss: dropping table public.table_sessions discards its rows
DROP TABLE public.table_sessions;

-- - table public.stores
-- hazard data_loss: dropping table public.stores discards its rows
DROP TABLE public.stores;

-- - table public.orders
-- hazard data_loss: dropping table public.orders discards its rows
DROP TABLE public.orders;

-- - table public.order_items
-- hazard data_loss: dropping table public.order_items discards its rows
DROP TABLE public.order_items;

-- - table public.order_history
-- hazard data_loss: dropping table public.order_history discards its rows
DROP TABLE public.order_history;

-- - table public.menus
-- hazard data_loss: dropping table public.menus discards its rows
DROP TABLE public.menus;

-- - table public.categories
-- hazard data_loss: dropping table public.categories discards its rows
DROP TABLE public.categories;

-- - sequence public.tables_table_id_seq
DROP SEQUENCE public.tables_table_id_seq;

-- - sequence public.stores_store_id_seq
DROP SEQUENCE public.stores_store_id_seq;

-- - sequence public.orders_order_id_seq
DROP SEQUENCE public.orders_order_id_seq;

-- - sequence public.order_items_order_item_id_seq
DROP SEQUENCE public.order_items_order_item_id_seq;

-- - sequence public.order_history_history_id_seq
DROP SEQUENCE public.order_history_history_id_seq;

-- - sequence public.menus_menu_id_seq
DROP SEQUENCE public.menus_menu_id_seq;

-- - sequence public.categories_category_id_seq
DROP SEQUENCE public.categories_category_id_seq;

COMMIT;
