-- Schema version 1: the whole domain model of the brief, section 2.
-- Dates are ISO-8601 text (YYYY-MM-DD); timestamps are ISO-8601 UTC text. A date column's
-- check is "date(x, '+0 days') IS x": IS, because date() of a non-date is NULL and a NULL
-- check passes; the modifier, because only then does date() roll 2027-02-30 over to March.
-- Enumerations are stable keys checked here; labels live in the application.

PRAGMA application_id = 1128878128; -- 'CIP0'

CREATE TABLE plan_settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    icb_name              TEXT    NOT NULL DEFAULT '',
    address               TEXT    NOT NULL DEFAULT '',
    letterhead            TEXT    NOT NULL DEFAULT '',
    signatory_name        TEXT    NOT NULL DEFAULT '',
    signatory_title       TEXT    NOT NULL DEFAULT '',
    contact_email         TEXT    NOT NULL DEFAULT '',
    planning_year         INTEGER NOT NULL CHECK (planning_year BETWEEN 2000 AND 2200),
    notice_issue_date     TEXT    NOT NULL CHECK (date(notice_issue_date, '+0 days') IS notice_issue_date),
    notice_period_months  INTEGER NOT NULL DEFAULT 6 CHECK (notice_period_months BETWEEN 1 AND 60),
    illustrative          INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1))
);

