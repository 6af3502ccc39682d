/* SPDX-License-Identifier: MIT */
/*
 * engine_api.h - engine-side handling of the API's own commands (kinds
 * from PVS_CMD_API_BASE up: sites, devices, people, tokens...). Runs on
 * the engine thread inside the batch transaction.
 *
 * The HTTP side (web/) checks the caller's role and validates the request;
 * the engine checks again what only the database knows (existence,
 * references, who registered an object) and writes. Arguments travel in
 * the command: ids in other_id / site_id, everything else as a JSON object
 * in text (at most PVS_CMD_TEXT_MAX bytes).
 */
#ifndef PVS_ENGINE_API_H
#define PVS_ENGINE_API_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/command.h"
#include "pvs/config.h"
#include "pvs/inbox.h"
#include "pvs/store.h"

/*
 * Handle c. Sets c->result, c->created and c->message (the engine
 * answers after the commit). Returns false for a kind it does not know.
 * A database error is returned in *ret_db_error so the batch rolls back.
 */
bool pvs_engine_api_command(const struct pvs_config *cfg, struct pvs_store *st,
                            struct pvs_command *c, int64_t now_ms,
                            enum pvs_err *ret_db_error);

#endif
