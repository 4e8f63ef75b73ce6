"""Result summaries of the analysis code (meta-analysis, bias tests, susceptibility, reliability).

Sentences and headings only: a summary laid out like metafor's keeps metafor's
abbreviations (tau^2, I^2, Q, df, k, se, zval, pval, ci.lb) in every edition.
Numbers are formatted by the placeholders (``{t:.4f}``), so they follow the
reader's locale.
"""

EN: dict[str, str] = {
    # --- meta-analysis ---------------------------------------------------------
    "results.study_label": "Study {i}",
    "results.method.FE": "fixed-effect",
    "results.method.EE": "equal-effects",
    "results.method.ML": "maximum likelihood",
    "results.method.REML": "restricted maximum likelihood",
    "results.method.EB": "empirical Bayes",
    "results.ci_bounds": "[{low:.3f}, {high:.3f}]",
    "results.percent_1": "{value:.1f}%",
    "results.q_html": "{q:.2f}, p = {p}",
    "results.regression_caption": "Meta-regression, k = {k} ({method}, test = {test}); "
    "tau² = {tau2:.4g}, R² = {r2:.1f}%, QM = {qm:.3f} (p = {p})",
    "results.subgroup_overall": "Overall",
    "results.subgroup_note": "Test for subgroup differences: Q({df}) = {q:.3f}, p = {p}",
    # --- susceptibility (course_kit.susceptibility) ------------------------------
    "results.slope_line": "  {group}: {slope:.3f} [{low:.3f}, {high:.3f}], p = {p}",
    "results.list_separator": ", ",
    # --- reliability (course_kit.reliability) -----------------------------------
    "results.icc_line": "  {form:<6} {icc:6.3f}  [{low:6.3f}, {high:6.3f}]"
    "  F({df1:.0f}, {df2:.0f}) = {F:.2f}, p = {p}  {description}",
    # --- small-study effects (publication bias) ----------------------------------
    "results.egger_title": "Egger's regression test for funnel plot asymmetry",
    "results.egger_line": "t = {t:.4f}, df = {df}, p-val = {p}",
    "results.egger_limit": "Limit estimate (as se -> 0): {estimate:.4f} (se = {se:.4f})",
    "results.rank_title": "Rank correlation test for funnel plot asymmetry",
    "results.rank_line": "Kendall's tau = {tau:.4f}, p-val = {p}",
    "results.side.left": "left",
    "results.side.right": "right",
    "results.trimfill_summary": "Trim-and-fill ({estimator}): estimated number of missing "
    "studies on the {side} side: {k0} (SE = {se:.4f})",
    "results.trimfill_html": "Trim-and-fill ({estimator}): {k0} studies imputed on the {side} side.",
    # --- headers and cells of the result tables shown in notebooks (_result.html_table) ---
    "results.col.term": "term",
    "results.col.estimate": "estimate",
    "results.col.statistic": "statistic",
    "results.col.pvalue": "pvalue",
    "results.col.ci_low": "ci_low",
    "results.col.ci_high": "ci_high",
    "results.col.subgroup": "subgroup",
    "results.col.quantity": "quantity",
    "results.col.from": "from",
    "results.col.to": "to",
    "results.col.significant": "significant",
    "results.col.effect_sign": "effect_sign",
    "results.col.share_of_sample": "share_of_sample",
    "results.col.description": "description",
    "results.col.value": "value",
    "results.col.criterion": "criterion",
    "results.col.met": "met",
    "results.true": "True",
    "results.false": "False",
    "results.quantity.slope": "slope: {group}",
    "results.quantity.interaction": "interaction (B3)",
    "results.quantity.crossover": "crossover",
    "results.quantity.crossover_delta": "crossover (delta)",
    "results.quantity.poi": "PoI",
    "results.quantity.pa": "PA",
    # --- trials and power tables ------------------------------------------------
    "results.coders.mean": "mean",
    "results.col.n": "n",
    "results.col.power": "power (%)",
    "results.col.n_sims": "simulations",
}
