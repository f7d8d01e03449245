/* SPDX-License-Identifier: MIT */
/*
 * The parts of the OpenAPI document that live beside api/openapi.c, one
 * file per group of routes.
 */
#ifndef KHU_API_OPENAPI_PARTS_H
#define KHU_API_OPENAPI_PARTS_H

#include "core/json_out.h"

/* Writes the paths of the dossier workflow (api/openapi_dossiers.c) as
 * members of the open "paths" object of w. */
void openapi_dossier_paths(struct jw *w);

/* Writes the path of a department's queue, which the document lists with
 * the departments' own paths. */
void openapi_queue_path(struct jw *w);

#endif
