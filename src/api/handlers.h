/* SPDX-License-Identifier: MIT */
/*
 * Handlers of the routes that are not plain list resources.
 */
#ifndef KHU_HANDLERS_H
#define KHU_HANDLERS_H

#include <stdio.h>

#include "core/json_out.h"
#include "http/http.h"

/* GET /api/v1/targets[.csv]: every target with its progress computed now. */
void api_targets(struct http_req *req, struct http_resp *resp);
void api_calendar(struct http_req *req, struct http_resp *resp);
void api_calendar_deadline(struct http_req *req, struct http_resp *resp);
void api_time_limits(struct http_req *req, struct http_resp *resp);
void api_dossiers_list(struct http_req *req, struct http_resp *resp);
void api_dossier_get(struct http_req *req, struct http_resp *resp);
void api_dossier_file(struct http_req *req, struct http_resp *resp);
void api_dossier_act(struct http_req *req, struct http_resp *resp);
void api_dossier_document(struct http_req *req, struct http_resp *resp);
void api_dossier_upload(struct http_req *req, struct http_resp *resp);
void api_department_queue(struct http_req *req, struct http_resp *resp);
void api_dossier_stage(struct http_req *req, struct http_resp *resp);
void api_dossier_stats(struct http_req *req, struct http_resp *resp);
void api_notifications(struct http_req *req, struct http_resp *resp);
void api_notification_read(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/stats[.csv]: counts and areas by kind x status x unit,
 * occupancy, umbrella zones and the reconciliation with reported totals. */
void api_stats(struct http_req *req, struct http_resp *resp);
void api_datasets(struct http_req *req, struct http_resp *resp);
void api_dashboard_csv(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/openapi.json: the OpenAPI 3.1 description of every route. */
void api_openapi(struct http_req *req, struct http_resp *resp);

/* The web app (web.c). GET / and /zones/{code}: the app's HTML shell
 * (query: lang). GET /map and /finder: the same, with the zone filters, q
 * and sort allowed too. */
void web_page(struct http_req *req, struct http_resp *resp);
void web_page_filtered(struct http_req *req, struct http_resp *resp);
/* The investor page's shell: the site finder's parameters allowed. */
void web_page_investor(struct http_req *req, struct http_resp *resp);
/* The page /track: lang and a dossier's code. */
void web_page_track(struct http_req *req, struct http_resp *resp);

/* GET /static/{version}/{name}: an embedded asset with its content type;
 * cached for a year when version is this build's. */
void web_asset(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/config: the web app's settings (map tile URL or null). */
void web_config(struct http_req *req, struct http_resp *resp);

/* GET or POST /api/v1/match/sites: the site finder's ranked shortlist. */
void api_match_sites(struct http_req *req, struct http_resp *resp);
void api_match_suppliers(struct http_req *req, struct http_resp *resp);
void api_match_demands(struct http_req *req, struct http_resp *resp);
void api_supplier_profile(struct http_req *req, struct http_resp *resp);
void api_linkage_share(struct http_req *req, struct http_resp *resp);
void api_linkage_outcomes(struct http_req *req, struct http_resp *resp);
void api_matches_list(struct http_req *req, struct http_resp *resp);
void api_matches_propose(struct http_req *req, struct http_resp *resp);
void api_matches_act(struct http_req *req, struct http_resp *resp);
void api_supplier_verify(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/brief.pdf: the PDF site brief of up to 8 zones. */
void api_brief(struct http_req *req, struct http_resp *resp);

/* POST /api/v1/leads: an investor's inquiry, checked and rate-limited. */
void api_leads_post(struct http_req *req, struct http_resp *resp);

struct api_app;

/* Writes the Content-Security-Policy of every answer of khu serve to out:
 * scripts only from this server (and the one inline script of the page,
 * by its hash), images also from app's tile server, no framing. */
void web_security_policy(const struct api_app *app, char *out, size_t n);

/* POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me (login.c). */
void api_login(struct http_req *req, struct http_resp *resp);
void api_logout(struct http_req *req, struct http_resp *resp);
void api_me(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/audit: the audit trail, newest first, with filters (audit.c). */
void api_audit(struct http_req *req, struct http_resp *resp);

/* POST /api/v1/{table} (is_new 1) and PATCH /api/v1/{table}/{key...}:
 * an officer's edit of the registry (api/edit.c). */
/* GET /api/v1/zones/{code}/history: the zone's changes (api/history.c). */
void api_zone_history(struct http_req *req, struct http_resp *resp);

/* GET /api/v1/{table}/{key...}: one row as stored, with its version in
 * the ETag (api/row_item.c). */
void api_row_item(struct http_req *req, struct http_resp *resp, const char *table);

/* GET /api/v1/leads(.csv): the officers' inbox (api/leads_inbox.c). */
void api_leads_inbox(struct http_req *req, struct http_resp *resp);

/* Accounts for admins, and the audit trail's verification (api/users.c). */
void api_users_list(struct http_req *req, struct http_resp *resp);
void api_users_add(struct http_req *req, struct http_resp *resp);
void api_users_change(struct http_req *req, struct http_resp *resp);
void api_audit_verify(struct http_req *req, struct http_resp *resp);

void api_edit(struct http_req *req, struct http_resp *resp, const char *table, int is_new);

#endif
