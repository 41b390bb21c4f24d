from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0012_sync')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OAuthAuthorizationCode',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('client_id', fields.CharField(max_length=64)),
                ('user', fields.ForeignKeyField('crm.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(unique=True, max_length=64)),
                ('redirect_uri', fields.TextField(unique=False)),
                ('scope', fields.TextField(unique=False)),
                ('code_challenge', fields.CharField(max_length=128)),
                ('family_id', fields.UUIDField()),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'oauth_authorization_code', 'app': 'crm', 'pk_attr': 'id', 'table_description': 'An authorization code issued by consent, spent once within minutes with PKCE.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='OAuthClient',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
                ('client_id', fields.CharField(unique=True, max_length=64)),
                ('secret_hash', fields.CharField(null=True, max_length=64)),
                ('confidential', fields.BooleanField(default=True)),
                ('redirect_uris', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('allowed_scopes', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('owner', fields.ForeignKeyField('crm.User', source_field='owner_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('service_role', fields.CharField(null=True, max_length=40)),
                ('disabled', fields.BooleanField(default=False)),
                ('trusted_documents', fields.BooleanField(default=False)),
                ('request_rate', fields.CharField(null=True, max_length=100)),
                ('version', fields.IntField(default=1)),
            ],
            options={'table': 'oauth_client', 'app': 'crm', 'pk_attr': 'id', 'table_description': 'An integration an admin registered, with its secret kept as a sha256 digest.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='OAuthRefreshToken',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('client_id', fields.CharField(db_index=True, max_length=64)),
                ('user', fields.ForeignKeyField('crm.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('family_id', fields.UUIDField(db_index=True)),
                ('scope', fields.TextField(unique=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'oauth_refresh_token', 'app': 'crm', 'pk_attr': 'id', 'table_description': 'One refresh token of an OAuth grant, rotated on each use.'},
            bases=['WorkspaceScoped'],
        ),
        ops.CreateModel(
            name='TrustedOperation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('workspace', fields.ForeignKeyField('crm.Workspace', source_field='workspace_id', db_index=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('client_id', fields.CharField(max_length=64)),
                ('sha256', fields.CharField(max_length=64)),
                ('query', fields.TextField(unique=False)),
            ],
            options={'table': 'oauth_trusted_operation', 'app': 'crm', 'unique_together': (('workspace_id', 'client_id', 'sha256'),), 'pk_attr': 'id', 'table_description': 'A persisted operation registered for a trusted-documents client.'},
            bases=['WorkspaceScoped'],
        ),
    ]
