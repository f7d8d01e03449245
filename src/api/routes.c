/* SPDX-License-Identifier: MIT */
/*
 * The route table of khu serve: every path, its method and its handler.
 */
#include "api/auth.h"
#include "api/handlers.h"
#include "api/resource.h"

#define LIST_HANDLER(res)                                                                          \
    static void list_##res(struct http_req *req, struct http_resp *resp)                           \
    {                                                                                              \
        api_list(req, resp, api_resource(#res));                                                   \
    }
#define ITEM_HANDLER(res)                                                                          \
    static void item_##res(struct http_req *req, struct http_resp *resp)                           \
    {                                                                                              \
        api_item(req, resp, api_resource(#res));                                                   \
    }

LIST_HANDLER(zones)
ITEM_HANDLER(zones)
LIST_HANDLER(units)
ITEM_HANDLER(units)
LIST_HANDLER(sectors)
LIST_HANDLER(enterprises)
ITEM_HANDLER(enterprises)
LIST_HANDLER(projects)
ITEM_HANDLER(projects)
LIST_HANDLER(observations)
LIST_HANDLER(sources)
ITEM_HANDLER(sources)
LIST_HANDLER(departments)
ITEM_HANDLER(departments)
LIST_HANDLER(procedure_departments)
LIST_HANDLER(demands)
ITEM_HANDLER(demands)

/* The registry's edits: one handler per table and method. */
#define EDIT_HANDLERS(res)                                                                         \
    static void create_##res(struct http_req *req, struct http_resp *resp)                         \
    {                                                                                              \
        api_edit(req, resp, #res, 1);                                                              \
    }                                                                                              \
    static void change_##res(struct http_req *req, struct http_resp *resp)                         \
    {                                                                                              \
        api_edit(req, resp, #res, 0);                                                              \
    }
EDIT_HANDLERS(zones)
EDIT_HANDLERS(units)
EDIT_HANDLERS(targets)
EDIT_HANDLERS(observations)
EDIT_HANDLERS(partners)
EDIT_HANDLERS(events)
EDIT_HANDLERS(sources)
EDIT_HANDLERS(calendar_days)
EDIT_HANDLERS(time_limits)
EDIT_HANDLERS(procedure_departments)
EDIT_HANDLERS(enterprises)
EDIT_HANDLERS(capabilities)
EDIT_HANDLERS(certifications)
EDIT_HANDLERS(supplier_contacts)
EDIT_HANDLERS(demands)
static void change_leads(struct http_req *req, struct http_resp *resp)
{
    api_edit(req, resp, "leads", 0); /* a lead is made by the inquiry form only */
}

/* One row of the tables that have no item in the read API. */
#define ROW_HANDLER(res)                                                                           \
    static void row_##res(struct http_req *req, struct http_resp *resp)                            \
    {                                                                                              \
        api_row_item(req, resp, #res);                                                             \
    }
ROW_HANDLER(targets)
ROW_HANDLER(observations)
ROW_HANDLER(partners)
ROW_HANDLER(events)
ROW_HANDLER(leads)
ROW_HANDLER(calendar_days)
ROW_HANDLER(time_limits)
ROW_HANDLER(procedure_departments)
ROW_HANDLER(capabilities)
ROW_HANDLER(certifications)
ROW_HANDLER(supplier_contacts)

static const char *const no_params[] = {NULL};

static void healthz(struct http_req *req, struct http_resp *resp)
{
    struct store *s;

    if (http_check_params(req, resp, no_params))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    resp->no_etag = 1;
    buf_puts(&resp->body, "{\"status\":\"ok\"}\n");
}

static void api_index(struct http_req *req, struct http_resp *resp)
{
    const struct resource_def *r;
    struct jw w;

    if (http_check_params(req, resp, no_params))
        return;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "name");
    jw_str(&w, "khu");
    jw_key(&w, "openapi");
    jw_str(&w, "/api/v1/openapi.json");
    jw_key(&w, "datasets");
    jw_str(&w, "/api/v1/datasets");
    jw_key(&w, "docs");
    jw_str(&w, "/api-docs");
    jw_key(&w, "resources");
    jw_obj_begin(&w);
    for (r = api_resources; r->name; r++) {
        char path[64];
        snprintf(path, sizeof(path), "/api/v1/%s", r->name);
        jw_key(&w, r->name);
        jw_str(&w, path);
    }
    jw_key(&w, "targets");
    jw_str(&w, "/api/v1/targets");
    jw_key(&w, "calendar");
    jw_str(&w, "/api/v1/calendar");
    jw_key(&w, "deadline");
    jw_str(&w, "/api/v1/calendar/deadline");
    jw_key(&w, "stats");
    jw_str(&w, "/api/v1/stats");
    jw_key(&w, "config");
    jw_str(&w, "/api/v1/config");
    jw_obj_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

#define RESOURCE_ROUTES(res, key)                                                                  \
    {"GET", "/api/v1/" #res, list_##res}, {"GET", "/api/v1/" #res ".csv", list_##res},             \
        {"GET", "/api/v1/" #res ".xlsx", list_##res},                                              \
    {                                                                                              \
        "GET", "/api/v1/" #res "/{" key "}", item_##res                                            \
    }

const struct http_route api_routes[] = {
    {"GET", "/", web_page},
    {"GET", "/map", web_page_filtered},
    {"GET", "/finder", web_page_filtered},
    {"GET", "/investor", web_page_investor},
    {"GET", "/data", web_page},
    {"GET", "/api-docs", web_page},
    {"GET", "/zones/{code}", web_page},
    {"GET", "/login", web_page},
    /* the staff's pages: the page itself says who may use it; the API
     * behind each refuses everyone else */
    {"GET", "/inbox", web_page},
    {"GET", "/audit", web_page},
    {"GET", "/admin/users", web_page},
    /* dossiers: the investors', officers' and departments' pages, and the
     * public ones (a dossier's stage by code and secret, the figures) */
    {"GET", "/dossiers", web_page},
    {"GET", "/dossiers/{code}", web_page},
    {"GET", "/queue", web_page},
    {"GET", "/notifications", web_page},
    {"GET", "/track", web_page_track},
    {"GET", "/performance", web_page},
    {"GET", "/admin/calendar", web_page},
    {"GET", "/admin/time-limits", web_page},
    {"GET", "/admin/procedures", web_page},
    /* the linkage desk: suppliers, demands, the pipeline, the local share */
    {"GET", "/suppliers", web_page},
    {"GET", "/suppliers/{tax_code}", web_page},
    {"GET", "/demands", web_page},
    {"GET", "/demands/{code}", web_page},
    {"GET", "/pipeline", web_page},
    {"GET", "/linkage", web_page},
    {"GET", "/static/{version}/{name}", web_asset},
    {"GET", "/api/v1/config", web_config},
    {"GET", "/healthz", healthz},
    {"GET", "/api/v1", api_index},
    {"GET", "/api/v1/openapi.json", api_openapi},
    RESOURCE_ROUTES(zones, "code"),
    {"GET", "/api/v1/zones.geojson", list_zones},
    {"GET", "/api/v1/zones/{code}/history", api_zone_history},
    RESOURCE_ROUTES(units, "code"),
    {"GET", "/api/v1/units.geojson", list_units},
    {"GET", "/api/v1/sectors", list_sectors},
    {"GET", "/api/v1/sectors.csv", list_sectors},
    {"GET", "/api/v1/sectors.xlsx", list_sectors},
    RESOURCE_ROUTES(enterprises, "tax_code"),
    {"GET", "/api/v1/enterprises.geojson", list_enterprises},
    /* the linkage desk: a supplier keeps its profile, a buyer its demands,
     * an officer either and verifies profiles */
    {"POST", "/api/v1/enterprises", create_enterprises, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/enterprises/{tax_code}", change_enterprises, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    {"GET", "/api/v1/suppliers/{tax_code}", api_supplier_profile},
    {"POST", "/api/v1/suppliers/{tax_code}/verify", api_supplier_verify, HTTP_ROUTE_WRITE,
     API_STAFF},
    {"GET", "/api/v1/capabilities/{tax_code}/{process}", row_capabilities},
    {"POST", "/api/v1/capabilities", create_capabilities, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    {"PATCH", "/api/v1/capabilities/{tax_code}/{process}", change_capabilities, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    {"GET", "/api/v1/certifications/{tax_code}/{standard}/{number}", row_certifications},
    {"POST", "/api/v1/certifications", create_certifications, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    {"PATCH", "/api/v1/certifications/{tax_code}/{standard}/{number}", change_certifications,
     HTTP_ROUTE_WRITE, API_STAFF | ROLE_SUPPLIER},
    {"GET", "/api/v1/supplier_contacts/{tax_code}", row_supplier_contacts, 0,
     API_STAFF | ROLE_SUPPLIER},
    {"POST", "/api/v1/supplier_contacts", create_supplier_contacts, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    {"PATCH", "/api/v1/supplier_contacts/{tax_code}", change_supplier_contacts, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_SUPPLIER},
    RESOURCE_ROUTES(demands, "code"),
    {"POST", "/api/v1/demands", create_demands, HTTP_ROUTE_WRITE, API_STAFF | ROLE_INVESTOR},
    {"PATCH", "/api/v1/demands/{code}", change_demands, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_INVESTOR},
    RESOURCE_ROUTES(projects, "code"),
    {"GET", "/api/v1/observations", list_observations},
    {"GET", "/api/v1/observations.csv", list_observations},
    {"GET", "/api/v1/observations.xlsx", list_observations},
    RESOURCE_ROUTES(sources, "code"),
    {"GET", "/api/v1/targets", api_targets},
    {"GET", "/api/v1/calendar", api_calendar},
    {"GET", "/api/v1/calendar/deadline", api_calendar_deadline},
    /* the calendar's days: an admin confirms a provisional year or adds the
     * days the Government announces */
    {"GET", "/api/v1/calendar_days/{date}", row_calendar_days},
    {"POST", "/api/v1/calendar_days", create_calendar_days, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    {"PATCH", "/api/v1/calendar_days/{date}", change_calendar_days, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    /* the statutory time limits: an admin adds a new law's, and closes the
     * old ones' validity */
    {"GET", "/api/v1/time_limits", api_time_limits},
    {"GET", "/api/v1/time_limits/{code}", row_time_limits},
    {"POST", "/api/v1/time_limits", create_time_limits, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    {"PATCH", "/api/v1/time_limits/{code}", change_time_limits, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    /* which department receives a procedure's dossiers and which are
     * consulted, in a park or outside: an admin keeps it */
    RESOURCE_ROUTES(departments, "code"),
    {"GET", "/api/v1/procedure_departments", list_procedure_departments},
    {"GET", "/api/v1/procedure_departments.csv", list_procedure_departments},
    {"GET", "/api/v1/procedure_departments.xlsx", list_procedure_departments},
    {"GET", "/api/v1/procedure_departments/{procedure}/{location}/{department}",
     row_procedure_departments},
    {"POST", "/api/v1/procedure_departments", create_procedure_departments, HTTP_ROUTE_WRITE,
     ROLE_ADMIN},
    {"PATCH", "/api/v1/procedure_departments/{procedure}/{location}/{department}",
     change_procedure_departments, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    /* dossiers: investors file and follow, the officer receives and decides,
     * departments answer; every act through the audited write path */
    {"GET", "/api/v1/dossiers", api_dossiers_list, 0, API_SIGNED_IN & ~ROLE_SUPPLIER},
    {"POST", "/api/v1/dossiers", api_dossier_file, HTTP_ROUTE_WRITE, ROLE_INVESTOR},
    {"GET", "/api/v1/dossiers/{code}", api_dossier_get, 0, API_SIGNED_IN & ~ROLE_SUPPLIER},
    {"GET", "/api/v1/dossiers/{code}/documents/{n}", api_dossier_document, 0,
     API_SIGNED_IN & ~ROLE_SUPPLIER},
    /* a document: the body is its bytes (PDF, PNG, JPEG), before the acts,
     * whose path would match it too */
    {"POST", "/api/v1/dossiers/{code}/documents", api_dossier_upload,
     HTTP_ROUTE_WRITE | HTTP_ROUTE_UPLOAD, ROLE_INVESTOR | ROLE_DEPARTMENT},
    {"POST", "/api/v1/dossiers/{code}/{act}", api_dossier_act, HTTP_ROUTE_WRITE,
     API_STAFF | ROLE_INVESTOR | ROLE_DEPARTMENT},
    {"GET", "/api/v1/departments/{code}/queue", api_department_queue, 0,
     API_STAFF | ROLE_VIEWER | ROLE_DEPARTMENT},
    /* a dossier's stage for whoever holds its code and secret: a POST, so
     * that the secret stays out of addresses and logs */
    {"POST", "/api/v1/dossier_stage", api_dossier_stage, HTTP_ROUTE_WRITE},
    /* one's own reminders and alerts of dossiers' clocks */
    {"GET", "/api/v1/notifications", api_notifications, 0, API_SIGNED_IN},
    {"POST", "/api/v1/notifications/{id}/read", api_notification_read, HTTP_ROUTE_WRITE,
     API_SIGNED_IN},
    /* how departments and procedures perform: counts and days, for everyone */
    {"GET", "/api/v1/dossier_stats", api_dossier_stats},
    {"GET", "/api/v1/dossier_stats.csv", api_dossier_stats},
    {"GET", "/api/v1/dossier_stats.xlsx", api_dossier_stats},
    {"GET", "/api/v1/targets.csv", api_targets},
    {"GET", "/api/v1/datasets", api_datasets},
    {"GET", "/api/v1/stats", api_stats},
    {"GET", "/api/v1/stats.csv", api_stats},
    {"GET", "/api/v1/dashboard.csv", api_dashboard_csv},
    {"GET", "/api/v1/dashboard.xlsx", api_dashboard_csv},
    {"GET", "/api/v1/stats.xlsx", api_stats},
    {"GET", "/api/v1/targets.xlsx", api_targets},
    {"GET", "/api/v1/match/sites", api_match_sites},
    {"POST", "/api/v1/match/sites", api_match_sites},
    {"GET", "/api/v1/match/suppliers", api_match_suppliers},
    {"POST", "/api/v1/match/suppliers", api_match_suppliers},
    {"GET", "/api/v1/match/demands", api_match_demands},
    {"GET", "/api/v1/linkage/share", api_linkage_share},
    {"GET", "/api/v1/linkage/outcomes", api_linkage_outcomes},
    {"GET", "/api/v1/linkage/outcomes.csv", api_linkage_outcomes},
    /* the pipeline: a buyer or an officer proposes, the supplier answers */
    {"GET", "/api/v1/matches", api_matches_list, 0, API_SIGNED_IN & ~ROLE_DEPARTMENT},
    {"POST", "/api/v1/matches", api_matches_propose, HTTP_ROUTE_WRITE, API_STAFF | ROLE_INVESTOR},
    {"POST", "/api/v1/matches/{demand_code}/{supplier_tax_code}/{act}", api_matches_act,
     HTTP_ROUTE_WRITE, API_STAFF | ROLE_INVESTOR | ROLE_SUPPLIER},
    {"GET", "/api/v1/brief.pdf", api_brief},
    /* Writes carry HTTP_ROUTE_WRITE: JSON only, never sent by another site's page. */
    {"POST", "/api/v1/leads", api_leads_post, HTTP_ROUTE_WRITE},
    {"POST", "/api/v1/login", api_login, HTTP_ROUTE_WRITE},
    /* The last field is who may call the route (api/auth.h); checked by
     * api_authorize before the handler runs. */
    {"POST", "/api/v1/logout", api_logout, HTTP_ROUTE_WRITE, API_SIGNED_IN},
    {"GET", "/api/v1/me", api_me},
    {"GET", "/api/v1/audit", api_audit, 0, API_STAFF},
    {"GET", "/api/v1/audit.xlsx", api_audit, 0, API_STAFF},
    {"GET", "/api/v1/audit/verify", api_audit_verify, 0, API_STAFF},
    {"GET", "/api/v1/users", api_users_list, 0, ROLE_ADMIN},
    {"POST", "/api/v1/users", api_users_add, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    {"PATCH", "/api/v1/users/{name}", api_users_change, HTTP_ROUTE_WRITE, ROLE_ADMIN},
    /* the registry's edits: rows are made and changed, never deleted (a
     * zone is marked cancelled) */
    {"POST", "/api/v1/zones", create_zones, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/zones/{code}", change_zones, HTTP_ROUTE_WRITE, API_STAFF},
    {"POST", "/api/v1/units", create_units, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/units/{code}", change_units, HTTP_ROUTE_WRITE, API_STAFF},
    {"GET", "/api/v1/targets/{code}", row_targets},
    {"GET", "/api/v1/observations/{target_code}/{observed_on}", row_observations},
    {"GET", "/api/v1/partners/{code}", row_partners},
    {"GET", "/api/v1/events/{code}", row_events},
    {"POST", "/api/v1/targets", create_targets, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/targets/{code}", change_targets, HTTP_ROUTE_WRITE, API_STAFF},
    {"POST", "/api/v1/observations", create_observations, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/observations/{target_code}/{observed_on}", change_observations,
     HTTP_ROUTE_WRITE, API_STAFF},
    {"POST", "/api/v1/partners", create_partners, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/partners/{code}", change_partners, HTTP_ROUTE_WRITE, API_STAFF},
    {"POST", "/api/v1/events", create_events, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/events/{code}", change_events, HTTP_ROUTE_WRITE, API_STAFF},
    /* the inquiries' follow-up: a lead is made by the public form only */
    {"GET", "/api/v1/leads", api_leads_inbox, 0, API_STAFF},
    {"GET", "/api/v1/leads.csv", api_leads_inbox, 0, API_STAFF},
    {"GET", "/api/v1/leads.xlsx", api_leads_inbox, 0, API_STAFF},
    {"GET", "/api/v1/leads/{code}", row_leads, 0, API_STAFF},
    {"PATCH", "/api/v1/leads/{code}", change_leads, HTTP_ROUTE_WRITE, API_STAFF},
    {"POST", "/api/v1/sources", create_sources, HTTP_ROUTE_WRITE, API_STAFF},
    {"PATCH", "/api/v1/sources/{code}", change_sources, HTTP_ROUTE_WRITE, API_STAFF},
    {NULL, NULL, NULL, 0},
};
