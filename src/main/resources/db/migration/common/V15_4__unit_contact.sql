-- A unit's contact (role UNIT) logs in to see and report its own unit's measures: the unit, as the ledger names it.
ALTER TABLE app_user ADD COLUMN unit_name VARCHAR(128);
