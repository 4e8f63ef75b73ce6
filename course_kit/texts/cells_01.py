"""Texts of the code cells of ``01-attachment-and-sensitivity.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_01.ready": "Ready.",
    # base rates (Zeanah, Berlin & Boris 2011, Table 2)
    "cells_01.sum_of_estimates": "Sum of the four estimates: {total} %",
    "cells_01.pattern_secure": "secure",
    "cells_01.pattern_avoidant": "avoidant",
    "cells_01.pattern_resistant": "resistant",
    "cells_01.pattern_disorganized": "disorganized",
    "cells_01.base_rates_axis": "Estimated share of infants in low-risk samples (%)",
    "cells_01.base_rates_title": "Base rates (Zeanah, Berlin & Boris 2011)",
    # the r slider: 200 synthetic families
    "cells_01.sensitivity_axis": "Parent's sensitivity (1-9)",
    "cells_01.security_axis": "Child's security (score)",
    "cells_01.dots_title": "200 SYNTHETIC families, r = {r:.2f}\n(blue = secure, orange = insecure)",
    "cells_01.more_sensitive_half": "more\nsensitive half",
    "cells_01.less_sensitive_half": "less\nsensitive half",
    "cells_01.share_axis": "Share of secure children",
    "cells_01.all_share": "all: {share:.0%}",
    "cells_01.bar_share": "{share:.0%}",
    "cells_01.secure_more": "Secure children, more sensitive half: {share:.1%}",
    "cells_01.secure_less": "Secure children, less sensitive half: {share:.1%}",
    # one parent's rating
    "cells_01.rating_slider": "Rating",
    "cells_01.chance": "<p style='font-size:1.1em'>A parent rated <b>{rating}</b>: "
    "the chance of a secure child is <b>{p:.0%}</b> "
    "(all families: {base:.0%}; model with r = {r:.2f}).</p>",
}
