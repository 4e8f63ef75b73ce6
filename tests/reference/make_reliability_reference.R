# Reference values for course_kit.reliability, computed with R's psych package
# (Debian: apt-get install -y r-cran-psych; psych 2.2.9) and base R. CI has no R:
# tests/test_reliability.py reads the JSON this script writes.
#
# Run from the repository root:
#   Rscript tests/reference/make_reliability_reference.R
# Writes tests/reference/reliability_reference.json.
#
# Data: the 6 x 4 table of Shrout & Fleiss (1979, Table 2: six targets, four judges),
# and SYNTHETIC ratings simulated here with a fixed seed (integers on the 1-9 scale).

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

num <- function(x) unname(as.numeric(x))

icc_reference <- function(x) {
  res <- psych::ICC(x, lmer = FALSE, alpha = 0.05)$results
  list(
    ratings = unname(as.matrix(x)),
    type = as.character(res$type),
    icc = num(res$ICC),
    F = num(res$F),
    df1 = num(res$df1),
    df2 = num(res$df2),
    p = num(res$p),
    lower = num(res[["lower bound"]]),
    upper = num(res[["upper bound"]])
  )
}

simulate_ratings <- function(n, k, seed, error_sd) {
  set.seed(seed)
  latent <- rnorm(n, 5, 1.5)
  bias <- rnorm(k, 0, 0.5)
  x <- outer(latent, bias, "+") + matrix(rnorm(n * k, 0, error_sd), n, k)
  pmin(pmax(round(x), 1), 9)
}

# Weighted kappa straight from its definition: 1 - sum(w * observed) / sum(w * expected),
# with disagreement weights w on the full 9 x 9 table (unused categories included).
kappa_by_definition <- function(r1, r2, power) {
  lev <- 1:9
  tab <- table(factor(r1, levels = lev), factor(r2, levels = lev))
  p <- tab / sum(tab)
  e <- outer(rowSums(p), colSums(p))
  w <- abs(outer(lev, lev, "-"))^power / 8^power
  if (power == 0) w <- 1 - diag(9)
  1 - sum(w * p) / sum(w * e)
}

kappa_reference <- function(r1, r2) {
  lev <- 1:9
  agree_linear <- 1 - abs(outer(lev, lev, "-")) / 8
  k_quad <- psych::cohen.kappa(cbind(r1, r2), levels = lev)
  k_lin <- psych::cohen.kappa(cbind(r1, r2), w = agree_linear, levels = lev)
  list(
    r1 = r1,
    r2 = r2,
    unweighted = num(k_quad$kappa),
    unweighted_ci = num(k_quad$confid["unweighted kappa", c("lower", "upper")]),
    linear = num(k_lin$weighted.kappa),
    quadratic = num(k_quad$weighted.kappa),
    unweighted_by_definition = kappa_by_definition(r1, r2, 0),
    linear_by_definition = kappa_by_definition(r1, r2, 1),
    quadratic_by_definition = kappa_by_definition(r1, r2, 2)
  )
}

wine <- matrix(
  c(9, 2, 5, 8,
    6, 1, 3, 2,
    8, 4, 6, 8,
    7, 1, 2, 6,
    10, 5, 6, 9,
    6, 2, 4, 7),
  ncol = 4, byrow = TRUE
)

coders <- simulate_ratings(40, 2, 11, 0.9)

out <- list(
  generated_by = "tests/reference/make_reliability_reference.R",
  psych_version = as.character(packageVersion("psych")),
  r_version = R.version.string,
  icc = list(
    shrout_fleiss = icc_reference(wine),
    synthetic_30x3 = icc_reference(simulate_ratings(30, 3, 2026, 1.0)),
    synthetic_12x2 = icc_reference(simulate_ratings(12, 2, 7, 1.2))
  ),
  kappa = list(
    synthetic_40 = kappa_reference(coders[, 1], coders[, 2])
  )
)

write_json(out, "tests/reference/reliability_reference.json", digits = NA, auto_unbox = TRUE,
           pretty = TRUE, matrix = "rowmajor")
cat("wrote tests/reference/reliability_reference.json\n")
