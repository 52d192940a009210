"""Build the South Korea-NATO policy brief and report from data/ and notebooks/.

The `brief` command: build, preview, check, matrix, list, new, rename. Errors are one clear message, no traceback unless
--debug."""
from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import time
from pathlib import Path

EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 1, 2, 130


def _command(commands, name: str, function):
    """A subcommand whose help is its function's docstring: the first line in `brief --help`, all of it in
    `brief NAME --help`, so the words are written once."""
    summary, _, rest = (function.__doc__ or "").strip().partition("\n")
    return commands.add_parser(name, help=summary, description=" ".join((summary + " " + rest).split()))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief", description=__doc__.strip().splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    folders = {"--data": "data folder (default: data/)", "--output": "output folder (default: output/)"}

    build = _command(commands, "build", _build)
    build.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                       help="a parameter, as YAML: -p as_of 2025-01-31")
    build.add_argument("-f", "--parameter-file", type=Path, metavar="PARAMS.yml", help="parameters from a YAML file")
    build.add_argument("--only", action="append", metavar="SECTION", default=[], help="this section only (slug or number)")
    build.add_argument("--force", action="store_true", help="ignore the cache")
    build.add_argument("--name", default=None, help="output file name (default: brief)")
    build.add_argument("--workers", type=int, help="parallel sections (default: cores)")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    check = _command(commands, "check", _check)
    check.add_argument("--seeds", type=Path, default=None,
                       help="the folder of the five seed documents: check their quotes too (default: $BRIEF_SEEDS_DIR)")
    _command(commands, "list", _list)
    preview = _command(commands, "preview", _preview)
    preview.add_argument("--port", type=int, default=8000, help="port on localhost (0: any free one)")
    matrix = _command(commands, "matrix", _matrix)
    matrix.add_argument("--only", action="append", metavar="SECTION", default=[], help="this section only (slug, notebook name or its file number)")
    matrix.add_argument("--workers", type=int, help="parallel kernels (default: cores)")
    for command in (build, check, preview, matrix):
        for option, text in folders.items():
            if command is not check or option == "--data":
                command.add_argument(option, type=Path, help=text)
    new = _command(commands, "new", _new)
    new.add_argument("title", help='the question, e.g. "Japan and NATO compared"')
    new.add_argument("--slug", help="the notebook's slug (default: from the title)")
    new.add_argument("--before", metavar="SECTION", help="place it before this section in brief.yml")
    rename = _command(commands, "rename", _rename)
    rename.add_argument("section", help="the section: its slug or its notebook's number")
    rename.add_argument("slug", help="the new slug, e.g. japan_compared")
    return parser


def _terminate(signum, frame):
    """SIGTERM (a closed terminal, `kill`, a CI timeout) stops the build as Ctrl-C does: workers, kernels and staging
    are cleaned up and the last good brief stays as it was."""
    raise KeyboardInterrupt


