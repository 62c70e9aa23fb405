#!/usr/bin/env python3
"""Check the cc annotator set: gold lines, evidence, dates, windows, kinds, registry, manifest.
Usage: python3 validate.py   (prints 'OK ...' when no problem is found)"""
import json, re, sys, datetime, pathlib

HERE = pathlib.Path(__file__).resolve().parent
FORMAT = HERE.parent.parent / 'FORMAT.md'
CLAIMS = HERE.parent / 'CLAIMED_URLS.txt'
problems = []
def bad(msg):
    problems.append(msg)

# kinds from FORMAT.md's Kinds table (fallback: the documented list)
KINDS = {'forum', 'press_conference', 'meeting', 'contest', 'policy_release', 'park_signup', 'visit', 'launch', 'statistic'}
if FORMAT.exists():
    sec = FORMAT.read_text(encoding='utf-8').split('## Kinds', 1)[-1].split('## ', 1)[0]
    found = set(re.findall(r'^\| `([a-z_]+)` \|', sec, re.M))
    if found:
        KINDS = found

def parse_date(s):
    if not isinstance(s, str):
        return None
    try:
        if re.fullmatch(r'\d{4}', s):
            return datetime.date(int(s), 1, 1)
        if re.fullmatch(r'\d{4}-\d{2}', s):
            return datetime.date(int(s[:4]), int(s[5:]), 1)
        if re.fullmatch(r'\d{4}-\d{2}-\d{2}', s):
            return datetime.date.fromisoformat(s)
    except ValueError:
        return None
    return None

manifest = json.loads((HERE / 'manifest.json').read_text(encoding='utf-8'))
docs = {d['file']: d for d in manifest['documents']}
registry = json.loads((HERE / 'gold' / 'registry.json').read_text(encoding='utf-8'))

def names(section, also_actor_only=False):
    out = set()
    for e in registry.get(section, []):
        if also_actor_only and not e.get('also_actor'):
            continue
        out.add(e['name']); out.update(e.get('aliases', []))
    return out
REG = {'parks': names('parks'), 'organisations': names('organisations') | names('parks', True),
       'people': names('people'), 'policies': names('policies')}

# manifest checks
news_files = sorted(p.name for p in (HERE / 'news').iterdir() if p.is_file())
for f in news_files:
    if f not in docs:
        bad('news/%s not in manifest' % f)
    if not (HERE / 'gold' / (f.rsplit('.', 1)[0] + '.jsonl')).exists():
        bad('news/%s has no gold file' % f)
claims = CLAIMS.read_text(encoding='utf-8') if CLAIMS.exists() else ''
REQ_FIELDS = ['file', 'published', 'publisher', 'title', 'source_url', 'form', 'origin', 'noise', 'encoding', 'kinds', 'no_event']
for f, d in docs.items():
    for k in REQ_FIELDS:
        if k not in d:
            bad('%s: manifest field %s missing' % (f, k))
    if f not in news_files:
        bad('manifest lists %s but news/ has no such file' % f)
    if parse_date(d.get('published')) is None:
        bad('%s: bad published date %r' % (f, d.get('published')))
    if registry.get('doc_dates', {}).get(f) != d.get('published'):
        bad('%s: registry doc_dates %r != manifest published %r' % (f, registry.get('doc_dates', {}).get(f), d.get('published')))
    if d.get('encoding') not in ('utf-8', 'gb18030', 'big5'):
        bad('%s: unknown encoding %r' % (f, d.get('encoding')))
    if claims and ('cc\t%s' % d.get('source_url')) not in claims:
        bad('%s: source_url not claimed by cc in CLAIMED_URLS.txt' % f)
    if f.endswith('.html'):
        raw = (HERE / 'news' / f).read_bytes()
        head = raw[:600].lower()
        if b'<!doctype html' not in head or b'charset' not in head:
            bad('%s: HTML without doctype/charset' % f)
        cs = re.search(rb'charset="?([a-z0-9-]+)', head)
        if cs:
            declared = cs.group(1).decode()
            if {'utf-8': 'utf-8', 'big5': 'big5', 'gbk': 'gb18030', 'gb2312': 'gb18030', 'gb18030': 'gb18030'}.get(declared) != d.get('encoding'):
                bad('%s: declared charset %s does not fit encoding %s' % (f, declared, d.get('encoding')))

