/* SPDX-License-Identifier: MIT */
/*
 * The column tables of every importable table (see schema.h). The order of
 * columns is the CSV column order and the JSON key order of the API.
 */
#include "core/schema.h"

#include <stdio.h>
#include <string.h>

#define N(a)  (sizeof(a) / sizeof((a)[0]))
#define TXT   COL_TEXT, 0, 0, 1000
#define TXTR  COL_TEXT, 1, 0, 1000
#define CODE  COL_TEXT, 1, 1, 64
#define LONGT COL_TEXT, 0, 0, 20000
#define DATE  COL_DATE, 0, 0, 0
#define LAT   COL_REAL, 0, -90, 90
#define LON   COL_REAL, 0, -180, 180

static const char *const unit_levels[] = {"province", "district", "commune", NULL};
static const char *const vsic_versions[] = {"2018", "2025", NULL};
static const char *const zone_kinds[] = {"kcn",      "ccn",  "hitech", "logistics",
                                         "economic", "port", NULL};
static const char *const zone_statuses[] = {"planned",   "approved",  "building",
                                            "operating", "cancelled", NULL};
static const char *const positions[] = {"surveyed", "approximate", "area_centre", NULL};
static const char *const confidences[] = {"high", "medium", "low", NULL};
static const char *const ownerships[] = {"fdi", "domestic", "state", NULL};
static const char *const project_statuses[] = {"lead",      "dossier",    "approved",
                                               "licensed",  "building",   "operating",
                                               "suspended", "terminated", NULL};
static const char *const demand_statuses[] = {"open", "matched", "closed", NULL};
static const char *const volume_units[] = {"pieces", "sets", "kg",    "tonnes",
                                           "m2",     "m3",   "hours", NULL};
static const char *const capability_levels[] = {"can_do", "in_volume", "audited", NULL};
static const char *const match_stages[] = {"proposed", "interest", "accepted", "declined",
                                           "meeting",  "contract", "closed",   NULL};
static const char *const procedures[] = {
    "policy_approval", "irc_issue",           "irc_adjust", "land_lease",
    "env_permit",      "construction_permit", NULL};
static const char *const dossier_statuses[] = {"received", "consulting", "decided",
                                               "returned", "withdrawn",  NULL};
static const char *const decisions[] = {"approved", "rejected", NULL};
static const char *const opinions[] = {"agree", "agree_with_conditions", "disagree", NULL};
static const char *const day_kinds[] = {"calendar", "working", NULL};
static const char *const locations[] = {"in_park", "outside_park", NULL};
static const char *const department_roles[] = {"receiving", "consulted", NULL};
static const char *const document_types[] = {"application/pdf", "image/png", "image/jpeg", NULL};
static const char *const calendar_kinds[] = {"holiday",          "day_off",     "compensatory",
                                             "working_saturday", "conditional", NULL};
static const char *const target_bases[] = {"registry", "reported", NULL};
static const char *const directions[] = {"increase", "decrease", NULL};
static const char *const precisions[] = {"day", "month", "year", NULL};
static const char *const source_kinds[] = {
    "official", "press", "developer", "broker", "aggregator", "legal", "dataset", "other", NULL};
static const char *const lead_statuses[] = {"new",      "contacted", "visiting",
                                            "invested", "dropped",   NULL};
static const char *const partner_kinds[] = {"government", "agency", "association",
                                            "company",    "other",  NULL};

static const char *const key_code[] = {"code", NULL};
static const char *const key_tax[] = {"tax_code", NULL};
static const char *const key_sector[] = {"version", "code", NULL};
static const char *const key_sector_group[] = {"code", "vsic", NULL};
static const char *const key_match[] = {"demand_code", "supplier_tax_code", NULL};
static const char *const key_sector_map[] = {"from_version", "from_code", "to_version", "to_code",
                                             NULL};
