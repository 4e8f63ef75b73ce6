# Reference values for course_kit.meta and course_kit.effect_sizes, computed
# with R's metafor (Debian r-cran-metafor 3.8-1). CI has no R: the tests read
# the JSON this script writes.
#
# Run from the repository root:
#   Rscript tests/reference/make_reference.R
# Writes tests/reference/metafor_reference.json.
#
# Tight controls make a converged implementation comparable at 1e-6:
# metafor's defaults (tol 1e-5 for Fisher scoring, uniroot ~1.2e-4 for PM)
# are looser than that.

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

ctrl <- list(threshold = 1e-12, tol = 1e-12, maxiter = 1000)
ci_ctrl <- list(tol = 1e-12)
methods <- c("FE", "DL", "HE", "SJ", "ML", "REML", "EB", "PM")
tests <- c("z", "knha")

num <- function(x) unname(as.numeric(x))

fit_record <- function(fit, level = 95) {
  pr <- predict(fit, level = level)
  is_fe <- fit$method %in% c("FE", "EE", "CE")
  rec <- list(
    estimate = num(fit$beta), se = num(fit$se), statistic = num(fit$zval),
    pvalue = num(fit$pval), ci_low = num(fit$ci.lb), ci_high = num(fit$ci.ub),
    pi_low = if (is_fe) num(fit$ci.lb) else num(pr$pi.lb),
    pi_high = if (is_fe) num(fit$ci.ub) else num(pr$pi.ub),
    tau2 = num(fit$tau2), i2 = num(fit$I2), h2 = num(fit$H2),
    q = num(fit$QE), q_df = num(fit$k - fit$p), q_pvalue = num(fit$QEp),
    k = fit$k, weights = num(weights(fit))
  )
  if (!is_fe) {
    ci <- confint(fit, level = level, control = ci_ctrl)$random
    rec$confint <- list(
      tau2 = num(ci["tau^2", ]), tau = num(ci["tau", ]),
      i2 = num(ci["I^2(%)", ]), h2 = num(ci["H^2", ])
    )
  }
  rec
}

all_fits <- function(yi, vi, level = 95) {
  out <- list()
  for (m in methods) for (t in tests) {
    fit <- rma(yi, vi, method = m, test = t, level = level, control = ctrl)
    out[[paste(m, t, sep = "_")]] <- fit_record(fit, level)
  }
  out
}

sens_record <- function(x) {
  # x: the list returned by leave1out() or cumul(); t statistics are called "tval"
  if (!is.null(x$tval)) x$zval <- x$tval
  if (!is.null(x$pvals)) x$pval <- x$pvals  # cumul() calls the p-values "pvals"
  if (is.null(x$tau2)) x$tau2 <- rep(0, length(x$estimate))  # FE fits: tau^2 = 0
  keep <- intersect(c("estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp",
                      "tau2", "I2", "H2"), names(x))
  res <- lapply(keep, function(n) num(x[[n]]))
  names(res) <- keep
  res
}

bias_record <- function(yi, vi) {
  out <- list()
  eg <- regtest(yi, vi, model = "lm")
  cf <- coef(summary(eg$fit))
  out$egger <- list(statistic = num(eg$zval), pvalue = num(eg$pval), df = num(eg$dfs),
                    intercept = num(cf[1, 1]), intercept_se = num(cf[1, 2]),
                    slope = num(cf[2, 1]), slope_se = num(cf[2, 2]))
  rk <- ranktest(yi, vi)
  out$ranktest <- list(statistic = num(rk$tau), pvalue = num(rk$pval))
  for (m in c("FE", "DL", "REML", "PM")) {
    fit <- rma(yi, vi, method = m, control = ctrl)
    for (est in c("L0", "R0")) {
      tf <- trimfill(fit, estimator = est, control = ctrl)
      out[[paste("trimfill", m, est, sep = "_")]] <- list(
        k0 = num(tf$k0), side = tf$side, estimate = num(tf$beta), se = num(tf$se),
        tau2 = num(tf$tau2), ci_low = num(tf$ci.lb), ci_high = num(tf$ci.ub),
        pvalue = num(tf$pval), q = num(tf$QE), k = tf$k,
        yi = num(tf$yi), vi = num(tf$vi), fill = as.logical(tf$fill))
    }
  }
  for (m in c("FE", "DL", "REML")) for (t in tests) {
    fit <- rma(yi, vi, method = m, test = t, control = ctrl)
    out[[paste("leave1out", m, t, sep = "_")]] <- sens_record(leave1out(fit))
    out[[paste("cumul", m, t, sep = "_")]] <- sens_record(cumul(fit))
  }
  out
}

ref <- list(metafor_version = as.character(packageVersion("metafor")))

# --- dataset 1: BCG vaccine trials, log risk ratio ------------------------------
bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
ref$bcg <- list(yi = num(bcg$yi), vi = num(bcg$vi), labels = paste(bcg$author, bcg$year),
                ablat = num(bcg$ablat), year = num(bcg$year), alloc = as.character(bcg$alloc))
