/* SPDX-License-Identifier: MIT */
/*
 * sdnotify.h - systemd readiness and watchdog notifications without
 * libsystemd: one datagram to $NOTIFY_SOCKET. No-ops outside systemd.
 */
#ifndef PVS_SDNOTIFY_H
#define PVS_SDNOTIFY_H

#include <stdint.h>

/* Send state ("READY=1", "WATCHDOG=1", "STOPPING=1", "RELOADING=1"). */
void pvs_sd_notify(const char *state);
/* Watchdog interval asked by systemd ($WATCHDOG_USEC), ms; 0 = none. */
int64_t pvs_sd_watchdog_ms(void);

#endif
