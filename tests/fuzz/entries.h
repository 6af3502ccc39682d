/* SPDX-License-Identifier: MIT */
/*
 * entries.h - the entry points shared by the libFuzzer targets
 * (tests/fuzz/fuzz_*.c) and the regression replay in `make check`
 * (tests/unit/test_fuzz_regress.c), so a crash found by one is replayed
 * through exactly the same code by the other.
 *
 * Each takes one input and returns 0; problems show up as sanitizer
 * reports or failed PVS_ASSERTs, never as return values.
 */
#ifndef PVS_FUZZ_ENTRIES_H
#define PVS_FUZZ_ENTRIES_H

#include <stddef.h>
#include <stdint.h>

/* The input as a configuration file, through pvs_config_load_all and the
 * rule parameter checks, as `pvsentry check` does. */
int pvs_fuzz_config(const uint8_t *data, size_t size);
/* "TOPIC\nPAYLOAD" (or only a payload for pvsentry/s1/inv1) through
 * pvs_mqtt_map_parse with a small fixed configuration. */
int pvs_fuzz_mqtt_payload(const uint8_t *data, size_t size);
/* Big-endian registers after a "SunS" marker at 40000, through discovery,
 * the walker, the decoder and the canonical metrics. */
int pvs_fuzz_sunspec(const uint8_t *data, size_t size);

/*
 * The raw bytes of one client connection (normally one HTTP/1.1 request:
 * request line, headers, body) to the real HTTP server (web/), started
 * once with its engine and a database holding two sites, three tickets
 * (ticket 3 from an inverter fault, with its alert) and an account per
 * role. Every answer must be well-formed HTTP with no 5xx
 * but 503 and 505. Credentials in the corpus (all fixed):
 *   Authorization: Bearer pvs-fuzz-admin-token-0123456789  (admin_token_file)
 *   Authorization: Bearer pvs_fuzz_<user> for users tech1 (technician),
 *       cu1 (customer of site s1), inst (installer), boss (admin)
 *   Cookie: pvs_session=pvs-fuzz-session-tech1; login tech1 with password
 *       fuzz-password-1
 *   /l/<purpose>.1.<expiry>.<signature>: links for ticket 1 (see
 *       tests/fuzz/corpus/http/link_*), signed with a fixed link key
 * An input that changes the database is followed by a restart on the
 * database as it was after setup, so every input sees the same state.
 * A process that uses this must treat `argv[1] == "probe"` as a failing
 * probe (POST /api/v1/devices/{id}/test runs /proc/self/exe probe).
 */
int pvs_fuzz_http(const uint8_t *data, size_t size);

/* Release what the entry points keep between calls (for leak checks). */
void pvs_fuzz_cleanup(void);

#endif
