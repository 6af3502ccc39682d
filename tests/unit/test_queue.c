/* SPDX-License-Identifier: MIT */
/* test_queue.c - the bounded queue: order, capacity, close, threads. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/msg.h"
#include "pvs/queue.h"

static int freed;

static void count_free(void *p) {
    (void)p;
    freed++;
}

static void test_fifo_and_full(void **state) {
    struct pvs_queue *q = pvs_queue_new(3, NULL);
    int a = 1, b = 2, c = 3, d = 4;
    void *out[8];

    (void)state;
    assert_int_equal(pvs_queue_try_push(q, &a), PVS_OK);
    assert_int_equal(pvs_queue_try_push(q, &b), PVS_OK);
    assert_int_equal(pvs_queue_try_push(q, &c), PVS_OK);
    assert_int_equal(pvs_queue_try_push(q, &d), PVS_ERR_FULL);
    assert_int_equal(pvs_queue_full_count(q), 1);
    assert_int_equal(pvs_queue_push(q, &d, 10), PVS_ERR_TIMEOUT);
    assert_int_equal(pvs_queue_len(q), 3);
    assert_int_equal(pvs_queue_pop_batch(q, out, 2, 0), 2);
    assert_ptr_equal(out[0], &a);
    assert_ptr_equal(out[1], &b);
    /* Wraps around the ring. */
    assert_int_equal(pvs_queue_try_push(q, &d), PVS_OK);
    assert_int_equal(pvs_queue_pop_batch(q, out, 8, 0), 2);
    assert_ptr_equal(out[0], &c);
    assert_ptr_equal(out[1], &d);
    assert_int_equal(pvs_queue_pop_batch(q, out, 8, 20), 0);
    pvs_queue_free(q);
}

static void test_close(void **state) {
    struct pvs_queue *q = pvs_queue_new(4, count_free);
    int a, b;
    void *out[4];

    (void)state;
    freed = 0;
    assert_int_equal(pvs_queue_try_push(q, &a), PVS_OK);
    assert_int_equal(pvs_queue_try_push(q, &b), PVS_OK);
    pvs_queue_close(q);
    assert_true(pvs_queue_closed(q));
    assert_int_equal(pvs_queue_try_push(q, &a), PVS_ERR_CLOSED);
    /* What is left still drains. */
    assert_int_equal(pvs_queue_pop_batch(q, out, 1, -1), 1);
    pvs_queue_free(q); /* frees the remaining one */
    assert_int_equal(freed, 1);
}

#define PRODUCERS 4
#define PER 20000

static void *producer(void *arg) {
    struct pvs_queue *q = arg;

    for (intptr_t i = 1; i <= PER; i++)
        if (pvs_queue_push(q, (void *)i, -1))
            return NULL;
    return NULL;
}

static void test_threads(void **state) {
    struct pvs_queue *q = pvs_queue_new(64, NULL);
    pthread_t t[PRODUCERS];
    long long sum = 0, count = 0;
    void *out[32];

    (void)state;
    for (int i = 0; i < PRODUCERS; i++)
        pthread_create(&t[i], NULL, producer, q);
    while (count < (long long)PRODUCERS * PER) {
        size_t n = pvs_queue_pop_batch(q, out, 32, 1000);
        assert_true(n > 0);
        for (size_t i = 0; i < n; i++)
            sum += (intptr_t)out[i];
        count += (long long)n;
    }
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(sum, (long long)PRODUCERS * PER * (PER + 1) / 2);
    pvs_queue_free(q);
}

/* A recycled message is as new: zeroed, with the asked size and type. */
static atomic_bool give_up;

static void *set_give_up(void *arg) {
    struct timespec ts = {0, 100 * 1000000L};

    (void)arg;
    nanosleep(&ts, NULL);
    atomic_store(&give_up, true);
    return NULL;
}

/* A producer told to give up stops waiting for room at once, long before
 * its timeout; otherwise it waits the timeout, or until there is room. */
