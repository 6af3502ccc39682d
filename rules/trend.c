/* SPDX-License-Identifier: MIT */
/*
 * trend.c - medians and the Theil-Sen estimator (see trend.h).
 *
 * DESIGN
 * n is small (a value per day over weeks, at most PVS_TREND_MAX_POINTS),
 * so the O(n^2) pairwise slopes plus a linear-time selection is simpler
 * and fast enough; no need for the O(n log n) algorithms. The confidence
 * band follows Sen (1968): ranks (N -/+ z * sqrt(var)) / 2 of the sorted
 * slopes, with var = n(n-1)(2n+5)/18 and z = 1.645.
 */
#include <math.h>
#include <string.h>

#include "pvs/trend.h"

static void swap(double *a, double *b) {
    double t = *a;

    *a = *b;
    *b = t;
}

/* k-th smallest of v[0..n) (Hoare's selection, median-of-three pivot). */
static double select_k(double *v, size_t n, size_t k) {
    size_t lo = 0, hi = n - 1;

    while (hi > lo) {
        size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
        double pivot;

        if (v[mid] < v[lo])
            swap(&v[mid], &v[lo]);
        if (v[hi] < v[lo])
            swap(&v[hi], &v[lo]);
        if (v[hi] < v[mid])
            swap(&v[hi], &v[mid]);
        pivot = v[mid];
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                swap(&v[i], &v[j]);
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return v[k];
}

double pvs_trend_median(double *v, size_t n) {
    double a, b;

    if (!n)
        return NAN;
    a = select_k(v, n, n / 2);
    if (n % 2)
        return a;
    b = select_k(v, n, n / 2 - 1);
    return (a + b) / 2.0;
}

enum pvs_err pvs_trend_fit(const double *x, const double *y, size_t n,
                           struct pvs_trend *out) {
    double *slopes = NULL, *res = NULL;
    size_t m = 0;
    double slope, var, half;
    enum pvs_err rc = PVS_ERR_INVAL;

    if (n < 3 || n > PVS_TREND_MAX_POINTS)
        goto out;
    slopes = pvs_malloc(n * (n - 1) / 2 * sizeof(double));
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (x[j] != x[i])
                slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
    if (!m)
        goto out;
    slope = pvs_trend_median(slopes, m);
    var = (double)n * (double)(n - 1) * (double)(2 * n + 5) / 18.0;
    half = 1.645 * sqrt(var);
    {
        double lo_rank = ((double)m - half) / 2.0;
        double hi_rank = ((double)m + half) / 2.0;
        size_t lo = lo_rank < 0 ? 0 : (size_t)lo_rank;
        size_t hi = hi_rank >= (double)m ? m - 1 : (size_t)hi_rank;
        out->slope_lo = select_k(slopes, m, lo);
        out->slope_hi = select_k(slopes, m, hi);
    }
    res = pvs_malloc(n * sizeof(double));
    for (size_t i = 0; i < n; i++)
        res[i] = y[i] - slope * x[i];
    out->intercept = pvs_trend_median(res, n);
    out->slope = slope;
    out->n = n;
    rc = PVS_OK;
out:
    pvs_free(slopes);
    pvs_free(res);
    return rc;
}

double pvs_trend_drop(const double *x, const double *y, size_t n,
                      double short_x, double base_x, double low,
                      size_t min_base, double *line_now) {
    double *bx, *by, *res, cut, slope, y_end, d = NAN, at_end = NAN;
    size_t i0 = 0, i1, nb = 0, nr = 0;
    struct pvs_trend t;

    if (line_now)
        *line_now = NAN;
    if (n < 3 || n > PVS_TREND_MAX_POINTS)
        return NAN;
    cut = x[n - 1] - short_x;
    while (i0 < n && x[i0] < cut - base_x)
        i0++;
    i1 = i0;
    while (i1 < n && x[i1] <= cut)
        i1++;
    if (i1 - i0 < min_base || n - i1 < 3)
        return NAN;
    bx = pvs_malloc(3 * n * sizeof(double));
    by = bx + n;
    res = by + n;
    memcpy(res, y + i0, (i1 - i0) * sizeof(double));
    low *= pvs_trend_median(res, i1 - i0);
    for (size_t i = i0; i < i1; i++)
        if (y[i] >= low) {
            bx[nb] = x[i];
            by[nb++] = y[i];
        }
    if (nb >= min_base && !pvs_trend_fit(bx, by, nb, &t)) {
        slope = t.slope < 0 ? t.slope : 0.0;
        y_end = t.intercept + t.slope * bx[nb - 1];
        for (size_t i = i1; i < n; i++) {
            double line = y_end + slope * (x[i] - bx[nb - 1]);

            if (line > 0)
                res[nr++] = y[i] / line - 1.0;
        }
        if (nr >= 3) {
            d = pvs_trend_median(res, nr);
            at_end = y_end + slope * (x[n - 1] - bx[nb - 1]);
        }
    }
    pvs_free(bx);
    if (line_now)
        *line_now = at_end;
    return d;
}

double pvs_trend_time_to(const struct pvs_trend *t, double x_now,
                         double threshold) {
    double y_now = t->intercept + t->slope * x_now;
    double x_cross;

    if ((t->slope > 0 && y_now >= threshold) ||
        (t->slope < 0 && y_now <= threshold))
        return 0.0;
    if (t->slope == 0.0)
        return -1.0;
    x_cross = (threshold - t->intercept) / t->slope;
    return x_cross >= x_now ? x_cross - x_now : -1.0;
}