static const char *const key_obs[] = {"target_code", "observed_on", NULL};
static const char *const key_consult[] = {"dossier_code", "department", NULL};
static const char *const key_date[] = {"date", NULL};
static const char *const key_dossier_n[] = {"dossier_code", "n", NULL};
static const char *const key_proc_dept[] = {"procedure", "location", "department", NULL};
static const char *const key_capability[] = {"tax_code", "process", NULL};
static const char *const key_certification[] = {"tax_code", "standard", "number", NULL};

static const struct col_def units_cols[] = {
    {"code", CODE},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"level", COL_ENUM, 1, 0, 0, unit_levels},
    {"parent_code", TXT, NULL, "units", "code"},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"replaced_by", TXT, NULL, "units", "code"},
    {"lat", LAT},
    {"lon", LON},
    {"position", COL_ENUM, 0, 0, 0, positions},
    {"source", LONGT},
};

static const struct col_def departments_cols[] = {
    {"code", CODE},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"scope_unit", TXT, NULL, "units", "code"},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"source", LONGT},
};

static const struct col_def sectors_cols[] = {
    {"version", COL_ENUM, 1, 0, 0, vsic_versions},
    {"code", COL_TEXT, 1, 1, 8},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"source", LONGT},
};

/* A named set of sector codes (the supporting industry), each code with
 * the days it belongs to the set: a VSIC division (2 digits) or a longer
 * code covers every code that starts with it. */
static const struct col_def sector_groups_cols[] = {
    {"code", COL_TEXT, 1, 1, 64},
    {"vsic", COL_TEXT, 1, 1, 8},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"source", LONGT},
};

static const struct col_def sector_map_cols[] = {
    {"from_version", COL_ENUM, 1, 0, 0, vsic_versions},
    {"from_code", COL_TEXT, 1, 1, 8},
    {"to_version", COL_ENUM, 1, 0, 0, vsic_versions},
    {"to_code", COL_TEXT, 1, 1, 8},
    {"source", LONGT},
};

static const struct col_def zones_cols[] = {
    {"code", CODE},
    {"kind", COL_ENUM, 1, 0, 0, zone_kinds},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"group_code", TXT, NULL, "zones", "code"},
    {"unit_code", TXT, NULL, "units", "code"},
    {"commune", TXT, NULL, "units", "code"},
    {"status", COL_ENUM, 0, 0, 0, zone_statuses},
    {"planned_year", COL_INT, 0, 1900, 2100},
    {"established_on", DATE},
    {"total_ha", COL_REAL, 0, 0, 100000, NULL, NULL, NULL, "ha"},
    {"industrial_ha", COL_REAL, 0, 0, 100000, NULL, NULL, NULL, "ha"},
    {"leased_ha", COL_REAL, 0, 0, 100000, NULL, NULL, NULL, "ha"},
    {"occupancy_reported_pct", COL_REAL, 0, 0, 100, NULL, NULL, NULL, "%"},
    {"lease_usd_m2", COL_REAL, 0, 0, 10000, NULL, NULL, NULL, "USD/m2"},
    {"lease_until", DATE},
    {"developer", TXT},
    {"lat", LAT},
    {"lon", LON},
    {"position", COL_ENUM, 0, 0, 0, positions},
    {"km_hcmc", COL_REAL, 0, 0, 5000, NULL, NULL, NULL, "km"},
    {"km_port", COL_REAL, 0, 0, 5000, NULL, NULL, NULL, "km"},
    {"wwtp_m3_day", COL_REAL, 0, 0, 10000000, NULL, NULL, NULL, "m3/day"},
    {"power_mva", COL_REAL, 0, 0, 100000, NULL, NULL, NULL, "MVA"},
    {"water_m3_day", COL_REAL, 0, 0, 10000000, NULL, NULL, NULL, "m3/day"},
    {"infra_complete", COL_BOOL, 0, 0, 1},
    {"sectors", COL_TOKENS, 0, 0, 1000},
    {"tenants", LONGT},
    {"source", LONGT},
    {"confidence", COL_ENUM, 0, 0, 0, confidences},
    {"as_of", DATE},
    {"note", LONGT},
    {"as_of_precision", COL_ENUM, 0, 0, 0, precisions},
    {"confidence_note", LONGT},
    {"provenance", COL_TOKENS, 0, 0, 4000},
    {"summary", LONGT},
    {"summary_vi", LONGT},
    {"summary_ko", LONGT},
    {"confidence_note_vi", LONGT},
    {"confidence_note_ko", LONGT},
};

