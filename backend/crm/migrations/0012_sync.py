from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0011_saved_views')]

    initial = False

    operations = [
        ops.AddField(
            model_name='AuditEvent',
            name='request_hash',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['workspace_id', 'created_at', 'id']),
        ),
    ]
