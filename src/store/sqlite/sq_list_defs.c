/* SPDX-License-Identifier: MIT */
/*
 * The listable resources in SQL (see sq_list.h): every filter, sort and
 * derived expression of zones, units, sectors, enterprises, projects,
 * sources, departments, which departments handle which procedure, and the
 * buyers' demands.
 * Available land and occupancy are the domain's fragments of sq.h.
 */
#include "store/sqlite/sq_list.h"

#include <string.h>

#include "store/sqlite/sq.h"

static const struct sq_named zone_derived[] = {
    {"available_ha", SQ_ZONE_AVAILABLE},
    {"occupancy_pct", SQ_ZONE_OCCUPANCY},
    {NULL, NULL},
};

static const struct sq_filter zone_filters[] = {
    {"kind", SQF_IN, "z.kind"},
    {"status", SQF_IN, "z.status"},
    {"confidence", SQF_IN, "z.confidence"},
    /* the zones in the scope, kept per connection: a seek per zone */
    {"unit", SQF_UNIT_ZONES, "z.rowid IN scope_zone"},
    {"sector", SQF_TOKENS, "z.sectors"},
    {"unit_code", SQF_IN, "z.unit_code"},
    {"group", SQF_IN, "z.group_code"},
    {"counted", SQF_IN, SQ_ZONE_COUNTED_FLAG},
    {"umbrella", SQF_IN, SQ_ZONE_UMBRELLA_FLAG},
    {"missing", SQF_MISSING, NULL},
    {"infra_complete", SQF_IN, "z.infra_complete"},
    {"min_available_ha", SQF_MIN, SQ_ZONE_AVAILABLE},
    {"min_industrial_ha", SQF_MIN, "z.industrial_ha"},
    {"min_total_ha", SQF_MIN, "z.total_ha"},
    {"max_lease_usd_m2", SQF_MAX, "z.lease_usd_m2"},
    {"max_km_hcmc", SQF_MAX, "z.km_hcmc"},
    {"max_km_port", SQF_MAX, "z.km_port"},
    {"min_wwtp_m3_day", SQF_MIN, "z.wwtp_m3_day"},
    {"min_power_mva", SQF_MIN, "z.power_mva"},
    {NULL, 0, NULL},
};

static const struct sq_named zone_sorts[] = {
    {"total_ha", "z.total_ha"},
    {"industrial_ha", "z.industrial_ha"},
    {"leased_ha", "z.leased_ha"},
    {"available_ha", SQ_ZONE_AVAILABLE},
    {"occupancy_pct", SQ_ZONE_OCCUPANCY},
    {"occupancy_reported_pct", "z.occupancy_reported_pct"},
    {"lease_usd_m2", "z.lease_usd_m2"},
    {"km_hcmc", "z.km_hcmc"},
    {"km_port", "z.km_port"},
    {"wwtp_m3_day", "z.wwtp_m3_day"},
    {"power_mva", "z.power_mva"},
    {"water_m3_day", "z.water_m3_day"},
    {"planned_year", "z.planned_year"},
    {NULL, NULL},
};

static const struct sq_filter unit_filters[] = {
    {"level", SQF_IN, "u.level"},
    {"parent", SQF_IN, "u.parent_code"},
    {"under", SQF_UNIT, "u.code IN scope"},
    {"valid_on", SQF_VALID_ON, NULL},
    {NULL, 0, NULL},
};

static const struct sq_named unit_sorts[] = {{"lat", "u.lat"}, {"lon", "u.lon"}, {NULL, NULL}};

static const struct sq_filter sector_filters[] = {
    {"version", SQF_IN, "s.version"},
    {NULL, 0, NULL},
};

static const struct sq_named none[] = {{NULL, NULL}};

static const struct sq_filter enterprise_filters[] = {
    {"zone", SQF_IN, "e.zone_code"},
    {"unit", SQF_UNIT,
     "(e.unit_code IN scope OR e.zone_code IN (SELECT code FROM zones WHERE unit_code IN scope"
     " OR commune IN scope))"},
    {"ownership", SQF_IN, "e.ownership"},
    {"country", SQF_IN, "e.country"},
    {"sector", SQF_IN, "e.vsic"},
    {"supplier", SQF_IN, "e.supplier"},
    {"min_employees", SQF_MIN, "e.employees"},
    {NULL, 0, NULL},
};

static const struct sq_named enterprise_sorts[] = {
    {"employees", "e.employees"}, {"founded", "e.founded"}, {NULL, NULL}};

