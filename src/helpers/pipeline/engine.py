"""The papermill engine that runs a section: code cells as papermill runs them, and each Markdown cell rendered
in the kernel at its place (helpers.writing.prose), its HTML stored in the cell's metadata under `brief`.

Registered with papermill as "brief"; `execute_notebook` is the one call the build makes.
"""
from __future__ import annotations

import nbformat
from nbclient.exceptions import CellExecutionError
from nbclient.util import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

PROSE_MIME = "application/vnd.rok-nato-brief.prose+json"  # as helpers.writing.prose writes it (not imported: no pandas here)


class ProseFailed(Exception):
    """A Markdown cell could not be rendered: the section, the cell and what the template said."""

    def __init__(self, cell_index: int, source: str, evalue: str, injected_before: int = 0):
        super().__init__(cell_index, source, evalue, injected_before)
        self.cell_index, self.source, self.evalue, self.injected_before = cell_index, source, evalue, injected_before
        self.ename = "ProseError"

    def __str__(self) -> str:
        return self.evalue


class BriefNotebookClient(PapermillNotebookClient):
    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type != "markdown":
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        # Every Markdown cell goes through the renderer, templated or not: one way from Markdown to safe HTML.
        probe = nbformat.v4.new_code_cell(
            source=f"import helpers.writing.prose as _brief_prose\n_brief_prose.render_cell({cell.source!r})\n"
                   "del _brief_prose")
        try:
            await super().async_execute_cell(probe, cell_index, execution_count=None, store_history=False)
        except CellExecutionError:
            # Not papermill's error path (it expects a code cell): the build reports the Markdown cell by its number.
            error = next((o for o in probe.outputs if o.output_type == "error"), None)
            message = f"{error.ename}: {error.evalue}" if error is not None else "the cell could not be rendered"
            cell.metadata["brief"] = {"error": message}
            injected = sum(1 for c in self.nb.cells[:cell_index]
                           if "injected-parameters" in c.get("metadata", {}).get("tags", []))
            first = (cell.source.strip().splitlines() or [""])[0][:60]
            raise ProseFailed(cell_index, cell.source,
                              f"Markdown cell {cell_index - injected + 1} ({first!r}): {message}", injected) from None
        finally:
            self.nb.cells[cell_index] = cell  # nbclient put the probe in the cell's place
        for output in probe.outputs:
            if output.output_type == "display_data" and PROSE_MIME in output.get("data", {}):
                cell.metadata["brief"] = {"html": output["data"][PROSE_MIME]["html"]}
        return cell

    execute_cell = run_sync(async_execute_cell)


class BriefEngine(NBClientEngine):
    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        from papermill.utils import merge_kwargs, remove_args

        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(safe_kwargs, timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                                    startup_timeout=start_timeout, kernel_name=kernel_name, log=None,
                                    log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file)
        final_kwargs.pop("log", None)
        return BriefNotebookClient(nb_man, **final_kwargs).execute()


papermill_engines.register("brief", BriefEngine)


def execute_notebook(notebook: str, target: str, params: dict, cwd: str, **kwargs) -> None:
    """papermill.execute_notebook with the brief engine; a Markdown cell that fails raises ProseFailed."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(notebook, target, parameters=params, engine_name="brief", kernel_name="python3",
                                   language="python", cwd=cwd, progress_bar=False, log_output=False,
                                   report_mode=False, **kwargs)
    except PapermillExecutionError as error:
        # papermill counts the parameters cell it injects; the build names cells as the analyst's notebook has them
        executed = nbformat.read(target, as_version=4)
        cells = [c for c in executed.cells if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])]
        error.injected_before = sum(1 for c in cells[:error.cell_index]
                                    if "injected-parameters" in c.get("metadata", {}).get("tags", []))
        raise
