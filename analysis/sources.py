"""Third-party files: downloaded with a pinned URL and SHA-256, never committed.

Each file has a short name. ``fetch(name)`` returns a local path to a verified
copy. When the environment variable ``SCALING_TRENDS_MIRROR`` names a folder,
the file is taken from there (still hash-checked) and the network is never
used; otherwise pooch downloads it once into its cache.

Command line::

    python -m analysis.sources fetch --all
    python -m analysis.sources fetch hoffmann2022_fig4
    python -m analysis.sources list
"""

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pooch
import requests

MIRROR_ENV_VAR = "SCALING_TRENDS_MIRROR"


@dataclass(frozen=True)
class Source:
    """One third-party file: where it comes from and what it must hash to."""

    name: str
    filename: str
    url: str
    sha256: str
    description: str
    licence: str
    citation: str


SOURCES: dict[str, Source] = {
    source.name: source
    for source in [
        Source(
            name="hoffmann2022_fig4",
            filename="hoffmann2022_fig4_svg_extracted.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/analyzing-chinchilla/"
                "92258837425e1b5f2851d624287f0120583a3d0e/data/svg_extracted_data.csv"
            ),
            sha256="193478df4e90f040016431996c45682659306840ecdadf83cfb9cd5ca0aa1b30",
            description=(
                "245 training runs (parameters N, training FLOP C, final loss) digitised "
                "by Besiroglu et al. (2024) from the SVG of Hoffmann et al. (2022) Figure 4."
            ),
            licence="MIT (epoch-research/analyzing-chinchilla)",
            citation="besiroglu2024chinchilla",
        ),
        Source(
            name="epoch_ai_models",
            filename="epoch_ai_models_20260330.zip",
            url=(
                "https://raw.githubusercontent.com/georgetown-cset/aixbiodata/"
                "61756292a23c1ea7ae800c83b5f85a3e0405d868/data/ai_models.zip"
            ),
            sha256="740b760fd1dbaccddac28af6030373db01533a417b9025c9a2db7d061ab7ff78",
            description="Epoch AI 'Data on AI Models' bundle, generated 2026-03-30.",
            licence="CC BY 4.0 (Epoch AI)",
            citation="epoch2026models",
        ),
        Source(
            name="epoch_data_stock_dataset_sizes",
            filename="epoch_data_stock_dataset_sizes_20240503.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/data-stock/"
                "83da8edaa853f036f1bbd521df9e789335d64b3b/data/dataset_sizes.csv"
            ),
            sha256="e2d19e6be9d4b0a79acef394cb4f63108bd62f95cbf20fc7c5ccdd15f1ef5106",
            description=(
                "Training-set sizes of 80 language models (2010-2023) used by Villalobos et al. (2024), "
                "in words at Epoch's 0.75 words per token."
            ),
            licence="CC BY (Epoch AI; the repository has no licence file)",
            citation="villalobos2024data",
        ),
        Source(
            name="epoch_data_stock_google_pivot_words",
            filename="epoch_data_stock_google_pivot_words_20240503.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/data-stock/"
                "83da8edaa853f036f1bbd521df9e789335d64b3b/data/google_pivot_words.csv"
            ),
            sha256="a08e7d4d28f5d73ca89d4d56b99a1e4fcca276d34ca6faabd994ce1e4fd38d1b",
            description=(
                "105 words: each word's share of Common Crawl documents per crawl year (2013-2022) and its "
                "Google result count, from which Villalobos et al. estimate the size of Google's index."
            ),
            licence="CC BY (Epoch AI; the repository has no licence file)",
            citation="villalobos2024data",
        ),
    ]
}


class SourceError(RuntimeError):
    """A third-party file is missing, altered or unknown."""


def mirror_dir() -> Path | None:
    """The offline mirror folder named by ``SCALING_TRENDS_MIRROR``, if set."""
    value = os.environ.get(MIRROR_ENV_VAR, "").strip()
    return Path(value) if value else None


def _verify(path: Path, source: Source) -> Path:
    actual = pooch.file_hash(str(path), alg="sha256")
    if actual != source.sha256:
        raise SourceError(
            f"{path}: SHA-256 mismatch for third-party file '{source.name}' "
            f"({source.filename}): expected {source.sha256}, got {actual}. "
            "The file was altered or is a different version; restore the pinned file."
        )
    return path


def fetch(name: str) -> Path:
    """Local path to the verified third-party file ``name`` (see ``SOURCES``).

    Raises ``SourceError`` naming the file and both hashes when the copy is
    altered, or naming the mirror folder when the file is missing there.
    """
    if name not in SOURCES:
        raise SourceError(f"unknown third-party file '{name}'; known: {', '.join(SOURCES)}")
    source = SOURCES[name]
    mirror = mirror_dir()
    if mirror is not None:
        path = mirror / source.filename
        if not path.is_file():
            raise SourceError(
                f"{path}: third-party file '{source.name}' not found in the mirror "
                f"folder {mirror} (set by {MIRROR_ENV_VAR}); expected SHA-256 "
                f"{source.sha256}, upstream {source.url}"
            )
        return _verify(path, source)
    try:
        downloaded = pooch.retrieve(
            url=source.url,
            known_hash=None,
            fname=source.filename,
            path=pooch.os_cache("scaling-trends"),
            progressbar=False,
        )
    except (OSError, requests.RequestException) as error:
        raise SourceError(
            f"could not download third-party file '{source.name}' from {source.url} ({error}); "
            f"without network access, set {MIRROR_ENV_VAR} to a folder holding {source.filename}"
        ) from error
    return _verify(Path(downloaded), source)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``fetch NAME...``, ``fetch --all`` or ``list``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.sources", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    fetch_parser = commands.add_parser("fetch", help="fetch and verify files")
    fetch_parser.add_argument("names", nargs="*", help="short names (see 'list')")
    fetch_parser.add_argument("--all", action="store_true", help="every known file")
    commands.add_parser("list", help="list the known files")
    args = parser.parse_args(argv)
    if args.command == "list":
        for source in SOURCES.values():
            print(f"{source.name}\t{source.filename}\t{source.sha256}\t{source.url}")
        return 0
    names = list(SOURCES) if args.all else args.names
    if not names:
        parser.error("name at least one file, or pass --all")
    failures = 0
    for name in names:
        try:
            print(f"ok\t{name}\t{fetch(name)}")
        except SourceError as error:
            print(f"error\t{error}", file=sys.stderr)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
