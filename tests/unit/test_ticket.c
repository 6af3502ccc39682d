/* SPDX-License-Identifier: MIT */
/* test_ticket.c - ticket dedup and reopen decisions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pvs/ticket.h"

#define H 3600000LL

static struct pvs_ticket ticket(const char *status, int64_t resolved,
                                int64_t closed) {
    struct pvs_ticket t = {0};

    t.id = 7;
    t.status = (char *)(uintptr_t)status;
    t.resolved_ms = resolved;
    t.closed_ms = closed;
    return t;
}

static void test_decisions(void **state) {
    struct pvs_ticket t;

    (void)state;
    assert_int_equal(pvs_ticket_on_firing(NULL, 10 * H, 24 * H),
                     PVS_TICKET_OPEN);
    t = ticket("assigned", 0, 0);
    assert_int_equal(pvs_ticket_on_firing(&t, 10 * H, 24 * H),
                     PVS_TICKET_REPEAT);
    t = ticket("on_hold", 0, 0);
    assert_int_equal(pvs_ticket_on_firing(&t, 10 * H, 24 * H),
                     PVS_TICKET_REPEAT);
    /* Recovered 2 h ago, window 24 h: reopen. */
    t = ticket("resolved", 8 * H, 0);
    assert_int_equal(pvs_ticket_on_firing(&t, 10 * H, 24 * H),
                     PVS_TICKET_REOPEN);
    /* Window counts from the latest of resolved and closed. */
    t = ticket("closed", 8 * H, 30 * H);
    assert_int_equal(pvs_ticket_on_firing(&t, 50 * H, 24 * H),
                     PVS_TICKET_REOPEN);
    /* Long ago: a new ticket. */
    t = ticket("closed", 8 * H, 9 * H);
    assert_int_equal(pvs_ticket_on_firing(&t, 40 * H, 24 * H), PVS_TICKET_OPEN);
    /* A technician's verdict is not overridden by a reopen. */
    t = ticket("false_alarm", 9 * H, 9 * H);
    assert_int_equal(pvs_ticket_on_firing(&t, 10 * H, 24 * H), PVS_TICKET_OPEN);
}

static void test_status_names(void **state) {
    (void)state;
    assert_true(pvs_ticket_status_valid("acknowledged"));
    assert_true(pvs_ticket_status_valid("merged"));
    assert_false(pvs_ticket_status_valid("done"));
    assert_true(pvs_ticket_is_active("scheduled"));
    assert_true(pvs_ticket_is_active("fixed"));
    assert_false(pvs_ticket_is_active("resolved"));
    assert_false(pvs_ticket_is_active("closed"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decisions),
        cmocka_unit_test(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
