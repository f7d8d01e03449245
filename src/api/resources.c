/* SPDX-License-Identifier: MIT */
/*
 * The list resources of the read API as a client sees them: filters (with
 * how their values are checked), sorts and derived fields of zones, units,
 * sectors, enterprises and projects, with their documentation. What each
 * name means is the store's (store/sqlite/sq_list_defs.c).
 */
#include <string.h>

#include "api/resource.h"

static const struct derived_def zone_derived[] = {
    {"available_ha", "industrial_ha - leased_ha (ha); null when either is unknown"},
    {"occupancy_pct", "100 x leased_ha / industrial_ha; null when unknown"},
    {NULL, NULL},
};

static const struct filter_def zone_filters[] = {
    {"kind", FILTER_ENUM, "kind", "Zone kinds, comma-separated."},
    {"status", FILTER_ENUM, "status", "Statuses, comma-separated."},
    {"confidence", FILTER_ENUM, "confidence", "Confidence of the figures."},
    {"unit", FILTER_UNIT, NULL,
     "An administrative unit of any level, current or historical; zones in it or under it."},
    {"sector", FILTER_SECTOR, NULL,
     "A VSIC code of either version (2018 or 2025); equivalent codes of the other version match."},
    {"unit_code", FILTER_TEXT, NULL,
     "Zones whose unit_code is exactly this code (the units under it not included)."},
    {"group", FILTER_TEXT, NULL, "Members of this umbrella zone."},
    {"counted", FILTER_BOOL, NULL,
     "1: zones counted toward the province's totals (established: approved, building or"
     " operating; not an umbrella of other zones); 0: the others."},
    {"umbrella", FILTER_BOOL, NULL, "1: umbrella zones (other zones name them as group_code)."},
    {"missing", FILTER_MISSING, NULL,
     "Zones where any of these columns is unknown (empty), comma-separated: e.g."
     " total_ha,status."},
    {"infra_complete", FILTER_BOOL, NULL, "1: technical infrastructure complete."},
    {"min_available_ha", FILTER_MIN, NULL, "At least this much available land (ha)."},
    {"min_industrial_ha", FILTER_MIN, NULL, "At least this much industrial land (ha)."},
    {"min_total_ha", FILTER_MIN, NULL, "At least this total area (ha)."},
    {"max_lease_usd_m2", FILTER_MAX, NULL, "Lease price at most (USD/m2)."},
    {"max_km_hcmc", FILTER_MAX, NULL, "Distance to Ho Chi Minh City at most (km)."},
    {"max_km_port", FILTER_MAX, NULL, "Distance to a seaport at most (km)."},
    {"min_wwtp_m3_day", FILTER_MIN, NULL, "Wastewater treatment at least (m3/day)."},
    {"min_power_mva", FILTER_MIN, NULL, "Power supply at least (MVA)."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def zone_sorts[] = {
    {"total_ha"},      {"industrial_ha"},
    {"leased_ha"},     {"available_ha"},
    {"occupancy_pct"}, {"occupancy_reported_pct"},
    {"lease_usd_m2"},  {"km_hcmc"},
    {"km_port"},       {"wwtp_m3_day"},
    {"power_mva"},     {"water_m3_day"},
    {"planned_year"},  {NULL},
};

static const struct filter_def unit_filters[] = {
    {"level", FILTER_ENUM, "level", "province, district or commune."},
    {"parent", FILTER_TEXT, NULL, "Units whose parent is this code."},
    {"under", FILTER_UNIT, NULL, "This unit, the units under it and the units it replaced."},
    {"valid_on", FILTER_VALID_ON, NULL, "Units that existed on this date (YYYY-MM-DD)."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def unit_sorts[] = {{"lat"}, {"lon"}, {NULL}};

static const struct filter_def sector_filters[] = {
    {"version", FILTER_ENUM, "version", "VSIC version: 2018 or 2025."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def no_sorts[] = {{NULL}};

static const struct filter_def enterprise_filters[] = {
    {"zone", FILTER_TEXT, NULL, "Enterprises in this zone."},
    {"unit", FILTER_UNIT, NULL, "An administrative unit of any level, current or historical."},
    {"ownership", FILTER_ENUM, "ownership", "fdi, domestic or state."},
    {"country", FILTER_TEXT, NULL, "ISO 3166 alpha-2 country of the owner."},
    {"sector", FILTER_SECTOR, NULL, "A VSIC code of either version."},
    {"supplier", FILTER_BOOL, NULL, "1: registered as a supplier."},
    {"min_employees", FILTER_MIN, NULL, "At least this many employees."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def enterprise_sorts[] = {{"employees"}, {"founded"}, {NULL}};

static const struct filter_def project_filters[] = {
    {"zone", FILTER_TEXT, NULL, "Projects in this zone."},
    {"unit", FILTER_UNIT, NULL, "An administrative unit of any level, current or historical."},
    {"status", FILTER_ENUM, "status", "Project statuses, comma-separated."},
    {"investor", FILTER_TEXT, NULL, "Tax code of the investor."},
    {"country", FILTER_TEXT, NULL, "ISO 3166 alpha-2 country of the investor."},
    {"sector", FILTER_SECTOR, NULL, "A VSIC code of either version."},
    {"min_capital_usd", FILTER_MIN, NULL, "Registered capital at least (USD)."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def project_sorts[] = {{"capital_usd"}, {"land_ha"}, {"jobs"}, {NULL}};

static const struct filter_def source_filters[] = {
    {"code", FILTER_CODES, NULL, "These sources: up to 16 codes, comma-separated."},
    {"kind", FILTER_ENUM, "kind", "Kinds of source, comma-separated."},
    {"reviewed", FILTER_BOOL, NULL, "1: sources checked when the data set was compiled."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def source_sorts[] = {{"published_on"}, {NULL}};

static const struct filter_def department_filters[] = {
    {"valid_on", FILTER_VALID_ON, NULL, "Departments that existed on this date (YYYY-MM-DD)."},
    {NULL, 0, NULL, NULL},
};

static const struct filter_def procedure_department_filters[] = {
    {"procedure", FILTER_ENUM, "procedure", "These procedures, comma-separated."},
    {"location", FILTER_ENUM, "location", "in_park or outside_park."},
    {"department", FILTER_TEXT, NULL, "Rows of this department (its code)."},
    {"role", FILTER_ENUM, "role", "receiving or consulted."},
    {"valid_on", FILTER_VALID_ON, NULL, "Rows in force on this date (YYYY-MM-DD)."},
    {NULL, 0, NULL, NULL},
};

static const struct filter_def observation_filters[] = {
    {"target", FILTER_CODES, NULL, "Observations of these targets: up to 16 codes."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def observation_sorts[] = {{"observed_on"}, {NULL}};

static const struct filter_def demand_filters[] = {
    {"status", FILTER_ENUM, "status", "open, matched or closed, comma-separated."},
    {"buyer", FILTER_TEXT, NULL, "The demands of this buyer (its tax code)."},
    {"sector", FILTER_SECTOR, NULL, "A VSIC code of either version."},
    {"event", FILTER_TEXT, NULL, "The demands posted at this promotion event (its code)."},
    {"capability", FILTER_TEXT, NULL, "Demands that ask for this process (a token)."},
    {"min_annual_usd", FILTER_MIN, NULL, "At least this yearly value (USD)."},
    {NULL, 0, NULL, NULL},
};

static const struct sort_def demand_sorts[] = {
    {"annual_usd"}, {"needed_by"}, {"posted_on"}, {NULL}};

const struct resource_def api_resources[] = {
    {"zones", "zones", "code", 1, zone_derived, zone_filters, zone_sorts, 1, 1,
     "Industrial parks, clusters, logistics centres, economic zones and ports."},
    {"units", "units", "code", 1, NULL, unit_filters, unit_sorts, 1, 1,
     "Administrative units with their validity dates."},
    {"sectors", "sectors", "code", 1, NULL, sector_filters, no_sorts, 0, 1,
     "VSIC sector codes of the 2018 and 2025 versions."},
    {"enterprises", "enterprises", "tax_code", 1, NULL, enterprise_filters, enterprise_sorts, 1, 0,
     "Enterprises: investors, buyers and suppliers."},
    {"projects", "projects", "code", 1, NULL, project_filters, project_sorts, 0, 0,
     "Investment projects."},
    {"observations", "observations", "target_code", 0, NULL, observation_filters, observation_sorts,
     0, 0, "Reported values of the targets, each with its date and source."},
    {"sources", "sources", "code", 0, NULL, source_filters, source_sorts, 0, 0,
     "The sources that rows cite: publisher, title, date, and whether each was checked."},
    {"departments", "departments", "code", 0, NULL, department_filters, no_sorts, 0, 1,
     "The province's departments and boards that receive dossiers or give opinions on them."},
    {"procedure_departments", "procedure_departments", "procedure", 0, NULL,
     procedure_department_filters, no_sorts, 0, 0,
     "Which department receives each procedure's dossiers, in a park or outside, and which are "
     "consulted; each row with its validity dates and source."},
    {"demands", "demands", "code", 0, NULL, demand_filters, demand_sorts, 0, 0,
     "Buyers' demands for local suppliers: the processes and certificates asked for, the yearly "
     "volume and value, the day needed by, and whether it is open, matched or closed."},
    {NULL, NULL, NULL, 0, NULL, NULL, NULL, 0, 0, NULL},
};

const struct resource_def *api_resource(const char *name)
{
    const struct resource_def *r;

    for (r = api_resources; r->name; r++)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}
