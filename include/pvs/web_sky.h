/* SPDX-License-Identifier: MIT */
/*
 * web_sky.h - the daemon's expectation model for the dashboard's charts
 * (core/daemon/web_sky.c): the rules' clear-sky model behind the
 * interface web.h asks for. Immutable; any thread.
 */
#ifndef PVS_WEB_SKY_H
#define PVS_WEB_SKY_H

#include "pvs/web.h"

extern const struct pvs_web_sky pvs_web_sky_clear;

#endif
