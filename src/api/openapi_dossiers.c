/* SPDX-License-Identifier: MIT */
/*
 * The OpenAPI paths of the dossier workflow (api/dossiers.c): filing, the
 * list, one dossier, its documents and acts, a department's queue and the
 * stage shown to whoever holds a dossier's code and secret.
 */
#include <string.h>

#include "api/openapi_parts.h"
#include "report/xlsx.h"

#define PROBLEM       "{\"$ref\":\"#/components/responses/Problem\"}"
#define SIGNED_IN     "\"security\":[{\"session\":[]},{\"bearer\":[]}]"
#define REFUSALS      "\"401\":" PROBLEM ",\"403\":" PROBLEM
#define WRITE_ANSWERS "\"400\":" PROBLEM ",\"404\":" PROBLEM ",\"409\":" PROBLEM ",\"415\":" PROBLEM
#define CODE_PARAM                                                                                 \
    "{\"name\":\"code\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}"
#define LANG_PARAM                                                                                 \
    "{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\","      \
    "\"enum\":[\"vi\",\"en\",\"ko\"]}}"
#define CLOCK                                                                                      \
    "\"clock\":{\"type\":\"object\",\"description\":\"state not_started, unknown (no time limit"   \
    " known), running, paused (a question to the investor is open: due is the due day should"      \
    " it be answered today) or done; working_days_left is negative once overdue.\","               \
    "\"properties\":{\"state\":{\"type\":\"string\"},\"due\":{\"type\":[\"string\",\"null\"],"     \
    "\"format\":\"date\"},\"working_days_left\":{\"type\":[\"integer\",\"null\"]},\"overdue\":{"   \
    "\"type\":\"boolean\"},\"late\":{\"type\":\"boolean\"},\"working_days_taken\":{\"type\":"      \
    "\"integer\"},\"calendar\":{\"type\":\"string\",\"enum\":[\"official\",\"provisional\","       \
    "\"unknown\"],\"description\":\"How far the working-day calendar knows the years the clock"    \
    " counts over (the least of them): a due day on a provisional year may move when the"          \
    " Government announces its schedule; on an unknown year only weekends are counted off.\"}}}"
#define ACT_ANSWER                                                                                 \
    "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"},\"secret\":{\"type\":"    \
    "\"string\",\"description\":\"Filing only: shown once, never kept; with the code it shows"     \
    " the dossier's stage to anyone (POST /api/v1/dossier_stage).\"},\"act\":{\"type\":"           \
    "\"string\"},\"stage\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"},\"consultations\":{" \
    "\"type\":\"integer\"},\"href\":{\"type\":\"string\"}}}"

static void raw(struct jw *w, const char *json)
{
    jw_raw(w, json, strlen(json));
}

#define STATS_PARAMS                                                                               \
    "[{\"name\":\"by\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\","       \
    "\"enum\":[\"department\",\"procedure\"],\"default\":\"department\"}},{\"name\":\"from\","     \
    "\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\",\"format\":\"date\"}},"   \
    "{\"name\":\"to\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\","        \
    "\"format\":\"date\"}},{\"name\":\"only\",\"in\":\"query\",\"required\":false,"                \
    "\"description\":\"open: only the counts open and overdue today (the period's figures"         \
    " empty), for a "                                                                              \
    "dashboard.\",\"schema\":{\"type\":\"string\",\"enum\":[\"open\"]}}," LANG_PARAM               \
    ",{\"name\":\"bom\",\"in\":\"query\",\"required\":false,"                                      \
    "\"schema\":{\"type\":\"integer\",\"enum\":[0,1]}}]"
#define STATS_SUMMARY                                                                              \
    "How each department answers its consultations (by=department) or how each procedure's"        \
    " dossiers are decided (by=procedure), for everyone: handled in the period from..to, the"      \
    " share on time of those whose limit was known, the median and 90th percentile of working"     \
    " days taken (less the days a question stopped the clock), open and overdue today. Counts"     \
    " and days only."
#define XLSX_BODY "{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}"

