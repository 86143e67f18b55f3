import GRDB

extension SQLiteStore {
    /// Versioned schema migrations. Never edit a shipped migration: add a new one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE unit (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    ubn TEXT,
                    data TEXT NOT NULL,              -- JSON UnitAccount
                    registered_at REAL NOT NULL
                );
                CREATE INDEX unit_ubn ON unit(ubn);
                CREATE TABLE staff (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL REFERENCES unit(code),
                    person_id TEXT NOT NULL,
                    role TEXT NOT NULL,
                    deleted_at REAL,
                    data TEXT NOT NULL               -- JSON StaffMember
                );
                CREATE INDEX staff_unit ON staff(unit_code);
                CREATE INDEX staff_person ON staff(person_id);
                CREATE TABLE withholding_unit (
                    ubn TEXT PRIMARY KEY NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE TABLE person (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    birth_date TEXT NOT NULL,        -- ISO YYYY-MM-DD
                    indigenous INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE personal_account (
                    person_id TEXT PRIMARY KEY NOT NULL,
                    card_number TEXT,
                    status TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX personal_account_card ON personal_account(card_number);
                CREATE TABLE device (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    person_id TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX device_person ON device(person_id);
                CREATE TABLE coverage (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL,
                    person_id TEXT NOT NULL,
                    principal_id TEXT,
                    relation TEXT,
                    category TEXT NOT NULL,
                    insured_amount INTEGER NOT NULL,
                    start_date TEXT NOT NULL,        -- ISO YYYY-MM-DD, sorts as text
                    end_date TEXT,                   -- first day no longer covered
                    status TEXT NOT NULL,
                    foreign_national INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX coverage_unit ON coverage(unit_code, start_date, end_date);
                CREATE INDEX coverage_person ON coverage(person_id);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    unit_code TEXT,
                    action TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX audit_unit ON audit(unit_code, id);
                CREATE TABLE outbox_mail (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    recipient TEXT NOT NULL,
                    sent_at REAL,
                    data TEXT NOT NULL
                );
                CREATE INDEX outbox_pending ON outbox_mail(sent_at, id);
                """)
        }
        migrator.registerMigration("v2-applications") { db in
            try db.execute(sql: """
                CREATE TABLE card_application (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    person_id TEXT NOT NULL,
                    unit_code TEXT,
                    data TEXT NOT NULL
                );
                CREATE INDEX card_application_person ON card_application(person_id);
                CREATE INDEX card_application_unit ON card_application(unit_code);
                CREATE TABLE epayment_subscription (
                    unit_code TEXT PRIMARY KEY NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE TABLE attachment_blob (
                    sha256 TEXT PRIMARY KEY NOT NULL,
                    file_name TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    content BLOB NOT NULL
                );
                CREATE TABLE attachment_link (
                    owner TEXT NOT NULL,
                    sha256 TEXT NOT NULL REFERENCES attachment_blob(sha256),
                    file_name TEXT NOT NULL,
                    PRIMARY KEY (owner, sha256)
                );
                """)
        }
        migrator.registerMigration("v3-filings") { db in
            try db.execute(sql: """
                CREATE TABLE filing_batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    file_name TEXT,
                    file_sha256 TEXT UNIQUE,
                    count INTEGER NOT NULL,
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE filing (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL,
                    family TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    person_id TEXT NOT NULL,
                    principal_id TEXT,
                    relation TEXT,
                    name TEXT NOT NULL,
                    birth_date TEXT,
                    category TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    insured_amount INTEGER,
                    adjusted_amount INTEGER,
                    effective_date TEXT NOT NULL,
                    filed_on TEXT NOT NULL,
                    filed_at REAL NOT NULL,
                    filed_by TEXT NOT NULL,
                    staff_id INTEGER,
                    status TEXT NOT NULL,
                    check_code TEXT,
                    check_message TEXT,
                    converted_at REAL,
                    batch_id INTEGER REFERENCES filing_batch(id),
                    labour TEXT,
                    foreign_national INTEGER NOT NULL DEFAULT 0,
                    issue_card_to TEXT
                );
                CREATE INDEX filing_unit_day ON filing(unit_code, filed_on);
                CREATE INDEX filing_queue ON filing(status, filed_at);
                CREATE INDEX filing_person ON filing(person_id);
                CREATE TABLE labour_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    filing_id INTEGER NOT NULL REFERENCES filing(id),
                    unit_code TEXT NOT NULL,
                    action TEXT NOT NULL,
                    due_at REAL NOT NULL,
                    forwarded_at REAL
                );
                CREATE INDEX labour_outbox_due ON labour_outbox(forwarded_at, due_at);
                CREATE INDEX labour_outbox_filing ON labour_outbox(filing_id);
                """)
        }
        migrator.registerMigration("v4-billing") { db in
            try db.execute(sql: """
                CREATE TABLE bill (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    payer_key TEXT NOT NULL,
                    month TEXT NOT NULL,             -- ROC yyyMM
                    category TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    issued_at REAL NOT NULL,
                    UNIQUE (payer_key, month, category)
                );
                CREATE TABLE payment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    bill_id INTEGER NOT NULL REFERENCES bill(id),
                    amount INTEGER NOT NULL,
                    paid_on TEXT NOT NULL,
                    channel TEXT NOT NULL
                );
                CREATE INDEX payment_bill ON payment(bill_id);
                CREATE TABLE slip_download (
                    bill_id INTEGER NOT NULL REFERENCES bill(id),
                    day TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (bill_id, day)
                );
                """)
        }
        migrator.registerMigration("v5-login-tokens") { db in
            try db.execute(sql: """
                CREATE TABLE login_token (
                    value TEXT PRIMARY KEY NOT NULL,
                    expires_at REAL NOT NULL,
                    data TEXT NOT NULL               -- JSON LoginTokenRecord
                ) WITHOUT ROWID;
                CREATE INDEX login_token_expiry ON login_token(expires_at);
                """)
        }
        migrator.registerMigration("v6-dpr") { db in
            try db.execute(sql: """
                CREATE TABLE dpr_import (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    file_sha256 TEXT NOT NULL,
                    ubn TEXT NOT NULL,
                    data TEXT NOT NULL               -- JSON DPRImportRecord
                );
                CREATE INDEX dpr_import_sha ON dpr_import(file_sha256, id);
                CREATE TABLE dpr_detail (
                    content_hash TEXT PRIMARY KEY NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES dpr_import(id),
                    ubn TEXT NOT NULL,
                    income_code TEXT NOT NULL,
                    payment_date TEXT NOT NULL,      -- ISO YYYY-MM-DD
                    person_id TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    premium INTEGER NOT NULL,
                    data TEXT NOT NULL               -- JSON DPRDetailRecord
                ) WITHOUT ROWID;
                CREATE INDEX dpr_detail_ubn ON dpr_detail(ubn, import_id);
                CREATE INDEX dpr_detail_person ON dpr_detail(person_id);
                """)
        }
        migrator.registerMigration("v7-batch-registration-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE batch_job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL REFERENCES unit(code),
                    uploader_id TEXT,
                    uploaded_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    data TEXT NOT NULL,              -- JSON BatchRegistrationJob
                    file BLOB NOT NULL               -- the uploaded bytes
                );
                CREATE INDEX batch_job_unit ON batch_job(unit_code, uploaded_at);
                CREATE INDEX batch_job_status ON batch_job(status, id);
                """)
        }
        migrator.registerMigration("v8-roster-covering-index") { db in
            // The roster query reads only this index (no table lookups); it replaces
            // coverage_unit, whose columns are its prefix.
            try db.execute(sql: """
                CREATE INDEX coverage_roster ON coverage(unit_code, start_date, end_date, person_id, principal_id, relation,
                                                         category, insured_amount, status);
                DROP INDEX coverage_unit;
                """)
        }
        migrator.registerMigration("v9-roster-names-on-coverage") { db in
            // The roster shows each person's name and birth date; looking them up in `person`
            // row by row cost most of the roster query (10,000 random B-tree probes). They are
            // kept on the coverage row instead, in the covering index, and kept in step with
            // `person` by triggers (a store detail: the service never sees these columns).
            try db.execute(sql: """
                ALTER TABLE coverage ADD COLUMN person_name TEXT;
                ALTER TABLE coverage ADD COLUMN person_birth_date TEXT;
                UPDATE coverage SET person_name = (SELECT name FROM person WHERE person.id = coverage.person_id),
                                    person_birth_date = (SELECT birth_date FROM person WHERE person.id = coverage.person_id);
                DROP INDEX coverage_roster;
                CREATE INDEX coverage_roster ON coverage(unit_code, start_date, end_date, person_id, principal_id, relation,
                                                         category, insured_amount, status, person_name, person_birth_date);
                CREATE TRIGGER person_updated_names_coverage AFTER UPDATE OF name, birth_date ON person
                WHEN old.name IS NOT new.name OR old.birth_date IS NOT new.birth_date
                BEGIN
                    UPDATE coverage SET person_name = new.name, person_birth_date = new.birth_date WHERE person_id = new.id;
                END;
                CREATE TRIGGER person_inserted_names_coverage AFTER INSERT ON person
                BEGIN
                    UPDATE coverage SET person_name = new.name, person_birth_date = new.birth_date
                    WHERE person_id = new.id AND person_name IS NULL;
                END;
                """)
        }
        migrator.registerMigration("v10-sealed-secrets") { db in
            // One row: a value sealed with the store key (a database opened with another key
            // is refused). Sealing the older plain-text rows needs the key, so it is done by
            // `SQLiteStore.sealSecrets` right after the migrations, when this row is missing.
            try db.execute(sql: """
                CREATE TABLE store_secret (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    key_check TEXT NOT NULL
                );
                -- Settings of the database itself (`testClock`: made for tests and demos).
                CREATE TABLE store_setting (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11-coverage-periods") { db in
            // Coverage is a dated history of periods; a status or amount change splits a
            // period, and the roster shows the enrolment's first day (加保日), kept on each
            // period of the enrolment.
            try db.execute(sql: """
                ALTER TABLE coverage ADD COLUMN enrolled_date TEXT;
                UPDATE coverage SET enrolled_date = start_date;
                DROP INDEX coverage_roster;
                CREATE INDEX coverage_roster ON coverage(unit_code, start_date, end_date, person_id, principal_id, relation,
                                                         category, insured_amount, enrolled_date, status, person_name, person_birth_date);
                """)
        }
        migrator.registerMigration("v12-bill-lines") { db in
            // A bill is the sum of its lines: the month's premium, adjustments for earlier
            // months changed by later filings, late fees. Bills issued before get one premium line.
            try db.execute(sql: """
                CREATE TABLE bill_line (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    bill_id INTEGER NOT NULL REFERENCES bill(id),
                    month TEXT NOT NULL,             -- ROC yyyMM the line is for
                    kind TEXT NOT NULL,              -- premium | adjustment | lateFee
                    amount INTEGER NOT NULL
                );
                CREATE INDEX bill_line_bill ON bill_line(bill_id);
                CREATE INDEX bill_line_month ON bill_line(month, bill_id);
                INSERT INTO bill_line (bill_id, month, kind, amount) SELECT id, month, 'premium', amount FROM bill;
                CREATE TABLE billing_baseline (
                    unit_code TEXT PRIMARY KEY,
                    month TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v13-statements") { db in
            try db.execute(sql: """
                CREATE TABLE statement_request (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_code TEXT NOT NULL,
                    status TEXT NOT NULL,
                    data TEXT NOT NULL,
                    content TEXT
                );
                CREATE INDEX statement_request_unit ON statement_request(unit_code, id);
                CREATE INDEX statement_request_status ON statement_request(status, id);
                """)
        }
        migrator.registerMigration("v14-request-records") { db in
            try db.execute(sql: """
                CREATE TABLE request_record (
                    owner TEXT NOT NULL,
                    key TEXT NOT NULL,
                    request_digest TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    response BLOB NOT NULL,
                    at REAL NOT NULL,
                    PRIMARY KEY (owner, key)
                ) WITHOUT ROWID;
                CREATE INDEX request_record_at ON request_record(at);
                """)
        }
        return migrator
    }()
}
