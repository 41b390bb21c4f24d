from tortoise import migrations
from tortoise.migrations import operations as ops
from crm.automation.models import RunStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0017_jobs')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Workflow',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=1)),
                ('created_by_id', fields.UUIDField(null=True)),
                ('name', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('object_type', fields.CharField(max_length=40)),
                ('trigger', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('condition', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('actions', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('enabled', fields.BooleanField(default=False)),
                ('owner', fields.ForeignKeyField('crm.User', source_field='owner_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('template', fields.CharField(null=True, max_length=60)),
            ],
            options={'table': 'workflow', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'enabled']), Index(fields=['workspace_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'What happens by itself: when the trigger fires on a record that matches the condition,'},
            bases=['Record'],
        ),
        ops.CreateModel(
            name='WorkflowFiring',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('workflow', fields.ForeignKeyField('crm.Workflow', source_field='workflow_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=120)),
            ],
            options={'table': 'workflow_firing', 'app': 'crm', 'unique_together': (('workflow_id', 'key'),), 'pk_attr': 'id', 'table_description': "That a workflow fired for a key (a schedule's slot, a record's date value): inserted"},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='WorkflowRotation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('workflow', fields.ForeignKeyField('crm.Workflow', source_field='workflow_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=120)),
                ('turns', fields.IntField(default=0)),
            ],
            options={'table': 'workflow_rotation', 'app': 'crm', 'unique_together': (('workflow_id', 'key'),), 'pk_attr': 'id', 'table_description': 'Where a round-robin assignment of one workflow step stands in its team.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='WorkflowRun',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('workflow', fields.ForeignKeyField('crm.Workflow', source_field='workflow_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('record_type', fields.CharField(null=True, max_length=40)),
                ('record_id', fields.UUIDField(null=True)),
                ('event_id', fields.UUIDField(null=True)),
                ('status', fields.CharEnumField(default=RunStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nWAITING: waiting\nSUCCEEDED: succeeded\nSKIPPED: skipped\nFAILED: failed\nSTOPPED: stopped', enum_type=RunStatus, max_length=12)),
                ('depth', fields.IntField(default=1)),
                ('error', fields.TextField(null=True, unique=False)),
                ('pending', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('steps_done', fields.IntField(default=0)),
                ('resume_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'workflow_run', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'workflow_id', 'created_at']), Index(fields=['workspace_id', 'record_id', 'created_at']), Index(fields=['status', 'resume_at'])], 'pk_attr': 'id', 'table_description': "One firing of a workflow on one record (or on a schedule's slot)."},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='WorkflowRunStep',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('run', fields.ForeignKeyField('crm.WorkflowRun', source_field='run_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('index', fields.IntField()),
                ('action', fields.CharField(max_length=40)),
                ('input', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('output', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('error', fields.TextField(null=True, unique=False)),
                ('duration_ms', fields.IntField(default=0)),
                ('attempts', fields.IntField(default=1)),
            ],
            options={'table': 'workflow_run_step', 'app': 'crm', 'indexes': [Index(fields=['run_id', 'index'])], 'pk_attr': 'id', 'table_description': 'One action of a run: what it was given, what it did or why it failed.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='WorkflowVersion',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('workflow', fields.ForeignKeyField('crm.Workflow', source_field='workflow_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('definition', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('saved_by_id', fields.UUIDField(null=True)),
            ],
            options={'table': 'workflow_version', 'app': 'crm', 'unique_together': (('workflow_id', 'version'),), 'pk_attr': 'id', 'table_description': 'The definition of a workflow as saved at one version: a run executes exactly this.'},
            bases=['WorkspaceScoped'],
        ),
    ]
