from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0007_opportunity_won_reason')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Order',
            name='ship_to_address',
            field=fields.CharField(null=True, max_length=500),
        ),
        ops.AddField(
            model_name='Order',
            name='ship_to_name',
            field=fields.CharField(null=True, max_length=200),
        ),
        ops.AddField(
            model_name='Order',
            name='ship_to_phone',
            field=fields.CharField(null=True, max_length=40),
        ),
    ]