/* The three forms of the public figures. */
static void stats_paths(struct jw *w)
{
    jw_key(w, "/api/v1/dossier_stats");
    raw(w, "{\"get\":{\"operationId\":\"dossier_stats\",\"summary\":\"" STATS_SUMMARY "\","
           "\"parameters\":" STATS_PARAMS ",\"responses\":{\"200\":{\"description\":\"OK\","
           "\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{"
           "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
           "\"group\":{\"type\":\"string\"},\"name\":{\"type\":[\"string\",\"null\"]},"
           "\"handled\":{\"type\":\"integer\"},\"with_due\":{\"type\":\"integer\"},"
           "\"on_time\":{\"type\":\"integer\"},\"on_time_share\":{\"type\":[\"number\","
           "\"null\"]},\"median_working_days\":{\"type\":[\"number\",\"null\"]},"
           "\"p90_working_days\":{\"type\":[\"number\",\"null\"]},\"open\":{\"type\":"
           "\"integer\"},\"overdue\":{\"type\":\"integer\"}}}}}}},\"text/csv\":{\"schema\":{"
           "\"type\":\"string\"}},\"" XLSX_MEDIA_TYPE "\":" XLSX_BODY "}},\"304\":{"
           "\"description\":\"Not modified (If-None-Match matched the ETag)\"},\"400\":" PROBLEM
           "}}}");
    jw_key(w, "/api/v1/dossier_stats.csv");
    raw(w, "{\"get\":{\"operationId\":\"dossier_stats_csv\",\"summary\":\"The same as CSV.\","
           "\"parameters\":" STATS_PARAMS ",\"responses\":{\"200\":{\"description\":\"OK\","
           "\"content\":{\"text/csv\":{\"schema\":{\"type\":\"string\"}}}},\"304\":{"
           "\"description\":\"Not modified (If-None-Match matched the ETag)\"},\"400\":" PROBLEM
           "}}}");
    jw_key(w, "/api/v1/dossier_stats.xlsx");
    raw(w, "{\"get\":{\"operationId\":\"dossier_stats_xlsx\",\"summary\":\"The same as a"
           " spreadsheet (the columns of the CSV).\",\"parameters\":" STATS_PARAMS ","
           "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"" XLSX_MEDIA_TYPE
           "\":" XLSX_BODY "}},\"304\":{\"description\":\"Not modified (If-None-Match matched"
           " the ETag)\"},\"400\":" PROBLEM "}}}");
}

void openapi_queue_path(struct jw *w)
{
    jw_key(w, "/api/v1/departments/{code}/queue");
    raw(w,
        "{\"get\":{\"operationId\":\"department_queue\",\"summary\":\"The consultations a"
        " department has not answered, the soonest due first, each with its clock: for that"
        " department's users and the province's staff.\"," SIGNED_IN ",\"parameters\":[" CODE_PARAM
        "," LANG_PARAM "],\"responses\":{\"200\":{\"description\":\"OK\","
        "\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{"
        "\"department\":{\"type\":\"string\"},\"items\":{\"type\":\"array\",\"items\":{"
        "\"type\":\"object\",\"properties\":{" CLOCK "}}}}}}}},\"404\":" PROBLEM "," REFUSALS
        "}}}");
}

