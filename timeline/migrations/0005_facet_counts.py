"""The rollup of the public timeline's facet counts (``FacetCount``), its ledger
(``CountedEvent``) and the versions the filtered counts are cached under (``FacetVersion``),
filled from the events already stored: the same work as ``manage.py rebuild_facet_counts``,
done with this migration's historical models."""

from django.db import migrations, models


def count_stored_events(apps, schema_editor):
    from timeline.counts import rebuild

    rebuild(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0004_public_timeline_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='CountedEvent',
            fields=[
                ('event_id', models.BigIntegerField(primary_key=True, serialize=False, verbose_name='event id')),
                ('kind', models.CharField(max_length=20, verbose_name='kind')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('values', models.JSONField(default=list, help_text="[dimension, value] pairs: the event's entities and provinces.", verbose_name='values')),
            ],
            options={
                'verbose_name': 'counted event',
                'verbose_name_plural': 'counted events',
            },
        ),
        migrations.CreateModel(
            name='FacetVersion',
            fields=[
                ('pk', models.CompositePrimaryKey('dimension', 'value', blank=True, editable=False, primary_key=True, serialize=False)),
                ('dimension', models.CharField(choices=[('event', 'event'), ('park', 'park'), ('organisation', 'organisation'), ('person', 'person'), ('policy', 'policy'), ('province', 'province')], max_length=12, verbose_name='dimension')),
                ('value', models.CharField(help_text="An entity's id, or a province's name.", max_length=100, verbose_name='value')),
                ('version', models.BigIntegerField(verbose_name='version')),
            ],
            options={
                'verbose_name': 'facet version',
                'verbose_name_plural': 'facet versions',
            },
        ),
        migrations.CreateModel(
            name='FacetCount',
            fields=[
                ('pk', models.CompositePrimaryKey('dimension', 'kind', 'year', 'value', blank=True, editable=False, primary_key=True, serialize=False)),
                ('dimension', models.CharField(choices=[('event', 'event'), ('park', 'park'), ('organisation', 'organisation'), ('person', 'person'), ('policy', 'policy'), ('province', 'province')], max_length=12, verbose_name='dimension')),
                ('kind', models.CharField(blank=True, max_length=20, verbose_name='kind')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('value', models.CharField(blank=True, help_text="An entity's id, or a province's name.", max_length=100, verbose_name='value')),
                ('count', models.IntegerField(verbose_name='count')),
            ],
            options={
                'verbose_name': 'facet count',
                'verbose_name_plural': 'facet counts',
                'indexes': [models.Index(fields=['dimension', 'value'], name='facetcount_value_idx'), models.Index(condition=models.Q(('kind', ''), ('year', 0)), fields=['dimension', '-count'], name='facetcount_top_idx'), models.Index(condition=models.Q(('count__lte', 0)), fields=['count'], name='facetcount_empty_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('dimension__in', ['event', 'park', 'organisation', 'person', 'policy', 'province'])), name='facetcount_valid_dimension')],
            },
        ),
        migrations.RunPython(count_stored_events, migrations.RunPython.noop, elidable=True),
    ]