CREATE TABLE portfolio (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    grp               TEXT    NOT NULL CHECK (grp IN ('core_objectives', 'strategic_priority',
                                  'supporting_infrastructure', 'place_partnership', 'cross_cutting_theme')),
    lead              TEXT    NOT NULL DEFAULT '',
    colour            TEXT    NOT NULL DEFAULT '#4472C4'
                              CHECK (length(colour) = 7 AND colour GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
    sort_order        INTEGER NOT NULL DEFAULT 0,
    vision            TEXT    NOT NULL DEFAULT '',
    key_stakeholders  TEXT    NOT NULL DEFAULT '',
    key_programmes    TEXT    NOT NULL DEFAULT '',
    engagement        TEXT    NOT NULL DEFAULT '',
    source_name       TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE portfolio_benefit (
    id            INTEGER PRIMARY KEY,
    portfolio_id  INTEGER NOT NULL REFERENCES portfolio(id) ON DELETE CASCADE,
    label         TEXT    NOT NULL DEFAULT '',
    text          TEXT    NOT NULL DEFAULT '',
    sort_order    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX portfolio_benefit_by_portfolio ON portfolio_benefit(portfolio_id, sort_order);

CREATE TABLE programme_area (
    id            INTEGER PRIMARY KEY,
    portfolio_id  INTEGER NOT NULL REFERENCES portfolio(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    sort_order    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (portfolio_id, name)
);

CREATE TABLE intention (
    id                 INTEGER PRIMARY KEY,
    portfolio_id       INTEGER NOT NULL REFERENCES portfolio(id) ON DELETE RESTRICT,
    programme_area_id  INTEGER REFERENCES programme_area(id) ON DELETE SET NULL,
    title              TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body               TEXT    NOT NULL DEFAULT '',
    -- the timeframe: raw text kept verbatim, and what the parser understood of it
    timeframe_raw      TEXT    NOT NULL DEFAULT '',
    tf_start           TEXT    CHECK (tf_start IS NULL OR date(tf_start, '+0 days') IS tf_start),
    tf_end             TEXT    CHECK (tf_end IS NULL OR date(tf_end, '+0 days') IS tf_end),
    tf_open_ended      INTEGER NOT NULL DEFAULT 0 CHECK (tf_open_ended IN (0, 1)),
    tf_review          TEXT    CHECK (tf_review IS NULL OR tf_review IN ('annual')),
    tf_flags           INTEGER NOT NULL DEFAULT 0 CHECK (tf_flags BETWEEN 0 AND 7),
    tf_needs_review    INTEGER NOT NULL DEFAULT 0 CHECK (tf_needs_review IN (0, 1)),
    tf_reason          TEXT    NOT NULL DEFAULT '',
    shift_community    INTEGER NOT NULL DEFAULT 0 CHECK (shift_community IN (0, 1)),
    shift_prevention   INTEGER NOT NULL DEFAULT 0 CHECK (shift_prevention IN (0, 1)),
    shift_digital      INTEGER NOT NULL DEFAULT 0 CHECK (shift_digital IN (0, 1)),
    status             TEXT    NOT NULL DEFAULT 'proposed'
                               CHECK (status IN ('proposed', 'agreed', 'in_delivery', 'complete', 'withdrawn')),
    lead               TEXT    NOT NULL DEFAULT '',
    investment_gbp     REAL    CHECK (investment_gbp IS NULL OR investment_gbp >= 0),
    staff_wte          REAL    CHECK (staff_wte IS NULL OR staff_wte >= 0),
    notes              TEXT    NOT NULL DEFAULT '',
    source_page        INTEGER CHECK (source_page IS NULL OR source_page > 0),
    sort_order         INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (tf_start IS NULL OR tf_end IS NULL OR tf_start <= tf_end)
);
CREATE INDEX intention_by_portfolio ON intention(portfolio_id, sort_order);
CREATE INDEX intention_by_programme_area ON intention(programme_area_id);
CREATE INDEX intention_by_status ON intention(status);
CREATE INDEX intention_by_start ON intention(tf_start);
CREATE INDEX intention_needing_review ON intention(tf_needs_review) WHERE tf_needs_review = 1;

CREATE TABLE milestone (
    id            INTEGER PRIMARY KEY,
    intention_id  INTEGER NOT NULL REFERENCES intention(id) ON DELETE CASCADE,
    title         TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    due_date      TEXT    CHECK (due_date IS NULL OR date(due_date, '+0 days') IS due_date),
    done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX milestone_by_intention ON milestone(intention_id, sort_order);

CREATE TABLE place (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    notes       TEXT    NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE outcome_domain (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind        TEXT    NOT NULL CHECK (kind IN ('life_course', 'cross_cutting')),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE provider (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    ods_code       TEXT    NOT NULL DEFAULT '',
    type           TEXT    NOT NULL DEFAULT 'other'
                           CHECK (type IN ('acute', 'community_mental_health', 'ambulance', 'gp_federation',
                                  'vcse', 'hospice', 'independent_sector', 'care_provider_network',
                                  'provider_collaborative', 'other')),
    address        TEXT    NOT NULL DEFAULT '',
    contact_name   TEXT    NOT NULL DEFAULT '',
    contact_email  TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE intention_place (
    intention_id  INTEGER NOT NULL REFERENCES intention(id) ON DELETE CASCADE,
    place_id      INTEGER NOT NULL REFERENCES place(id) ON DELETE CASCADE,
    PRIMARY KEY (intention_id, place_id)
) WITHOUT ROWID;
CREATE INDEX intention_place_by_place ON intention_place(place_id);

CREATE TABLE intention_provider (
    intention_id  INTEGER NOT NULL REFERENCES intention(id) ON DELETE CASCADE,
    provider_id   INTEGER NOT NULL REFERENCES provider(id) ON DELETE CASCADE,
    PRIMARY KEY (intention_id, provider_id)
) WITHOUT ROWID;
CREATE INDEX intention_provider_by_provider ON intention_provider(provider_id);

CREATE TABLE intention_outcome_domain (
    intention_id       INTEGER NOT NULL REFERENCES intention(id) ON DELETE CASCADE,
    outcome_domain_id  INTEGER NOT NULL REFERENCES outcome_domain(id) ON DELETE CASCADE,
    PRIMARY KEY (intention_id, outcome_domain_id)
) WITHOUT ROWID;
CREATE INDEX intention_outcome_domain_by_domain ON intention_outcome_domain(outcome_domain_id);

CREATE TABLE contract (
    id                    INTEGER PRIMARY KEY,
    provider_id           INTEGER NOT NULL REFERENCES provider(id) ON DELETE RESTRICT,
    reference             TEXT    NOT NULL DEFAULT '',
    title                 TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    form                  TEXT    NOT NULL DEFAULT 'NHS Standard Contract',
    start_date            TEXT    CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
    end_date              TEXT    CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
    annual_value_gbp      REAL    CHECK (annual_value_gbp IS NULL OR annual_value_gbp >= 0),
    notice_period_months  INTEGER CHECK (notice_period_months IS NULL OR notice_period_months BETWEEN 1 AND 60),
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX contract_by_provider ON contract(provider_id);

CREATE TABLE contract_notice (
    id                     INTEGER PRIMARY KEY,
    provider_id            INTEGER NOT NULL REFERENCES provider(id) ON DELETE RESTRICT,
    contract_id            INTEGER REFERENCES contract(id) ON DELETE SET NULL,
    receiving_provider_id  INTEGER REFERENCES provider(id) ON DELETE SET NULL,
    kind                   TEXT    NOT NULL CHECK (kind IN ('terminate', 'reduce', 'change', 'transfer')),
    service                TEXT    NOT NULL DEFAULT '',
    summary                TEXT    NOT NULL DEFAULT '',
    rationale              TEXT    NOT NULL DEFAULT '',
    financial_effect_gbp   REAL,
    issue_date             TEXT    CHECK (issue_date IS NULL OR date(issue_date, '+0 days') IS issue_date),
    effective_date         TEXT    CHECK (effective_date IS NULL OR date(effective_date, '+0 days') IS effective_date),
    status                 TEXT    NOT NULL DEFAULT 'draft'
                                   CHECK (status IN ('draft', 'approved', 'issued', 'acknowledged', 'withdrawn')),
    letter_reference       TEXT    NOT NULL DEFAULT '',
    updated_at             TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (issue_date IS NULL OR effective_date IS NULL OR issue_date <= effective_date),
    CHECK (receiving_provider_id IS NULL OR receiving_provider_id <> provider_id)
);
CREATE INDEX contract_notice_by_provider ON contract_notice(provider_id);
CREATE INDEX contract_notice_by_contract ON contract_notice(contract_id);
-- Every foreign key column is indexed, or deleting a provider scans every notice.
CREATE INDEX contract_notice_by_receiving_provider ON contract_notice(receiving_provider_id);
CREATE INDEX contract_notice_by_status ON contract_notice(status);

CREATE TABLE notice_intention (
    notice_id     INTEGER NOT NULL REFERENCES contract_notice(id) ON DELETE CASCADE,
    intention_id  INTEGER NOT NULL REFERENCES intention(id) ON DELETE CASCADE,
    PRIMARY KEY (notice_id, intention_id)
) WITHOUT ROWID;
CREATE INDEX notice_intention_by_intention ON notice_intention(intention_id);

CREATE TABLE letter_record (
    id           INTEGER PRIMARY KEY,
    provider_id  INTEGER NOT NULL REFERENCES provider(id) ON DELETE RESTRICT,
    issued_at    TEXT    NOT NULL,
    recipient    TEXT    NOT NULL DEFAULT '',
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64)
);
CREATE INDEX letter_record_by_provider ON letter_record(provider_id, issued_at);

CREATE TABLE letter_record_notice (
    letter_id  INTEGER NOT NULL REFERENCES letter_record(id) ON DELETE CASCADE,
    notice_id  INTEGER NOT NULL REFERENCES contract_notice(id) ON DELETE RESTRICT,
    PRIMARY KEY (letter_id, notice_id)
) WITHOUT ROWID;
CREATE INDEX letter_record_notice_by_notice ON letter_record_notice(notice_id);

CREATE TABLE letter_template (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    body        TEXT    NOT NULL DEFAULT '',
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE change_history (
    id          INTEGER PRIMARY KEY,
    changed_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    user_name   TEXT    NOT NULL DEFAULT '',
    entity      TEXT    NOT NULL CHECK (entity IN ('plan', 'portfolio', 'programme_area', 'intention',
                                 'place', 'outcome_domain', 'provider', 'contract', 'notice', 'letter')),
    entity_id   INTEGER NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX change_history_by_entity ON change_history(entity, entity_id, changed_at);
