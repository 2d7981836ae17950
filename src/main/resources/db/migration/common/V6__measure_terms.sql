-- A measure's deadline, kind, responsible leader and unit are history, not overwrites: each change is kept with
-- the first day it is in force, so a bulletin of a past date is made with the values of that date. Table measure
-- keeps the current values; a measure with no rows here has had its values since it was created. When a value
-- first changes, the values it had before are recorded as in force since 1900-01-01.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB.
CREATE TABLE measure_term (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    measure_id          BIGINT       NOT NULL,
    effective_from      DATE         NOT NULL,
    deadline            DATE         NOT NULL,
    measure_kind        VARCHAR(16)  NOT NULL,
    responsible_leader  VARCHAR(64)  NOT NULL,
    responsible_unit    VARCHAR(128) NOT NULL,
    reason              VARCHAR(500),
    CONSTRAINT fk_term_measure FOREIGN KEY (measure_id) REFERENCES measure (id),
    CONSTRAINT uq_term_date UNIQUE (measure_id, effective_from)
);
