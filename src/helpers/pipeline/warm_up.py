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

import sys  # noqa: E402

import helpers.analysis.compare  # noqa: E402,F401  (imported here so their first state is the one restored)
import helpers.analysis.history  # noqa: E402,F401
import helpers.analysis.industry  # noqa: E402,F401
import helpers.analysis.motives  # noqa: E402,F401
import helpers.analysis.recommendations  # noqa: E402,F401
import helpers.analysis.scoring  # noqa: E402,F401

# Module state as the warm-up left it. %reset clears a section's names but not what a section did to a module
# (`helpers.x = ...`, a patched function, a matplotlib setting): restore() puts that back before the next section, so
# no section's output depends on which sections ran before it on the same kernel.
_MODULES = {name: dict(module.__dict__) for name, module in sys.modules.items()
            if (name == "helpers" or name.startswith("helpers.")) and name != __name__}
_RC = dict(matplotlib.rcParams)


def restore() -> None:
    for name in [n for n in sys.modules if (n == "helpers" or n.startswith("helpers.")) and n not in _MODULES
                 and n != __name__]:
        del sys.modules[name]  # first imported by a section: import it afresh next time
    kept = {id(m) for m in sys.modules.values()}
    for name, saved in _MODULES.items():
        module = sys.modules.get(name)
        if module is None:
            continue
        state = module.__dict__
        # A name the section added goes, unless it is a submodule still loaded (this module, bound on its package).
        for key in [k for k in state if k not in saved and not (type(state[k]) is type(sys) and id(state[k]) in kept)]:
            del state[key]
        for key, value in saved.items():
            if state.get(key) is not value:
                state[key] = value
    dict.update(matplotlib.rcParams, _RC)  # the raw values, as saved: no validation, no deprecation warnings


# What the warm-up made lives as long as the kernel: keep the cycle collector from scanning it again at every
# section's %reset.
import gc  # noqa: E402

gc.collect()  # the throwaway chart's garbage first: frozen objects are never freed while the kernel lives
gc.freeze()
