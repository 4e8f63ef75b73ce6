"""The exercises of the course notebooks: answers and settings, keyed by name.

The participant-facing texts (question, hint, solution, options) live in
``course_kit/messages.py`` under ``exercises.<name>.*``; this table holds only
what is not text: the kind of exercise, the answer and the tolerance. Keeping the
answers here, not in the notebook cells, means participants do not see them
while they work (see :func:`course_kit.teaching.exercises.exercise`).

Answers that rest on a published number name it in the solution text with its
citation; course examples (vignettes, synthetic trials) are labelled as such.
"""

from __future__ import annotations

# Reference ("master coder") ratings of the six course vignettes of notebook 05 (scoring sensitivity).
# These are COURSE EXAMPLES chosen by the course authors, not published ratings.
VIGNETTE_REFERENCE = (8, 2, 5, 7, 3, 6)


def certification_judge(ratings: list[float]) -> tuple[str, str]:
    """Plain-language feedback on the six vignette ratings (coder-agreement practice).

    ``reliability.certify_coder`` decides whether the ratings agree well enough
    with the reference; the words are the exercise's own (no ICC or kappa, and
    never "certified": participants could take it for the VIPP-SD certification).
    """
    import numpy as np

    from course_kit.messages import text
    from course_kit.reliability import certify_coder

    result = certify_coder(ratings, list(VIGNETTE_REFERENCE))
    diff = np.asarray(ratings, float) - np.asarray(VIGNETTE_REFERENCE, float)
    within, exact = int(np.sum(np.abs(diff) <= 1)), int(np.sum(diff == 0))
    far = [str(i) for i in np.flatnonzero(np.abs(diff) > 1) + 1]
    say = lambda key, **v: text(f"exercises.02.certification.{key}", **v)  # noqa: E731
    if result.passed:
        status, parts = "correct", [say("agree", within=within, exact=exact)]
    else:
        status = "close" if len(far) <= 1 else "incorrect"
        parts = [say("not_yet", within=within)]
        if far:
            parts.append(say("far", items=", ".join(far)))
        bias = float(diff.mean())
        if bias >= 0.5:
            parts.append(say("higher", diff=bias))
        elif bias <= -0.5:
            parts.append(say("lower", diff=-bias))
        elif "icc" in result.failed and not far:
            parts.append(say("order"))
    parts.append(say("practice"))
    return status, " ".join(parts)


BANK: dict[str, dict] = {
    # --- 01 attachment and sensitivity ---------------------------------------------
    "01.secure_count": {
        "kind": "numeric",
        "answer": 130,
        "tolerance": 0.5,
        "close": 10,
        "mistakes": {65: "mistake_percent", 70: "mistake_insecure"},
    },
    "01.why_110": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    "01.definition": {
        "kind": "multi",
        "options": ["a", "b", "c", "d", "e"],
        "answers": ["a", "b", "c"],
        "explanations": {"d": "explain_d", "e": "explain_e"},
    },
    "01.r_squared": {
        "kind": "numeric",
        "answer": 5.76,
        "tolerance": 0.06,
        "unit": "%",
        "mistakes": {24: "mistake_r"},
    },
    "01.less_sensitive_half": {
        "kind": "numeric",
        "answer": 57.8,
        "tolerance": 0.6,
        "close": 3,
        "unit": "%",
        "mistakes": {72.2: "mistake_other_half", 65: "mistake_base_rate"},
    },
    "01.transmission_gap": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    # --- 02 scoring sensitivity ------------------------------------------------------
    "02.icc_meaning": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    "02.lenient_coder": {
        "kind": "choice",
        "options": ["a", "b", "c"],
        "answer": "a",
        "explanations": {"b": "explain_b", "c": "explain_c"},
    },
    # d_observed = d_true * sqrt(reliability): 0.50 * sqrt(0.64) = 0.40
    "02.attenuation": {
        "kind": "numeric",
        "answer": 0.40,
        "tolerance": 0.005,
        "close": 0.03,
        "mistakes": {
            0.32: "mistake_no_root",
            0.5: "mistake_no_change",
            0.64: "mistake_reliability",
        },
    },
    "02.certification": {
        "kind": "list",
        "answers": list(VIGNETTE_REFERENCE),
        "tolerance": 1,
        "low": 1,
        "high": 9,
        "integer": True,
        "judge": lambda: certification_judge,
    },
    # --- 03 effect sizes -------------------------------------------------------------
    # Bridgeman et al. sensitivity row of Rayce et al. (2017, Table 5): 6.29/1.62/42 vs
    # 5.19/2.30/31; pooled SD 1.937, Cohen's d 0.568, Hedges' g 0.562.
    "03.cohens_d": {
        "kind": "numeric",
        "answer": 0.568,
        "tolerance": 0.006,
        "close": 0.03,
        "mistakes": {
            1.10: "mistake_raw",
            1.94: "mistake_pooled_sd",
            0.478: "mistake_sd_ctrl",
            0.679: "mistake_sd_int",
        },
    },
    "03.hedges_g": {
        "kind": "numeric",
        "answer": 0.562,
        "tolerance": 0.0035,
        "close": 0.02,
        "mistakes": {0.568: "mistake_d"},
    },
    # r = .23 (van IJzendoorn et al. 2023, attachment security) -> d = 2r / sqrt(1 - r^2)
    "03.r_to_d": {
        "kind": "numeric",
        "answer": 0.4727,
        "tolerance": 0.006,
        "close": 0.03,
        "mistakes": {0.23: "mistake_r", 0.46: "mistake_no_root"},
    },
    # d = 0.33 (Bakermans-Kranenburg et al. 2003, sensitivity) -> NNT = 1 / (2 Phi(d/sqrt2) - 1)
    "03.nnt": {
        "kind": "numeric",
        "answer": 5.42,
        "tolerance": 0.1,
        "close": 0.6,
        # 2 Phi(d / sqrt 2) - 1 = 0.18 (difference in success rates); Phi(d / sqrt 2) = 59%
        "mistakes": {0.18: "mistake_rate", 59: "mistake_superiority", 0.59: "mistake_superiority"},
    },
    "03.small_trials": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "c",
        "explanations": {"a": "explain_a", "b": "explain_b", "d": "explain_d"},
    },
    # --- 04 meta-analysis of the VIPP trials ----------------------------------------
    "04.which_interval": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    # I^2 of the REML fit of the SYNTHETIC parenting-behaviour trials (checked by
    # tests/test_notebooks_part2.py against the dataset, so it cannot drift).
    "04.read_i2": {
        "kind": "numeric",
        "answer": 8,
        "tolerance": 0.6,
        "close": 3,
    },
    # r = .18 (van IJzendoorn et al. 2023, parenting behaviour) -> d = 2r / sqrt(1 - r^2)
    "04.r_to_d_behaviour": {
        "kind": "numeric",
        "answer": 0.366,
        "tolerance": 0.006,
        "close": 0.03,
        "mistakes": {0.18: "mistake_r", 0.36: "mistake_no_root", 0.0324: "mistake_r_squared"},
    },
    # --- 05 differential susceptibility ----------------------------------------------
    "05.pattern": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    "05.careful_words": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "c": "explain_c", "d": "explain_d"},
    },
    # --- 06 evidence to practice -------------------------------------------------------
    "06.grade_two_concerns": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "c",
        "explanations": {"a": "explain_a", "b": "explain_b", "d": "explain_d"},
    },
}

# The method notebooks keep their answers in their own files (course_kit/method/_bank*.py).
from course_kit import method  # noqa: E402

BANK.update(method.bank())
