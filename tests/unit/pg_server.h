/* SPDX-License-Identifier: MIT */
/*
 * pg_server.h - a real PostgreSQL 15 for C tests (header-only, static).
 *
 * test_pg_start runs initdb and pg_ctl from /usr/lib/postgresql/15/bin on
 * a data directory in its own mkdtemp under /tmp, owned by the `postgres`
 * user when the test runs as root (the server refuses to run as root), the
 * socket in that directory (-k) and TCP on a free loopback port. Ready
 * means pg_ctl -w returned and a connection succeeds (probed, no sleep).
 *
 *     struct test_pg pg;
 *     if (test_pg_start(&pg)) fail();
 *     test_pg_create_db(&pg, "t1", uri, sizeof(uri));
 *     test_pg_stop(&pg, "immediate");      a crash
 *     test_pg_start_again(&pg);
 *     test_pg_close(&pg);                   stopped and removed
 */
#ifndef PVS_TEST_PG_SERVER_H
#define PVS_TEST_PG_SERVER_H

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TEST_PG_BIN "/usr/lib/postgresql/15/bin"

struct test_pg {
    char dir[64];
    int port;
    bool as_postgres; /* commands run through runuser -u postgres */
};

static int test_pg_free_port(void) {
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && !bind(fd, (struct sockaddr *)&a, sizeof(a)) &&
        !getsockname(fd, (struct sockaddr *)&a, &len))
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

/* Run a shell command line as the server's user; 0 on success. */
static int test_pg_sh(const struct test_pg *pg, const char *cmd) {
    char line[1024];

    if (pg->as_postgres)
        snprintf(line, sizeof(line), "runuser -u postgres -- sh -c '%s'", cmd);
    else
        snprintf(line, sizeof(line), "sh -c '%s'", cmd);
    return system(line) == 0 ? 0 : -1;
}

static void test_pg_uri(const struct test_pg *pg, const char *db, char *out,
                        size_t size) {
    snprintf(out, size, "postgresql://postgres@127.0.0.1:%d/%s", pg->port, db);
}

/* Probe until a connection to the postgres database succeeds (30 s). */
static int test_pg_wait_ready(const struct test_pg *pg) {
    char uri[128], info[160];
    struct timespec ts = {0, 50 * 1000 * 1000};

    test_pg_uri(pg, "postgres", uri, sizeof(uri));
    snprintf(info, sizeof(info), "%s?connect_timeout=2", uri);
    for (int i = 0; i < 600; i++) {
        if (PQping(info) == PQPING_OK)
            return 0;
        nanosleep(&ts, NULL);
    }
    return -1;
}

static int test_pg_start_again(struct test_pg *pg) {
    char cmd[768];

    snprintf(cmd, sizeof(cmd),
             TEST_PG_BIN "/pg_ctl -D %s/data -w -t 60 -l %s/server.log -o "
                         "\"-p %d -k %s -c listen_addresses=127.0.0.1 -c "
                         "fsync=off -c full_page_writes=off\" start "
                         ">/dev/null",
             pg->dir, pg->dir, pg->port, pg->dir);
    if (test_pg_sh(pg, cmd))
        return -1;
    return test_pg_wait_ready(pg);
}

static int test_pg_start(struct test_pg *pg) {
    char cmd[512];

    memset(pg, 0, sizeof(*pg));
    snprintf(pg->dir, sizeof(pg->dir), "/tmp/pvs-pg-XXXXXX");
    if (!mkdtemp(pg->dir))
        return -1;
    pg->port = test_pg_free_port();
    if (geteuid() == 0) {
        struct passwd *pw = getpwnam("postgres");

        if (!pw || chown(pg->dir, pw->pw_uid, pw->pw_gid))
            return -1;
        pg->as_postgres = true;
    }
    snprintf(cmd, sizeof(cmd),
             TEST_PG_BIN "/initdb -D %s/data -A trust -U postgres -E UTF8 "
                         "--locale=C --no-sync >/dev/null",
             pg->dir);
    if (pg->port < 0 || test_pg_sh(pg, cmd))
        return -1;
    return test_pg_start_again(pg);
}

/* pg_ctl stop; mode "fast" or "immediate" (a crash). */
static void test_pg_stop(struct test_pg *pg, const char *mode) {
    char cmd[256];

    snprintf(cmd, sizeof(cmd),
             TEST_PG_BIN "/pg_ctl -D %s/data -w -t 60 -m %s stop "
                         ">/dev/null 2>&1",
             pg->dir, mode);
    test_pg_sh(pg, cmd);
}

static void test_pg_quiet(void *arg, const char *msg) {
    (void)arg;
    (void)msg;
}

/* A new empty database name; its URI in out. */
static int test_pg_create_db(const struct test_pg *pg, const char *name,
                             char *out, size_t size) {
    char uri[128], sql[160];
    PGconn *c;
    PGresult *r;
    int rc = -1;

    test_pg_uri(pg, "postgres", uri, sizeof(uri));
    c = PQconnectdb(uri);
    if (PQstatus(c) != CONNECTION_OK)
        goto out;
    PQsetNoticeProcessor(c, test_pg_quiet, NULL);
    snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS \"%s\"", name);
    PQclear(PQexec(c, sql));
    snprintf(sql, sizeof(sql), "CREATE DATABASE \"%s\"", name);
    r = PQexec(c, sql);
    rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : -1;
    PQclear(r);
    test_pg_uri(pg, name, out, size);
out:
    PQfinish(c);
    return rc;
}

/* Run one SQL command on c: 0, or -1 with the server's words on stderr. */
static inline int test_pg_exec(PGconn *c, const char *sql) {
    PGresult *r = PQexec(c, sql);
    ExecStatusType s = PQresultStatus(r);
    int rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? 0 : -1;

    if (rc)
        fprintf(stderr, "%s: %s", sql, PQresultErrorMessage(r));
    PQclear(r);
    return rc;
}

static void test_pg_close(struct test_pg *pg) {
    char cmd[128];

    if (!pg->dir[0])
        return;
    test_pg_stop(pg, "immediate");
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", pg->dir);
    if (system(cmd))
        fprintf(stderr, "cannot remove %s\n", pg->dir);
    pg->dir[0] = '\0';
}

#endif
