-- One row per recorded evaluation: the facts as submitted, the answer as given, and the
-- rules that produced it, so that any decision can be shown, audited and replayed later.
CREATE TABLE decision (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    program         VARCHAR(200)             NOT NULL,
    partner_id      VARCHAR(200)             NOT NULL,
    as_of           DATE                     NOT NULL,
    ruleset_version VARCHAR(64)              NOT NULL,
    segment         VARCHAR(200),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    facts           TEXT                     NOT NULL,
    answer          TEXT                     NOT NULL
);

CREATE INDEX decision_by_partner ON decision (partner_id, program, as_of);
CREATE INDEX decision_by_recorded_at ON decision (recorded_at);
