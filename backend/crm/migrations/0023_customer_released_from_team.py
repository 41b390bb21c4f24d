from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0022_order_line_priced_by')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Customer',
            name='released_from_team_id',
            field=fields.UUIDField(null=True),
        ),
    ]