static const struct col_def enterprises_cols[] = {
    {"tax_code", COL_TEXT, 1, 10, 14},
    {"name", TXTR},
    {"name_en", TXT},
    {"country", COL_TEXT, 0, 2, 2},
    {"ownership", COL_ENUM, 0, 0, 0, ownerships},
    {"zone_code", TXT, NULL, "zones", "code"},
    {"unit_code", TXT, NULL, "units", "code"},
    {"vsic", COL_TEXT, 0, 1, 8},
    {"products", TXT},
    {"capabilities", COL_TOKENS, 0, 0, 1000},
    {"certifications", COL_TOKENS, 0, 0, 1000},
    {"employees", COL_INT, 0, 0, 10000000},
    {"founded", COL_INT, 0, 1800, 2100},
    {"supplier", COL_BOOL, 0, 0, 1},
    {"lat", LAT},
    {"lon", LON},
    {"source", LONGT},
    {"equipment", TXT},
    {"capacity_month", COL_REAL, 0, 0, 1e12},
    {"capacity_unit", COL_ENUM, 0, 0, 0, volume_units},
    {"customers", TXT},
    {"languages", COL_TOKENS, 0, 0, 200},
    {"verified_on", DATE},
    {"verified_by", COL_TEXT, 0, 1, 64},
};

