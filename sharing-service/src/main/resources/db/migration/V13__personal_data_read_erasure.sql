-- R11 (001 §19) meets R16: the audit log stays append-only, with one exception: when a listing turns out erroneous,
-- the masked ID number of the reads of it is blanked (who read, when, what and why stay, the person by the keyed
-- subject key only). Allowed only inside a transaction that set creditloop.r11_erasure, and only that column to NULL.
CREATE OR REPLACE FUNCTION personal_data_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('creditloop.r11_erasure', true) = 'on' AND NEW.masked_id IS NULL
            AND (to_jsonb(NEW) - 'masked_id') = (to_jsonb(OLD) - 'masked_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'R16: the personal-data audit log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
