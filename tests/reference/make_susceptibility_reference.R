# Reference values for course_kit.susceptibility, computed with base R only
# (lm, nls, integrate, AIC, BIC). CI has no R: tests/test_susceptibility.py
# reads the JSON this script writes.
#
# Run from the repository root:
#   Rscript tests/reference/make_susceptibility_reference.R
# Writes tests/reference/susceptibility_reference.json.
#
# The data are SYNTHETIC (simulated here with a fixed seed) and rounded to 6
# decimals, so Python fits exactly the same numbers.

suppressPackageStartupMessages(library(jsonlite))

num <- function(x) unname(as.numeric(x))

make_data <- function(n, seed, crossover, slope0, slope1, covariate) {
  set.seed(seed)
  x <- runif(n, 1, 7)
  g <- rbinom(n, 1, 0.5)
  z <- rnorm(n)
  y <- 5 + ifelse(g == 1, slope1, slope0) * (x - crossover) + rnorm(n)
  if (covariate) y <- y + 0.3 * z
  d <- data.frame(x = round(x, 6), g = g, z = round(z, 6), y = round(y, 6))
  if (!covariate) d$z <- NULL
  d
}

reference <- function(d, covariate) {
  cov_term <- if (covariate) " + z" else ""
  fit <- lm(as.formula(paste("y ~ x * g", cov_term)), data = d)
  b <- coef(fit)
  V <- vcov(fit)
  df <- fit$df.residual
  tq <- qt(0.975, df)

  # simple slopes: the x coefficient with g coded as is and reversed
  d_rev <- transform(d, g = 1 - g)
  fit_rev <- lm(as.formula(paste("y ~ x * g", cov_term)), data = d_rev)
  slopes <- list(
    slope = c(num(b["x"]), num(coef(fit_rev)["x"])),
    se = c(num(sqrt(V["x", "x"])), num(sqrt(vcov(fit_rev)["x", "x"])))
  )

  # crossover: delta method on the ordinary coefficients
  c_hat <- -b[["g"]] / b[["x:g"]]
  grad <- c(-1 / b[["x:g"]], b[["g"]] / b[["x:g"]]^2)
  se_delta <- sqrt(drop(t(grad) %*% V[c("g", "x:g"), c("g", "x:g")] %*% grad))

  # crossover: Widaman's re-parameterised model by non-linear least squares,
  # started away from the answer (c at the mean of x)
  start <- list(a0 = mean(d$y), b1 = num(b["x"]), c = mean(d$x), b3 = num(b["x:g"]))
  rhs <- "a0 + b1 * (x - c) + b3 * (x - c) * g"
  if (covariate) {
    start$gz <- num(b["z"])
    rhs <- paste(rhs, "+ gz * z")
  }
  ctrl <- nls.control(maxiter = 200, tol = 1e-8, minFactor = 1e-10)
  nl <- nls(as.formula(paste("y ~", rhs)), data = d, start = start, control = ctrl)
  s <- summary(nl)$coefficients
  nl_df <- df.residual(nl)

  # Johnson-Neyman bounds: (b2 + b3 x)^2 = t^2 (V22 + 2 x V23 + x^2 V33)
  b2 <- b[["g"]]
  b3 <- b[["x:g"]]
  qa <- b3^2 - tq^2 * V["x:g", "x:g"]
  qb <- 2 * (b2 * b3 - tq^2 * V["g", "x:g"])
  qc <- b2^2 - tq^2 * V["g", "g"]
  roots <- Re(polyroot(c(qc, qb, qa)))

  # PoI: area between the lines above c / total, over the observed range
  gap <- function(x) abs(b2 + b3 * x)
  lo <- min(d$x)
  hi <- max(d$x)
  left <- if (c_hat > lo) integrate(gap, lo, min(c_hat, hi), rel.tol = 1e-12)$value else 0
  right <- if (c_hat < hi) integrate(gap, max(c_hat, lo), hi, rel.tol = 1e-12)$value else 0

  # competing models (Belsky, Pluess & Widaman 2013), higher x = more supportive
  models <- list()
  add <- function(name, m) {
    models[[name]] <<- list(rss = sum(residuals(m)^2), aic = AIC(m), bic = BIC(m))
  }
  st_s <- list(a0 = mean(d$y), c = mean(d$x), b3 = num(b["x:g"]))
  rhs_s <- "a0 + b3 * (x - c) * g"
  if (covariate) {
    st_s$gz <- num(b["z"])
    rhs_s <- paste(rhs_s, "+ gz * z")
  }
  ds_strong <- nls(as.formula(paste("y ~", rhs_s)), data = d, start = st_s, control = ctrl)
  add("differential_susceptibility_strong", ds_strong)
  add("differential_susceptibility_weak", nl)
  for (end in c("max", "min")) {
    cf <- if (end == "max") hi else lo
    pattern <- if (end == "max") "diathesis_stress" else "vantage_sensitivity"
    dd <- transform(d, xc = x - cf)
    add(paste0(pattern, "_strong"),
        lm(as.formula(paste("y ~ I(xc * g)", cov_term)), data = dd))
    add(paste0(pattern, "_weak"),
        lm(as.formula(paste("y ~ xc + I(xc * g)", cov_term)), data = dd))
  }
  s_strong <- summary(ds_strong)$coefficients

  list(
    data = as.list(d),
    coefficients = as.list(b),
    slopes = slopes,
    interaction_p = num(summary(fit)$coefficients["x:g", 4]),
    crossover_delta = list(estimate = num(c_hat), se = num(se_delta)),
    crossover_nls = list(
      estimate = num(s["c", 1]), se = num(s["c", 2]), df = nl_df,
      ci_low = num(s["c", 1] - qt(0.975, nl_df) * s["c", 2]),
      ci_high = num(s["c", 1] + qt(0.975, nl_df) * s["c", 2]),
      rss = sum(residuals(nl)^2)
    ),
    jn_bounds = sort(roots),
    poi_above = num(right / (left + right)),
    pa_above = mean(d$x > c_hat),
    models = models,
    strong_ds_crossover = list(estimate = num(s_strong["c", 1]), se = num(s_strong["c", 2]))
  )
}

out <- list(
  generator = "tests/reference/make_susceptibility_reference.R",
  r_version = R.version.string,
  differential_covariate = reference(
    make_data(240, 20261124, crossover = 4, slope0 = 0, slope1 = 0.4, covariate = TRUE),
    covariate = TRUE
  ),
  diathesis_plain = reference(
    make_data(150, 7, crossover = 7, slope0 = 0.1, slope1 = 0.5, covariate = FALSE),
    covariate = FALSE
  )
)
write_json(out, "tests/reference/susceptibility_reference.json",
           auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote tests/reference/susceptibility_reference.json\n")
