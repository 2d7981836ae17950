-- A round's ledger version: every writer of the round's ledger (sections, problems, measures, reports, terms, work
-- events, texts, the round's own facts) adds one in its own transaction, before it writes (ledger.RoundRepository.touch).
-- The web page keeps a round's as-of snapshot until this changes, whichever process changed the round.
ALTER TABLE inspection_round ADD COLUMN ledger_version BIGINT NOT NULL DEFAULT 0;
