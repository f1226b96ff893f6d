//! The ordered list of schema migrations. The schema version is `PRAGMA user_version`; it is
//! written inside the same `BEGIN IMMEDIATE` transaction as the DDL, so a migration lands whole or
//! not at all. Never edit a migration that has shipped: append a new one.

/// Migration `i` brings the schema from version `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: catalogs, organisations, assessments, answers and their history.
    r#"
    CREATE TABLE catalog (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        version     TEXT NOT NULL,
        is_example  INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
        created_at  TEXT NOT NULL,
        UNIQUE (name, version)
    ) STRICT;

    CREATE TABLE theme (
        id          INTEGER PRIMARY KEY,
        catalog_id  INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        UNIQUE (catalog_id, position)
    ) STRICT;

    CREATE TABLE criterion (
        id           INTEGER PRIMARY KEY,
        catalog_id   INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,
        theme_id     INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        code         TEXT NOT NULL,
        text         TEXT NOT NULL,
        explanation  TEXT NOT NULL DEFAULT '',
        legal_basis  TEXT NOT NULL DEFAULT '',
        UNIQUE (catalog_id, code),
        UNIQUE (theme_id, position)
    ) STRICT;

    CREATE TABLE organisation (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE assessment (
        id              INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisation(id),
        catalog_id      INTEGER NOT NULL REFERENCES catalog(id),
        name            TEXT NOT NULL,
        reference_date  TEXT,
        created_at      TEXT NOT NULL,
        UNIQUE (organisation_id, name)
    ) STRICT;

    CREATE TABLE answer (
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_id   INTEGER NOT NULL REFERENCES criterion(id),
        status         TEXT CHECK (status IN ('implemented', 'partial', 'open', 'not_applicable')),
        justification  TEXT NOT NULL DEFAULT '',
        owner          TEXT NOT NULL DEFAULT '',
        action         TEXT NOT NULL DEFAULT '',
        deadline       TEXT,
        evidence       TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        PRIMARY KEY (assessment_id, criterion_id)
    ) STRICT;

    -- Append-only: one row per change of an answer, old and new as JSON, written in the same
    -- transaction as the change itself.
    CREATE TABLE answer_history (
        id             INTEGER PRIMARY KEY,
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_id   INTEGER NOT NULL REFERENCES criterion(id),
        changed_at     TEXT NOT NULL,
        changed_by     TEXT NOT NULL,
        old_answer     TEXT,
        new_answer     TEXT
    ) STRICT;
    CREATE INDEX answer_history_by_criterion ON answer_history (assessment_id, criterion_id);

    CREATE TRIGGER answer_history_is_append_only_update BEFORE UPDATE ON answer_history
    BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;
    CREATE TRIGGER answer_history_is_append_only_delete BEFORE DELETE ON answer_history
    WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id)
    BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;

    -- Column mappings the user confirmed, by the normalised headers of the file, so the next
    -- file with the same headers is read the same way.
    CREATE TABLE column_mapping (
        header_signature  TEXT PRIMARY KEY,
        mapping           TEXT NOT NULL,
        saved_at          TEXT NOT NULL
    ) STRICT;

    -- Small key/value settings of the app itself, such as the assessment that is open.
    CREATE TABLE app_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) STRICT;
    "#,
    // 2: the yearly cycle: answers carried over from an earlier round until confirmed, sealed
    // rounds, and an append-only log of what happened to a round.
    r#"
    ALTER TABLE answer ADD COLUMN carried_from TEXT;

    ALTER TABLE assessment ADD COLUMN sealed_at TEXT;
    ALTER TABLE assessment ADD COLUMN sealed_by TEXT;
    ALTER TABLE assessment ADD COLUMN fingerprint TEXT;

    CREATE TABLE assessment_event (
        id             INTEGER PRIMARY KEY,
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        at             TEXT NOT NULL,
        by             TEXT NOT NULL,
        kind           TEXT NOT NULL
                       CHECK (kind IN ('created', 'sealed', 'unsealed', 'catalog_upgraded')),
        detail         TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX assessment_event_by_assessment ON assessment_event (assessment_id);

    CREATE TRIGGER assessment_event_is_append_only_update BEFORE UPDATE ON assessment_event
    BEGIN SELECT RAISE(ABORT, 'assessment_event is append-only'); END;
    CREATE TRIGGER assessment_event_is_append_only_delete BEFORE DELETE ON assessment_event
    WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id)
    BEGIN SELECT RAISE(ABORT, 'assessment_event is append-only'); END;

    -- A sealed round is read-only, whatever code path tries to change its answers.
    CREATE TRIGGER answer_of_sealed_round_insert BEFORE INSERT ON answer
    WHEN (SELECT sealed_at FROM assessment WHERE id = NEW.assessment_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'assessment is sealed'); END;
    CREATE TRIGGER answer_of_sealed_round_update BEFORE UPDATE ON answer
    WHEN (SELECT sealed_at FROM assessment WHERE id = OLD.assessment_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'assessment is sealed'); END;
    CREATE TRIGGER answer_of_sealed_round_delete BEFORE DELETE ON answer
    WHEN (SELECT sealed_at FROM assessment WHERE id = OLD.assessment_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'assessment is sealed'); END;
    "#,
    // 3: the round's log also records imports and changes of name or reference date. SQLite
    // cannot change a CHECK, so the table is rebuilt with its rows, index and triggers.
    r#"
    CREATE TABLE assessment_event_3 (
        id             INTEGER PRIMARY KEY,
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        at             TEXT NOT NULL,
        by             TEXT NOT NULL,
        kind           TEXT NOT NULL
                       CHECK (kind IN ('created', 'sealed', 'unsealed', 'catalog_upgraded',
                                       'imported', 'edited')),
        detail         TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO assessment_event_3 (id, assessment_id, at, by, kind, detail)
        SELECT id, assessment_id, at, by, kind, detail FROM assessment_event;
    DROP TRIGGER assessment_event_is_append_only_update;
    DROP TRIGGER assessment_event_is_append_only_delete;
    DROP TABLE assessment_event;
    ALTER TABLE assessment_event_3 RENAME TO assessment_event;
    CREATE INDEX assessment_event_by_assessment ON assessment_event (assessment_id);
    CREATE TRIGGER assessment_event_is_append_only_update BEFORE UPDATE ON assessment_event
    BEGIN SELECT RAISE(ABORT, 'assessment_event is append-only'); END;
    CREATE TRIGGER assessment_event_is_append_only_delete BEFORE DELETE ON assessment_event
    WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id)
    BEGIN SELECT RAISE(ABORT, 'assessment_event is append-only'); END;
    "#,
];