void openapi_dossier_paths(struct jw *w)
{
    jw_key(w, "/api/v1/dossiers");
    raw(w,
        "{\"get\":{\"operationId\":\"list_dossiers\",\"summary\":\"Dossiers with their stage"
        " and clock, the newest filed first: every one for officers, admins and viewers; an"
        " investor's own; those a department is consulted on.\"," SIGNED_IN ","
        "\"parameters\":[{\"name\":\"status\",\"in\":\"query\",\"required\":false,\"schema\":"
        "{\"type\":\"string\",\"enum\":[\"received\",\"consulting\",\"decided\",\"returned\","
        "\"withdrawn\"]}},{\"name\":\"procedure\",\"in\":\"query\",\"required\":false,"
        "\"schema\":{\"type\":\"string\"}},{\"name\":\"limit\",\"in\":\"query\",\"required\":"
        "false,\"schema\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000,\"default\":100}},"
        "{\"name\":\"offset\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":"
        "\"integer\",\"minimum\":0}}," LANG_PARAM "],\"responses\":{\"200\":{\"description\":"
        "\"OK\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
        "\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
        "\"properties\":{\"stage\":{\"type\":\"string\"}," CLOCK "}}},\"total\":{\"type\":"
        "\"integer\"}}}}}},\"400\":" PROBLEM "," REFUSALS "}},"
        "\"post\":{\"operationId\":\"file_dossier\",\"summary\":\"An investor files a dossier"
        " for one of its projects, or for a new project it names; the answer gives the"
        " dossier's code and a secret to follow it with.\"," SIGNED_IN ","
        "\"parameters\":[" LANG_PARAM "],\"requestBody\":{\"required\":true,\"content\":{"
        "\"application/json\":{\"schema\":{\"type\":\"object\",\"required\":[\"procedure\"],"
        "\"additionalProperties\":false,\"properties\":{\"procedure\":{\"type\":\"string\","
        "\"enum\":[\"policy_approval\",\"irc_issue\",\"irc_adjust\",\"land_lease\","
        "\"env_permit\",\"construction_permit\"]},\"project_code\":{\"type\":\"string\"},"
        "\"project_name\":{\"type\":\"string\"},\"zone_code\":{\"type\":\"string\"}}}}}},"
        "\"responses\":{\"201\":{\"description\":\"Filed\",\"content\":{\"application/json\":"
        "{\"schema\":" ACT_ANSWER "}}}," WRITE_ANSWERS "," REFUSALS "}}}");

    jw_key(w, "/api/v1/dossiers/{code}");
    raw(w, "{\"get\":{\"operationId\":\"get_dossier\",\"summary\":\"One dossier: its fields,"
           " stage and clock, each department's consultation with its clock (an investor sees"
           " whether a department answered, not what it said), the questions to the investor"
           " and the documents.\"," SIGNED_IN ",\"parameters\":[" CODE_PARAM "," LANG_PARAM "],"
           "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{"
           "\"schema\":{\"type\":\"object\",\"properties\":{\"stage\":{\"type\":\"string\"}," CLOCK
           ",\"acts\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":"
           "\"The acts the reader's party may do at this stage (none for a viewer); the act"
           " itself may still be refused, e.g. an opinion already "
           "given.\"},\"consultations\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},"
           "\"questions\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},\"documents\":{"
           "\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}}}},\"404\":" PROBLEM "," REFUSALS
           "}}}");

    jw_key(w, "/api/v1/dossiers/{code}/documents");
    raw(w, "{\"post\":{\"operationId\":\"add_dossier_document\",\"summary\":\"Adds a document"
           " to a dossier: the body is the file itself, a PDF, a PNG or a JPEG image (checked by"
           " its first bytes) of at most 20 MB, kept with its SHA-256. By its investor, or by a"
           " department consulted (to attach to its opinion).\"," SIGNED_IN
           ",\"parameters\":[" CODE_PARAM
           ",{\"name\":\"name\",\"in\":\"query\",\"required\":true,\"schema\":{"
           "\"type\":\"string\",\"maxLength\":200}}," LANG_PARAM "],\"requestBody\":{"
           "\"required\":true,\"content\":{\"application/pdf\":{},\"image/png\":{},"
           "\"image/jpeg\":{}}},\"responses\":{\"201\":{\"description\":\"Added\","
           "\"content\":{\"application/json\":{\"schema\":" ACT_ANSWER "}}}," WRITE_ANSWERS
           ",\"413\":" PROBLEM "," REFUSALS "}}}");

    jw_key(w, "/api/v1/dossiers/{code}/documents/{n}");
    raw(w, "{\"get\":{\"operationId\":\"get_dossier_document\",\"summary\":\"A document of a"
           " dossier, as an attachment of its own type (PDF, PNG or JPEG).\"," SIGNED_IN ","
           "\"parameters\":[" CODE_PARAM ",{\"name\":\"n\",\"in\":\"path\",\"required\":true,"
           "\"schema\":{\"type\":\"integer\",\"minimum\":1}}," LANG_PARAM "],\"responses\":{"
           "\"200\":{\"description\":\"The document\",\"content\":{\"application/pdf\":{},"
           "\"image/png\":{},\"image/jpeg\":{}}},\"404\":" PROBLEM "," REFUSALS "}}}");

    jw_key(w, "/api/v1/dossiers/{code}/{act}");
    raw(w, "{\"post\":{\"operationId\":\"act_on_dossier\",\"summary\":\"An act on a dossier:"
           " return {missing} and accept {departments, limit_days, limit_kind, consult_days,"
           " consult_kind: the limits only where no source gives them} by an officer; resubmit,"
           " answer {n, answer} and withdraw by its investor; ask {question} by an officer or a"
           " department consulted; opinion {opinion, note, document} by a department; appraise"
           " {appraisal} and decide {decision, certificate_no} by an officer. 409 when the"
           " dossier's stage does not allow it.\"," SIGNED_IN ",\"parameters\":[" CODE_PARAM ","
           "{\"name\":\"act\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\","
           "\"enum\":[\"return\",\"resubmit\",\"accept\",\"ask\",\"answer\",\"opinion\","
           "\"appraise\",\"decide\",\"withdraw\"]}}," LANG_PARAM "],\"requestBody\":{"
           "\"required\":true,\"content\":{\"application/json\":{\"schema\":{\"type\":"
           "\"object\"}}}},\"responses\":{\"200\":{\"description\":\"Done\",\"content\":{"
           "\"application/json\":{\"schema\":" ACT_ANSWER "}}}," WRITE_ANSWERS "," REFUSALS "}}}");

    jw_key(w, "/api/v1/dossier_stage");
    raw(w, "{\"post\":{\"operationId\":\"dossier_stage\",\"summary\":\"A dossier's stage for"
           " whoever holds its code and secret, without signing in: its dates and which"
           " departments have answered, not what they said. A POST, so that the secret stays"
           " out of addresses and logs.\",\"parameters\":[" LANG_PARAM "],\"requestBody\":{"
           "\"required\":true,\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
           "\"required\":[\"code\",\"secret\"],\"properties\":{\"code\":{\"type\":\"string\"},"
           "\"secret\":{\"type\":\"string\"}}}}}},\"responses\":{\"200\":{\"description\":\"OK\","
           "\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{"
           "\"stage\":{\"type\":\"string\"},\"departments\":{\"type\":\"array\",\"items\":{"
           "\"type\":\"object\",\"properties\":{\"department\":{\"type\":\"string\"},"
           "\"answered\":{\"type\":\"boolean\"}}}}}}}}},\"400\":" PROBLEM ",\"404\":" PROBLEM ","
           "\"415\":" PROBLEM "}}}");
    stats_paths(w);

    jw_key(w, "/api/v1/notifications");
    raw(w, "{\"get\":{\"operationId\":\"list_notifications\",\"summary\":\"One's own"
           " reminders (a department's opinion due within a few working days) and alerts (one"
           " overdue, for officers and the department's head), newest first, with whether each"
           " was read and mailed.\"," SIGNED_IN ",\"parameters\":[{\"name\":\"limit\",\"in\":"
           "\"query\",\"required\":false,\"schema\":{\"type\":\"integer\",\"minimum\":1,"
           "\"maximum\":500,\"default\":50}}," LANG_PARAM "],\"responses\":{\"200\":{"
           "\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"type\":"
           "\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":"
           "\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"kind\":{\"type\":"
           "\"string\",\"enum\":[\"reminder\",\"overdue\"]},\"dossier_code\":{\"type\":"
           "\"string\"},\"due_on\":{\"type\":\"string\",\"format\":\"date\"}}}}}}}}},"
           "\"400\":" PROBLEM "," REFUSALS "}}}");
    jw_key(w, "/api/v1/notifications/{id}/read");
    raw(w, "{\"post\":{\"operationId\":\"read_notification\",\"summary\":\"Marks one of"
           " one's notifications read.\"," SIGNED_IN ",\"parameters\":[{\"name\":\"id\","
           "\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"integer\"}}," LANG_PARAM
           "],\"responses\":{\"200\":{\"description\":\"Read\"},\"404\":" PROBLEM
           ",\"415\":" PROBLEM "," REFUSALS "}}}");
}
