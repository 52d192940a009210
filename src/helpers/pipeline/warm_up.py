"""Run once in each worker's kernel, while the main process validates the data: imports pandas, matplotlib and the
helpers, reads and types the tables once (the loader caches them for every later section on that kernel) and draws
one throwaway chart, since every section needs both. Importing this module is the warm-up."""
import matplotlib  # noqa: F401
import pandas  # noqa: F401

import helpers.evidence.data
import helpers.writing.charts
import helpers.writing.section  # noqa: F401
import helpers.writing.text  # noqa: F401

try:
    helpers.evidence.data.load_all()
    helpers.writing.charts.svg_data_uri(helpers.writing.charts.new_figure()[0])
except Exception:  # bad data are reported by the validation that runs meanwhile, not by a warm-up
    pass

# What the warm-up made lives as long as the kernel: keep the cycle collector from scanning it again at every
# section's %reset.
import gc  # noqa: E402

gc.collect()  # the throwaway chart's garbage first: frozen objects are never freed while the kernel lives
gc.freeze()
