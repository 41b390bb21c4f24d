from tortoise import migrations
from tortoise.migrations import operations as ops
from crm.auth.models import ListKey
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0010_shipment_queue_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SavedView',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=1)),
                ('created_by_id', fields.UUIDField(null=True)),
                ('owner', fields.ForeignKeyField('crm.User', source_field='owner_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('list_key', fields.CharEnumField(description='CUSTOMERS: customers\nLEADS: leads\nOPPORTUNITIES: opportunities\nORDERS: orders\nSHIPMENTS: shipments\nTASKS: tasks', enum_type=ListKey, max_length=20)),
                ('name', fields.CharField(max_length=80)),
                ('state', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('shared', fields.BooleanField(default=False)),
                ('is_default', fields.BooleanField(default=False)),
            ],
            options={'table': 'saved_view', 'app': 'crm', 'unique_together': (('workspace_id', 'owner_id', 'list_key', 'name'),), 'indexes': [Index(fields=['workspace_id', 'list_key', 'shared'])], 'pk_attr': 'id', 'table_description': "A named snapshot of one list's state (search, filters, sort, page size) kept for its"},
            bases=['Record'],
        ),
    ]
