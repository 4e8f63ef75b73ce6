"""Words of the teaching explorers (course_kit.teaching.explorers) beyond the core catalog."""

EN: dict[str, str] = {
    # The preferred model in the title of pattern_explorer (compare_models' model names).
    "explorers.model.differential_susceptibility_strong": "differential susceptibility strong",
    "explorers.model.differential_susceptibility_weak": "differential susceptibility weak",
    "explorers.model.diathesis_stress_strong": "diathesis stress strong",
    "explorers.model.diathesis_stress_weak": "diathesis stress weak",
    "explorers.model.vantage_sensitivity_strong": "vantage sensitivity strong",
    "explorers.model.vantage_sensitivity_weak": "vantage sensitivity weak",
}
