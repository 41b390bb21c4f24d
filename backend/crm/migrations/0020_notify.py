from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0019_lifecycle')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Task',
            name='reminded_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['status', 'remind_at']),
        ),
    ]
