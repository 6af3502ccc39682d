/* SPDX-License-Identifier: MIT */
/*
 * inbox.h - the API's command kinds: what the HTTP side (web/) may ask of
 * the engine through its inbox, on top of the ticket commands of
 * command.h. Part of the model: the sender and the engine both speak it,
 * neither owns it. The engine's handling is engine_api.h.
 *
 * Arguments travel in the command: ids in other_id / site_id, everything
 * else as a JSON object in text (at most PVS_CMD_TEXT_MAX bytes).
 */
#ifndef PVS_INBOX_H
#define PVS_INBOX_H

#define PVS_CMD_API_BASE 100

/*
 * The API's command kinds (values of struct pvs_command.kind). text is a
 * JSON object unless said otherwise; "now" members are real time (ms), as
 * token and session expiry are checked against the wall clock.
 */
/* {"entity", "id", "fields": {...}, "owner"?}: create a site, device... */
#define PVS_CMD_API_CREATE (PVS_CMD_API_BASE + 0)
/* same members: update the given fields */
#define PVS_CMD_API_UPDATE (PVS_CMD_API_BASE + 1)
/* {"entity", "id", "owner"?} */
#define PVS_CMD_API_DELETE (PVS_CMD_API_BASE + 2)
/* {"username", "role", "person"?, "pwhash"?}; result_id = the user */
#define PVS_CMD_API_USER_CREATE (PVS_CMD_API_BASE + 3)
/* other_id = user: disabled, its tokens revoked, its sessions ended */
#define PVS_CMD_API_USER_DELETE (PVS_CMD_API_BASE + 4)
/* other_id = user, {"name", "hash", "now", "expires"?}; result_id */
#define PVS_CMD_API_TOKEN_CREATE (PVS_CMD_API_BASE + 5)
/* other_id = token, {"now"} */
#define PVS_CMD_API_TOKEN_REVOKE (PVS_CMD_API_BASE + 6)
/* other_id = user, {"hash", "now", "expires"} */
#define PVS_CMD_API_SESSION_CREATE (PVS_CMD_API_BASE + 7)
/* {"hash"} */
#define PVS_CMD_API_SESSION_DELETE (PVS_CMD_API_BASE + 8)
/* {"site"?, "device"?, "rule"?, "start", "end", "reason"?} (ms) */
#define PVS_CMD_API_SILENCE_CREATE (PVS_CMD_API_BASE + 9)
/* other_id = silence */
#define PVS_CMD_API_SILENCE_DELETE (PVS_CMD_API_BASE + 10)
/* site_id = the customer whose personal data goes */
#define PVS_CMD_API_ERASE_CUSTOMER (PVS_CMD_API_BASE + 11)
/* other_id = user, {"pwhash"}: new password, account enabled again */
#define PVS_CMD_API_USER_PASSWORD (PVS_CMD_API_BASE + 12)
#define PVS_CMD_API_END (PVS_CMD_API_BASE + 13)

#endif
