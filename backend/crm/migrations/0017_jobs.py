from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from typing import Any


def _postgres(state_editor: Any) -> bool:
    return bool(state_editor is not None
                and state_editor.client.capabilities.dialect == "postgres")


class CreateModelOnSQLite(ops.CreateModel):
    """The job table is SQLite's queue. On PostgreSQL procrastinate holds the jobs and
    `crm_job` is a view over them (made below): the model's state is recorded on both."""

    async def database_forward(self, app_label: str, old_state: Any, new_state: Any,
                               state_editor: Any = None) -> None:
        if not _postgres(state_editor):
            await super().database_forward(app_label, old_state, new_state, state_editor)


async def install_procrastinate(apps: Any, state_editor: Any) -> None:
    if _postgres(state_editor):
        from crm.core.jobs import install_pg_schema
        await install_pg_schema(state_editor.client)

class Migration(migrations.Migration):
    dependencies = [('crm', '0016_notifications')]

    initial = False

    operations = [
        CreateModelOnSQLite(
            name='Job',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace_id', fields.UUIDField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('task_name', fields.CharField(max_length=128)),
                ('status', fields.CharField(default='todo', max_length=16)),
                ('args', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('lock', fields.TextField(null=True, unique=False)),
                ('queueing_lock', fields.TextField(null=True, unique=False)),
                ('scheduled_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('attempts', fields.IntField(default=0)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'crm_job', 'app': 'crm', 'indexes': [Index(fields=['status', 'scheduled_at']), Index(fields=['workspace_id', 'created_at', 'id']), Index(fields=['queueing_lock', 'status'])], 'pk_attr': 'id', 'table_description': "One run of a task function, waiting, running or done: the job system's record."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='JobSlot',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('task_name', fields.CharField(max_length=128)),
                ('slot', fields.BigIntField()),
            ],
            options={'table': 'crm_job_slot', 'app': 'crm', 'unique_together': (('task_name', 'slot'),), 'pk_attr': 'id', 'table_description': "A periodic task's firing at one cron slot (SQLite): the key that keeps it to once."},
            bases=['Model'],
        ),
        ops.RunPython(install_procrastinate, ops.RunPython.noop),
    ]
