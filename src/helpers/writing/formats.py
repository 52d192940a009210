"""Names shared by the section notebooks (which write them) and the renderer (which reads them).

Kept in a module of its own so that the renderer can read executed notebooks without importing pandas,
matplotlib or IPython: the build's main process stays small while the kernels run.
"""

# The MIME type of the key findings a section records (Section.record); the build collects them for the summary.
FINDINGS_MIME = "application/vnd.rok-nato-brief.findings+json"
