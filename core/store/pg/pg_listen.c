/* SPDX-License-Identifier: MIT */
/*
 * pg_listen.c - hearing the API's writes of other pvsentry processes on
 * the same PostgreSQL (LISTEN, see pvs_store_listen_start).
 *
 * DESIGN
 * One thread with a connection of its own, asleep in poll() on the
 * connection's socket and on a pipe that wakes it to stop. A process
 * that committed a change of the API's objects sent NOTIFY with its
 * claimant as payload (pg_outbox.c); every listener but its own calls
 * the callback, which only signals the daemon's main thread: the change
 * is then applied as a local API write is (the running configuration
 * read again from the file and the store). Notices that arrive together
 * make one call. A lost connection is logged once and retried every
 * RETRY_MS; after a reconnect the callback runs once, since a notice
 * sent meanwhile was not heard.
 */
#define PVS_LOG_MODULE "store"
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "pg_int.h"
#include "pvs/log.h"

#define RETRY_MS 1000

struct listener {
    char *target;
    char *me;
    void (*fn)(void *ud);
    void *ud;
    int wake[2]; /* written to stop the thread */
    pthread_t thread;
    PGconn *conn;
    bool lost; /* logged: the connection is gone */
};

static void drop(struct listener *l, const char *why) {
    if (!l->lost)
        pvs_warn("not hearing the API's changes of other processes: %s; "
                 "trying again",
                 why);
    l->lost = true;
    PQfinish(l->conn);
    l->conn = NULL;
}

/* Connect and LISTEN; whether it worked. */
static bool attach(struct listener *l) {
    PGresult *r;
    bool ok;

    l->conn = PQconnectdb(l->target);
    if (PQstatus(l->conn) != CONNECTION_OK) {
        char why[256];
        pvs_strlcpy(why, PQerrorMessage(l->conn), sizeof(why));
        why[strcspn(why, "\n")] = '\0';
        drop(l, why);
        return false;
    }
    r = PQexec(l->conn, "LISTEN " PVS_PG_CHANGES);
    ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
        drop(l, "LISTEN failed");
        return false;
    }
    return true;
}

/* Wait for the socket (or RETRY_MS without one); false: stop. */
static bool wait_input(struct listener *l) {
    struct pollfd p[2] = {{l->wake[0], POLLIN, 0}, {-1, POLLIN, 0}};
    int n;

    if (l->conn)
        p[1].fd = PQsocket(l->conn);
    do {
        n = poll(p, 2, l->conn ? -1 : RETRY_MS);
    } while (n < 0 && errno == EINTR);
    return !(p[0].revents & POLLIN);
}

/* Read what arrived; whether another process announced a change. */
static bool heard(struct listener *l) {
    PGnotify *nt;
    bool changed = false;

    if (!PQconsumeInput(l->conn)) {
        char why[256];
        pvs_strlcpy(why, PQerrorMessage(l->conn), sizeof(why));
        why[strcspn(why, "\n")] = '\0';
        drop(l, why);
        return false;
    }
    while ((nt = PQnotifies(l->conn))) {
        changed = changed || strcmp(nt->extra, l->me);
        PQfreemem(nt);
    }
    return changed;
}

static void *listen_main(void *arg) {
    struct listener *l = arg;

    while (wait_input(l)) {
        if (!l->conn) {
            if (!attach(l))
                continue;
            if (l->lost) {
                pvs_info("hearing the API's changes of other processes "
                         "again");
                l->lost = false;
                /* What was said meanwhile was not heard. */
                l->fn(l->ud);
            }
            continue;
        }
        if (heard(l))
            l->fn(l->ud);
    }
    return NULL;
}

enum pvs_err pvs_pg_listen_start(const char *target, const char *me,
                                 void (*fn)(void *ud), void *ud, void **ret) {
    struct listener *l = pvs_calloc(1, sizeof(*l));
    enum pvs_err rc = PVS_OK;
    char eb[128];

    l->target = pvs_strdup(target);
    l->me = pvs_strdup(me);
    l->fn = fn;
    l->ud = ud;
    l->wake[0] = l->wake[1] = -1;
    if (pipe(l->wake)) {
        pvs_error("cannot listen for changes: %s",
                  pvs_strerror(errno, eb, sizeof(eb)));
        rc = PVS_ERR_IO;
        goto out;
    }
    /* Connected before the thread runs: a change committed after start
     * returns is heard. */
    if (attach(l))
        pvs_info("hearing the API's changes of other processes (as '%s')", me);
    if (pthread_create(&l->thread, NULL, listen_main, l)) {
        pvs_error("cannot start the thread that listens for changes");
        rc = PVS_ERR_IO;
    }
out:
    if (rc) {
        if (l->wake[0] >= 0) {
            close(l->wake[0]);
            close(l->wake[1]);
        }
        PQfinish(l->conn);
        pvs_free(l->target);
        pvs_free(l->me);
        pvs_free(l);
        return rc;
    }
    *ret = l;
    return PVS_OK;
}

void pvs_pg_listen_free(void *arg) {
    struct listener *l = arg;
    ssize_t w;

    if (!l)
        return;
    do {
        w = write(l->wake[1], "x", 1);
    } while (w < 0 && errno == EINTR);
    pthread_join(l->thread, NULL);
    close(l->wake[0]);
    close(l->wake[1]);
    PQfinish(l->conn);
    pvs_free(l->target);
    pvs_free(l->me);
    pvs_free(l);
}
