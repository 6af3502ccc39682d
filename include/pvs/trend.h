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

/*
 * How far the last short days of a series lie below the line of the
 * base days before them: the median over the points with x > x_last -
 * short of y / line(x) - 1, where line is the Theil-Sen fit through the
 * points with x in [x_last - short - base, x_last - short] that are at
 * least low times their median (a fault's low values are not learnt).
 * A rising line is taken as flat from its last base point: only a fall
 * is extrapolated. x ascending. NaN when there are fewer than min_base
 * base points or 3 recent ones. *line_now (when not NULL) gets the
 * line's value at x_last, NaN with it.
 */
double pvs_trend_drop(const double *x, const double *y, size_t n,
                      double short_x, double base_x, double low,
                      size_t min_base, double *line_now);

/* Median of v[0..n) (reorders v). NaN when n == 0. */
double pvs_trend_median(double *v, size_t n);

#endif
