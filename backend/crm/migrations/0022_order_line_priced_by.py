from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0021_approvals')]

    initial = False

    operations = [
        ops.AddField(
            model_name='OrderLine',
            name='priced_by_id',
            field=fields.UUIDField(null=True),
        ),
    ]