def skip_unused_grammars() -> None:
    """jsonschema (through nbformat and jupytext) compiles the IRI grammars of the optional rfc3987_syntax package on
    import, 0.7 s, for an "iri" format check nothing in the build asks for. Marking the package absent makes
    jsonschema skip that check, as it does where the package is not installed."""
    sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str] | None = None) -> int:
    skip_unused_grammars()
    args = _parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        _check_own_project()
        _check_folders(args)
        return {"build": _build, "check": _check, "list": _list, "new": _new, "rename": _rename, "matrix": _matrix,
                "preview": _preview}[args.command](args)
    except KeyboardInterrupt:
        print("brief: interrupted; the last good brief in output/ is untouched.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `brief list | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (no flush error at exit)
        return 0
    except Exception as error:  # one readable message; the traceback only on request
        if args.debug:
            raise
        return _report(error, building=args.command == "build")


def _check_own_project() -> None:
    """`brief` works on the project it is installed from. Run inside another copy (a clone sharing this one's venv),
    it would build and edit the wrong files: refuse, naming both, unless $BRIEF_ROOT says which is meant."""
    from .. import paths
    from .manifest import UsageError

    if os.environ.get("BRIEF_ROOT"):
        return
    here = next((d for d in (Path.cwd(), *Path.cwd().parents) if (d / "brief.yml").exists()), None)
    own = paths.project_root().resolve()
    if here is not None and here.resolve() != own:
        raise UsageError(f"this folder belongs to the project in {here}, but this `brief` works on {own} (it is "
                         f"installed from there); run {here}/.venv/bin/brief after `make` in {here}, or set "
                         f"BRIEF_ROOT={here}")


def _check_folders(args) -> None:
    """--data must be a folder of tables, --output a folder or a path still to be made (never a file)."""
    from .manifest import UsageError

    data, output = getattr(args, "data", None), getattr(args, "output", None)
    if data is not None and not Path(data).is_dir():
        raise UsageError(f"--data {data}: no such folder (expected a folder of CSV tables with datapackage.yaml)")
    if output is not None and Path(output).exists() and not Path(output).is_dir():
        raise UsageError(f"--output {output}: is a file; give a folder (it is made if it does not exist)")


def message_for(error: Exception, building: bool = True) -> str:
    """The one readable message for an error (what _report prints; brief preview shows it on the page)."""
    from .build import SectionFailed
    from .manifest import UsageError
    from ..evidence.validate import DataError

    if isinstance(error, DataError):
        return error.report() + ("\nNothing in output/ was changed." if building else "")
    if isinstance(error, UsageError):
        return f"brief: {error}"
    if isinstance(error, SectionFailed):
        lines = [f"brief: {error}"]
        if error.kept:
            lines.append(f"The failed notebook is kept for inspection: {error.kept}")
        lines.append("Nothing else in output/ was changed (run with --debug for the traceback).")
        return "\n".join(lines)
    return f"brief: {type(error).__name__}: {error} (run with --debug for the traceback)"


def _report(error: Exception, building: bool = True) -> int:
    from .build import SectionFailed
    from .manifest import UsageError
    from ..evidence.validate import DataError

    print(message_for(error, building), file=sys.stderr)
    if isinstance(error, (DataError, UsageError)):
        return EXIT_BAD_INPUT
    if isinstance(error, SectionFailed):
        return EXIT_BAD_INPUT if "bad parameter" in str(error) else EXIT_FAILED
    return EXIT_FAILED


def _build(args) -> int:
    """Execute the sections (cached, in parallel) and render the brief and the report, with their PDFs.

    Outputs are replaced only when everything succeeded: a failed or interrupted build leaves the last good
    publications as they were."""
    from .build import BuildOptions, build
    from .manifest import load_manifest, load_parameter_file, parse_cli_value

    manifest = load_manifest()
    overrides, meta = {}, {}
    name = args.name
    if args.parameter_file:
        overrides, meta = load_parameter_file(args.parameter_file)
        from_file = meta.pop("name", None)
        name = name or from_file
    for key, value in args.parameter:
        overrides[key] = parse_cli_value(value)
    if args.parameter and not name:  # a variant: its own files, never the default brief and report
        from .guard import variant_name

        name = variant_name(overrides)
    options = BuildOptions(overrides=overrides, meta_overrides=meta, only=args.only, force=args.force,
                           name=name or "brief", output_dir=args.output, data_dir=args.data,
                           workers=args.workers, pdf=not args.no_pdf)
    started = time.perf_counter()
    print(f"Building {options.name} ({len(args.only) or len(manifest.sections)} section(s))")
    result = build(manifest, options)
    # The process ends next: spare Python's exit a last scan of everything the build made (0.3 s).
    gc.freeze()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    what = "nothing to re-execute" if not result.executed else f"{len(result.executed)} section(s) executed"
    print(f"Done in {time.perf_counter() - started:.1f} s: {what}.")
    for path in result.outputs:
        if path.suffix in (".html", ".pdf", ".md") and path.parent.name not in ("sections",):
            print(f"  {path}")
    return 0


def _check(args) -> int:
    """Validate the data without building.

    Every table against data/datapackage.yaml, the rules across tables, and every quote from an outside document
    against its stored excerpt."""
    from .. import paths
    from ..evidence.validate import check

    data_dir = (args.data or paths.data_dir()).resolve()
    if not data_dir.is_dir():
        from .manifest import UsageError

        raise UsageError(f"--data {args.data}: no such folder")
    check(data_dir)
    tables = sorted(p.name for p in data_dir.glob("*.csv"))
    # The seed documents are not part of the project; their quotes are checked when the folder is at hand.
    seeds = args.seeds or (Path(os.environ["BRIEF_SEEDS_DIR"]) if os.environ.get("BRIEF_SEEDS_DIR") else None)
    if seeds is not None:
        from ..evidence.quotes import quote_problems
        from .manifest import UsageError

        if not seeds.is_dir():
            raise UsageError(f"--seeds {seeds}: no such folder (expected the folder of the five seed documents)")
        found = quote_problems(data_dir, seeds)
        if found:
            raise UsageError("quotes that do not stand in their seed documents:\n  - " + "\n  - ".join(found))
    print(f"data OK: {len(tables)} tables in {data_dir} validate against datapackage.yaml"
          + (f"; the quotes from the seed documents stand in {seeds}" if seeds is not None else
             "; quotes from the seed documents not checked (give --seeds DIR or set BRIEF_SEEDS_DIR)"))
    return 0


def _list(args) -> int:
    """List the sections and their parameters.

    The sections in brief.yml with each parameter's default and help."""
    from .manifest import load_manifest, notebook_parameters

    manifest = load_manifest()
    print(f"{manifest.meta.get('title', 'Brief')}: {len(manifest.sections)} section(s)")
    print(f"brief.yml defaults: {', '.join(f'{k}={v}' for k, v in manifest.parameters.items()) or 'none'}")
    for spec in manifest.sections:
        select = f"--only {spec.slug}" + (f" or --only {spec.file_number}" if spec.file_number else "")
        print(f"\nSection {spec.number}: {spec.notebook.relative_to(manifest.root)}  ({select})")
        for name, info in notebook_parameters(spec.notebook).items():
            default = spec.parameters.get(name, manifest.parameters.get(name, info["default"]))
            print(f"    {name}: {info['type']} (default {default!r})  {info['help']}")
    return 0


def _preview(args) -> int:
    """Serve the brief on localhost and rebuild it as you write.

    Builds the HTML, watches notebooks, data, templates and brief.yml, re-executes only what changed and reloads the
    open pages. Type pdf and Enter for the PDFs; they are built again when you stop."""
    from .preview import serve

    serve(port=args.port, data_dir=args.data, output=args.output, say=lambda line: print(line, flush=True))
    return 0


def _matrix(args) -> int:
    """Build every section across its parameters and check the words.

    Each section is executed and rendered (no PDF) at the values of its parameters that matter; what must never be
    printed is checked, and each variant's words are written to output/matrix/ for a person to read."""
    from .manifest import load_manifest
    from .matrix import run

    results = run(load_manifest(), only=args.only or None, workers=args.workers, out=args.output, data_dir=args.data)
    bad = {name: found for name, found in results.items() if found}
    print(f"{len(results)} variant(s); {len(bad)} with problems; the words of each are in output/matrix/")
    for name, found in sorted(bad.items()):
        for problem in found:
            print(f"  {name}: {problem}", file=sys.stderr)
    return 1 if bad else 0


def _rename(args) -> int:
    """Give a section a new slug.

    Renames the notebook pair (keeping its number) and updates brief.yml, the section's Section(...) call, every
    section_link to it and data/conflicts.csv."""
    from .scaffold import rename_section

    changed = rename_section(args.section, args.slug)
    from .. import paths

    root = paths.project_root()
    print("Renamed; changed " + ", ".join(str(p.relative_to(root)) for p in changed) + ".")
    return 0


def _new(args) -> int:
    """Scaffold a new section notebook and add it to brief.yml.

    Writes notebooks/NN_slug.ipynb and its paired script from the section template."""
    from .scaffold import new_section

    path = new_section(args.title, slug=args.slug, before=args.before)
    print(f"Created {path} and added it to brief.yml; `brief build` now includes it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
