-- pgshape plan (down): 14 steps
BEGIN;

-- ~ comment on table public.orders
COMMENT ON TABLE public.orders IS '주문 (상태: 대기중 → 준비중 → 완료)';

-- ~ sequence public.payments_payment_id_seq: owned by none
ALTER SEQUENCE public.payments_payment_id_seq OWNED BY NONE;

-- - foreign key payments_order_id_fkey on public.payments
ALTER TABLE public.payments DROP CONSTRAINT payments_order_id_fkey;

-- - index public.idx_payments_order_id on public.payments
DROP INDEX public.idx_payments_order_id;

-- - index public.idx_orders_table_time on public.orders
DROP INDEX public.idx_orders_table_time;

-- - index public.idx_menus_store_available on public.menus
DROP INDEX public.idx_menus_store_available;

-- - check orders_status_check on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_status_check;

-- ~ column public.orders.status: character varying(30) → character varying(20)
-- hazard data_loss: public.orders.status: character varying(30) → character varying(20) may fail or lose data
ALTER TABLE public.orders ALTER COLUMN status TYPE character varying(20);

-- - column public.menus.sold_out_at: timestamp with time zone
-- hazard data_loss: dropping column public.menus.sold_out_at discards its values
ALTER TABLE public.menus DROP COLUMN sold_out_at;

-- - column public.menus.is_available: boolean
-- hazard data_loss: dropping column public.menus.is_available discards its values
ALTER TABLE public.menus DROP COLUMN is_available;

-- - table public.payments
-- hazard data_loss: dropping table public.payments discards its rows
DROP TABLE public.payments;

-- + check orders_status_check on public.orders
-- hazard blocking_lock: public.orders: re-adding orders_status_check scans the table
ALTER TABLE public.orders ADD CONSTRAINT orders_status_check CHECK (status IN ('대기중', '준비중', '완료'));

-- + index public.idx_orders_table_id on public.orders
-- hazard blocking_lock: re-creating index public.idx_orders_table_id blocks writes to public.orders
CREATE INDEX idx_orders_table_id ON public.orders (table_id);

-- - sequence public.payments_payment_id_seq
DROP SEQUENCE public.payments_payment_id_seq;

COMMIT;