# gold checks
n_events = n_req = 0
for f, d in sorted(docs.items()):
    gpath = HERE / 'gold' / (f.rsplit('.', 1)[0] + '.jsonl')
    if not gpath.exists():
        continue
    try:
        text = (HERE / 'news' / f).read_bytes().decode(d['encoding'])
    except (UnicodeDecodeError, LookupError) as e:
        bad('%s: cannot decode as %s: %s' % (f, d.get('encoding'), e)); continue
    pub = parse_date(d.get('published'))
    req_kinds = set()
    for i, line in enumerate(gpath.read_text(encoding='utf-8').splitlines(), 1):
        if not line.strip():
            continue
        where = '%s:%d' % (gpath.name, i)
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            bad('%s: not JSON (%s)' % (where, e)); continue
        n_events += 1
        for k in ('doc', 'date', 'kind', 'title', 'parks', 'organisations', 'people', 'policies', 'evidence', 'optional'):
            if k not in r:
                bad('%s: field %s missing' % (where, k))
        if r.get('doc') != f:
            bad('%s: doc %r != %s' % (where, r.get('doc'), f))
        dt = parse_date(r.get('date'))
        if dt is None:
            bad('%s: bad date %r' % (where, r.get('date')))
        kinds = r.get('kind') if isinstance(r.get('kind'), list) else [r.get('kind')]
        for k in kinds:
            if k not in KINDS:
                bad('%s: unknown kind %r' % (where, k))
        if not isinstance(r.get('optional'), bool):
            bad('%s: optional must be true/false' % where)
        elif not r['optional']:
            n_req += 1; req_kinds.update(kinds)
        if 'date_window' in r:
            w = r['date_window']
            ws = [parse_date(x) for x in w] if isinstance(w, list) and len(w) == 2 else [None, None]
            if None in ws or len(w[0]) != 10 or len(w[1]) != 10:
                bad('%s: bad date_window %r' % (where, w))
            else:
                if r.get('date') != w[1]:
                    bad('%s: date %s != window end %s' % (where, r.get('date'), w[1]))
                if ws[0] > ws[1]:
                    bad('%s: window start after end' % where)
                if (ws[1] - ws[0]).days != 14 and not r.get('window_note'):
                    bad('%s: window span %d days (14 expected, no window_note)' % (where, (ws[1] - ws[0]).days))
                if pub and len(d['published']) == 10 and ws[1] > pub:
                    bad('%s: window ends after publication' % where)
        if dt and pub and len(r.get('date', '')) == 10 and len(d['published']) == 10 and dt > pub and not r.get('optional'):
            bad('%s: required event dated after publication' % where)
        ev = r.get('evidence')
        if not isinstance(ev, str) or not ev.strip():
            bad('%s: empty evidence' % where)
        elif ev not in text:
            bad('%s: evidence is not a substring of the decoded file' % where)
        for field in ('parks', 'organisations', 'people', 'policies'):
            vals = r.get(field, [])
            if not isinstance(vals, list):
                bad('%s: %s must be a list' % (where, field)); continue
            for n in vals:
                if n not in REG[field]:
                    bad('%s: %s name %r not in registry' % (where, field, n))
                if field == 'policies' and ('《' in n or '》' in n):
                    bad('%s: policy name with 《》: %r' % (where, n))
    if sorted(req_kinds) != sorted(d.get('kinds', [])):
        bad('%s: manifest kinds %r != required kinds in gold %r' % (f, d.get('kinds'), sorted(req_kinds)))
    if bool(d.get('no_event')) != (not req_kinds):
        bad('%s: no_event flag inconsistent with gold' % f)

# registry sanity: each entry has docs; every doc listed exists
for sec in ('parks', 'organisations', 'policies'):
    for e in registry.get(sec, []):
        for x in e.get('docs', []):
            if x not in docs:
                bad('registry %s %s: unknown doc %s' % (sec, e['name'], x))
for p in registry.get('people', []):
    for m in p.get('mentions', []):
        if m.get('doc') not in docs:
            bad('registry person %s: unknown doc %s' % (p['name'], m.get('doc')))

if problems:
    print('\n'.join(problems))
    print('%d problem(s)' % len(problems))
    sys.exit(1)
print('OK: %d documents, %d gold events (%d required, %d optional), registry %d parks / %d organisations / %d people / %d policies'
      % (len(docs), n_events, n_req, n_events - n_req, len(registry['parks']), len(registry['organisations']),
         len(registry['people']), len(registry['policies'])))
