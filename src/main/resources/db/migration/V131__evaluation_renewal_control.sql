-- R-EVA-5 kept by the server: the non-renewal case the registry's data show (licence revoked or expired, no
-- settlement in the year, on-request suspension over the limit) decides, whatever the caseworker's form says; only
-- a supervisor overrides it, with a reason (audited). R-EVA-2: a non-renewal takes effect at the end of the current
-- period (effective_on = the day after the period ends), not the day the objection window closes.
CREATE TABLE evaluation_renewal_control (
    business_key      VARCHAR(140)  NOT NULL PRIMARY KEY,
    region            VARCHAR(64)   NOT NULL,
    required_case     VARCHAR(40)   NOT NULL,
    chosen_case       VARCHAR(40),
    override_reason   VARCHAR(2000),
    override_by       VARCHAR(64),
    overridden_at     TIMESTAMP WITH TIME ZONE,
    effective_on      DATE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
