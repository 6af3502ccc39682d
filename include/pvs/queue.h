/* SPDX-License-Identifier: MIT */
/*
 * queue.h - bounded multi-producer, multi-consumer queue of pointers.
 *
 * The only thing pvsentry's threads share. Ownership: after a successful
 * push the queue owns the item; when a push fails (full, closed) the
 * producer still owns it and must free or retry. pop transfers ownership
 * to the consumer.
 *
 * Any thread may call any function. Items left in a queue when it is freed
 * are passed to the free function given at creation.
 */
#ifndef PVS_QUEUE_H
#define PVS_QUEUE_H

#include <stdatomic.h>

#include "pvs/util.h"

struct pvs_queue;
typedef void pvs_queue_free_fn(void *item);

/* capacity > 0. free_item may be NULL (items are then left alone). */
struct pvs_queue *pvs_queue_new(size_t capacity, pvs_queue_free_fn *free_item);
void pvs_queue_free(struct pvs_queue *q);

/* Non-blocking: PVS_ERR_FULL when full, PVS_ERR_CLOSED after close. */
enum pvs_err pvs_queue_try_push(struct pvs_queue *q, void *item);
/*
 * Blocks up to timeout_ms (-1 = forever) for room: PVS_ERR_TIMEOUT,
 * PVS_ERR_CLOSED.
 */
enum pvs_err pvs_queue_push(struct pvs_queue *q, void *item, int timeout_ms);
/*
 * As pvs_queue_push with timeout_ms >= 0, but gives up as soon as
 * *give_up is true (read at least every 50 ms while waiting):
 * PVS_ERR_CLOSED then, as after close. For producers that must not wait
 * for a consumer that stopped (a poller being stopped).
 */
enum pvs_err pvs_queue_push_unless(struct pvs_queue *q, void *item,
                                   int timeout_ms, atomic_bool *give_up);

/*
 * Pops up to max items into out[], waiting up to timeout_ms (-1 forever,
 * 0 no wait) for the first. Returns the number popped; 0 on timeout or when
 * the queue is closed and empty (check pvs_queue_closed).
 */
size_t pvs_queue_pop_batch(struct pvs_queue *q, void **out, size_t max,
                           int timeout_ms);

/* Wakes every waiter; pushes fail from now on, pops drain what is left. */
void pvs_queue_close(struct pvs_queue *q);
bool pvs_queue_closed(struct pvs_queue *q);

size_t pvs_queue_len(struct pvs_queue *q);
size_t pvs_queue_capacity(struct pvs_queue *q);
/* Number of pushes refused because the queue was full, since creation. */
uint64_t pvs_queue_full_count(struct pvs_queue *q);

#endif
