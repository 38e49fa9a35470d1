-- Case numbers per kind, region and year (e.g. YY-2026-huaibei-000001): a counter row per key, advanced
-- under its row lock so concurrent cases never share a number.
CREATE TABLE case_number_counter (
    prefix     VARCHAR(8)  NOT NULL,
    region     VARCHAR(64) NOT NULL,
    num_year   INT         NOT NULL,
    last_value BIGINT      NOT NULL,
    CONSTRAINT pk_case_number_counter PRIMARY KEY (prefix, region, num_year)
);