static const struct sq_filter project_filters[] = {
    {"zone", SQF_IN, "p.zone_code"},
    {"unit", SQF_UNIT,
     "(p.unit_code IN scope OR p.zone_code IN (SELECT code FROM zones WHERE unit_code IN scope"
     " OR commune IN scope))"},
    {"status", SQF_IN, "p.status"},
    {"investor", SQF_IN, "p.investor_tax_code"},
    {"country", SQF_IN, "p.country"},
    {"sector", SQF_IN, "p.vsic"},
    {"min_capital_usd", SQF_MIN, "p.capital_usd"},
    {NULL, 0, NULL},
};

static const struct sq_named project_sorts[] = {
    {"capital_usd", "p.capital_usd"}, {"land_ha", "p.land_ha"}, {"jobs", "p.jobs"}, {NULL, NULL}};

static const struct sq_filter source_filters[] = {
    {"code", SQF_IN, "x.code"},
    {"kind", SQF_IN, "x.kind"},
    {"reviewed", SQF_IN, "x.reviewed"},
    {NULL, 0, NULL},
};

static const struct sq_named source_sorts[] = {{"published_on", "x.published_on"}, {NULL, NULL}};

static const struct sq_filter department_filters[] = {
    {"valid_on", SQF_VALID_ON, NULL},
    {NULL, 0, NULL},
};

static const struct sq_filter procedure_department_filters[] = {
    {"procedure", SQF_IN, "pd.procedure"},   {"location", SQF_IN, "pd.location"},
    {"department", SQF_IN, "pd.department"}, {"role", SQF_IN, "pd.role"},
    {"valid_on", SQF_VALID_ON, NULL},        {NULL, 0, NULL},
};

static const struct sq_filter observation_filters[] = {
    {"target", SQF_IN, "o.target_code"},
    {NULL, 0, NULL},
};

static const struct sq_named observation_sorts[] = {{"observed_on", "o.observed_on"}, {NULL, NULL}};

static const struct sq_filter demand_filters[] = {
    {"status", SQF_IN, "dm.status"},
    {"buyer", SQF_IN, "dm.buyer_tax_code"},
    {"sector", SQF_IN, "dm.vsic"},
    {"event", SQF_IN, "dm.event_code"},
    {"capability", SQF_TOKENS, "dm.capabilities"},
    {"min_annual_usd", SQF_MIN, "dm.annual_usd"},
    {NULL, 0, NULL},
};

static const struct sq_named demand_sorts[] = {{"annual_usd", "dm.annual_usd"},
                                               {"needed_by", "dm.needed_by"},
                                               {"posted_on", "dm.posted_on"},
                                               {NULL, NULL}};

static const struct sq_resource resources[] = {
    {"zones", "zones", "zones z", "z", "z.code", "zones_fts", zone_filters, zone_sorts,
     zone_derived, 1, "group_code\0"},
    {"units", "units", "units u", "u", "u.code", "units_fts", unit_filters, unit_sorts, none},
    {"sectors", "sectors", "sectors s", "s", "(s.code || ' ' || s.version)", "sectors_fts",
     sector_filters, none, none},
    {"enterprises", "enterprises", "enterprises e", "e", "e.tax_code", "enterprises_fts",
     enterprise_filters, enterprise_sorts, none},
    {"projects", "projects", "projects p", "p", "p.code", "projects_fts", project_filters,
     project_sorts, none},
    {"observations", "observations", "observations o", "o",
     "(o.target_code || ' ' || o.observed_on)", NULL, observation_filters, observation_sorts, none},
    {"sources", "sources", "sources x", "x", "x.code", NULL, source_filters, source_sorts, none},
    {"departments", "departments", "departments dp", "dp", "dp.code", NULL, department_filters,
     none, none},
    {"procedure_departments", "procedure_departments", "procedure_departments pd", "pd",
     "(pd.procedure || ' ' || pd.location || ' ' || pd.department)", NULL,
     procedure_department_filters, none, none},
    {"demands", "demands", "demands dm", "dm", "dm.code", NULL, demand_filters, demand_sorts, none},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0},
};

const struct sq_resource *sq_list_resource(const char *name)
{
    const struct sq_resource *r;

    for (r = resources; name && r->name; r++)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}

const struct sq_filter *sq_list_filter(const struct sq_resource *r, const char *name)
{
    const struct sq_filter *f;

    for (f = r->filters; name && f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

const struct sq_named *sq_list_named(const struct sq_named *list, const char *name)
{
    for (; name && list && list->name; list++)
        if (strcmp(list->name, name) == 0)
            return list;
    return NULL;
}
