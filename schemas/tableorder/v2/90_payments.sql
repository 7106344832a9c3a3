-- Payments (결제) of an order; an order may be paid in several parts.
CREATE TABLE payments (
    payment_id serial PRIMARY KEY,
    order_id   integer NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    amount     numeric(12,2) NOT NULL,
    method     varchar(20) NOT NULL,
    paid_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_amount_check CHECK (amount > 0),
    CONSTRAINT payments_method_check CHECK (method IN ('card', 'cash', 'mobile'))
);

COMMENT ON TABLE payments IS '주문 결제 내역 (분할 결제 가능)';

CREATE INDEX idx_payments_order_id ON payments (order_id);
