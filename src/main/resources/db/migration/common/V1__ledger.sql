-- The rectification ledger of inspection rounds, and what Rectify generates from it.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB.

CREATE TABLE inspection_round (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(64)  NOT NULL,
    inspection_kind  VARCHAR(8)   NOT NULL,           -- 巡视 or 巡察
    deployed_by      VARCHAR(64)  NOT NULL,           -- 省委: "根据省委部署"
    inspecting_body  VARCHAR(128) NOT NULL,           -- 省委巡视二组
    inspected_org    VARCHAR(128) NOT NULL,           -- 洛江区委
    short_name       VARCHAR(64)  NOT NULL,           -- 区委: how the text names the inspected committee
    onsite_start     DATE         NOT NULL,
    onsite_end       DATE         NOT NULL,
    feedback_date    DATE         NOT NULL,
    issuing_organ    VARCHAR(128) NOT NULL,           -- 中共泉州市洛江区委
    contact_phone    VARCHAR(64),
    contact_address  VARCHAR(255),
    contact_email    VARCHAR(128),
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_round_code UNIQUE (code)
);

CREATE TABLE feedback_section (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id  BIGINT       NOT NULL,
    seq       INT          NOT NULL,                   -- 1 for （一）
    title     VARCHAR(255) NOT NULL,                   -- 落实巡视和审计等监督发现问题整改方面
    CONSTRAINT fk_section_round FOREIGN KEY (round_id) REFERENCES inspection_round (id),
    CONSTRAINT uq_section_seq UNIQUE (round_id, seq)
);

CREATE TABLE problem (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    section_id        BIGINT       NOT NULL,
    seq               INT          NOT NULL,           -- numbered 1..n across the whole round
    summary           VARCHAR(500) NOT NULL,           -- the feedback problem as the inspectors put it
    public_statement  TEXT         NOT NULL,           -- the progress statement the bulletin prints
    lead_leader       VARCHAR(64),                     -- who leads it (领办)
    led_by_secretary  BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_problem_section FOREIGN KEY (section_id) REFERENCES feedback_section (id),
    CONSTRAINT uq_problem_seq UNIQUE (section_id, seq)
);

CREATE TABLE measure (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    problem_id          BIGINT       NOT NULL,
    seq                 INT          NOT NULL,         -- 序号 within the round's ledger
    content             TEXT         NOT NULL,
    responsible_leader  VARCHAR(64)  NOT NULL,
    responsible_unit    VARCHAR(128) NOT NULL,
    deadline            DATE         NOT NULL,
    measure_kind        VARCHAR(16)  NOT NULL,         -- IMMEDIATE 立行立改 / TIME_BOUND 限期整改 / LONG_TERM 长期坚持
    CONSTRAINT fk_measure_problem FOREIGN KEY (problem_id) REFERENCES problem (id),
    CONSTRAINT uq_measure_seq UNIQUE (problem_id, seq)
);

-- "每月一汇报一汇总": the status of a measure on any date is the one of its latest report up to that date.
CREATE TABLE progress_report (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    measure_id       BIGINT      NOT NULL,
    report_date      DATE        NOT NULL,
    status           VARCHAR(16) NOT NULL,             -- NOT_STARTED / IN_PROGRESS / COMPLETED / ONGOING
    note             TEXT,
    completion_date  DATE,
    rechecked        BOOLEAN     NOT NULL DEFAULT FALSE, -- confirmed by an on-site recheck (实地复核)
    CONSTRAINT fk_report_measure FOREIGN KEY (measure_id) REFERENCES measure (id),
    CONSTRAINT uq_report_date UNIQUE (measure_id, report_date)
);
CREATE INDEX ix_report_measure_date ON progress_report (measure_id, report_date);

-- The countable facts of part 一: meetings held, dispatch meetings, supervision visits, mechanisms ...
CREATE TABLE work_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id     BIGINT       NOT NULL,
    event_date   DATE         NOT NULL,
    category     VARCHAR(32)  NOT NULL,
    event_count  INT          NOT NULL DEFAULT 1,
    description  VARCHAR(500),
    CONSTRAINT fk_event_round FOREIGN KEY (round_id) REFERENCES inspection_round (id)
);
CREATE INDEX ix_event_round_date ON work_event (round_id, event_date);

-- Text that people wrote for a round (part 一's narrative, part 三's plans). It may cite figures as
-- FreeMarker interpolations of figures (f.meetings …); they are filled from the data by the same sandboxed FreeMarker as templates/.
CREATE TABLE round_text (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id  BIGINT      NOT NULL,
    part      VARCHAR(32) NOT NULL,                   -- COMMITTEE / SECRETARY / PLAN_INTRO / PLAN_ITEM
    seq       INT         NOT NULL,
    body      TEXT        NOT NULL,
    CONSTRAINT fk_text_round FOREIGN KEY (round_id) REFERENCES inspection_round (id),
    CONSTRAINT uq_text_seq UNIQUE (round_id, part, seq)
);

CREATE TABLE recipient (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id  BIGINT       NOT NULL,
    name      VARCHAR(64)  NOT NULL,
    title     VARCHAR(128),
    email     VARCHAR(255) NOT NULL,
    active    BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT fk_recipient_round FOREIGN KEY (round_id) REFERENCES inspection_round (id),
    CONSTRAINT uq_recipient_email UNIQUE (round_id, email)
);

CREATE TABLE app_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    role           VARCHAR(16)  NOT NULL,             -- SECRETARY / LEADER / ADMIN
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_user_name UNIQUE (username)
);

CREATE TABLE user_round (
    user_id   BIGINT NOT NULL,
    round_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, round_id),
    CONSTRAINT fk_user_round_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_round_round FOREIGN KEY (round_id) REFERENCES inspection_round (id)
);

CREATE TABLE generated_document (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id          BIGINT       NOT NULL,
    kind              VARCHAR(16)  NOT NULL,          -- BULLETIN / BRIEF
    as_of             DATE         NOT NULL,
    path              VARCHAR(500) NOT NULL,          -- relative to the output folder
    sha256            CHAR(64)     NOT NULL,
    input_sha256      CHAR(64)     NOT NULL,          -- of the document model: same inputs, same document
    page_count        INT          NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    job_execution_id  BIGINT,
    created_at        DATETIME     NOT NULL,
    CONSTRAINT fk_document_round FOREIGN KEY (round_id) REFERENCES inspection_round (id),
    CONSTRAINT uq_document UNIQUE (round_id, kind, as_of)
);

CREATE TABLE delivery (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id   BIGINT       NOT NULL,
    recipient_id  BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,              -- PENDING / SENDING / SENT / FAILED
    attempts      INT          NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000),
    message_id    VARCHAR(255),
    updated_at    DATETIME     NOT NULL,
    CONSTRAINT fk_delivery_document FOREIGN KEY (document_id) REFERENCES generated_document (id),
    CONSTRAINT fk_delivery_recipient FOREIGN KEY (recipient_id) REFERENCES recipient (id),
    CONSTRAINT uq_delivery UNIQUE (document_id, recipient_id)
);
