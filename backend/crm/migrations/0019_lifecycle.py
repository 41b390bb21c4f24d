from tortoise import migrations
from tortoise.migrations import operations as ops
from crm.customers.models import LifecycleStage
from crm.lifecycle.models import ChangeReason, ScoringField, ScoringKind, ScoringOperator
from crm.sales.models import LeadGrade
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0018_automation')]

    initial = False

    operations = [
        ops.CreateModel(
            name='LeadRescore',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'lead_rescore', 'app': 'crm', 'unique_together': (('workspace_id',),), 'pk_attr': 'id', 'table_description': 'How far the last rescoring of every lead of a workspace got.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='LeadScoringRule',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=1)),
                ('created_by_id', fields.UUIDField(null=True)),
                ('position', fields.IntField()),
                ('kind', fields.CharEnumField(description='FIELD: field\nINTERACTIONS: interactions', enum_type=ScoringKind, max_length=20)),
                ('field', fields.CharEnumField(null=True, description='SOURCE: source\nSTATUS: status\nCOMPANY: company\nTITLE: title\nEMAIL: email\nPHONE: phone', enum_type=ScoringField, max_length=20)),
                ('operator', fields.CharEnumField(null=True, description='EQUALS: equals\nCONTAINS: contains\nIS_SET: is_set', enum_type=ScoringOperator, max_length=20)),
                ('value', fields.CharField(null=True, max_length=200)),
                ('points', fields.IntField()),
                ('max_points', fields.IntField(null=True)),
            ],
            options={'table': 'lead_scoring_rule', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'deleted_at', 'position'])], 'pk_attr': 'id', 'table_description': 'Points a lead earns when it matches: a field value, or its interactions.'},
            bases=['Record'],
        ),
        ops.CreateModel(
            name='LifecycleChange',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('customer', fields.ForeignKeyField('crm.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('from_stage', fields.CharField(max_length=20)),
                ('to_stage', fields.CharField(max_length=20)),
                ('reason_code', fields.CharEnumField(description='FIRST_CONTACT: first_contact\nFIRST_PAID_ORDER: first_paid_order\nREPEAT_ORDERS: repeat_orders\nWON_BACK: won_back\nGONE_QUIET: gone_quiet\nCHURNED: churned', enum_type=ChangeReason, max_length=30)),
                ('reason', fields.CharField(max_length=500)),
                ('params', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('cause_type', fields.CharField(null=True, max_length=60)),
                ('cause_id', fields.UUIDField(null=True)),
            ],
            options={'table': 'lifecycle_change', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'customer_id', 'created_at'])], 'pk_attr': 'id', 'table_description': "A customer's stage moved by a rule: from where, to where, why, and what caused it."},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='LifecycleSettings',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('enabled', fields.BooleanField(default=True)),
                ('loyal_orders', fields.IntField()),
                ('loyal_within_days', fields.IntField()),
                ('at_risk_days', fields.IntField()),
                ('churned_days', fields.IntField()),
                ('grade_a', fields.IntField()),
                ('grade_b', fields.IntField()),
                ('grade_c', fields.IntField()),
                ('rules_customised', fields.BooleanField(default=False)),
                ('version', fields.IntField(default=1)),
            ],
            options={'table': 'lifecycle_settings', 'app': 'crm', 'unique_together': (('workspace_id',),), 'pk_attr': 'id', 'table_description': "A workspace's lifecycle rules and lead grade thresholds."},
            bases=['WorkspaceScoped'],
        ),
        ops.AlterField(
            model_name='Customer',
            name='lifecycle_stage',
            field=fields.CharEnumField(default=LifecycleStage.PROSPECT, description='PROSPECT: prospect\nLEAD: lead\nOPPORTUNITY: opportunity\nCUSTOMER: customer\nLOYAL: loyal\nAT_RISK: at_risk\nCHURNED: churned', enum_type=LifecycleStage, max_length=20),
        ),
        ops.AddField(
            model_name='Lead',
            name='grade',
            field=fields.CharEnumField(default=LeadGrade.D, description='A: A\nB: B\nC: C\nD: D', enum_type=LeadGrade, max_length=1),
        ),
        ops.AddField(
            model_name='Lead',
            name='score',
            field=fields.IntField(default=0),
        ),
        ops.AddIndex(
            model_name='Lead',
            index=Index(fields=['workspace_id', 'score']),
        ),
        ops.AddIndex(
            model_name='Lead',
            index=Index(fields=['workspace_id', 'customer_id']),
        ),
    ]