ref$bcg$fits <- all_fits(bcg$yi, bcg$vi)
ref$bcg$fits90 <- list(REML_z = fit_record(rma(bcg$yi, bcg$vi, method = "REML", level = 90, control = ctrl), 90),
                       DL_knha = fit_record(rma(bcg$yi, bcg$vi, method = "DL", test = "knha", level = 90, control = ctrl), 90))
ref$bcg$bias <- bias_record(bcg$yi, bcg$vi)

# meta-regression on latitude and year
ref$bcg$metareg <- list()
for (m in methods) for (t in tests) {
  fit <- rma(yi, vi, mods = ~ ablat + year, data = bcg, method = m, test = t, control = ctrl)
  ref$bcg$metareg[[paste(m, t, sep = "_")]] <- list(
    params = num(fit$beta), bse = num(fit$se), statistic = num(fit$zval),
    pvalues = num(fit$pval), ci_low = num(fit$ci.lb), ci_high = num(fit$ci.ub),
    tau2 = num(fit$tau2), qm = num(fit$QM), qm_df = num(fit$QMdf[1]), qm_pvalue = num(fit$QMp),
    qe = num(fit$QE), qe_df = num(fit$k - fit$p), qe_pvalue = num(fit$QEp),
    r2 = if (is.null(fit$R2)) NULL else num(fit$R2), i2 = num(fit$I2), h2 = num(fit$H2))
}
fit1 <- rma(yi, vi, mods = ~ ablat, data = bcg, method = "REML", control = ctrl)
ref$bcg$metareg_ablat_REML_z <- list(params = num(fit1$beta), bse = num(fit1$se),
                                     tau2 = num(fit1$tau2), qm = num(fit1$QM), r2 = num(fit1$R2))

# subgroups by allocation: separate fits, then an FE test across subgroup estimates
ref$bcg$subgroups <- list()
for (m in c("REML", "DL", "FE")) {
  est <- c(); se <- c(); rec <- list()
  for (g in unique(bcg$alloc)) {
    sel <- bcg$alloc == g
    fit <- rma(yi, vi, data = bcg, subset = sel, method = m, control = ctrl)
    est <- c(est, num(fit$beta)); se <- c(se, num(fit$se))
    rec[[g]] <- list(estimate = num(fit$beta), se = num(fit$se), tau2 = num(fit$tau2), k = fit$k)
  }
  between <- rma(est, sei = se, method = "FE")
  ref$bcg$subgroups[[m]] <- list(groups = rec, q_between = num(between$QE),
                                 q_between_df = num(between$k - 1), q_between_pvalue = num(between$QEp))
}

# --- dataset 2: stroke care (Normand 1999), standardised mean difference ------------
nor <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
              data = dat.normand1999)
ref$normand <- list(m1 = num(nor$m1i), sd1 = num(nor$sd1i), n1 = num(nor$n1i),
                    m2 = num(nor$m2i), sd2 = num(nor$sd2i), n2 = num(nor$n2i),
                    yi = num(nor$yi), vi = num(nor$vi), labels = as.character(nor$source))
ref$normand$fits <- all_fits(nor$yi, nor$vi)
ref$normand$bias <- bias_record(nor$yi, nor$vi)

# --- dataset 3 (independent check): conscientiousness and adherence, Fisher z -------
mol <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
mol_cor <- escalc("COR", ri = ri, ni = ni, data = dat.molloy2014)
ref$molloy <- list(ri = num(dat.molloy2014$ri), ni = num(dat.molloy2014$ni),
                   yi = num(mol$yi), vi = num(mol$vi),
                   cor_yi = num(mol_cor$yi), cor_vi = num(mol_cor$vi),
                   labels = paste(dat.molloy2014$authors, dat.molloy2014$year))
ref$molloy$fits <- all_fits(mol$yi, mol$vi)
ref$molloy$bias <- bias_record(mol$yi, mol$vi)

# --- 2x2 tables: BCG plus a table with zero cells (single and double zero) ----------
tab <- data.frame(a = c(dat.bcg$tpos, 0, 5, 0), b = c(dat.bcg$tneg, 10, 5, 10),
                  c = c(dat.bcg$cpos, 2, 0, 0), d = c(dat.bcg$cneg, 8, 10, 10))
ref$tables <- list(a = tab$a, b = tab$b, c = tab$c, d = tab$d)
for (meas in c("OR", "RR", "RD")) {
  es <- escalc(meas, ai = a, bi = b, ci = c, di = d, data = tab)
  ref$tables[[meas]] <- list(yi = num(es$yi), vi = num(es$vi))
}

# --- effect-size conversions (metafor's conv formulas, for a few values) ------------
ref$conversions <- list(r = c(-0.5, 0, 0.1, 0.3, 0.8),
                        d_from_r = num(2 * c(-0.5, 0, 0.1, 0.3, 0.8) / sqrt(1 - c(-0.5, 0, 0.1, 0.3, 0.8)^2)))

writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"),
           "tests/reference/metafor_reference.json")
cat("wrote tests/reference/metafor_reference.json\n")