static void test_push_unless(void **state) {
    struct pvs_queue *q = pvs_queue_new(1, NULL);
    int a = 1, b = 2;
    void *out[2];
    pthread_t t;
    int64_t t0;

    (void)state;
    atomic_store(&give_up, false);
    assert_int_equal(pvs_queue_push_unless(q, &a, 0, &give_up), PVS_OK);
    t0 = pvs_clock_mono_ms();
    assert_int_equal(pvs_queue_push_unless(q, &b, 120, &give_up),
                     PVS_ERR_TIMEOUT);
    assert_true(pvs_clock_mono_ms() - t0 >= 110);
    assert_int_equal(pvs_queue_full_count(q), 1);
    pthread_create(&t, NULL, set_give_up, NULL);
    t0 = pvs_clock_mono_ms();
    assert_int_equal(pvs_queue_push_unless(q, &b, 60000, &give_up),
                     PVS_ERR_CLOSED);
    assert_true(pvs_clock_mono_ms() - t0 < 30000);
    pthread_join(t, NULL);
    /* Room wins over the flag. */
    assert_int_equal(pvs_queue_pop_batch(q, out, 2, 0), 1);
    assert_int_equal(pvs_queue_push_unless(q, &b, 0, &give_up), PVS_OK);
    pvs_queue_free(q);
}

static void test_msg_reuse_is_clean(void **state) {
    struct pvs_msg *m;

    (void)state;
    m = pvs_msg_new(PVS_MSG_SAMPLES, 10);
    memset(m->serial, 'x', sizeof(m->serial));
    m->healthy = true;
    m->outbox_id = 42;
    for (size_t i = 0; i < 10; i++) {
        m->samples[i].dev = 7;
        m->samples[i].value = 1.5;
    }
    pvs_msg_free(m);
    for (int round = 0; round < 3; round++) {
        size_t n = (size_t)(round * 7 + 1);

        m = pvs_msg_new(PVS_MSG_SAMPLES, n);
        assert_int_equal(m->type, PVS_MSG_SAMPLES);
        assert_int_equal(m->nsamples, n);
        assert_int_equal(m->serial[0], 0);
        assert_false(m->healthy);
        assert_int_equal(m->outbox_id, 0);
        assert_null(m->cmd);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(m->samples[i].dev, 0);
            assert_true(m->samples[i].value == 0);
        }
        m->samples[n - 1].value = 3; /* the whole asked size is usable */
        pvs_msg_free(m);
    }
    /* Larger messages and other types still work the usual way. */
    m = pvs_msg_new(PVS_MSG_SAMPLES, 300);
    m->samples[299].value = 1;
    pvs_msg_free(m);
    m = pvs_msg_new(PVS_MSG_DELIVERY, 0);
    pvs_msg_free(m);
    pvs_msg_pool_drain();
}

/* Made on one thread, freed on another, as receivers and the engine do. */
struct relay {
    struct pvs_queue *q;
    int n;
};

static void *make_msgs(void *arg) {
    struct relay *r = arg;

    for (int i = 0; i < r->n; i++) {
        struct pvs_msg *m = pvs_msg_new(PVS_MSG_SAMPLES, (size_t)(i % 12 + 1));
        m->samples[0].value = i;
        assert_int_equal(pvs_queue_push(r->q, m, -1), PVS_OK);
    }
    return NULL;
}

static void test_msg_across_threads(void **state) {
    struct relay r = {pvs_queue_new(64, pvs_msg_free_void), 20000};
    pthread_t t[2];
    void *out[32];
    int got = 0;

    (void)state;
    pthread_create(&t[0], NULL, make_msgs, &r);
    pthread_create(&t[1], NULL, make_msgs, &r);
    while (got < 2 * r.n) {
        size_t k = pvs_queue_pop_batch(r.q, out, 32, 100);
        for (size_t i = 0; i < k; i++) {
            struct pvs_msg *m = out[i];
            assert_int_equal(m->type, PVS_MSG_SAMPLES);
            assert_true(m->nsamples >= 1 && m->nsamples <= 12);
            pvs_msg_free(m);
        }
        got += (int)k;
    }
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    pvs_queue_free(r.q);
    pvs_msg_pool_drain();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fifo_and_full),
        cmocka_unit_test(test_close),
        cmocka_unit_test(test_push_unless),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_msg_reuse_is_clean),
        cmocka_unit_test(test_msg_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
