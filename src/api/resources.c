/* SPDX-License-Identifier: MIT */
/*
 * The list resources of the read API as data: filters, sorts and derived
 * fields of zones, units, sectors, enterprises and projects.
 */
#include <string.h>

#include "api/resource.h"

#define Z_AVAILABLE                                                                                \
    "(CASE WHEN z.industrial_ha IS NOT NULL AND z.leased_ha IS NOT NULL"                           \
    " THEN z.industrial_ha - z.leased_ha END)"
#define Z_OCCUPANCY                                                                                \
    "(CASE WHEN z.industrial_ha > 0 AND z.leased_ha IS NOT NULL"                                   \
    " THEN round(100.0 * z.leased_ha / z.industrial_ha, 2) END)"

static const struct derived_def zone_derived[] = {
    {"available_ha", Z_AVAILABLE, "industrial_ha - leased_ha (ha); null when either is unknown"},
    {"occupancy_pct", Z_OCCUPANCY, "100 x leased_ha / industrial_ha; null when unknown"},
    {NULL, NULL, NULL},
};

static const struct filter_def zone_filters[] = {
    {"kind", FILTER_ENUM, "z.kind", "kind", "Zone kinds, comma-separated."},
    {"status", FILTER_ENUM, "z.status", "status", "Statuses, comma-separated."},
    {"confidence", FILTER_ENUM, "z.confidence", "confidence", "Confidence of the figures."},
    {"unit", FILTER_UNIT, "(z.unit_code IN scope OR z.commune IN scope)", NULL,
     "An administrative unit of any level, current or historical; zones in it or under it."},
    {"sector", FILTER_SECTOR_TOKENS, "z.sectors", NULL,
     "A VSIC code of either version (2018 or 2025); equivalent codes of the other version match."},
    {"group", FILTER_TEXT, "z.group_code", NULL, "Members of this umbrella zone."},
    {"infra_complete", FILTER_BOOL, "z.infra_complete", NULL,
     "1: technical infrastructure complete."},
    {"min_available_ha", FILTER_MIN, Z_AVAILABLE, NULL, "At least this much available land (ha)."},
    {"min_industrial_ha", FILTER_MIN, "z.industrial_ha", NULL,
     "At least this much industrial land (ha)."},
    {"min_total_ha", FILTER_MIN, "z.total_ha", NULL, "At least this total area (ha)."},
    {"max_lease_usd_m2", FILTER_MAX, "z.lease_usd_m2", NULL, "Lease price at most (USD/m2)."},
    {"max_km_hcmc", FILTER_MAX, "z.km_hcmc", NULL, "Distance to Ho Chi Minh City at most (km)."},
    {"max_km_port", FILTER_MAX, "z.km_port", NULL, "Distance to a seaport at most (km)."},
    {"min_wwtp_m3_day", FILTER_MIN, "z.wwtp_m3_day", NULL,
     "Wastewater treatment at least (m3/day)."},
    {"min_power_mva", FILTER_MIN, "z.power_mva", NULL, "Power supply at least (MVA)."},
    {NULL, 0, NULL, NULL, NULL},
};

static const struct sort_def zone_sorts[] = {
    {"total_ha", "z.total_ha"},         {"industrial_ha", "z.industrial_ha"},
    {"leased_ha", "z.leased_ha"},       {"available_ha", Z_AVAILABLE},
    {"occupancy_pct", Z_OCCUPANCY},     {"occupancy_reported_pct", "z.occupancy_reported_pct"},
    {"lease_usd_m2", "z.lease_usd_m2"}, {"km_hcmc", "z.km_hcmc"},
    {"km_port", "z.km_port"},           {"wwtp_m3_day", "z.wwtp_m3_day"},
    {"power_mva", "z.power_mva"},       {"water_m3_day", "z.water_m3_day"},
    {"planned_year", "z.planned_year"}, {NULL, NULL},
};

static const struct filter_def unit_filters[] = {
    {"level", FILTER_ENUM, "u.level", "level", "province, district or commune."},
    {"parent", FILTER_TEXT, "u.parent_code", NULL, "Units whose parent is this code."},
    {"under", FILTER_UNIT, "u.code IN scope", NULL,
     "This unit, the units under it and the units it replaced."},
    {"valid_on", FILTER_VALID_ON, NULL, NULL, "Units that existed on this date (YYYY-MM-DD)."},
    {NULL, 0, NULL, NULL, NULL},
};

