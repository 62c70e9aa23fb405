"""Benchmark of the public timeline on a large synthetic database.

    python -m bench.timeline [--events 100000] [--repeat 50] [--edits 20] [--reuse]

Builds its own database, never the development one: with ``DATABASE_URL`` pointing at
PostgreSQL, a database ``parkline_bench`` (or ``$BENCH_DATABASE``, so that several people can
benchmark on one server) on the same server (dropped and created again);
otherwise the SQLite file ``var/bench_timeline.sqlite3``. It fills it with N events (95 %
published) with realistic relations (a few thousand parks, organisations and people, popular
ones named far more often, evidence in sources), counts the facet rollup, then reports timings
through Django's test client for the timeline, a faceted page, a search, a park page, a deep
page and the API:

- "empty cache": the first request after the cache is emptied (a restarted process);
- "after an edit": the first request after a reviewer published one event (through the same
  service as the admin), which changes the data version every cached count and ranking is
  keyed on: what the next reader waits for after each edit; p50/p95 over ``--edits`` edits;
- "warm": what readers see between edits, p50/p95 over ``--repeat`` requests;
- "publish": the publish service itself, recount of the facet rollup included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = os.environ.get("BENCH_DATABASE", "parkline_bench")
SQLITE_FILE = ROOT / "var" / "bench_timeline.sqlite3"

# vocabulary of the synthetic data (generic words of the field, not taken from any source)
PROVINCES = [
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
    "宁夏回族自治区", "新疆维吾尔自治区",
]  # fmt: skip
PLACES = "东湖 滨江 临港 松山湖 江北 西湾 南山 北辰 长兴 青山 白云 金川 望城 龙泉 高桥 新港 锦江 秀洲 鹿城 柳东".split()
PARK_SUFFIXES = (
    "高新区 科技园 软件园 生物医药产业园 科学城 创新港 智造园 大学科技园 数字经济产业园 新材料产业园".split()
)
ORG_SUFFIXES = "科技局 管委会 发展改革委 工业和信息化局 科学技术厅 创新中心 研究院 产业联盟 集团 大学".split()
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split()
GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 建 文 辉 力".split()
TOPICS = (
    "人工智能 集成电路 生物医药 新能源 储能 氢能 低空经济 数字经济 量子信息 新材料 智能制造 工业互联网 "
    "机器人 卫星互联网 算力 大模型 创新药 医疗器械 光伏 锂电池 半导体 软件 数据要素 科技金融 孵化器 "
    "专精特新 独角兽 高新技术企业 科技成果转化 人才引进 产学研 开放创新 绿色低碳 碳中和"
).split()
VERBS = {
    "forum": ["举办{t}论坛", "召开{t}峰会", "举行{t}研讨会"],
    "press_conference": ["召开{t}新闻发布会"],
    "meeting": ["召开{t}工作推进会", "举行{t}协调会"],
    "contest": ["举办{t}创新创业大赛", "公布{t}评选结果"],
    "policy_release": ["印发{t}发展行动方案", "出台支持{t}若干措施"],
    "park_signup": ["签约{t}重大项目", "获批{t}示范基地"],
    "visit": ["调研{t}企业", "考察{t}产业发展"],
    "launch": ["{t}创新中心揭牌", "启动{t}专项计划", "{t}产业园开园"],
    "statistic": ["{t}产业规模实现增长"],
}
KINDS = list(VERBS)
KIND_WEIGHTS = [18, 4, 10, 8, 12, 16, 12, 14, 6]
QUERY_WORD = "储能"  # one topic of 36: a search that matches about 3% of the events


def _bench_database_url(configured: str) -> str:
    if configured.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(configured)
        return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
    return f"sqlite:///{SQLITE_FILE}"


def _recreate_postgres(configured: str) -> None:
    import psycopg2

    # through the server's maintenance database: DATABASE_URL may name the benchmark database itself
    parts = urlsplit(configured)
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        cursor.execute(f"CREATE DATABASE {BENCH_DB}")
    connection.close()


def _setup(events: int, reuse: bool) -> str:
    """Point Django at the benchmark database (created afresh unless reused) and migrate."""
    configured = os.environ.get("DATABASE_URL", "")
    url = _bench_database_url(configured)
    if not reuse:
        if url.startswith("sqlite"):
            SQLITE_FILE.parent.mkdir(exist_ok=True)
            SQLITE_FILE.unlink(missing_ok=True)
        else:
            _recreate_postgres(configured)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log: it would grow with every request
    call_command("migrate", verbosity=0)
    return url


def _weighted(rng: random.Random, population: list, skew: float) -> object:
    # a skewed pick: a few items are named very often, most rarely (as parks in the news); with
    # skew 3 the first of 3000 parks is in about 7% of the events, the first 30 in a fifth
    return population[int(len(population) * rng.random() ** skew)]


def generate(count: int, *, seed: int = 7) -> None:
    """Fill the empty benchmark database with ``count`` events and their relations."""
    from people.models import Organisation, Park, Person
    from policies.models import Policy
    from timeline.models import Event, EventOrganisation, Evidence, NewsItem, Source

    rng = random.Random(seed)
    started = time.perf_counter()
    parks = [
        Park(
            id=i + 1,
            name=f"{place}{suffix}{i // (len(PLACES) * len(PARK_SUFFIXES)) or ''}",
            name_key=f"park-{i}",
            slug=f"park-{i}",
            province=PROVINCES[i % len(PROVINCES)],
            level="national_htz" if i % 7 == 0 else "provincial",
            is_reviewed=True,
        )
        for i, (place, suffix) in enumerate(
            (PLACES[n % len(PLACES)], PARK_SUFFIXES[(n // len(PLACES)) % len(PARK_SUFFIXES)])
            for n in range(3000)
        )
    ]
    Park.objects.bulk_create(parks, batch_size=2000)
    orgs = [
        Organisation(
            id=i + 1,
            name=f"{PLACES[i % len(PLACES)]}{ORG_SUFFIXES[i % len(ORG_SUFFIXES)]}{i}",
            name_key=f"org-{i}",
            slug=f"org-{i}",
        )
        for i in range(3000)
    ]
    Organisation.objects.bulk_create(orgs, batch_size=2000)
    people = [
        Person(
            id=i + 1,
            name=f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{i}",
            name_key=f"p-{i}",
            slug=f"person-{i}",
        )
        for i in range(5000)
    ]
    Person.objects.bulk_create(people, batch_size=2000)
    policies = [
        Policy(id=i + 1, title=f"关于支持{TOPICS[i % len(TOPICS)]}发展的若干措施（第{i}号）", title_key=f"pol-{i}",
               slug=f"policy-{i}")
        for i in range(1000)
    ]  # fmt: skip
    Policy.objects.bulk_create(policies, batch_size=2000)

    per_source = 50
    sources = [
        Source(id=i + 1, title=f"园区动态第{i}期", raw_text="…", clean_text="…", content_sha256=f"{i:064x}")
        for i in range(count // per_source + 1)
    ]
    Source.objects.bulk_create(sources, batch_size=2000)
    NewsItem.objects.bulk_create(
        [NewsItem(id=s.id, source_id=s.id, position=0, start=0, end=1) for s in sources], batch_size=2000
    )

    first_day, days = dt.date(1995, 1, 1), (dt.date(2025, 12, 31) - dt.date(1995, 1, 1)).days
    batch = 5000
    for start in range(0, count, batch):
        events, park_links, org_links, person_links, policy_links, evidence = [], [], [], [], [], []
        for pk in range(start + 1, min(start + batch, count) + 1):
            # more news in recent years: the square root skews days towards the end of the range
            day = first_day + dt.timedelta(days=int(days * rng.random() ** 0.5))
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            topic = rng.choice(TOPICS)
            event_parks = {_weighted(rng, parks, 3) for _ in range(rng.choice((1, 1, 2)))}
            event_orgs = {_weighted(rng, orgs, 2.5) for _ in range(rng.choice((0, 1, 1, 2)))}
            event_people = {_weighted(rng, people, 2) for _ in range(rng.choice((0, 0, 1)))}
            event_policies = {rng.choice(policies)} if kind == "policy_release" else set()
            lead = next(iter(event_parks))
            title = lead.name + rng.choice(VERBS[kind]).format(t=topic)
            precision = rng.choices(("day", "month", "year"), (85, 10, 5))[0]
            if precision == "month":
                day = day.replace(day=1)
            elif precision == "year":
                day = day.replace(month=1, day=1)
            names = (
                [p.name for p in event_parks] + [o.name for o in event_orgs] + [p.name for p in event_people]
            )
            search_text = " ".join([lead.name, topic, *VERBS[kind][0].replace("{t}", " ").split(), *names])
            events.append(
                Event(
                    id=pk,
                    date=day,
                    precision=precision,
                    kind=kind,
                    title=title,
                    status="published" if rng.random() > 0.05 else "candidate",
                    confidence=0.8,
                    search_text=search_text,
                )
            )
            park_links += [Event.parks.through(event_id=pk, park_id=p.id) for p in event_parks]
            org_links += [
                EventOrganisation(event_id=pk, organisation_id=o.id, role="organiser") for o in event_orgs
            ]
            person_links += [Event.people.through(event_id=pk, person_id=p.id) for p in event_people]
            policy_links += [Event.policies.through(event_id=pk, policy_id=p.id) for p in event_policies]
            evidence.append(
                Evidence(
                    id=pk,
                    event_id=pk,
                    news_item_id=pk // per_source + 1,
                    quote=f"{day.year}年{day.month}月，{title}。",
                    start=0,
                    end=1,
                )
            )
        Event.objects.bulk_create(events)
        Event.parks.through.objects.bulk_create(park_links)
        EventOrganisation.objects.bulk_create(org_links)
        Event.people.through.objects.bulk_create(person_links)
        Event.policies.through.objects.bulk_create(policy_links)
        Evidence.objects.bulk_create(evidence)
        done = min(start + batch, count)
        if done % 50000 == 0 or done == count:
            print(f"  {done} events ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    _analyze()
    _count_facets()
    _analyze()


def _count_facets() -> None:
    """Fills the facet rollup, as ``manage.py rebuild_facet_counts`` would after a bulk load."""
    from timeline.counts import rebuild

    started = time.perf_counter()
    report = rebuild()
    print(f"  {report.summary()} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        # VACUUM too on PostgreSQL: bulk-loaded tables have no visibility map until autovacuum
        # passes, and a running site would have one (index-only scans depend on it)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('timeline_event', 'id'), MAX(id)) FROM timeline_event"
            )


def _urls() -> dict[str, str]:
    from django.db.models import Count

    from people.models import Park
    from timeline.models import Event

    busiest = Park.objects.annotate(n=Count("events")).order_by("-n").first()
    middling = Park.objects.annotate(n=Count("events")).filter(n__gte=20).order_by("n").first() or busiest
    public = Event.objects.public()
    deep = public.order_by("-date", "-id").values_list("date", "id")[public.count() // 2]
    return {
        "timeline /": "/",
        "timeline, oldest first": "/?order=asc",
        "deep page (middle of the list)": f"/?after={deep[0].isoformat()}_{deep[1]}",
        "faceted (kind+park+years)": f"/?kind=forum&kind=launch&park={quote(busiest.slug)}&year_from=2015",
        "faceted (province+kind)": f"/?province={quote(PROVINCES[9])}&kind=visit",
        "one year (year_from=year_to)": "/?year_from=2021&year_to=2021",
        "kind + year range": "/?kind=visit&year_from=2010&year_to=2020",
        f"search ?q={QUERY_WORD}": f"/?q={quote(QUERY_WORD)}",
        "search + park": f"/?q={quote(QUERY_WORD)}&park={quote(busiest.slug)}",
        "park page (busiest)": f"/parks/{quote(busiest.slug)}/",
        "park page (small)": f"/parks/{quote(middling.slug)}/",
        "/api/events": "/api/events",
        "/api/events?park=": f"/api/events?park={quote(busiest.slug)}",
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Timing:
    name: str
    empty_cache: float
    after_edit: list[float]
    warm: list[float]


def _reviewer():
    from django.contrib.auth.models import User

    user, _ = User.objects.get_or_create(username="bench-reviewer", defaults={"is_superuser": True})
    return user


def _candidates_on_page(url: str, count: int, taken: set[int]) -> list:
    """Candidate events that, once published, show on the page of ``url`` (its filters and
    search words): each such edit changes what the page counts."""
    from django.http import QueryDict

    from timeline.models import Event
    from timeline.query import TimelineFilters

    query = urlsplit(url).query
    if not query or not url.startswith("/?"):
        return []
    filters = TimelineFilters.from_query(QueryDict(query))
    candidates = Event.objects.filter(status=Event.Status.CANDIDATE, merged_into__isnull=True)
    found = filters.apply(candidates).exclude(pk__in=taken).order_by("-date", "-id")[:count]
    return list(found)


def measure(repeat: int, edits: int, *, on_page: bool = False) -> tuple[list[Timing], list[float]]:
    """The timings of each URL, and those of the publish service (ms). ``on_page``: each edit
    publishes an event the page shows (where the page has filters), so that every edit
    changes its counts; otherwise the newest candidates, wherever they show."""
    from django.core.cache import cache
    from django.test import Client

    from timeline import curation
    from timeline.counts import recount_events
    from timeline.models import Event

    client = Client()
    urls = _urls()
    reviewer = _reviewer()
    # the newest candidates: once published they are on the first page too
    candidates = list(
        Event.objects.filter(status=Event.Status.CANDIDATE, merged_into__isnull=True).order_by(
            "-date", "-id"
        )[: edits * len(urls)]
    )
    assert len(candidates) == edits * len(urls), "not enough candidate events to publish"
    pending = iter(candidates)
    timings, publishing = [], []
    taken = {event.pk for event in candidates}
    try:
        for name, url in urls.items():
            page_candidates = _candidates_on_page(url, edits, taken) if on_page else []
            taken.update(event.pk for event in page_candidates)
            candidates += page_candidates
            page_pending = iter(page_candidates)
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            empty_cache = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            after_edit = []
            for _ in range(edits):
                event = next(page_pending, None) or next(pending)
                started = time.perf_counter()
                curation.publish_events(events=[event], user=reviewer)
                publishing.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                client.get(url)
                after_edit.append((time.perf_counter() - started) * 1000)
            for _ in range(3):
                client.get(url)
            warm = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(url)
                warm.append((time.perf_counter() - started) * 1000)
            timings.append(Timing(name, empty_cache, after_edit, warm))
    finally:
        # leave the database as it was generated, for the next --reuse
        ids = [event.pk for event in candidates]
        published = list(Event.objects.filter(pk__in=ids, status="published").values_list("pk", flat=True))
        Event.objects.filter(pk__in=published).update(status=Event.Status.CANDIDATE)
        recount_events(published)
    return timings, publishing


def measure_live_counts(repeat: int) -> list[tuple[str, list[float]]]:
    """The simpler design without a rollup: every facet counted on the filtered events (one
    grouped query per facet, as Django admin's facets count), cached under a version every
    commit changes, so the first reader after each edit waits for exactly this (ms)."""
    from django.http import QueryDict

    from timeline.facets import _count_facets
    from timeline.query import TimelineFilters

    timings = []
    for name, url in _urls().items():
        if not (url == "/" or url.startswith("/?")):
            continue
        filters = TimelineFilters.from_query(QueryDict(urlsplit(url).query))
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            _count_facets(filters, rollup=False)
            runs.append((time.perf_counter() - started) * 1000)
        timings.append((name, runs))
    return timings


def _p50_p95(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} / {_percentile(values, 0.95):.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--events", type=int, default=100_000, help="synthetic events to generate (default 100000)"
    )
    parser.add_argument("--repeat", type=int, default=50, help="timed warm requests per URL (default 50)")
    parser.add_argument(
        "--edits",
        type=int,
        default=20,
        help="events published, one before each timed request, per URL (default 20)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="measure the benchmark database left by a former run"
    )
    parser.add_argument(
        "--edits-on-page",
        action="store_true",
        help="each edit publishes an event the page shows (for pages with filters): the worst case",
    )
    parser.add_argument(
        "--live-counts",
        action="store_true",
        help="measure the design without a rollup instead: each page's facets counted on its events",
    )
    args = parser.parse_args(argv)

    url = _setup(args.events, args.reuse)
    from django.db import connection

    from timeline.models import Event

    print(f"database: {connection.vendor} ({url.split('@')[-1]})", file=sys.stderr)
    if not args.reuse:
        started = time.perf_counter()
        generate(args.events)
        print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    total, public = Event.objects.count(), Event.objects.public().count()
    if args.live_counts:
        print(f"\n## Facets counted on the events (no rollup): {connection.vendor}, {total} events\n")
        print("| page | p50 / p95 ms |")
        print("|---|---:|")
        for name, runs in measure_live_counts(args.repeat):
            print(f"| {name} | {_p50_p95(runs)} |")
        return 0
    timings, publishing = measure(args.repeat, args.edits, on_page=args.edits_on_page)
    print(
        f"\n## Timeline benchmark: {connection.vendor}, {total} events ({public} published), "
        f"{args.edits} edits ({'on the page' if args.edits_on_page else 'the newest candidates'}) "
        f"and {args.repeat} warm requests per URL\n"
    )
    print("| page | empty cache ms | after an edit p50 / p95 ms | warm p50 / p95 ms |")
    print("|---|---:|---:|---:|")
    for timing in timings:
        print(
            f"| {timing.name} | {timing.empty_cache:.1f} | {_p50_p95(timing.after_edit)} | {_p50_p95(timing.warm)} |"
        )
    print(f"\nPublishing one event (service, facet recount included): p50 / p95 {_p50_p95(publishing)} ms")
    if connection.vendor == "postgresql":
        _print_storage()
    return 0


def _print_storage() -> None:
    """The size of the events table and of what the facet counts add to the database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('timeline_event')")
        events = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "WHERE c.relname IN ('timeline_facettally', 'timeline_facetversion')"
        )
        tables = cursor.fetchone()[0]
        cursor.execute("SELECT COALESCE(SUM(pg_column_size(counted)), 0) FROM timeline_event")
        column = cursor.fetchone()[0]
    derived = tables + column
    print(
        f"\nStorage: events table {events / 2**20:.0f} MB; the counts {derived / 2**20:.0f} MB "
        f"(rollup and versions {tables / 2**20:.0f} MB, Event.counted {column / 2**20:.0f} MB), "
        f"{100 * derived / events:.1f} % of the events table"
    )


if __name__ == "__main__":
    sys.exit(main())
