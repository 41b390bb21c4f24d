from tortoise import migrations
from tortoise.migrations import operations as ops
from crm.approvals.models import DecisionKind, RequestStatus, RuleKind
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0020_notify')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ApprovalRule',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=1)),
                ('created_by_id', fields.UUIDField(null=True)),
                ('name', fields.CharField(max_length=120)),
                ('kind', fields.CharEnumField(description='ORDER_AMOUNT: order_amount\nLINE_DISCOUNT: line_discount\nPAY_RUN: pay_run\nREFUND_AMOUNT: refund_amount\nCUSTOMER_TRANSFER: customer_transfer', enum_type=RuleKind, max_length=30)),
                ('enabled', fields.BooleanField(default=True)),
                ('threshold_minor', fields.BigIntField(null=True)),
                ('currency', fields.CharField(null=True, max_length=3)),
                ('discount_limits', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('steps', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
            ],
            options={'table': 'approval_rule', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'kind'])], 'pk_attr': 'id', 'table_description': 'What needs approval and who approves it, step by step.'},
            bases=['Record'],
        ),
        ops.CreateModel(
            name='ApprovalRequest',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('rule', fields.ForeignKeyField('crm.ApprovalRule', source_field='rule_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('rule_name', fields.CharField(max_length=120)),
                ('steps', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('kind', fields.CharEnumField(description='ORDER_AMOUNT: order_amount\nLINE_DISCOUNT: line_discount\nPAY_RUN: pay_run\nREFUND_AMOUNT: refund_amount\nCUSTOMER_TRANSFER: customer_transfer', enum_type=RuleKind, max_length=30)),
                ('operation', fields.CharField(max_length=40)),
                ('subject_type', fields.CharField(max_length=40)),
                ('subject_id', fields.UUIDField()),
                ('subject_label', fields.CharField(default='', max_length=200)),
                ('order_id', fields.UUIDField(null=True)),
                ('pay_run_id', fields.UUIDField(null=True)),
                ('return_request_id', fields.UUIDField(null=True)),
                ('transfer_to_id', fields.UUIDField(null=True)),
                ('facts', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('digest', fields.CharField(max_length=64)),
                ('reason', fields.CharField(default='', max_length=500)),
                ('requester_id', fields.UUIDField(null=True)),
                ('status', fields.CharEnumField(default=RequestStatus.PENDING, description='PENDING: pending\nAPPROVED: approved\nREJECTED: rejected\nCANCELLED: cancelled', enum_type=RequestStatus, max_length=20)),
                ('current_step', fields.IntField(default=0)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('pending_key', fields.CharField(null=True, max_length=200)),
                ('version', fields.IntField(default=1)),
            ],
            options={'table': 'approval_request', 'app': 'crm', 'unique_together': (('workspace_id', 'pending_key'),), 'indexes': [Index(fields=['workspace_id', 'rule_id', 'subject_id', 'digest']), Index(fields=['workspace_id', 'requester_id', 'created_at']), Index(fields=['workspace_id', 'created_at', 'id'])], 'pk_attr': 'id', 'table_description': 'One guarded operation waiting for (or done with) its approval.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='ApprovalAssignee',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('request', fields.ForeignKeyField('crm.ApprovalRequest', source_field='request_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('step', fields.IntField()),
                ('user_id', fields.UUIDField()),
            ],
            options={'table': 'approval_assignee', 'app': 'crm', 'unique_together': (('request_id', 'step', 'user_id'),), 'indexes': [Index(fields=['workspace_id', 'user_id'])], 'pk_attr': 'id', 'table_description': 'An approver the current step of a request still waits for: a one-of step drops all of'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='ApprovalDecision',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('request', fields.ForeignKeyField('crm.ApprovalRequest', source_field='request_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('step', fields.IntField()),
                ('approver_id', fields.UUIDField()),
                ('decision', fields.CharEnumField(description='APPROVE: approve\nREJECT: reject', enum_type=DecisionKind, max_length=10)),
                ('comment', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'approval_decision', 'app': 'crm', 'indexes': [Index(fields=['workspace_id', 'approver_id']), Index(fields=['request_id', 'created_at'])], 'pk_attr': 'id', 'table_description': "One approver's approve or reject on one step, with their comment."},
            bases=['WorkspaceScoped'],
        ),
    ]
