/* SPDX-License-Identifier: MIT */
/*
 * The database schema as an ordered list of migrations. Migration N brings a
 * database from PRAGMA user_version N-1 to N. Never edit a migration that has
 * shipped: add a new one. Tables mirror core/schema.c (a test checks it).
 */
#include "store/sqlite/migrations.h"
#include "store/sqlite/sq.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The SQL below keeps one clause per line, as written. */
/* clang-format off */
#define DATE_OK(c) "CHECK (" #c " IS NULL OR (length(" #c ") = 10 AND date(" #c ") IS " #c "))"

/* Version 1: every table of the data model. Foreign keys are deferred so
 * that an import can load rows in any order and check them before COMMIT. */
static const char v1[] =
    "CREATE TABLE units ("
    " code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 64),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " level TEXT NOT NULL CHECK (level IN ('province','district','commune')),"
    " parent_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " valid_from TEXT " DATE_OK(valid_from) ", valid_to TEXT " DATE_OK(valid_to) ","
    " replaced_by TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " lat REAL CHECK (lat BETWEEN -90 AND 90), lon REAL CHECK (lon BETWEEN -180 AND 180),"
    " position TEXT CHECK (position IN ('surveyed','approximate')),"
    " source TEXT, search TEXT) STRICT;"
    "CREATE TABLE sectors ("
    " version TEXT NOT NULL CHECK (version IN ('2018','2025')),"
    " code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 8),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT, source TEXT, search TEXT,"
    " PRIMARY KEY (version, code)) STRICT;"
    "CREATE TABLE sector_map ("
    " from_version TEXT NOT NULL CHECK (from_version IN ('2018','2025')),"
    " from_code TEXT NOT NULL, to_version TEXT NOT NULL CHECK (to_version IN ('2018','2025')),"
    " to_code TEXT NOT NULL, source TEXT,"
    " PRIMARY KEY (from_version, from_code, to_version, to_code),"
    " FOREIGN KEY (from_version, from_code) REFERENCES sectors(version, code)"
    "  DEFERRABLE INITIALLY DEFERRED,"
    " FOREIGN KEY (to_version, to_code) REFERENCES sectors(version, code)"
    "  DEFERRABLE INITIALLY DEFERRED) STRICT;"
    "CREATE TABLE zones ("
    " code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 64),"
    " kind TEXT NOT NULL CHECK (kind IN ('kcn','ccn','hitech','logistics','economic','port')),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " group_code TEXT REFERENCES zones(code) DEFERRABLE INITIALLY DEFERRED,"
    " unit_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " commune TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " status TEXT CHECK (status IN ('planned','approved','building','operating','cancelled')),"
    " planned_year INTEGER CHECK (planned_year BETWEEN 1900 AND 2100),"
    " established_on TEXT " DATE_OK(established_on) ","
    " total_ha REAL CHECK (total_ha >= 0), industrial_ha REAL CHECK (industrial_ha >= 0),"
    " leased_ha REAL CHECK (leased_ha >= 0),"
    " occupancy_reported_pct REAL CHECK (occupancy_reported_pct BETWEEN 0 AND 100),"
    " lease_usd_m2 REAL CHECK (lease_usd_m2 >= 0), lease_until TEXT " DATE_OK(lease_until) ","
    " developer TEXT,"
    " lat REAL CHECK (lat BETWEEN -90 AND 90), lon REAL CHECK (lon BETWEEN -180 AND 180),"
    " position TEXT CHECK (position IN ('surveyed','approximate')),"
    " km_hcmc REAL CHECK (km_hcmc >= 0), km_port REAL CHECK (km_port >= 0),"
    " wwtp_m3_day REAL CHECK (wwtp_m3_day >= 0), power_mva REAL CHECK (power_mva >= 0),"
    " water_m3_day REAL CHECK (water_m3_day >= 0),"
    " infra_complete INTEGER CHECK (infra_complete IN (0,1)),"
    " sectors TEXT, tenants TEXT, source TEXT,"
    " confidence TEXT CHECK (confidence IN ('high','medium','low')),"
    " as_of TEXT " DATE_OK(as_of) ", note TEXT, search TEXT,"
    " CHECK (leased_ha IS NULL OR industrial_ha IS NULL OR leased_ha <= industrial_ha)) STRICT;"
    "CREATE TABLE enterprises ("
    " tax_code TEXT PRIMARY KEY NOT NULL CHECK (length(tax_code) BETWEEN 10 AND 14),"
    " name TEXT NOT NULL, name_en TEXT, country TEXT CHECK (length(country) = 2),"
    " ownership TEXT CHECK (ownership IN ('fdi','domestic','state')),"
    " zone_code TEXT REFERENCES zones(code) DEFERRABLE INITIALLY DEFERRED,"
    " unit_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " vsic TEXT, products TEXT, capabilities TEXT, certifications TEXT,"
    " employees INTEGER CHECK (employees >= 0),"
    " founded INTEGER CHECK (founded BETWEEN 1800 AND 2100),"
    " supplier INTEGER CHECK (supplier IN (0,1)),"
    " lat REAL CHECK (lat BETWEEN -90 AND 90), lon REAL CHECK (lon BETWEEN -180 AND 180),"
    " source TEXT, search TEXT) STRICT;"
    "CREATE TABLE projects ("
    " code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,"
    " investor_tax_code TEXT REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " zone_code TEXT REFERENCES zones(code) DEFERRABLE INITIALLY DEFERRED,"
    " unit_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " vsic TEXT, capital_usd REAL CHECK (capital_usd >= 0), land_ha REAL CHECK (land_ha >= 0),"
    " jobs INTEGER CHECK (jobs >= 0),"
    " status TEXT NOT NULL CHECK (status IN ('lead','dossier','approved','licensed','building',"
    "  'operating','suspended','terminated')),"
    " registered_on TEXT " DATE_OK(registered_on) ", irc_no TEXT,"
    " country TEXT CHECK (length(country) = 2), source TEXT, search TEXT) STRICT;"
    "CREATE TABLE demands ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " buyer_tax_code TEXT NOT NULL REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " title TEXT NOT NULL, vsic TEXT, capabilities TEXT, certifications TEXT,"
    " annual_usd REAL CHECK (annual_usd >= 0), needed_by TEXT " DATE_OK(needed_by) ","
    " status TEXT NOT NULL CHECK (status IN ('open','matched','closed'))) STRICT;"
    "CREATE TABLE linkages ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " supplier_tax_code TEXT NOT NULL REFERENCES enterprises(tax_code)"
    "  DEFERRABLE INITIALLY DEFERRED,"
    " buyer_tax_code TEXT NOT NULL REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " demand_code TEXT REFERENCES demands(code) DEFERRABLE INITIALLY DEFERRED,"
    " annual_usd REAL CHECK (annual_usd >= 0),"
    " since TEXT " DATE_OK(since) ", until TEXT " DATE_OK(until) ") STRICT;"
    "CREATE TABLE dossiers ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " project_code TEXT NOT NULL REFERENCES projects(code) DEFERRABLE INITIALLY DEFERRED,"
    " procedure TEXT NOT NULL CHECK (procedure IN ('policy_approval','irc_issue','irc_adjust',"
    "  'land_lease','env_permit','construction_permit')),"
    " submitted_on TEXT NOT NULL " DATE_OK(submitted_on) ", due_on TEXT " DATE_OK(due_on) ","
    " status TEXT NOT NULL CHECK (status IN ('received','consulting','decided','returned',"
    "  'withdrawn')),"
    " decision TEXT CHECK (decision IN ('approved','rejected')),"
    " decided_on TEXT " DATE_OK(decided_on) ") STRICT;"
    "CREATE TABLE consultations ("
    " dossier_code TEXT NOT NULL REFERENCES dossiers(code) DEFERRABLE INITIALLY DEFERRED,"
    " department TEXT NOT NULL, requested_on TEXT NOT NULL " DATE_OK(requested_on) ","
    " due_on TEXT " DATE_OK(due_on) ", answered_on TEXT " DATE_OK(answered_on) ","
    " opinion TEXT CHECK (opinion IN ('agree','agree_with_conditions','disagree')),"
    " note TEXT, PRIMARY KEY (dossier_code, department)) STRICT;"
    "CREATE TABLE time_limits ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " procedure TEXT NOT NULL CHECK (procedure IN ('policy_approval','irc_issue','irc_adjust',"
    "  'land_lease','env_permit','construction_permit')),"
    " step TEXT NOT NULL, days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 3650),"
    " day_kind TEXT NOT NULL CHECK (day_kind IN ('calendar','working')),"
    " law TEXT NOT NULL, valid_from TEXT " DATE_OK(valid_from) ","
    " valid_to TEXT " DATE_OK(valid_to) ", source TEXT) STRICT;"
    "CREATE TABLE targets ("
    " code TEXT PRIMARY KEY NOT NULL, metric TEXT NOT NULL, scope TEXT,"
    " scope_unit TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT, measure_unit TEXT,"
    " basis TEXT NOT NULL CHECK (basis IN ('registry','reported')),"
    " direction TEXT CHECK (direction IN ('increase','decrease')),"
    " baseline_value REAL, baseline_on TEXT " DATE_OK(baseline_on) ","
    " target_value REAL, due_on TEXT " DATE_OK(due_on) ", source TEXT) STRICT;"
    "CREATE TABLE observations ("
    " target_code TEXT NOT NULL REFERENCES targets(code) DEFERRABLE INITIALLY DEFERRED,"
    " observed_on TEXT NOT NULL " DATE_OK(observed_on) ", value REAL NOT NULL,"
    " source TEXT, note TEXT, PRIMARY KEY (target_code, observed_on)) STRICT;"
    "CREATE TABLE partners ("
    " code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " country TEXT CHECK (length(country) = 2),"
    " kind TEXT CHECK (kind IN ('government','agency','association','company','other')),"
    " since TEXT " DATE_OK(since) ", source TEXT) STRICT;"
    "CREATE TABLE events ("
    " code TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL,"
    " partner_code TEXT REFERENCES partners(code) DEFERRABLE INITIALLY DEFERRED,"
    " held_on TEXT " DATE_OK(held_on) ", place TEXT, country TEXT CHECK (length(country) = 2),"
    " source TEXT) STRICT;"
    "CREATE TABLE leads ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " event_code TEXT REFERENCES events(code) DEFERRABLE INITIALLY DEFERRED,"
    " company TEXT NOT NULL, country TEXT CHECK (length(country) = 2), vsic TEXT, contact TEXT,"
    " zones TEXT, received_on TEXT " DATE_OK(received_on) ", note TEXT) STRICT;";

/* Version 2: full-text search over the folded "search" column (core/text_fold),
 * kept in step by triggers that only copy the column. */
#define FTS(t)                                                                                     \
    "CREATE VIRTUAL TABLE " #t "_fts USING fts5(search, content='" #t "', content_rowid='rowid',"  \
    " tokenize='unicode61 remove_diacritics 2');"                                                  \
    "CREATE TRIGGER " #t "_fts_ai AFTER INSERT ON " #t " BEGIN"                                    \
    " INSERT INTO " #t "_fts(rowid, search) VALUES (new.rowid, new.search); END;"                  \
    "CREATE TRIGGER " #t "_fts_ad AFTER DELETE ON " #t " BEGIN"                                    \
    " INSERT INTO " #t "_fts(" #t "_fts, rowid, search) VALUES ('delete', old.rowid, old.search);" \
    " END;"                                                                                        \
    "CREATE TRIGGER " #t "_fts_au AFTER UPDATE OF search ON " #t " BEGIN"                          \
    " INSERT INTO " #t "_fts(" #t "_fts, rowid, search) VALUES ('delete', old.rowid, old.search);" \
    " INSERT INTO " #t "_fts(rowid, search) VALUES (new.rowid, new.search); END;"                  \
    "INSERT INTO " #t "_fts(" #t "_fts) VALUES ('rebuild');"

static const char v2[] = FTS(units) FTS(sectors) FTS(zones) FTS(enterprises) FTS(projects);

/* Version 3: indexes for the filters of the read API. */
static const char v3[] =
    "CREATE INDEX units_parent ON units(parent_code);"
    "CREATE INDEX units_replaced ON units(replaced_by);"
    "CREATE INDEX zones_kind_status ON zones(kind, status);"
    "CREATE INDEX zones_unit ON zones(unit_code);"
    "CREATE INDEX zones_commune ON zones(commune);"
    "CREATE INDEX zones_group ON zones(group_code);"
    "CREATE INDEX enterprises_zone ON enterprises(zone_code);"
    "CREATE INDEX enterprises_unit ON enterprises(unit_code);"
    "CREATE INDEX projects_zone ON projects(zone_code);"
    "CREATE INDEX projects_unit ON projects(unit_code);"
    "CREATE INDEX projects_investor ON projects(investor_tax_code);"
    "CREATE INDEX dossiers_project ON dossiers(project_code);"
    "CREATE INDEX demands_buyer ON demands(buyer_tax_code);"
    "CREATE INDEX linkages_supplier ON linkages(supplier_tax_code);"
    "CREATE INDEX linkages_buyer ON linkages(buyer_tax_code);"
    "CREATE INDEX linkages_demand ON linkages(demand_code);"
    "CREATE INDEX events_partner ON events(partner_code);"
    "CREATE INDEX leads_event ON leads(event_code);";

/* Version 4: the filtered zone list (kind, status, unit) answered from an
 * index alone before the rows are read. */
static const char v4[] = "CREATE INDEX zones_kind_status_unit ON zones(kind, status, unit_code);";

/* Version 5, for the speed of text search (bench/RESULTS.md):
 * - The full-text indexes keep only which rows hold a word (detail=none:
 *   every search word is a token of its own, never a phrase) and index the
 *   prefixes of 2, 3 and 4 letters, so a short "word*" query no longer
 *   merges every word that starts with it before its first hit.
 * - An enterprise's rowid is made from its tax code in the same order
 *   (SQ_TAX_CODE_ROWID), so the full-text index hands out its hits already
 *   in key order and the first page of a search is its first hits. Triggers
 *   refuse any row whose rowid breaks that rule, whoever writes it, and the
 *   index follows a row whose rowid changes with its code.
 * - The zone index of version 4 also holds the commune, so a unit filter
 *   (district or commune) is decided from the index before a row is read. */
#define FTS5_OPTIONS " tokenize='unicode61 remove_diacritics 2', detail=none, prefix='2 3 4'"
#define FTS_V5(t)                                                                                  \
    "DROP TABLE " #t "_fts;"                                                                       \
    "CREATE VIRTUAL TABLE " #t "_fts USING fts5(search, content='" #t                              \
    "', content_rowid='rowid'," FTS5_OPTIONS ");"                                                  \
    "INSERT INTO " #t "_fts(" #t "_fts) VALUES ('rebuild');"

static const char v5[] =
    "DROP TABLE enterprises_fts;"
    "UPDATE enterprises SET rowid = -rowid;"
    "UPDATE enterprises SET rowid = " SQ_TAX_CODE_ROWID("tax_code") ";"
    "CREATE VIRTUAL TABLE enterprises_fts USING fts5(search, content='enterprises',"
    " content_rowid='rowid'," FTS5_OPTIONS ");"
    "INSERT INTO enterprises_fts(enterprises_fts) VALUES ('rebuild');"
    "CREATE TRIGGER enterprises_rowid_ai AFTER INSERT ON enterprises"
    " WHEN new.rowid IS NOT " SQ_TAX_CODE_ROWID("new.tax_code") " BEGIN"
    " SELECT RAISE(ABORT, 'enterprises: the rowid must be made from the tax code'); END;"
    "CREATE TRIGGER enterprises_rowid_au AFTER UPDATE OF rowid, tax_code ON enterprises"
    " WHEN new.rowid IS NOT " SQ_TAX_CODE_ROWID("new.tax_code") " BEGIN"
    " SELECT RAISE(ABORT, 'enterprises: the rowid must be made from the tax code'); END;"
    "DROP TRIGGER enterprises_fts_au;"
    "CREATE TRIGGER enterprises_fts_au AFTER UPDATE ON enterprises BEGIN"
    " INSERT INTO enterprises_fts(enterprises_fts, rowid, search)"
    " VALUES ('delete', old.rowid, old.search);"
    " INSERT INTO enterprises_fts(rowid, search) VALUES (new.rowid, new.search); END;"
    "DROP INDEX zones_kind_status_unit;"
    "CREATE INDEX zones_kind_status_place ON zones(kind, status, unit_code, commune);"
    FTS_V5(units) FTS_V5(sectors) FTS_V5(zones) FTS_V5(projects);

/* Version 6: provenance. The sources that rows cite, each with its
 * publisher, title, date and whether it was checked when the data was
 * compiled; the true precision of a date known only to the month or year;
 * why a zone's confidence is what it is; which source gave which of a
 * zone's figures; when each table's data last changed (for the open-data
 * page), written by whatever writes it. New columns come last, after a
 * table's "search". */
#define PRECISION_OK(c) "CHECK (" #c " IN ('day','month','year'))"

static const char v6[] =
    "CREATE TABLE sources ("
    " code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 64),"
    " cite TEXT NOT NULL UNIQUE, url TEXT, publisher TEXT,"
    " title TEXT, title_vi TEXT, title_en TEXT, title_ko TEXT,"
    " lang TEXT CHECK (length(lang) BETWEEN 2 AND 3),"
    " published_on TEXT " DATE_OK(published_on) ","
    " published_precision TEXT " PRECISION_OK(published_precision) ","
    " kind TEXT CHECK (kind IN ('official','press','developer','broker','aggregator','legal',"
    "'dataset','other')),"
    " reviewed INTEGER CHECK (reviewed IN (0,1)), review TEXT, note TEXT) STRICT;"
    "ALTER TABLE zones ADD COLUMN as_of_precision TEXT " PRECISION_OK(as_of_precision) ";"
    "ALTER TABLE zones ADD COLUMN confidence_note TEXT;"
    "ALTER TABLE zones ADD COLUMN provenance TEXT;"
    "ALTER TABLE targets ADD COLUMN baseline_precision TEXT " PRECISION_OK(baseline_precision) ";"
    "ALTER TABLE observations ADD COLUMN observed_precision TEXT "
    PRECISION_OK(observed_precision) ";"
    "CREATE TABLE dataset_updates ("
    " name TEXT PRIMARY KEY NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT) STRICT;";

/* Version 7: text for the public in three languages. A column of free
 * text without a language suffix is written in English, the language in
 * which the data keepers write their notes; its _vi and _ko columns hold
 * the same text in Vietnamese and Korean. A zone's note stays the data
 * keeper's own (how the figures were found, what to watch); its summary
 * says the same to the public in plain words. */
static const char v7[] =
    "ALTER TABLE zones ADD COLUMN summary TEXT;"
    "ALTER TABLE zones ADD COLUMN summary_vi TEXT;"
    "ALTER TABLE zones ADD COLUMN summary_ko TEXT;"
    "ALTER TABLE zones ADD COLUMN confidence_note_vi TEXT;"
    "ALTER TABLE zones ADD COLUMN confidence_note_ko TEXT;"
    "ALTER TABLE targets ADD COLUMN scope_vi TEXT;"
    "ALTER TABLE targets ADD COLUMN scope_ko TEXT;"
    "ALTER TABLE observations ADD COLUMN note_vi TEXT;"
    "ALTER TABLE observations ADD COLUMN note_ko TEXT;"
    "ALTER TABLE sources ADD COLUMN review_vi TEXT;"
    "ALTER TABLE sources ADD COLUMN review_ko TEXT;";

/* Version 8: accounts and the audit trail.
 * - departments: the province's departments, whose officers answer
 *   consultations (a user of role department belongs to one).
 * - users: a role, the organisation the role needs (a department, or an
 *   enterprise for an investor or a supplier), an Argon2id password hash
 *   (libsodium's string form, which names its own parameters), and times
 *   in milliseconds since 1970 taken from the program's clock.
 * - sessions and api_tokens keep only a hash of their secret.
 * - audit: one record per write, chained by hash (core/audit_chain.h);
 *   triggers refuse every UPDATE and DELETE of it.
 * - data_generation: a counter of the writes to the data model's tables
 *   (not to accounts, sessions or the trail), moved with each one's audit
 *   record: what store_generation answers, so that a sign-in does not
 *   make every kept answer stale. */
static const char v8[] =
    "CREATE TABLE departments ("
    " code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 64),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " scope_unit TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
    " valid_from TEXT " DATE_OK(valid_from) ", valid_to TEXT " DATE_OK(valid_to) ","
    " source TEXT) STRICT;"
    "CREATE TABLE users ("
    " name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 2 AND 64),"
    " display_name TEXT,"
    " role TEXT NOT NULL CHECK (role IN ('admin','officer','department','investor','supplier',"
    "'viewer')),"
    " department TEXT REFERENCES departments(code) DEFERRABLE INITIALLY DEFERRED,"
    " tax_code TEXT REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " password_hash TEXT,"
    " created_ms INTEGER NOT NULL, password_ms INTEGER, disabled_ms INTEGER,"
    " CHECK ((role = 'department') = (department IS NOT NULL)),"
    " CHECK ((role IN ('investor','supplier')) = (tax_code IS NOT NULL))) STRICT;"
    "CREATE TABLE api_tokens ("
    " id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
    " user_name TEXT NOT NULL REFERENCES users(name),"
    " hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64), label TEXT,"
    " created_ms INTEGER NOT NULL, revoked_ms INTEGER) STRICT;"
    "CREATE INDEX api_tokens_user ON api_tokens(user_name);"
    "CREATE TABLE sessions ("
    " hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),"
    " user_name TEXT NOT NULL REFERENCES users(name),"
    " created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, ended_ms INTEGER,"
    " address TEXT) STRICT;"
    "CREATE INDEX sessions_user ON sessions(user_name);"
    "CREATE TABLE audit ("
    " id INTEGER PRIMARY KEY NOT NULL CHECK (id >= 1), at_ms INTEGER NOT NULL,"
    " actor TEXT NOT NULL, address TEXT, action TEXT NOT NULL, table_name TEXT NOT NULL,"
    " row_key TEXT, before_json TEXT, after_json TEXT, source TEXT,"
    " hash TEXT NOT NULL CHECK (length(hash) = 64)) STRICT;"
    "CREATE INDEX audit_row ON audit(table_name, row_key, id);"
    "CREATE INDEX audit_actor ON audit(actor, id);"
    "CREATE INDEX audit_at ON audit(at_ms);"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit trail is append-only: records are never changed'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit trail is append-only: records are never removed'); END;"
    "CREATE TABLE data_generation ("
    " id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1), n INTEGER NOT NULL) STRICT;"
    "INSERT INTO data_generation (id, n) VALUES (1, 0);";

/* Version 9: edits of the registry and the follow-up of inquiries.
 * - An audit record keeps the date the figures it changed are as of,
 *   beside the source the writer gave (the chain hashes it only when
 *   present: core/audit_chain.c).
 * - A lead has a status, an owner (the officer who follows it up) and
 *   the officers' notes. A lead without a status (loaded from a file that
 *   has none) is new.
 * - A position may be an area_centre: the centre of a mapped area (an
 *   OpenStreetMap way), neither surveyed nor a district's centroid. SQLite
 *   cannot change a CHECK constraint, and rebuilding zones and units would
 *   have to rebuild every table that refers to them; a CHECK is not stored
 *   in the rows, so the statement that defines it is edited in place (as
 *   SQLite's "other kinds of table schema changes" describes), and
 *   migrate_step then moves the schema version so that every connection
 *   reads it anew. */
static const char v9[] =
    "ALTER TABLE audit ADD COLUMN as_of TEXT " DATE_OK(as_of) ";"
    "ALTER TABLE leads ADD COLUMN status TEXT CHECK (status IN ('new','contacted','visiting',"
    "'invested','dropped'));"
    "ALTER TABLE leads ADD COLUMN owner TEXT CHECK (length(owner) BETWEEN 1 AND 64);"
    "ALTER TABLE leads ADD COLUMN notes TEXT;"
    "CREATE INDEX leads_status ON leads(status);"
    "CREATE INDEX leads_owner ON leads(owner);"
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace(sql,"
    " 'position IN (''surveyed'',''approximate'')',"
    " 'position IN (''surveyed'',''approximate'',''area_centre'')')"
    " WHERE type = 'table' AND name IN ('zones', 'units');"
    "PRAGMA writable_schema = OFF;";

/* Version 10: which rows each write to the data model changed.
 * - data_changes: one row per move of data_generation, numbered by the
 *   generation it moved to: the table, the row's key (NULL: the whole
 *   table, as an import changes it, or a key of more than one column) and
 *   the columns an update changed (",a,b,"; NULL: any, as for an insert
 *   or a delete). What a reader keeps of the data (store_changes) is then
 *   dropped row by row rather than whole. Only the newest changes are
 *   kept (audit.c); a reader further behind drops everything. The trail
 *   stays the record: this table is a hint, rebuilt by nothing. */
static const char v10[] =
    "CREATE TABLE data_changes ("
    " n INTEGER PRIMARY KEY NOT NULL CHECK (n >= 1), table_name TEXT NOT NULL,"
    " row_key TEXT, columns TEXT) STRICT;";

/* Version 11: the working-day calendar of public agencies.
 * - calendar_days: the days the Government gives off or makes working
 *   days, one row per date (weekends are a rule, not rows): holidays,
 *   days off (a Tết break, a swap), compensatory days, working Saturdays
 *   and conditional days (off once a law makes them so). provisional: the
 *   row was worked out from the Labour Code's rules for a year whose
 *   schedule is not announced (core/workday_rules.h). */
static const char v11[] =
    "CREATE TABLE calendar_days ("
    " date TEXT PRIMARY KEY NOT NULL " DATE_OK(date) ","
    " kind TEXT NOT NULL CHECK (kind IN ('holiday','day_off','compensatory','working_saturday',"
    "'conditional')),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " provisional INTEGER CHECK (provisional IN (0, 1)),"
    " source TEXT) STRICT;";

/* Version 12: a time limit that no source gives. A row may say that a
 * step's limit is unknown (its days or their kind empty), as for the
 * procedures of the Investment Law 143/2025 whose decree was not read,
 * rather than leave the period without a row. SQLite cannot drop NOT
 * NULL, so the table is made anew with its rows (nothing refers to it). */
static const char v12[] =
    "CREATE TABLE time_limits_v12 ("
    " code TEXT PRIMARY KEY NOT NULL,"
    " procedure TEXT NOT NULL CHECK (procedure IN ('policy_approval','irc_issue','irc_adjust',"
    "  'land_lease','env_permit','construction_permit')),"
    " step TEXT NOT NULL, days INTEGER CHECK (days BETWEEN 0 AND 3650),"
    " day_kind TEXT CHECK (day_kind IN ('calendar','working')),"
    " law TEXT NOT NULL, valid_from TEXT " DATE_OK(valid_from) ","
    " valid_to TEXT " DATE_OK(valid_to) ", source TEXT) STRICT;"
    "INSERT INTO time_limits_v12 (code, procedure, step, days, day_kind, law, valid_from,"
    " valid_to, source) SELECT code, procedure, step, days, day_kind, law, valid_from,"
    " valid_to, source FROM time_limits;"
    "DROP TABLE time_limits;"
    "ALTER TABLE time_limits_v12 RENAME TO time_limits;";

/* Version 13: the dossier workflow.
 * - procedure_departments: which department receives a procedure's
 *   dossiers, and which are consulted, inside an industrial park or
 *   outside one, with the dates it holds and its source.
 * - dossiers: the receiving department; when the dossier was accepted
 *   (its clock starts) or last returned (and the items missing); the time
 *   limit its clock runs on (the time_limits row, or a limit the officer
 *   set where no source gives one: limit_code empty); the appraisal; the
 *   certificate's number.
 * - consultations: the time limit of each department's clock, and the
 *   document it attached to its opinion.
 * - dossier_questions: a question to the investor, by the officer (the
 *   dossier's clock pauses) or by a department (its own clock pauses),
 *   until the answer.
 * - dossier_documents: the documents of a dossier, by number; their bytes
 *   are kept once per SHA-256 in documents (not a table of the data
 *   model: never exported, served only as an attachment).
 * - dossier_secrets: the hash of the secret that lets anyone holding it
 *   see a dossier's stage. */
static const char v13[] =
    "CREATE TABLE procedure_departments ("
    " procedure TEXT NOT NULL CHECK (procedure IN ('policy_approval','irc_issue','irc_adjust',"
    "  'land_lease','env_permit','construction_permit')),"
    " location TEXT NOT NULL CHECK (location IN ('in_park','outside_park')),"
    " department TEXT NOT NULL REFERENCES departments(code) DEFERRABLE INITIALLY DEFERRED,"
    " role TEXT NOT NULL CHECK (role IN ('receiving','consulted')),"
    " valid_from TEXT " DATE_OK(valid_from) ", valid_to TEXT " DATE_OK(valid_to) ","
    " source TEXT, PRIMARY KEY (procedure, location, department)) STRICT;"
    "ALTER TABLE dossiers ADD COLUMN receiving_department TEXT"
    " REFERENCES departments(code) DEFERRABLE INITIALLY DEFERRED;"
    "ALTER TABLE dossiers ADD COLUMN accepted_on TEXT " DATE_OK(accepted_on) ";"
    "ALTER TABLE dossiers ADD COLUMN returned_on TEXT " DATE_OK(returned_on) ";"
    "ALTER TABLE dossiers ADD COLUMN missing TEXT;"
    "ALTER TABLE dossiers ADD COLUMN limit_code TEXT;"
    "ALTER TABLE dossiers ADD COLUMN limit_days INTEGER CHECK (limit_days BETWEEN 0 AND 3650);"
    "ALTER TABLE dossiers ADD COLUMN limit_kind TEXT CHECK (limit_kind IN ('calendar','working'));"
    "ALTER TABLE dossiers ADD COLUMN appraised_on TEXT " DATE_OK(appraised_on) ";"
    "ALTER TABLE dossiers ADD COLUMN appraisal TEXT;"
    "ALTER TABLE dossiers ADD COLUMN certificate_no TEXT;"
    "ALTER TABLE consultations ADD COLUMN limit_code TEXT;"
    "ALTER TABLE consultations ADD COLUMN limit_days INTEGER"
    " CHECK (limit_days BETWEEN 0 AND 3650);"
    "ALTER TABLE consultations ADD COLUMN limit_kind TEXT"
    " CHECK (limit_kind IN ('calendar','working'));"
    "ALTER TABLE consultations ADD COLUMN document INTEGER CHECK (document >= 1);"
    "CREATE INDEX dossiers_status ON dossiers(status, due_on);"
    "CREATE INDEX consultations_queue ON consultations(department, answered_on, due_on);"
    "CREATE TABLE dossier_questions ("
    " dossier_code TEXT NOT NULL REFERENCES dossiers(code) DEFERRABLE INITIALLY DEFERRED,"
    " n INTEGER NOT NULL CHECK (n >= 1), department TEXT,"
    " asked_on TEXT NOT NULL " DATE_OK(asked_on) ", question TEXT NOT NULL,"
    " answered_on TEXT " DATE_OK(answered_on) ", answer TEXT,"
    " PRIMARY KEY (dossier_code, n)) STRICT;"
    "CREATE TABLE documents ("
    " sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),"
    " content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png',"
    "'image/jpeg')),"
    " bytes INTEGER NOT NULL CHECK (bytes >= 1), content BLOB NOT NULL) STRICT;"
    "CREATE TABLE dossier_documents ("
    " dossier_code TEXT NOT NULL REFERENCES dossiers(code) DEFERRABLE INITIALLY DEFERRED,"
    " n INTEGER NOT NULL CHECK (n >= 1), name TEXT NOT NULL,"
    " content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png',"
    "'image/jpeg')),"
    " bytes INTEGER NOT NULL CHECK (bytes >= 1),"
    " sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
    " uploaded_on TEXT NOT NULL " DATE_OK(uploaded_on) ", department TEXT,"
    " PRIMARY KEY (dossier_code, n)) STRICT;"
    "CREATE TABLE dossier_secrets ("
    " dossier_code TEXT PRIMARY KEY NOT NULL REFERENCES dossiers(code)"
    " DEFERRABLE INITIALLY DEFERRED, hash TEXT NOT NULL CHECK (length(hash) = 64)) STRICT;";

/* Version 14: reminders and alerts of dossiers' clocks.
 * - users: an e-mail address to send them to, and whether a department's
 *   user is its head (alerted when its consultations are overdue).
 * - notifications: one per user, clock and kind (a reminder before the
 *   due day, an alert once overdue), made once: the key says which due
 *   day it was about, so a clock restarted after a question gets its own.
 *   read_ms: when the user saw it in the web app; mailed_ms or mail_error:
 *   what came of sending it. */
static const char v14[] =
    "ALTER TABLE users ADD COLUMN email TEXT CHECK (email IS NULL OR"
    " (length(email) BETWEEN 3 AND 254 AND instr(email, '@') > 1));"
    "ALTER TABLE users ADD COLUMN head INTEGER CHECK (head IN (0, 1));"
    "CREATE TABLE notifications ("
    " id INTEGER PRIMARY KEY NOT NULL CHECK (id >= 1),"
    " user_name TEXT NOT NULL REFERENCES users(name),"
    " kind TEXT NOT NULL CHECK (kind IN ('reminder','overdue')),"
    " dossier_code TEXT NOT NULL, department TEXT, due_on TEXT NOT NULL " DATE_OK(due_on) ","
    " created_ms INTEGER NOT NULL, read_ms INTEGER, mailed_ms INTEGER, mail_error TEXT,"
    " UNIQUE (user_name, kind, dossier_code, department, due_on)) STRICT;"
    "CREATE INDEX notifications_user ON notifications(user_name, id);";

/* Version 15: a consultation closed unanswered. When its dossier is
 * decided or withdrawn, a department that has not answered no longer
 * owes an opinion: closed_on says since when, so that what is still open
 * is one index away (consultations_open) rather than a join with every
 * dossier still consulted on. */
static const char v15[] =
    "ALTER TABLE consultations ADD COLUMN closed_on TEXT " DATE_OK(closed_on) ";"
    "UPDATE consultations SET closed_on = (SELECT coalesce(d.decided_on, d.submitted_on)"
    " FROM dossiers d WHERE d.code = consultations.dossier_code)"
    " WHERE answered_on IS NULL AND dossier_code IN (SELECT code FROM dossiers"
    " WHERE status IN ('decided', 'withdrawn'));"
    "CREATE INDEX consultations_open ON consultations(department, due_on)"
    " WHERE answered_on IS NULL AND closed_on IS NULL;";

/* Version 16: a notification taken for mailing. The server's hourly run
 * and a `khu notify` from cron may look at the same notifications at
 * once: mailing_ms says when a sender took one, and another leaves it
 * alone for a while (APP_NOTIFY_LEASE_MS), so that nobody is mailed
 * twice; a sender that died holding one lets it go when the while is up. */
static const char v16[] = "ALTER TABLE notifications ADD COLUMN mailing_ms INTEGER;";

/* Version 17: the linkage desk's supplier profiles and demands.
 * - enterprises: what a supplier says of itself beyond its processes and
 *   standards: its main equipment, its monthly capacity and the unit it is
 *   counted in, its customers, the languages it works in; and when an
 *   officer verified the profile, and who.
 * - capabilities: each process a supplier does, at a level (can_do,
 *   in_volume, audited), with its source.
 * - certifications: each certificate a supplier holds: its standard,
 *   number, issuer, the days it is valid between, and the evidence.
 * - supplier_contacts: whom a buyer writes to, apart from the public
 *   profile (not a resource of the read API: only signed-in buyers and
 *   officers see it).
 * - demands: the annual volume and its unit, a target price, where the
 *   buyer would rather source (a unit, a distance), the day it was posted
 *   and the day it was withdrawn, and the promotion event it came from. */
#define UNITS_OK "('pieces','sets','kg','tonnes','m2','m3','hours')"
static const char v17[] =
    "ALTER TABLE enterprises ADD COLUMN equipment TEXT;"
    "ALTER TABLE enterprises ADD COLUMN capacity_month REAL CHECK (capacity_month >= 0);"
    "ALTER TABLE enterprises ADD COLUMN capacity_unit TEXT CHECK (capacity_unit IN " UNITS_OK ");"
    "ALTER TABLE enterprises ADD COLUMN customers TEXT;"
    "ALTER TABLE enterprises ADD COLUMN languages TEXT;"
    "ALTER TABLE enterprises ADD COLUMN verified_on TEXT " DATE_OK(verified_on) ";"
    "ALTER TABLE enterprises ADD COLUMN verified_by TEXT;"
    "CREATE TABLE capabilities ("
    " tax_code TEXT NOT NULL REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " process TEXT NOT NULL CHECK (length(process) BETWEEN 1 AND 64),"
    " level TEXT NOT NULL CHECK (level IN ('can_do','in_volume','audited')),"
    " note TEXT, source TEXT, PRIMARY KEY (tax_code, process)) STRICT;"
    "CREATE INDEX capabilities_process ON capabilities(process, level);"
    "CREATE TABLE certifications ("
    " tax_code TEXT NOT NULL REFERENCES enterprises(tax_code) DEFERRABLE INITIALLY DEFERRED,"
    " standard TEXT NOT NULL CHECK (length(standard) BETWEEN 1 AND 64),"
    " number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 64), issuer TEXT,"
    " valid_from TEXT " DATE_OK(valid_from) ", valid_to TEXT " DATE_OK(valid_to) ","
    " evidence TEXT, source TEXT, PRIMARY KEY (tax_code, standard, number)) STRICT;"
    "CREATE INDEX certifications_standard ON certifications(standard, valid_to);"
    "CREATE TABLE supplier_contacts ("
    " tax_code TEXT PRIMARY KEY NOT NULL REFERENCES enterprises(tax_code)"
    "  DEFERRABLE INITIALLY DEFERRED,"
    " name TEXT, email TEXT CHECK (email IS NULL OR instr(email, '@') > 1), phone TEXT) STRICT;"
    "ALTER TABLE demands ADD COLUMN annual_volume REAL CHECK (annual_volume >= 0);"
    "ALTER TABLE demands ADD COLUMN volume_unit TEXT CHECK (volume_unit IN " UNITS_OK ");"
    "ALTER TABLE demands ADD COLUMN target_price_usd REAL CHECK (target_price_usd >= 0);"
    "ALTER TABLE demands ADD COLUMN prefer_unit TEXT REFERENCES units(code)"
    " DEFERRABLE INITIALLY DEFERRED;"
    "ALTER TABLE demands ADD COLUMN max_km REAL CHECK (max_km >= 0);"
    "ALTER TABLE demands ADD COLUMN posted_on TEXT " DATE_OK(posted_on) ";"
    "ALTER TABLE demands ADD COLUMN withdrawn_on TEXT " DATE_OK(withdrawn_on) ";"
    "ALTER TABLE demands ADD COLUMN event_code TEXT REFERENCES events(code)"
    " DEFERRABLE INITIALLY DEFERRED;";

/* Version 18: named sets of sector codes, each code with its validity:
 * the supporting industry whose local supply share the province's target
 * counts is such a set, kept as data with its source. */
static const char v18[] =
    "CREATE TABLE sector_groups ("
    " code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),"
    " vsic TEXT NOT NULL CHECK (length(vsic) BETWEEN 1 AND 8),"
    " name_vi TEXT NOT NULL, name_en TEXT, name_ko TEXT,"
    " valid_from TEXT " DATE_OK(valid_from) ", valid_to TEXT " DATE_OK(valid_to) ","
    " source TEXT, PRIMARY KEY (code, vsic)) STRICT;";

/* Version 19: the linkage desk's pipeline: each supplier proposed for a
 * demand, its expression of interest, the supplier's answer, the meeting
 * and the contract (a linkage) it led to. */
static const char v19[] =
    "CREATE TABLE matches ("
    " demand_code TEXT NOT NULL REFERENCES demands(code) DEFERRABLE INITIALLY DEFERRED,"
    " supplier_tax_code TEXT NOT NULL REFERENCES enterprises(tax_code)"
    "  DEFERRABLE INITIALLY DEFERRED,"
    " stage TEXT NOT NULL CHECK (stage IN ('proposed','interest','accepted','declined',"
    "'meeting','contract','closed')),"
    " score REAL CHECK (score BETWEEN 0 AND 100),"
    " proposed_on TEXT " DATE_OK(proposed_on) ", proposed_by TEXT,"
    " interest_on TEXT " DATE_OK(interest_on) ", interest_note TEXT,"
    " answered_on TEXT " DATE_OK(answered_on) ", decline_reason TEXT,"
    " meeting_on TEXT " DATE_OK(meeting_on) ", meeting_place TEXT,"
    " meeting_online INTEGER CHECK (meeting_online IN (0,1)), meeting_outcome TEXT,"
    " linkage_code TEXT REFERENCES linkages(code) DEFERRABLE INITIALLY DEFERRED,"
    " closed_on TEXT " DATE_OK(closed_on) ","
    " PRIMARY KEY (demand_code, supplier_tax_code)) STRICT;"
    "CREATE INDEX matches_supplier ON matches(supplier_tax_code);"
    "CREATE INDEX matches_stage ON matches(stage);";

/* clang-format on */

static const char *const migrations[] = {v1,  v2,  v3,  v4,  v5,  v6,  v7,  v8,  v9, v10,
                                         v11, v12, v13, v14, v15, v16, v17, v18, v19};
_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == MIGRATION_LATEST, "one per version");

const char *migration_key_rowid(const char *table)
{
    return table && strcmp(table, "enterprises") == 0 ? SQ_TAX_CODE_ROWID("k") : NULL;
}

/* Writes v as exactly width digits (leading zeros) at out. */
static void put_digits(char *out, int64_t v, int width)
{
    while (width-- > 0) {
        out[width] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* The tax code of SQ_TAX_CODE_ROWID's number: ten digits, then nothing
 * (0), "-NNN" (1 + NNN) or "NNN" (1001 + NNN). Written by hand: the first
 * pass of every enterprise search makes a key per hit, and snprintf took
 * a twentieth of the search's time. */
static size_t tax_code_of_rowid(int64_t rowid, char *out)
{
    int64_t head = rowid / 2001, tail = rowid % 2001;
    size_t n = 10;

    if (rowid < 0 || head > 9999999999LL)
        return 0;
    put_digits(out, head, 10);
    if (tail >= 1 && tail <= 1000) {
        out[n++] = '-';
        put_digits(out + n, tail - 1, 3);
        n += 3;
    } else if (tail > 1000) {
        put_digits(out + n, tail - 1001, 3);
        n += 3;
    }
    out[n] = '\0';
    return n;
}

migration_key_of_rowid_fn migration_key_of_rowid(const char *table)
{
    return table && strcmp(table, "enterprises") == 0 ? tax_code_of_rowid : NULL;
}

const char *migration_about(int version)
{
    static const char *const about[] = {
        "creating every table of the data model",
        "adding full-text search",
        "adding the indexes of the read API's filters",
        "adding the index of the filtered zone list",
        "rebuilding the full-text indexes (word prefixes), numbering enterprises by tax code",
        "adding sources, the precision of dates and the provenance of figures",
        "adding public summaries and the Vietnamese and Korean of notes, scopes and reviews",
        "adding departments, user accounts, sessions, API tokens and the audit trail",
        "adding the as-of date of a change to the audit trail, and the follow-up of inquiries",
        "adding the account of which rows each change touched",
        "adding the working-day calendar",
        "letting a time limit be unknown",
        "adding the dossier workflow: departments by procedure, clocks, questions, documents",
        "adding users' e-mail and department heads, and the reminders and alerts of clocks",
        "closing the consultations a decided or withdrawn dossier leaves unanswered",
        "letting one sender at a time mail a notification",
        "adding supplier profiles (capabilities, certifications, contacts) and demands' volumes",
        "adding named sets of sector codes (the supporting industry)",
        "adding the linkage desk's pipeline of matches",
    };
    _Static_assert(sizeof(about) / sizeof(about[0]) == MIGRATION_LATEST, "one line per version");

    if (version < 1 || version > MIGRATION_LATEST)
        return "";
    return about[version - 1];
}

const char *migration_sql(int version)
{
    if (version < 1 || version > MIGRATION_LATEST)
        return NULL;
    return migrations[version - 1];
}
