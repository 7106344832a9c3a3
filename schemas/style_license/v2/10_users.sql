-- Style License: artists license their styles; users generate images with
-- them, like and comment. Tables as the Django app creates them; the
-- counters and their trigger from ../shared/seeds/style-license-operations.md.
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    username varchar(150) NOT NULL UNIQUE,
    email varchar(254) NOT NULL UNIQUE,
    password varchar(128) NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    is_staff boolean NOT NULL DEFAULT false,
    date_joined timestamptz NOT NULL DEFAULT now(),
    last_login timestamptz
);
