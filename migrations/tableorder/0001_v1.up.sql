-- pgshape plan (up): 46 steps
BEGIN;

-- + sequence public.categories_category_id_seq
CREATE SEQUENCE public.categories_category_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.menus_menu_id_seq
CREATE SEQUENCE public.menus_menu_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.order_history_history_id_seq
CREATE SEQUENCE public.order_history_history_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.order_items_order_item_id_seq
CREATE SEQUENCE public.order_items_order_item_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.orders_order_id_seq
CREATE SEQUENCE public.orders_order_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.stores_store_id_seq
CREATE SEQUENCE public.stores_store_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence public.tables_table_id_seq
CREATE SEQUENCE public.tables_table_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- + table public.categories
CREATE TABLE public.categories (
    category_id integer DEFAULT nextval('public.categories_category_id_seq'::regclass) NOT NULL,
    store_id integer NOT NULL,
    category_name character varying(50) NOT NULL,
    display_order integer DEFAULT 0,
    created_at timestamp without time zone DEFAULT now(),
    CONSTRAINT categories_pkey PRIMARY KEY (category_id),
    CONSTRAINT categories_store_id_category_name_key UNIQUE (store_id, category_name)
);

-- + table public.menus
CREATE TABLE public.menus (
    menu_id integer DEFAULT nextval('public.menus_menu_id_seq'::regclass) NOT NULL,
    store_id integer NOT NULL,
    category_id integer NOT NULL,
    menu_name character varying(100) NOT NULL,
    price integer NOT NULL,
    description text,
    image_base64 text,
    display_order integer DEFAULT 0,
    created_at timestamp without time zone DEFAULT now(),
    updated_at timestamp without time zone DEFAULT now(),
    CONSTRAINT menus_pkey PRIMARY KEY (menu_id),
    CONSTRAINT menus_price_check CHECK (price > 0)
);
COMMENT ON TABLE public.menus IS '매장별 메뉴 (가격은 원 단위 정수)';

-- + table public.order_history
CREATE TABLE public.order_history (
    history_id integer DEFAULT nextval('public.order_history_history_id_seq'::regclass) NOT NULL,
    session_id uuid NOT NULL,
    table_id integer NOT NULL,
    store_id integer NOT NULL,
    completed_time timestamp without time zone DEFAULT now(),
    archived_order_data jsonb NOT NULL,
    CONSTRAINT order_history_pkey PRIMARY KEY (history_id)
);
COMMENT ON TABLE public.order_history IS 'Archived orders of closed table sessions';

-- + table public.order_items
CREATE TABLE public.order_items (
    order_item_id integer DEFAULT nextval('public.order_items_order_item_id_seq'::regclass) NOT NULL,
    order_id integer NOT NULL,
    menu_id integer NOT NULL,
    quantity integer NOT NULL,
    unit_price integer NOT NULL,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_item_id),
    CONSTRAINT order_items_quantity_check CHECK (quantity > 0),
    CONSTRAINT order_items_unit_price_check CHECK (unit_price > 0)
);

-- + table public.orders
CREATE TABLE public.orders (
    order_id integer DEFAULT nextval('public.orders_order_id_seq'::regclass) NOT NULL,
    session_id uuid NOT NULL,
    table_id integer NOT NULL,
    store_id integer NOT NULL,
    order_time timestamp without time zone DEFAULT now(),
    total_amount integer NOT NULL,
    status character varying(20) DEFAULT '대기중',
    CONSTRAINT orders_pkey PRIMARY KEY (order_id),
    CONSTRAINT orders_status_check CHECK (status IN ('대기중', '준비중', '완료')),
    CONSTRAINT orders_total_amount_check CHECK (total_amount > 0)
);
COMMENT ON TABLE public.orders IS '주문 (상태: 대기중 → 준비중 → 완료)';

-- + table public.stores
CREATE TABLE public.stores (
    store_id integer DEFAULT nextval('public.stores_store_id_seq'::regclass) NOT NULL,
    store_name character varying(100) NOT NULL,
    admin_username character varying(50) NOT NULL,
    admin_password_hash character varying(255) NOT NULL,
    created_at timestamp without time zone DEFAULT now(),
    updated_at timestamp without time zone DEFAULT now(),
    CONSTRAINT stores_admin_username_key UNIQUE (admin_username),
    CONSTRAINT stores_pkey PRIMARY KEY (store_id)
);
COMMENT ON TABLE public.stores IS '매장 정보와 관리자 계정';

-- + table public.table_sessions
CREATE TABLE public.table_sessions (
    session_id uuid DEFAULT gen_random_uuid() NOT NULL,
    table_id integer NOT NULL,
    start_time timestamp without time zone DEFAULT now(),
    end_time timestamp without time zone,
    is_active boolean DEFAULT true,
    CONSTRAINT table_sessions_pkey PRIMARY KEY (session_id)
);
COMMENT ON TABLE public.table_sessions IS 'Seatings of a table; at most one is active at a time';

