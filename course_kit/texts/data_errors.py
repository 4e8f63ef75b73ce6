"""What the analysis functions say when a participant's own data cannot be analysed.

Participants meet these when they analyse their own table (e.g. ``ck.read_csv`` and
``susceptibility.fit_interaction`` in notebook 08). Argument and column names
(``outcome``, ``environment``, ``susceptible_level``, ...) stay as they are typed.
"""

EN: dict[str, str] = {
    "data_errors.not_a_name": "{role} must be a column name (text), got {name!r}.",
    "data_errors.no_column": "{role}: there is no column {name!r} in data (columns: {shown}).",
    "data_errors.quotes": "{role}: column {name!r} mixes both kinds of quotes; rename it.",
    "data_errors.one_group": "susceptibility: column {column!r} has only one group ({value!r}); "
    "two groups (or a continuous score) are needed.",
    "data_errors.many_levels": "susceptibility: column {column!r} has {n} text levels; use two "
    "groups or a numeric score.",
    "data_errors.not_a_level": "susceptible_level {level!r} is not a level of column {column!r} "
    "(levels: {levels}).",
    "data_errors.which_group": "susceptibility: column {column!r} has the groups {a!r} and {b!r}, "
    "and the kit cannot know which one is the more susceptible group. Say it, e.g. "
    "susceptible_level={b!r}. (Only 0/1 or True/False columns need no choice: 1 or True is the "
    "susceptible group.)",
    "data_errors.text_numbers": "{role}: {problem} (Rows are counted from 1, the first row of data.)",
    "data_errors.one_role": "Each column can have only one role; got {roles}.",
    "data_errors.missing": "{role}: column {name!r} has {n} missing value(s), the first in row "
    "{row}; drop or impute those rows first.",
    "data_errors.not_numbers": "{role}: column {name!r} must hold numbers (it has dtype {dtype}).",
    "data_errors.infinite": "{role}: column {name!r} contains infinite values.",
    "data_errors.constant": "environment: column {name!r} is constant; the environment must vary.",
    "data_errors.small_group": "susceptibility: column {name!r} has a group with fewer than 2 "
    "people; each group needs at least 2.",
    "data_errors.same_information": "environment {environment!r} and susceptibility "
    "{susceptibility!r} hold the same information (one follows exactly from the other), so "
    "their effects cannot be separated. Choose two different measures, e.g. parenting quality "
    "as the environment and a temperament or genetic marker as the susceptibility.",
    "data_errors.too_few_rows": "data has {n} rows; at least {needed} are needed here.",
}
