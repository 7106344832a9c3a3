-- pgshape plan (up): 14 steps
BEGIN;

-- + sequence public.payments_payment_id_seq
CREATE SEQUENCE public.payments_payment_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- - index public.idx_orders_table_id on public.orders
DROP INDEX public.idx_orders_table_id;

-- - check orders_status_check on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_status_check;

-- + table public.payments
CREATE TABLE public.payments (
    payment_id integer DEFAULT nextval('public.payments_payment_id_seq'::regclass) NOT NULL,
    order_id integer NOT NULL,
    amount numeric(12,2) NOT NULL,
    method character varying(20) NOT NULL,
    paid_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT payments_amount_check CHECK (amount > 0),
    CONSTRAINT payments_method_check CHECK (method IN ('card', 'cash', 'mobile')),
    CONSTRAINT payments_pkey PRIMARY KEY (payment_id)
);
COMMENT ON TABLE public.payments IS '주문 결제 내역 (분할 결제 가능)';

-- + column public.menus.is_available: boolean
ALTER TABLE public.menus ADD COLUMN is_available boolean DEFAULT true NOT NULL;

-- + column public.menus.sold_out_at: timestamp with time zone
ALTER TABLE public.menus ADD COLUMN sold_out_at timestamp with time zone;

-- ~ column public.orders.status: character varying(20) → character varying(30)
ALTER TABLE public.orders ALTER COLUMN status TYPE character varying(30);

-- + check orders_status_check on public.orders
-- hazard blocking_lock: public.orders: validating the check scans the table under lock
ALTER TABLE public.orders ADD CONSTRAINT orders_status_check CHECK (status IN ('대기중', '준비중', '완료', '취소됨'));

-- + index public.idx_menus_store_available on public.menus
-- hazard blocking_lock: CREATE INDEX public.idx_menus_store_available blocks writes to public.menus while it builds
CREATE INDEX idx_menus_store_available ON public.menus (store_id, display_order) WHERE is_available;

-- + index public.idx_orders_table_time on public.orders
-- hazard blocking_lock: CREATE INDEX public.idx_orders_table_time blocks writes to public.orders while it builds
CREATE INDEX idx_orders_table_time ON public.orders (table_id, order_time DESC);

-- + index public.idx_payments_order_id on public.payments
CREATE INDEX idx_payments_order_id ON public.payments (order_id);

-- + foreign key payments_order_id_fkey on public.payments
ALTER TABLE public.payments ADD CONSTRAINT payments_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders (order_id) ON DELETE CASCADE;

-- ~ sequence public.payments_payment_id_seq: owned by public.payments.payment_id
ALTER SEQUENCE public.payments_payment_id_seq OWNED BY public.payments.payment_id;

-- ~ comment on table public.orders
COMMENT ON TABLE public.orders IS '주문 (상태: 대기중 → 준비중 → 완료, 또는 취소됨)';

COMMIT;