-- + table public.tables
CREATE TABLE public.tables (
    table_id integer DEFAULT nextval('public.tables_table_id_seq'::regclass) NOT NULL,
    store_id integer NOT NULL,
    table_number integer NOT NULL,
    table_password_hash character varying(255) NOT NULL,
    current_session_id uuid,
    created_at timestamp without time zone DEFAULT now(),
    CONSTRAINT tables_pkey PRIMARY KEY (table_id),
    CONSTRAINT tables_store_id_table_number_key UNIQUE (store_id, table_number)
);

-- + index public.idx_categories_store_id on public.categories
CREATE INDEX idx_categories_store_id ON public.categories (store_id);

-- + index public.idx_menus_category_id on public.menus
CREATE INDEX idx_menus_category_id ON public.menus (category_id);

-- + index public.idx_menus_store_id on public.menus
CREATE INDEX idx_menus_store_id ON public.menus (store_id);

-- + index public.idx_order_history_store_id on public.order_history
CREATE INDEX idx_order_history_store_id ON public.order_history (store_id);

-- + index public.idx_order_history_table_id on public.order_history
CREATE INDEX idx_order_history_table_id ON public.order_history (table_id);

-- + index public.idx_order_history_time on public.order_history
CREATE INDEX idx_order_history_time ON public.order_history (completed_time);

-- + index public.idx_order_items_order_id on public.order_items
CREATE INDEX idx_order_items_order_id ON public.order_items (order_id);

-- + index public.idx_orders_session_id on public.orders
CREATE INDEX idx_orders_session_id ON public.orders (session_id);

-- + index public.idx_orders_store_id on public.orders
CREATE INDEX idx_orders_store_id ON public.orders (store_id);

-- + index public.idx_orders_table_id on public.orders
CREATE INDEX idx_orders_table_id ON public.orders (table_id);

-- + index public.idx_orders_time on public.orders
CREATE INDEX idx_orders_time ON public.orders (order_time);

-- + index public.idx_table_sessions_active on public.table_sessions
CREATE INDEX idx_table_sessions_active ON public.table_sessions (is_active) WHERE is_active = true;

-- + index public.idx_table_sessions_table_id on public.table_sessions
CREATE INDEX idx_table_sessions_table_id ON public.table_sessions (table_id);

-- + index public.idx_tables_store_id on public.tables
CREATE INDEX idx_tables_store_id ON public.tables (store_id);

-- + foreign key categories_store_id_fkey on public.categories
ALTER TABLE public.categories ADD CONSTRAINT categories_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores (store_id) ON DELETE CASCADE;

-- + foreign key menus_category_id_fkey on public.menus
ALTER TABLE public.menus ADD CONSTRAINT menus_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.categories (category_id) ON DELETE CASCADE;

-- + foreign key menus_store_id_fkey on public.menus
ALTER TABLE public.menus ADD CONSTRAINT menus_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores (store_id) ON DELETE CASCADE;

-- + foreign key order_items_menu_id_fkey on public.order_items
ALTER TABLE public.order_items ADD CONSTRAINT order_items_menu_id_fkey FOREIGN KEY (menu_id) REFERENCES public.menus (menu_id) ON DELETE CASCADE;

-- + foreign key order_items_order_id_fkey on public.order_items
ALTER TABLE public.order_items ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders (order_id) ON DELETE CASCADE;

-- + foreign key orders_session_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.table_sessions (session_id) ON DELETE CASCADE;

-- + foreign key orders_store_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores (store_id) ON DELETE CASCADE;

-- + foreign key orders_table_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_table_id_fkey FOREIGN KEY (table_id) REFERENCES public.tables (table_id) ON DELETE CASCADE;

-- + foreign key table_sessions_table_id_fkey on public.table_sessions
ALTER TABLE public.table_sessions ADD CONSTRAINT table_sessions_table_id_fkey FOREIGN KEY (table_id) REFERENCES public.tables (table_id) ON DELETE CASCADE;

-- + foreign key tables_store_id_fkey on public.tables
ALTER TABLE public.tables ADD CONSTRAINT tables_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores (store_id) ON DELETE CASCADE;

-- ~ sequence public.categories_category_id_seq: owned by public.categories.category_id
ALTER SEQUENCE public.categories_category_id_seq OWNED BY public.categories.category_id;

-- ~ sequence public.menus_menu_id_seq: owned by public.menus.menu_id
ALTER SEQUENCE public.menus_menu_id_seq OWNED BY public.menus.menu_id;

-- ~ sequence public.order_history_history_id_seq: owned by public.order_history.history_id
ALTER SEQUENCE public.order_history_history_id_seq OWNED BY public.order_history.history_id;

-- ~ sequence public.order_items_order_item_id_seq: owned by public.order_items.order_item_id
ALTER SEQUENCE public.order_items_order_item_id_seq OWNED BY public.order_items.order_item_id;

-- ~ sequence public.orders_order_id_seq: owned by public.orders.order_id
ALTER SEQUENCE public.orders_order_id_seq OWNED BY public.orders.order_id;

-- ~ sequence public.stores_store_id_seq: owned by public.stores.store_id
ALTER SEQUENCE public.stores_store_id_seq OWNED BY public.stores.store_id;

-- ~ sequence public.tables_table_id_seq: owned by public.tables.table_id
ALTER SEQUENCE public.tables_table_id_seq OWNED BY public.tables.table_id;

COMMIT;
