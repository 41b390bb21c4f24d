from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0006_payment_refunded')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Opportunity',
            name='won_reason',
            field=fields.CharField(null=True, max_length=500),
        ),
    ]