/* A process a supplier does, at a level. */
static const struct col_def capabilities_cols[] = {
    {"tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"process", COL_TEXT, 1, 1, 64},
    {"level", COL_ENUM, 1, 0, 0, capability_levels},
    {"note", TXT},
    {"source", LONGT},
};

/* A certificate a supplier holds. */
static const struct col_def certifications_cols[] = {
    {"tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"standard", COL_TEXT, 1, 1, 64},
    {"number", COL_TEXT, 1, 1, 64},
    {"issuer", TXT},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"evidence", TXT},
    {"source", LONGT},
};

/* Whom a buyer writes to: not public. */
static const struct col_def supplier_contacts_cols[] = {
    {"tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"name", TXT},
    {"email", COL_TEXT, 0, 3, 254},
    {"phone", COL_TEXT, 0, 1, 40},
};

static const struct col_def projects_cols[] = {
    {"code", CODE},
    {"name", TXTR},
    {"investor_tax_code", TXT, NULL, "enterprises", "tax_code"},
    {"zone_code", TXT, NULL, "zones", "code"},
    {"unit_code", TXT, NULL, "units", "code"},
    {"vsic", COL_TEXT, 0, 1, 8},
    {"capital_usd", COL_REAL, 0, 0, 1e12, NULL, NULL, NULL, "USD"},
    {"land_ha", COL_REAL, 0, 0, 100000, NULL, NULL, NULL, "ha"},
    {"jobs", COL_INT, 0, 0, 10000000},
    {"status", COL_ENUM, 1, 0, 0, project_statuses},
    {"registered_on", DATE},
    {"irc_no", TXT},
    {"country", COL_TEXT, 0, 2, 2},
    {"source", LONGT},
};

static const struct col_def demands_cols[] = {
    {"code", CODE},
    {"buyer_tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"title", TXTR},
    {"vsic", COL_TEXT, 0, 1, 8},
    {"capabilities", COL_TOKENS, 0, 0, 1000},
    {"certifications", COL_TOKENS, 0, 0, 1000},
    {"annual_usd", COL_REAL, 0, 0, 1e12, NULL, NULL, NULL, "USD"},
    {"needed_by", DATE},
    {"status", COL_ENUM, 1, 0, 0, demand_statuses},
    {"annual_volume", COL_REAL, 0, 0, 1e15},
    {"volume_unit", COL_ENUM, 0, 0, 0, volume_units},
    {"target_price_usd", COL_REAL, 0, 0, 1e9, NULL, NULL, NULL, "USD"},
    {"prefer_unit", TXT, NULL, "units", "code"},
    {"max_km", COL_REAL, 0, 0, 20000, NULL, NULL, NULL, "km"},
    {"posted_on", DATE},
    {"withdrawn_on", DATE},
    {"event_code", TXT, NULL, "events", "code"},
};

/* A supplier proposed for a demand, and how far it got toward a contract
 * (core/match_flow.h). */
static const struct col_def matches_cols[] = {
    {"demand_code", COL_TEXT, 1, 1, 64, NULL, "demands", "code"},
    {"supplier_tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"stage", COL_ENUM, 1, 0, 0, match_stages},
    {"score", COL_REAL, 0, 0, 100},
    {"proposed_on", DATE},
    {"proposed_by", COL_TEXT, 0, 1, 64},
    {"interest_on", DATE},
    {"interest_note", LONGT},
    {"answered_on", DATE},
    {"decline_reason", LONGT},
    {"meeting_on", DATE},
    {"meeting_place", TXT},
    {"meeting_online", COL_BOOL, 0, 0, 1},
    {"meeting_outcome", LONGT},
    {"linkage_code", TXT, NULL, "linkages", "code"},
    {"closed_on", DATE},
};

static const struct col_def linkages_cols[] = {
    {"code", CODE},
    {"supplier_tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"buyer_tax_code", COL_TEXT, 1, 10, 14, NULL, "enterprises", "tax_code"},
    {"demand_code", TXT, NULL, "demands", "code"},
    {"annual_usd", COL_REAL, 0, 0, 1e12, NULL, NULL, NULL, "USD"},
    {"since", DATE},
    {"until", DATE},
};

static const struct col_def dossiers_cols[] = {
    {"code", CODE},
    {"project_code", COL_TEXT, 1, 1, 64, NULL, "projects", "code"},
    {"procedure", COL_ENUM, 1, 0, 0, procedures},
    {"submitted_on", COL_DATE, 1, 0, 0},
    {"due_on", DATE},
    {"status", COL_ENUM, 1, 0, 0, dossier_statuses},
    {"decision", COL_ENUM, 0, 0, 0, decisions},
    {"decided_on", DATE},
    {"receiving_department", TXT, NULL, "departments", "code"},
    {"accepted_on", DATE},
    {"returned_on", DATE},
    {"missing", LONGT},
    {"limit_code", COL_TEXT, 0, 0, 64},
    {"limit_days", COL_INT, 0, 0, 3650},
    {"limit_kind", COL_ENUM, 0, 0, 0, day_kinds},
    {"appraised_on", DATE},
    {"appraisal", LONGT},
    {"certificate_no", COL_TEXT, 0, 0, 64},
};

static const struct col_def consultations_cols[] = {
    {"dossier_code", COL_TEXT, 1, 1, 64, NULL, "dossiers", "code"},
    {"department", COL_TEXT, 1, 1, 64, NULL, "departments", "code"},
    {"requested_on", COL_DATE, 1, 0, 0},
    {"due_on", DATE},
    {"answered_on", DATE},
    {"opinion", COL_ENUM, 0, 0, 0, opinions},
    {"note", LONGT},
    {"limit_code", COL_TEXT, 0, 0, 64},
    {"limit_days", COL_INT, 0, 0, 3650},
    {"limit_kind", COL_ENUM, 0, 0, 0, day_kinds},
    {"document", COL_INT, 0, 1, 100000},
    {"closed_on", DATE}, /* decided or withdrawn unanswered */
};

static const struct col_def dossier_questions_cols[] = {
    {"dossier_code", COL_TEXT, 1, 1, 64, NULL, "dossiers", "code"},
    {"n", COL_INT, 1, 1, 100000},
    {"department", COL_TEXT, 0, 0, 64}, /* empty: the officer's */
    {"asked_on", COL_DATE, 1, 0, 0},
    {"question", COL_TEXT, 1, 1, 20000},
    {"answered_on", DATE},
    {"answer", LONGT},
};

static const struct col_def dossier_documents_cols[] = {
    {"dossier_code", COL_TEXT, 1, 1, 64, NULL, "dossiers", "code"},
    {"n", COL_INT, 1, 1, 100000},
    {"name", COL_TEXT, 1, 1, 200},
    {"content_type", COL_ENUM, 1, 0, 0, document_types},
    {"bytes", COL_INT, 1, 1, 1000000000},
    {"sha256", COL_TEXT, 1, 64, 64},
    {"uploaded_on", COL_DATE, 1, 0, 0},
    {"department", COL_TEXT, 0, 0, 64}, /* empty: the investor's */
};

static const struct col_def procedure_departments_cols[] = {
    {"procedure", COL_ENUM, 1, 0, 0, procedures},
    {"location", COL_ENUM, 1, 0, 0, locations},
    {"department", COL_TEXT, 1, 1, 64, NULL, "departments", "code"},
    {"role", COL_ENUM, 1, 0, 0, department_roles},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"source", LONGT},
};

static const struct col_def time_limits_cols[] = {
    {"code", CODE},
    {"procedure", COL_ENUM, 1, 0, 0, procedures},
    {"step", COL_TEXT, 1, 1, 64},
    {"days", COL_INT, 0, 0, 3650},              /* empty: no source gives it */
    {"day_kind", COL_ENUM, 0, 0, 0, day_kinds}, /* empty: no source gives it */
    {"law", TXTR},
    {"valid_from", DATE},
    {"valid_to", DATE},
    {"source", LONGT},
};

static const struct col_def calendar_days_cols[] = {
    {"date", COL_DATE, 1, 0, 0},
    {"kind", COL_ENUM, 1, 0, 0, calendar_kinds},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"provisional", COL_BOOL, 0, 0, 1}, /* empty: 0 */
    {"source", LONGT},
};

static const struct col_def targets_cols[] = {
    {"code", CODE},
    {"metric", COL_TEXT, 1, 1, 64},
    {"scope", TXT},
    {"scope_unit", TXT, NULL, "units", "code"},
    {"name_vi", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"measure_unit", COL_TEXT, 0, 0, 16},
    {"basis", COL_ENUM, 1, 0, 0, target_bases},
    {"direction", COL_ENUM, 0, 0, 0, directions},
    {"baseline_value", COL_REAL, 0, -1e15, 1e15},
    {"baseline_on", DATE},
    {"target_value", COL_REAL, 0, -1e15, 1e15},
    {"due_on", DATE},
    {"source", LONGT},
    {"baseline_precision", COL_ENUM, 0, 0, 0, precisions},
    {"scope_vi", LONGT},
    {"scope_ko", LONGT},
};

static const struct col_def observations_cols[] = {
    {"target_code", COL_TEXT, 1, 1, 64, NULL, "targets", "code"},
    {"observed_on", COL_DATE, 1, 0, 0},
    {"value", COL_REAL, 1, -1e15, 1e15},
    {"source", LONGT},
    {"note", LONGT},
    {"observed_precision", COL_ENUM, 0, 0, 0, precisions},
    {"note_vi", LONGT},
    {"note_ko", LONGT},
};

static const struct col_def sources_cols[] = {
    {"code", CODE},
    {"cite", TXTR},
    {"url", TXT},
    {"publisher", TXT},
    {"title", TXT},
    {"title_vi", TXT},
    {"title_en", TXT},
    {"title_ko", TXT},
    {"lang", COL_TEXT, 0, 2, 3},
    {"published_on", DATE},
    {"published_precision", COL_ENUM, 0, 0, 0, precisions},
    {"kind", COL_ENUM, 0, 0, 0, source_kinds},
    {"reviewed", COL_BOOL, 0, 0, 1},
    {"review", LONGT},
    {"note", LONGT},
    {"review_vi", LONGT},
    {"review_ko", LONGT},
};

static const struct col_def partners_cols[] = {
    {"code", CODE},
    {"name", TXTR},
    {"name_en", TXT},
    {"name_ko", TXT},
    {"country", COL_TEXT, 0, 2, 2},
    {"kind", COL_ENUM, 0, 0, 0, partner_kinds},
    {"since", DATE},
    {"source", LONGT},
};

static const struct col_def events_cols[] = {
    {"code", CODE},    {"title", TXTR}, {"partner_code", TXT, NULL, "partners", "code"},
    {"held_on", DATE}, {"place", TXT},  {"country", COL_TEXT, 0, 2, 2},
    {"source", LONGT},
};

static const struct col_def leads_cols[] = {
    {"code", CODE},
    {"event_code", TXT, NULL, "events", "code"},
    {"company", TXTR},
    {"country", COL_TEXT, 0, 2, 2},
    {"vsic", COL_TEXT, 0, 1, 8},
    {"contact", TXT},
    {"zones", COL_TOKENS, 0, 0, 1000},
    {"received_on", DATE},
    {"note", LONGT},
    {"status", COL_ENUM, 0, 0, 0, lead_statuses}, /* empty: new */
    {"owner", COL_TEXT, 0, 1, 64},                /* the user who follows it up */
    {"notes", LONGT},                             /* the officers' notes */
};

#define TABLE(n, k, s)                                                                             \
    {                                                                                              \
#n, k, n##_cols, N(n##_cols), s                                                            \
    }

static const struct table_def tables[] = {
    TABLE(sources, key_code, 0),
    TABLE(units, key_code, 1),
    TABLE(departments, key_code, 0), /* after units, which it refers to */
    TABLE(sectors, key_sector, 1),
    TABLE(sector_map, key_sector_map, 0),
    TABLE(sector_groups, key_sector_group, 0),
    TABLE(zones, key_code, 1),
    TABLE(enterprises, key_tax, 1),
    TABLE(capabilities, key_capability, 0),
    TABLE(certifications, key_certification, 0),
    TABLE(supplier_contacts, key_tax, 0),
    TABLE(projects, key_code, 1),
    TABLE(demands, key_code, 0),
    TABLE(linkages, key_code, 0),
    TABLE(matches, key_match, 0),
    TABLE(dossiers, key_code, 0),
    TABLE(consultations, key_consult, 0),
    TABLE(dossier_questions, key_dossier_n, 0),
    TABLE(dossier_documents, key_dossier_n, 0),
    TABLE(time_limits, key_code, 0),
    TABLE(procedure_departments, key_proc_dept, 0),
    TABLE(calendar_days, key_date, 0),
    TABLE(targets, key_code, 0),
    TABLE(observations, key_obs, 0),
    TABLE(partners, key_code, 0),
    TABLE(events, key_code, 0),
    TABLE(leads, key_code, 0),
};

const struct table_def *schema_tables(size_t *count)
{
    *count = N(tables);
    return tables;
}

const struct table_def *schema_table(const char *name)
{
    size_t i;

    for (i = 0; i < N(tables); i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

int schema_col_index(const struct table_def *t, const char *name)
{
    size_t i;

    for (i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return (int)i;
    return -1;
}

int schema_enum_ok(const struct col_def *c, const char *value)
{
    const char *const *v;

    for (v = c->values; v && *v; v++)
        if (strcmp(*v, value) == 0)
            return 1;
    return 0;
}

char *schema_enum_list(const struct col_def *c, char *out, size_t n)
{
    const char *const *v;
    size_t used = 0;

    if (n)
        out[0] = '\0';
    for (v = c->values; v && *v && used < n; v++) {
        int w = snprintf(out + used, n - used, "%s%s", used ? ", " : "", *v);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return out;
}
