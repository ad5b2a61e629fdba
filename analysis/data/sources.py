"""Third-party files: downloaded with a pinned URL and SHA-256, never committed.

Each file has a short name. ``fetch(name)`` returns a local path to a verified
copy. When the environment variable ``SCALING_TRENDS_MIRROR`` names a folder,
the file is taken from there (still hash-checked) and the network is never
used; otherwise pooch downloads it once into its cache.

Command line::

    python -m analysis.data.sources fetch --all
    python -m analysis.data.sources fetch hoffmann2022_fig4
    python -m analysis.data.sources list
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
        Source(
            name="epoch_ml_hardware",
            filename="epoch_ml_hardware_20260706.csv",
            url=(
                "https://raw.githubusercontent.com/PranjaliJain/Rebound-Effect/"
                "be5fe547679220876ce1bb32dbdafd9b2cc80f2b/data/ml_hardware.csv"
            ),
            sha256="7b11c0d485bde04b772983b7b2e228d510d13b8b670d441736eb9ed798967478",
            description=(
                "Epoch AI 'Machine Learning Hardware' dataset (175 accelerators; TDP and peak FLOP/s by "
                "precision), an unchanged third-party copy committed 2026-07-06."
            ),
            licence="CC BY 4.0 (Epoch AI)",
            citation="epoch2026mlhardware",
        ),
        Source(
            name="epoch_hardware_prices",
            filename="epoch_hardware_prices_20250620.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/training-cost-trends/"
                "5e8c5c4fc17ff70c6865d527016da7826fabacc2/data/Hardware%20prices.csv"
            ),
            sha256="e397345924db0a6bf83bd39d27c1fc7e9ec298339261c6e5d35f535abc898d2f",
            description=(
                "Epoch AI hardware price database (purchase and cloud prices of 82 accelerators, "
                "2010-2025), committed by Epoch 2025-06-20."
            ),
            licence="CC BY 4.0 (Epoch AI); repository Apache-2.0",
            citation="cottier2024rising",
        ),
        Source(
            name="epoch_data_center_timelines",
            filename="epoch_data_center_timelines_20260523.csv",
            url=(
                "https://raw.githubusercontent.com/LaurenBurkett/ai-Data-Center-Visualization/"
                "0daa5a7b0ed9122b7e2bb28fbeae6dd873da0dfb/data/data_center_timelines.csv"
            ),
            sha256="34beb4d6dc5c3eaec614d7ad7b88e9b05106c99a7c164d07f4ec38f2ddc70ff3",
            description=(
                "Epoch AI 'Frontier Data Centers': facility power and milestones of 51 sites, 2018-2030 "
                "(later rows planned), an unchanged third-party copy."
            ),
            licence="CC BY 4.0 (Epoch AI)",
            citation="epoch2026datacenters",
        ),
        Source(
            name="epoch_chips_nvidia_cumulative",
            filename="epoch_chips_nvidia_cumulative_20260402.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/ai-chip-counts/"
                "d1b1bc311479ed385befa400e94533afc8b59fb7/csv_export/nvidia_cumulative_totals.csv"
            ),
            sha256="d6f83b1e1b15fd00a88ca20aaa28318b79a1c2bd6d62dcb9fdceecee9281d172",
            description=(
                "Epoch AI 'AI chip sales': cumulative Nvidia data-centre AI chips shipped to each quarter "
                "end, with units, H100-equivalents and power (MW) at the 5th, 50th and 95th percentiles."
            ),
            licence="MIT (epoch-research/ai-chip-counts); Epoch data CC BY",
            citation="epoch2026chipsales",
        ),
        Source(
            name="epoch_chips_tpu_cumulative",
            filename="epoch_chips_tpu_cumulative_20260403.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/ai-chip-counts/"
                "d1b1bc311479ed385befa400e94533afc8b59fb7/csv_export/tpu_cumulative_totals.csv"
            ),
            sha256="b5e2d34417d60a514a32d4201f8f19fb838bd622a87e89c0cd07724a51799b4d",
            description=(
                "Epoch AI 'AI chip sales': cumulative Google TPUs shipped to each quarter end, with units, "
                "H100-equivalents and power (MW) at the 5th, 50th and 95th percentiles."
            ),
            licence="MIT (epoch-research/ai-chip-counts); Epoch data CC BY",
            citation="epoch2026chipsales",
        ),
        Source(
            name="epoch_chips_amd_cumulative",
            filename="epoch_chips_amd_cumulative_20260414.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/ai-chip-counts/"
                "d1b1bc311479ed385befa400e94533afc8b59fb7/csv_export/amd_cumulative_totals.csv"
            ),
            sha256="67d0dfb8f571d68c6db94d14a4e52b52f6989026a2cce5aa7b5df3ffc8f5a357",
            description=(
                "Epoch AI 'AI chip sales': cumulative AMD Instinct accelerators shipped to each quarter "
                "end, with units, H100-equivalents and power (MW) at the 5th, 50th and 95th percentiles."
            ),
            licence="MIT (epoch-research/ai-chip-counts); Epoch data CC BY",
            citation="epoch2026chipsales",
        ),
        Source(
            name="epoch_chips_trainium_cumulative",
            filename="epoch_chips_trainium_cumulative_20260402.csv",
            url=(
                "https://raw.githubusercontent.com/epoch-research/ai-chip-counts/"
                "d1b1bc311479ed385befa400e94533afc8b59fb7/csv_export/trainium_cumulative_totals.csv"
            ),
            sha256="ab1ee5bed7f5bd15ae01858912bb2c912df4f22d440ee0a4ba1cbb7bac4d0ee6",
            description=(
                "Epoch AI 'AI chip sales': cumulative Amazon Trainium chips shipped to each quarter end, "
                "with units, H100-equivalents and power (MW) at the 5th, 50th and 95th percentiles."
            ),
            licence="MIT (epoch-research/ai-chip-counts); Epoch data CC BY",
            citation="epoch2026chipsales",
        ),
        Source(
            name="ember_country_overview",
            filename="ember_country_overview_yearly_20250521.csv",
            url=(
                "https://raw.githubusercontent.com/ember-climate/ember-data-api/"
                "02ce82d403b50d2cd2acd792505411088891b34e/data/api_country_overview_yearly.csv"
            ),
            sha256="fec6da5789635bd656e15934248b0c6f8aa11da7c155d0b5db4c2524d80ae973",
            description=("Ember yearly electricity data by country and region, 2000-2024 (demand in TWh)."),
            licence="CC BY 4.0 (Ember)",
            citation="ember2025electricity",
        ),
        Source(
            name="ember_usa_states",
            filename="ember_usa_states_yearly_20250317.csv",
            url=(
                "https://raw.githubusercontent.com/ember-climate/ember-data-api/"
                "02ce82d403b50d2cd2acd792505411088891b34e/data/api_overview_usa_yearly.csv"
            ),
            sha256="c9b48201f8381ba70956166544dadfb9862fdbdf755d854c8461d1dc9a478aa3",
            description=("Ember US electricity by state, 2001-2024 (demand in GWh)."),
            licence="CC BY 4.0 (Ember)",
            citation="ember2025electricity",
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
    parser = argparse.ArgumentParser(prog="python -m analysis.data.sources", description=__doc__)
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
