"""A deterministic, realistic data set of program-report files for the benchmark.

Each file is one executor's execution report of one target program in the library's JSON
format (``{"format_version": 1, "type": "program_report", ...}``): 2–5 tasks, 10–30
measures in all, Ukrainian text, money as strings with two decimals, declared percents
with 0–2 decimals or null, the «Всього» row. About 2% of the reports declare a wrong total
and about 4% a wrong percent somewhere; the rest are consistent, so every pipeline must
find exactly the planted faults.

    python bench/generate.py OUT_DIR --reports 2000 [--seed 7] [--jsonl]

The same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import orjson

__all__ = ["make_report", "write_dataset"]

HROMADAS = (
    "Житомирська",
    "Криворізька",
    "Вінницька",
    "Полтавська",
    "Черкаська",
    "Коростишівська",
    "Бердичівська",
    "Ніжинська",
    "Кам'янець-Подільська",
    "Білоцерківська",
    "Бориспільська",
    "Ковельська",
)
PROGRAMS = (
    "Ефективна влада. Конкурентне місто",
    "Розвиток місцевого самоврядування та самоорганізації населення",
    "Відкрите місто: комунікації з громадськістю",
    "Соціальний захист ветеранів війни та членів їхніх сімей",
    "Енергоефективність бюджетних установ",
    "Підтримка учасників бойових дій",
    "Цифрова громада",
    "Безпечне місто",
    "Розвиток фізичної культури і спорту",
    "Охорона навколишнього природного середовища",
)
EXECUTORS = (
    "відділ організаційного забезпечення депутатської діяльності",
    "управління по зв'язках з громадськістю",
    "управління звернень та діловодства міської ради",
    "департамент соціальної політики",
    "управління житлово-комунального господарства",
    "департамент освіти",
    "управління капітального будівництва",
)
ACTIONS = (
    "Придбання",
    "Передплата",
    "Забезпечення",
    "Проведення",
    "Організація",
    "Виготовлення",
    "Оплата послуг з",
    "Висвітлення",
    "Підготовка та друк",
)
OBJECTS = (
    "періодичних видань для депутатів міської ради",
    "матеріально-технічних засобів",
    "навчальних семінарів для посадових осіб",
    "засідань постійних комісій",
    "інформаційних матеріалів про діяльність ради",
    "сесій міської ради в режимі онлайн-трансляції",
    "заходів з нагоди Дня місцевого самоврядування",
    "ремонту приміщень органів самоорганізації населення",
    "енергоаудиту будівель закладів освіти",
    "відзначення почесних громадян міста",
)
NOTES = (
    "Захід виконано в повному обсязі.",
    "Захід виконано частково; кошти передбачено на IV квартал.",
    "Фінансування здійснюється за потреби протягом поточного року.",
    "Укладено договір, оплата після виконання робіт.",
    "Закупівля проведена через систему Prozorro, економія коштів.",
    "",
)
GIVEN = ("Лілія", "Олександр", "Наталія", "Сергій", "Ірина", "Володимир", "Оксана")
SURNAMES = ("Степанюк", "Коваленко", "Шевчук", "Бондаренко", "Мельник", "Ткаченко")
POSITIONS = ("Начальник управління", "Заступник начальника відділу", "Директор департаменту")
PERIODS = (
    ("year", "01-01", "12-31"),
    ("nine_months", "01-01", "09-30"),
    ("half_year", "01-01", "06-30"),
)

#: The share of reports with a planted fault.
WRONG_TOTAL_RATE = 0.02
WRONG_PERCENT_RATE = 0.04


def _money(kopecks: int) -> str:
    return f"{kopecks // 100}.{kopecks % 100:02d}"


def _percent(actual: int, plan: int, decimals: int) -> str:
    """``actual / plan × 100`` rounded half-up to ``decimals`` places, as text."""
    scale = 10**decimals
    q, r = divmod(actual * 100 * scale, plan)
    if 2 * r >= plan:
        q += 1
    whole, frac = divmod(q, scale)
    return f"{whole}.{frac:0{decimals}d}" if decimals else str(whole)


def _wrong_percent(actual: int, plan: int, rng: random.Random) -> str:
    """A declared percent far enough from the truth that no rounding explains it."""
    truth = actual * 100 // plan
    delta = rng.choice((-7, -3, 3, 5, 11, 20))
    return str(truth + delta if truth + delta >= 0 else truth - delta)


def make_report(index: int, seed: int = 7) -> dict[str, Any]:
    """The JSON data of report ``index`` of the data set ``seed`` (deterministic)."""
    rng = random.Random(seed * 1_000_003 + index)
    hromada = HROMADAS[index % len(HROMADAS)]
    year = 2016 + index // len(HROMADAS) % 10
    kind, start, end = PERIODS[rng.randrange(len(PERIODS))]
    program = rng.choice(PROGRAMS)
    executor = rng.choice(EXECUTORS)
    first_year = year - rng.randrange(0, 3)
    term = {"first": first_year, "last": first_year + 4}
    n_measures = rng.randint(10, 30)
    n_tasks = rng.randint(2, 5)
    wrong_percent = rng.random() < WRONG_PERCENT_RATE
    wrong_total = rng.random() < WRONG_TOTAL_RATE
    bad_measure = rng.randrange(n_measures) if wrong_percent else -1

    tasks: list[dict[str, Any]] = [
        {"title": f"Пріоритетне завдання {t + 1}: {rng.choice(OBJECTS)}", "measures": []}
        for t in range(n_tasks)
    ]
    sums = [0, 0, 0]
    for m in range(n_measures):
        annual = rng.randrange(0, 50_000) * 100 * rng.choice((1, 1, 10, 100)) + rng.choice(
            (0, 0, 0, rng.randrange(100))
        )
        if m == bad_measure:
            annual = max(annual, 10_000)
        elif rng.random() < 0.05:
            annual = 0
        indicative = annual * 5 + rng.randrange(0, 1_000_000)
        share = rng.choice((100, 100, 100, rng.randrange(0, 101)))
        actual = annual * share // 100
        measure: dict[str, Any] = {
            "content": f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}",
            "financing": {
                "indicative": _money(indicative),
                "annual": _money(annual),
                "actual": _money(actual),
            },
            "term": term,
            "executors": [executor.capitalize()],
        }
        if m == bad_measure:
            measure["declared_percent"] = _wrong_percent(actual, annual, rng)
        elif annual and rng.random() < 0.9:
            measure["declared_percent"] = _percent(actual, annual, rng.choice((0, 1, 2, 2)))
        else:
            measure["declared_percent"] = None  # an empty cell
        note = " ".join(rng.sample(NOTES, rng.randint(0, 3))).strip()
        if note:
            measure["note"] = note
        tasks[m * n_tasks // n_measures]["measures"].append(measure)
        sums[0] += indicative
        sums[1] += annual
        sums[2] += actual
    for t, task in enumerate(tasks):
        task["number"] = str(t + 1)
        for m, measure in enumerate(task["measures"]):
            measure["number"] = f"{t + 1}.{m + 1}"

    total = list(sums)
    if wrong_total:
        total[rng.randrange(3)] += rng.choice((-1, 1)) * rng.choice((1, 100, 10_000, 1_234_500))
        total = [max(v, 0) for v in total]
    data: dict[str, Any] = {
        "format_version": 1,
        "type": "program_report",
        "program": {
            "title": program,
            "approved_by": {
                "date": f"{first_year - 1}-12-{rng.randint(10, 28)}",
                "number": str(rng.randint(1, 1500)),
                "body": f"{hromada} міська рада",
            },
            "responsible_executors": [executor],
            "term": term,
        },
        "period": {"kind": kind, "start": f"{year}-{start}", "end": f"{year}-{end}"},
        "tasks": tasks,
        "executor": executor,
        "total": {
            "indicative": _money(total[0]),
            "annual": _money(total[1]),
            "actual": _money(total[2]),
        },
        "signatory": {
            "position": rng.choice(POSITIONS),
            "person": {"given_name": rng.choice(GIVEN), "surname": rng.choice(SURNAMES)},
        },
    }
    if total[1]:
        data["total_percent"] = _percent(total[2], total[1], 2)
    return data


def write_dataset(out: Path, reports: int, *, seed: int = 7, jsonl: bool = False) -> list[Path]:
    """Write ``reports`` report files (or one JSON Lines file) under ``out``; their paths.

    Files go to ``out/<hromada>/<year>/<index>.json`` as a national archive would hold them.
    """
    out.mkdir(parents=True, exist_ok=True)
    if jsonl:
        path = out / f"reports-{reports}-{seed}.jsonl"
        with path.open("wb") as handle:
            for i in range(reports):
                handle.write(orjson.dumps(make_report(i, seed)) + b"\n")
        return [path]
    paths = []
    for i in range(reports):
        data = make_report(i, seed)
        folder = out / f"h{i % len(HROMADAS):02d}" / data["period"]["start"][:4]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:07d}.json"
        path.write_bytes(orjson.dumps(data))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", action="store_true", help="one JSON Lines file")
    args = parser.parse_args()
    paths = write_dataset(args.out, args.reports, seed=args.seed, jsonl=args.jsonl)
    size = sum(p.stat().st_size for p in paths)
    print(f"{args.reports} reports, {len(paths)} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
