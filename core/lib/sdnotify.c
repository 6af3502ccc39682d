/* SPDX-License-Identifier: MIT */
/* sdnotify.c - the sd_notify protocol, in a few lines. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "pvs/sdnotify.h"
#include "pvs/util.h"

void pvs_sd_notify(const char *state) {
    const char *path = getenv("NOTIFY_SOCKET");
    struct sockaddr_un sa;
    size_t len;
    int fd;

    if (!path || (path[0] != '/' && path[0] != '@'))
        return;
    len = strlen(path);
    if (len >= sizeof(sa.sun_path))
        return;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    memcpy(sa.sun_path, path, len);
    if (sa.sun_path[0] == '@')
        sa.sun_path[0] = '\0'; /* abstract namespace */
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    /* Best effort: systemd may be gone while we stop. */
    if (sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&sa,
               (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)) < 0) {
        close(fd);
        return;
    }
    close(fd);
}

int64_t pvs_sd_watchdog_ms(void) {
    const char *usec = getenv("WATCHDOG_USEC");
    int64_t v;

    if (!usec || pvs_parse_i64(usec, &v) || v <= 0)
        return 0;
    return v / 1000;
}
