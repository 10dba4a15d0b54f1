"""A deterministic, realistic data set of program-report files for the benchmark.

Each file is one executor's execution report of one target program in the library's JSON
format (``{"format_version": 1, "type": "program_report", ...}``): 2–5 tasks, 10–30
measures in all, Ukrainian text, money as strings with two decimals, declared percents
with 0–2 decimals or null, the «Всього» row; about one report in twelve writes its money
columns in «тис. грн» with one decimal (figures rounded to 100 грн). A fault is planted for
every rule that applies to a program report (:data:`FAULT_RATES`: totals, rounded totals,
measure and total percents with and without rounding bands, plausibility, references,
mixed-script words); the rest is consistent, so every pipeline must find exactly the
planted faults.

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

#: The share of reports written in «тис. грн» with one decimal (a rounding band).
THOUSANDS_RATE = 0.03

#: For each rule, the share of reports with a fault planted for it (MR102 and MR205 only
#: arise in the «тис. грн» reports, so their rates apply among those).
FAULT_RATES = {
    "MR101": 0.005,  # a declared total the measures do not sum to
    "MR102": 0.5,  # a rounded total off by one step: inside the band
    "MR201": 0.005,  # a measure's declared percent far from actual / plan
    "MR202": 0.005,  # the «Всього» percent wrong
    "MR203": 0.005,  # a percent declared against a zero plan
    "MR205": 0.5,  # a measure's percent computed from the raw, unrounded figures
    "MR401": 0.005,  # more financed than planned
    "MR402": 0.005,  # an annual plan above the indicative amount
    "MR403": 0.005,  # 100% declared, nothing financed (an empty cell)
    "MR501": 0.005,  # the period outside the program's term
    "MR502": 0.005,  # a measure's term reaching past the program's
    "MR503": 0.005,  # an amendment dated before the approval
    "MR701": 0.005,  # a word with a Latin look-alike letter
}


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


def _faults(rng: random.Random, thousands: bool) -> set[str]:
    """The rules this report gets a fault for (drawn in a fixed order: deterministic)."""
    chosen = set()
    for code, rate in FAULT_RATES.items():
        if code in ("MR102", "MR205") and not thousands:
            continue
        if rng.random() < rate:
            chosen.add(code)
    return chosen


_THOUSAND_STEP = 10_000  # 100 грн in kopecks: «тис. грн» with one decimal


def make_report(index: int, seed: int = 7) -> dict[str, Any]:
    """The JSON data of report ``index`` of the data set ``seed`` (deterministic)."""
    rng = random.Random(seed * 1_000_003 + index)
    hromada = HROMADAS[index % len(HROMADAS)]
    year = 2016 + index // len(HROMADAS) % 10
    kind, start, end = PERIODS[rng.randrange(len(PERIODS))]
    program = rng.choice(PROGRAMS)
    executor = rng.choice(EXECUTORS)
    first_year = year - rng.randrange(0, 3)
    thousands = rng.random() < THOUSANDS_RATE
    faults = _faults(rng, thousands)
    if "MR501" in faults:
        first_year = year + 1  # the program starts after the period
    term = {"first": first_year, "last": first_year + 4}
    n_measures = rng.randint(10, 30)
    n_tasks = rng.randint(2, 5)
    # Each measure-level fault lands on its own measure.
    targets = rng.sample(range(n_measures), 8)
    measure_fault = {
        code: targets[k]
        for k, code in enumerate(
            ("MR201", "MR203", "MR205", "MR401", "MR402", "MR403", "MR502", "MR701")
        )
        if code in faults
    }
    bad_measure = measure_fault.get("MR201", -1)

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
        elif m in measure_fault.values():
            annual = max(annual, 1_000_000)
        elif rng.random() < 0.05:
            annual = 0
        indicative = annual * 5 + rng.randrange(0, 1_000_000)
        share = rng.choice((100, 100, 100, rng.randrange(0, 101)))
        if m == measure_fault.get("MR401"):
            share = 110
        actual = annual * share // 100
        raw_annual, raw_actual = annual, actual
        if thousands:  # written rounded half-up to 100 грн
            indicative, annual, actual = (
                (v + _THOUSAND_STEP // 2) // _THOUSAND_STEP * _THOUSAND_STEP
                for v in (indicative, annual, actual)
            )
        if m == measure_fault.get("MR203"):
            annual = actual = 0
        if m == measure_fault.get("MR402"):
            indicative = annual // 2
        financing: dict[str, Any] = {
            "indicative": _money(indicative),
            "annual": _money(annual),
            "actual": _money(actual),
        }
        content = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
        if m == measure_fault.get("MR701"):
            content = content.replace("о", "o", 1)  # a Latin «o» in a Cyrillic word
        measure: dict[str, Any] = {
            "content": content,
            "financing": financing,
            "term": term,
            "executors": [executor.capitalize()],
        }
        if m == measure_fault.get("MR502"):
            measure["term"] = {"first": term["first"], "last": term["last"] + 2}
        if m == bad_measure:
            measure["declared_percent"] = _wrong_percent(actual, annual, rng)
        elif m == measure_fault.get("MR203"):
            measure["declared_percent"] = "50"
        elif m == measure_fault.get("MR403"):
            measure["declared_percent"] = "100"
            del financing["actual"]  # an empty cell: nothing financed
            actual = 0
        elif m == measure_fault.get("MR205") and raw_annual:
            # The council's percent of the raw amounts: «24,02%» where the written give 24,04.
            measure["declared_percent"] = _percent(raw_actual, raw_annual, 2)
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
    if "MR101" in faults:
        total[rng.randrange(3)] += rng.choice((-1, 1)) * rng.choice((1, 100, 10_000, 1_234_500))
        if thousands:
            total[rng.randrange(3)] += _THOUSAND_STEP * n_measures * 2  # beyond the band
        total = [max(v, 0) for v in total]
    elif "MR102" in faults:
        total[rng.randrange(3)] += _THOUSAND_STEP  # one step: inside (n + 1) × step / 2
    approved = f"{first_year - 1}-12-{rng.randint(10, 28)}"
    program_data: dict[str, Any] = {
        "title": program,
        "approved_by": {
            "date": approved,
            "number": str(rng.randint(1, 1500)),
            "body": f"{hromada} міська рада",
        },
        "responsible_executors": [executor],
        "term": term,
    }
    if "MR503" in faults:
        program_data["amendments"] = [
            {"date": f"{first_year - 2}-09-{rng.randint(10, 28)}", "number": "7"}
        ]
    data: dict[str, Any] = {
        "format_version": 1,
        "type": "program_report",
        "program": program_data,
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
    if thousands:
        fmt = {"unit": "thousand UAH", "decimals": 1}
        data["columns"] = {"indicative": fmt, "annual": fmt, "actual": fmt}
    if total[1]:
        data["total_percent"] = _percent(total[2], total[1], 2)
        if "MR202" in faults:
            data["total_percent"] = _wrong_percent(total[2], total[1], rng)
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
