/* SPDX-License-Identifier: MIT */
/*
 * trend.h - robust statistics for rules: medians and the Theil-Sen slope
 * (the median of all pairwise slopes), which ignores up to ~29 % of wild
 * points, so one hot afternoon or a sensor glitch does not make a trend.
 *
 * Pure functions; thread-safe. Allocation goes through pvs_malloc.
 */
#ifndef PVS_TREND_H
#define PVS_TREND_H

#include <stddef.h>
#include "pvs/util.h"

/* Largest number of points pvs_trend_fit accepts (n^2/2 pairs). */
#define PVS_TREND_MAX_POINTS 1024

struct pvs_trend {
    double slope;     /* y units per x unit */
    double intercept; /* median of y - slope * x */
    double slope_lo;  /* ~90 % confidence band of the slope (Sen) */
    double slope_hi;
    size_t n;
};

/*
 * Theil-Sen fit of (x[i], y[i]), i < n. Pairs with equal x are skipped.
 * Returns PVS_ERR_INVAL when n < 3, n > PVS_TREND_MAX_POINTS or all x are
 * equal; *out is written only on success.
 */
enum pvs_err pvs_trend_fit(const double *x, const double *y, size_t n,
                           struct pvs_trend *out);

/*
 * How far past x_now the fitted line reaches threshold: (x_cross - x_now)
 * in x units, or a negative value when it never will (flat, or moving
 * away). Returns 0 when the line is already past it at x_now.
 */
double pvs_trend_time_to(const struct pvs_trend *t, double x_now,
                         double threshold);

/* Median of v[0..n) (reorders v). NaN when n == 0. */
double pvs_trend_median(double *v, size_t n);

#endif