static const struct sort_def unit_sorts[] = {{"lat", "u.lat"}, {"lon", "u.lon"}, {NULL, NULL}};

static const struct filter_def sector_filters[] = {
    {"version", FILTER_ENUM, "s.version", "version", "VSIC version: 2018 or 2025."},
    {NULL, 0, NULL, NULL, NULL},
};

static const struct sort_def no_sorts[] = {{NULL, NULL}};

static const struct filter_def enterprise_filters[] = {
    {"zone", FILTER_TEXT, "e.zone_code", NULL, "Enterprises in this zone."},
    {"unit", FILTER_UNIT,
     "(e.unit_code IN scope OR e.zone_code IN (SELECT code FROM zones WHERE unit_code IN scope"
     " OR commune IN scope))",
     NULL, "An administrative unit of any level, current or historical."},
    {"ownership", FILTER_ENUM, "e.ownership", "ownership", "fdi, domestic or state."},
    {"country", FILTER_TEXT, "e.country", NULL, "ISO 3166 alpha-2 country of the owner."},
    {"sector", FILTER_SECTOR_CODE, "e.vsic", NULL, "A VSIC code of either version."},
    {"supplier", FILTER_BOOL, "e.supplier", NULL, "1: registered as a supplier."},
    {"min_employees", FILTER_MIN, "e.employees", NULL, "At least this many employees."},
    {NULL, 0, NULL, NULL, NULL},
};

static const struct sort_def enterprise_sorts[] = {
    {"employees", "e.employees"}, {"founded", "e.founded"}, {NULL, NULL}};

static const struct filter_def project_filters[] = {
    {"zone", FILTER_TEXT, "p.zone_code", NULL, "Projects in this zone."},
    {"unit", FILTER_UNIT,
     "(p.unit_code IN scope OR p.zone_code IN (SELECT code FROM zones WHERE unit_code IN scope"
     " OR commune IN scope))",
     NULL, "An administrative unit of any level, current or historical."},
    {"status", FILTER_ENUM, "p.status", "status", "Project statuses, comma-separated."},
    {"investor", FILTER_TEXT, "p.investor_tax_code", NULL, "Tax code of the investor."},
    {"country", FILTER_TEXT, "p.country", NULL, "ISO 3166 alpha-2 country of the investor."},
    {"sector", FILTER_SECTOR_CODE, "p.vsic", NULL, "A VSIC code of either version."},
    {"min_capital_usd", FILTER_MIN, "p.capital_usd", NULL, "Registered capital at least (USD)."},
    {NULL, 0, NULL, NULL, NULL},
};

static const struct sort_def project_sorts[] = {
    {"capital_usd", "p.capital_usd"}, {"land_ha", "p.land_ha"}, {"jobs", "p.jobs"}, {NULL, NULL}};

const struct resource_def api_resources[] = {
    {"zones", "zones", "zones z", "z", "z.code", "code", "zones_fts", zone_derived, zone_filters,
     zone_sorts, 1, 1, "Industrial parks, clusters, logistics centres, economic zones and ports."},
    {"units", "units", "units u", "u", "u.code", "code", "units_fts", NULL, unit_filters,
     unit_sorts, 1, 1, "Administrative units with their validity dates."},
    {"sectors", "sectors", "sectors s", "s", "(s.code || ' ' || s.version)", "code", "sectors_fts",
     NULL, sector_filters, no_sorts, 0, 1, "VSIC sector codes of the 2018 and 2025 versions."},
    {"enterprises", "enterprises", "enterprises e", "e", "e.tax_code", "tax_code",
     "enterprises_fts", NULL, enterprise_filters, enterprise_sorts, 1, 0,
     "Enterprises: investors, buyers and suppliers."},
    {"projects", "projects", "projects p", "p", "p.code", "code", "projects_fts", NULL,
     project_filters, project_sorts, 0, 0, "Investment projects."},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL},
};

const struct resource_def *api_resource(const char *name)
{
    const struct resource_def *r;

    for (r = api_resources; r->name; r++)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}
